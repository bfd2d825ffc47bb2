package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.metrics.internal.Glm;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Builds designs, fits them with {@link Glm} and tabulates the terms of interest. Package-private. */
final class CountModels {

    /** The convergence tolerance of the count models (R {@code glm.control(epsilon = 1e-14)}). */
    static final double EPSILON = 1e-14;

    private CountModels() {}

    /**
     * Poisson two-way fixed effects model on a panel: intercept, area and period dummies (treatment
     * coding, first level as reference), then the {@code terms} columns.
     *
     * @param terms  [term][area * periods + period]
     */
    static CountRegression panel(Panel panel, String model, List<String> names, double[][] terms, double level) {
        Checks.level(level, "count model");
        int nA = panel.nAreas();
        int nT = panel.nPeriods();
        int k = terms.length;
        int p = 1 + (nA - 1) + (nT - 1) + k;
        int rows = nA * nT;
        double[] x = new double[rows * p];
        double[] y = new double[rows];
        double[] offset = new double[rows];
        int[] cluster = new int[rows];
        String[] colNames = new String[p];
        colNames[0] = "(Intercept)";
        for (int a = 1; a < nA; a++) {
            colNames[a] = "area " + panel.areas.get(a);
        }
        for (int t = 1; t < nT; t++) {
            colNames[nA - 1 + t] = "period " + panel.periods.get(t);
        }
        int first = nA + nT - 1;
        for (int j = 0; j < k; j++) {
            colNames[first + j] = names.get(j);
        }
        for (int a = 0, i = 0; a < nA; a++) {
            for (int t = 0; t < nT; t++, i++) {
                int o = i * p;
                x[o] = 1;
                if (a > 0) {
                    x[o + a] = 1;
                }
                if (t > 0) {
                    x[o + nA - 1 + t] = 1;
                }
                for (int j = 0; j < k; j++) {
                    x[o + first + j] = terms[j][i];
                }
                y[i] = panel.count[a][t];
                offset[i] = Math.log(panel.population[a][t]);
                cluster[i] = a;
            }
        }
        Glm.Fit fit = Glm.poisson(x, p, y, offset, null, colNames, EPSILON);
        int[] idx = new int[k];
        for (int j = 0; j < k; j++) {
            idx[j] = first + j;
        }
        List<RateRatioTable> tables = new ArrayList<>();
        tables.add(modelTable(Inference.POISSON, fit, names, idx, level));
        tables.add(modelTable(Inference.QUASI_POISSON, fit, names, idx, level));
        tables.add(table(Inference.CLUSTER_HC0, fit, Glm.clusterCovariance(fit, x, cluster, nA, false), names, idx,
                level, OptionalInt.empty()));
        tables.add(table(Inference.CLUSTER_HC1, fit, Glm.clusterCovariance(fit, x, cluster, nA, true), names, idx,
                level, OptionalInt.empty()));
        return new CountRegression(model, rows, OptionalInt.of(nA), p, fit.residualDegreesOfFreedom(), fit.deviance(),
                fit.pearsonChiSquare(), fit.dispersion(), tables);
    }

    /** A single series: the design as given (every column listed). */
    static CountRegression series(String model, List<String> names, double[] x, double[] y, double[] offset, int lag,
                                  double level) {
        Checks.level(level, "count model");
        int p = names.size();
        Glm.Fit fit = Glm.poisson(x, p, y, offset, null, names.toArray(new String[0]), EPSILON);
        int[] idx = new int[p];
        for (int j = 0; j < p; j++) {
            idx[j] = j;
        }
        List<RateRatioTable> tables = new ArrayList<>();
        tables.add(modelTable(Inference.POISSON, fit, names, idx, level));
        tables.add(modelTable(Inference.QUASI_POISSON, fit, names, idx, level));
        tables.add(table(Inference.NEWEY_WEST, fit, Glm.neweyWestCovariance(fit, x, lag), names, idx, level,
                OptionalInt.empty()));
        return new CountRegression(model, y.length, OptionalInt.empty(), p, fit.residualDegreesOfFreedom(),
                fit.deviance(), fit.pearsonChiSquare(), fit.dispersion(), tables);
    }

    private static RateRatioTable modelTable(Inference inference, Glm.Fit fit, List<String> names, int[] idx,
                                             double level) {
        double scale = 1;
        OptionalInt df = OptionalInt.empty();
        if (inference == Inference.QUASI_POISSON) {
            scale = fit.dispersion();
            df = OptionalInt.of(fit.residualDegreesOfFreedom());
        }
        double[][] v = fit.covariance();
        if (scale != 1) {
            int p = v.length;
            double[][] s = new double[p][p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    s[r][c] = v[r][c] * scale;
                }
            }
            v = s;
        }
        return table(inference, fit, v, names, idx, level, df);
    }

    private static RateRatioTable table(Inference inference, Glm.Fit fit, double[][] v, List<String> names, int[] idx,
                                        double level, OptionalInt df) {
        double q = Distributions.normalQuantile(0.5 + level / 2);
        List<RateRatioTerm> terms = new ArrayList<>();
        for (int j = 0; j < idx.length; j++) {
            double b = fit.beta()[idx[j]];
            double se = Math.sqrt(v[idx[j]][idx[j]]);
            double stat = b / se;
            double pv = df.isPresent() ? Distributions.tTwoSided(stat, df.getAsInt()) : Distributions.normalTwoSided(stat);
            terms.add(new RateRatioTerm(names.get(j), b, se, stat, pv,
                    Interval.of(Math.exp(b - q * se), Math.exp(b + q * se), "wald-" + inference.label(), level)));
        }
        return new RateRatioTable(inference, terms, df);
    }
}
