package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.stats.Distributions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** R {@code survey}'s {@code svychisq} (Rao-Scott, statistic "F" and "Chisq"), survey 4.1-1. */
final class RaoScott {
    private RaoScott() {}

    /** The covariance of the cell proportions p (cells of complete rows: cellOf, -1 elsewhere). */
    interface CellVariance {
        double[][] of(int[] cellOf, int cells, double[] p, int[] rows);
    }

    static DesignChiSquare test(SurveyDesign d, String rowVar, String colVar) {
        return test(d, rowVar, colVar, d.degreesOfFreedom(), (cellOf, cells, p, rows) -> {
            double sw = 0;
            for (int i : rows) {
                sw += d.weights[i];
            }
            double[][] z = new double[cells][d.n];
            for (int i : rows) {
                for (int j = 0; j < cells; j++) {
                    z[j][i] = d.weights[i] * ((j == cellOf[i] ? 1 : 0) - p[j]) / sw;
                }
            }
            return Variance.of(d, z, rows);
        });
    }

    /** Codes 0..levels-1 of a variable over the design's rows (-1 = missing or outside). */
    private static int[] codes(SurveyDesign d, String variable, List<String> names) {
        int n = d.n;
        int[] out = new int[n];
        if (d.factors.containsKey(variable)) {
            SurveyDesign.Factor f = d.factor(variable);
            boolean[] present = new boolean[f.levels().size()];
            for (int i = 0; i < n; i++) {
                if (d.inDomain(i) && f.codes()[i] >= 0) {
                    present[f.codes()[i]] = true;
                }
            }
            int[] map = new int[present.length];
            int k = 0;
            for (int c = 0; c < present.length; c++) {
                map[c] = present[c] ? k++ : -1;
                if (present[c]) {
                    names.add(f.levels().get(c));
                }
            }
            for (int i = 0; i < n; i++) {
                out[i] = d.inDomain(i) && f.codes()[i] >= 0 ? map[f.codes()[i]] : -1;
            }
            return out;
        }
        double[] y = d.values(variable);
        TreeSet<Double> values = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (d.inDomain(i) && !Double.isNaN(y[i])) {
                values.add(y[i]);
            }
        }
        List<Double> lv = new ArrayList<>(values);
        for (double v : lv) {
            names.add(Double.toString(v));
        }
        for (int i = 0; i < n; i++) {
            out[i] = d.inDomain(i) && !Double.isNaN(y[i]) ? lv.indexOf(y[i]) : -1;
        }
        return out;
    }

    static DesignChiSquare test(SurveyDesign d, String rowVar, String colVar, double nu, CellVariance cv) {
        List<String> rn = new ArrayList<>();
        List<String> cn = new ArrayList<>();
        int[] r = codes(d, rowVar, rn);
        int[] c = codes(d, colVar, cn);
        int nr = rn.size();
        int nc = cn.size();
        if (nr < 2 || nc < 2) {
            throw new IllegalArgumentException("svychisq needs at least two observed levels of each variable: "
                    + rowVar + " " + rn + ", " + colVar + " " + cn);
        }
        int cells = nr * nc;
        int n = d.n;
        double bigN = d.rows();
        int m = 0;
        int[] rows = new int[n];
        double sw = 0;
        double[] t = new double[cells];
        for (int i = 0; i < n; i++) {
            if (r[i] >= 0 && c[i] >= 0) {
                rows[m++] = i;
                sw += d.weights[i];
                t[r[i] + nr * c[i]] += d.weights[i];
            }
        }
        rows = java.util.Arrays.copyOf(rows, m);
        double[] p = new double[cells];
        for (int j = 0; j < cells; j++) {
            p[j] = t[j] / sw;
        }
        int[] cellOf = new int[n];
        java.util.Arrays.fill(cellOf, -1);
        for (int i : rows) {
            cellOf[i] = r[i] + nr * c[i];
        }
        double[][] v = cv.of(cellOf, cells, p, rows);
        // Pearson's X² on the table rescaled to N
        double[] rowSum = new double[nr];
        double[] colSum = new double[nc];
        double[] obs = new double[cells];
        for (int j = 0; j < cells; j++) {
            obs[j] = t[j] * bigN / sw;
            rowSum[j % nr] += obs[j];
            colSum[j / nr] += obs[j];
        }
        double x2 = 0;
        for (int j = 0; j < cells; j++) {
            double e = rowSum[j % nr] * colSum[j / nr] / bigN;
            x2 += (obs[j] - e) * (obs[j] - e) / e;
        }
        // interaction contrasts: residuals of the interaction columns on the main effects
        int q1 = 1 + (nr - 1) + (nc - 1);
        double[][] x1 = new double[cells][q1];
        int q = (nr - 1) * (nc - 1);
        double[][] x12 = new double[cells][q];
        for (int j = 0; j < cells; j++) {
            int a = j % nr;
            int b = j / nr;
            x1[j][0] = 1;
            if (a > 0) {
                x1[j][a] = 1;
            }
            if (b > 0) {
                x1[j][nr - 1 + b] = 1;
            }
            if (a > 0 && b > 0) {
                x12[j][(a - 1) + (nr - 1) * (b - 1)] = 1;
            }
        }
        double[][] cm = Linear.residuals(x1, x12);
        double[] id = new double[cells];
        for (int j = 0; j < cells; j++) {
            id[j] = p[j] == 0 ? 0 : 1 / p[j];
        }
        double[][] denom = new double[q][q];
        double[][] numr = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double s = 0;
                double s2 = 0;
                for (int j = 0; j < cells; j++) {
                    s += cm[j][a] * id[j] * cm[j][b];
                    for (int l = 0; l < cells; l++) {
                        s2 += cm[j][a] * id[j] * v[j][l] * id[l] * cm[l][b];
                    }
                }
                denom[a][b] = s / bigN;
                numr[a][b] = s2;
            }
        }
        double[][] delta = Linear.solve(denom, numr);
        double tr = 0;
        double tr2 = 0;
        for (int a = 0; a < q; a++) {
            tr += delta[a][a];
            for (int b = 0; b < q; b++) {
                tr2 += delta[a][b] * delta[b][a];
            }
        }
        double ndf = tr * tr / tr2;
        double ddf = ndf * nu;
        double f = x2 / tr;
        double pf = Distributions.betaCdf(ddf / (ddf + ndf * f), ddf / 2, ndf / 2);
        double pchi = Distributions.chiSquareSf(x2 / (tr / q), q);
        return new DesignChiSquare(rowVar, colVar, x2, f, ndf, ddf, pf, q, pchi);
    }
}
