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
     * Poisson two-way fixed effects model on a panel: area and period effects (absorbed, see
     * {@link Glm#poissonTwoWay}; the same fit as R's intercept plus treatment-coded dummies), then
     * the {@code terms} columns.
     *
     * @param terms  [term][area * periods + period]
     */
    static CountRegression panel(Panel panel, String model, List<String> names, double[][] terms, double level) {
        Checks.level(level, "count model");
        int nA = panel.nAreas();
        int nT = panel.nPeriods();
        int rows = nA * nT;
        double[] y = new double[rows];
        double[] offset = new double[rows];
        for (int a = 0, i = 0; a < nA; a++) {
            for (int t = 0; t < nT; t++, i++) {
                y[i] = panel.count[a][t];
                offset[i] = Math.log(panel.population[a][t]);
            }
        }
        Glm.TwoWayFit fit = Glm.poissonTwoWay(nA, nT, y, offset, terms, names.toArray(new String[0]), EPSILON);
        double[] beta = fit.beta();
        double df = fit.residualDegreesOfFreedom();
        List<RateRatioTable> tables = new ArrayList<>();
        tables.add(table(Inference.POISSON, beta, scaled(fit.covariance(), 1), names, level, OptionalInt.empty()));
        tables.add(table(Inference.QUASI_POISSON, beta, scaled(fit.covariance(), fit.dispersion()), names, level,
                OptionalInt.of((int) df)));
        tables.add(table(Inference.CLUSTER_HC0, beta, fit.clusterCovariance(nA, false), names, level,
                OptionalInt.empty()));
        tables.add(table(Inference.CLUSTER_HC1, beta, fit.clusterCovariance(nA, true), names, level,
                OptionalInt.empty()));
        return new CountRegression(model, rows, OptionalInt.of(nA), fit.p(), fit.residualDegreesOfFreedom(),
                fit.deviance(), fit.pearsonChiSquare(), fit.dispersion(), tables);
    }

    private static double[][] scaled(double[][] v, double factor) {
        int p = v.length;
        double[][] s = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                s[r][c] = v[r][c] * factor;
            }
        }
        return s;
    }

    /** A single series: the design as given (every column listed). */
    static CountRegression series(String model, List<String> names, double[] x, double[] y, double[] offset, int lag,
                                  double level) {
        Checks.level(level, "count model");
        int p = names.size();
        Glm.Fit fit = Glm.poisson(x, p, y, offset, null, names.toArray(new String[0]), EPSILON);
        List<RateRatioTable> tables = new ArrayList<>();
        double[] beta = fit.beta();
        tables.add(table(Inference.POISSON, beta, fit.covariance(), names, level, OptionalInt.empty()));
        tables.add(table(Inference.QUASI_POISSON, beta, scaled(fit.covariance(), fit.dispersion()), names, level,
                OptionalInt.of(fit.residualDegreesOfFreedom())));
        tables.add(table(Inference.NEWEY_WEST, beta, Glm.neweyWestCovariance(fit, x, lag), names, level,
                OptionalInt.empty()));
        return new CountRegression(model, y.length, OptionalInt.empty(), p, fit.residualDegreesOfFreedom(),
                fit.deviance(), fit.pearsonChiSquare(), fit.dispersion(), tables);
    }

    private static RateRatioTable table(Inference inference, double[] beta, double[][] v, List<String> names,
                                        double level, OptionalInt df) {
        double q = Distributions.normalQuantile(0.5 + level / 2);
        List<RateRatioTerm> terms = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            double b = beta[j];
            double se = Math.sqrt(v[j][j]);
            double stat = b / se;
            double pv = df.isPresent() ? Distributions.tTwoSided(stat, df.getAsInt()) : Distributions.normalTwoSided(stat);
            terms.add(RateRatioTerm.of(names.get(j), b, se, stat, pv,
                    Interval.of(Math.exp(b - q * se), Math.exp(b + q * se), "wald-" + inference.label(), level)));
        }
        return new RateRatioTable(inference, terms, df);
    }
}
