package io.github.peelmetrics.metrics.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimizes {@code (x1 − X0 w)' diag(v) (x1 − X0 w)} over the simplex {@code w ≥ 0, Σw = 1} by a
 * primal active-set method: start at the best single donor; on the current support solve the
 * equality-constrained problem exactly (its KKT system by Gaussian elimination with partial
 * pivoting); step back to the boundary and drop a donor when a weight would turn negative; add the
 * donor with the most negative KKT multiplier {@code ∇_k − ∇_S} until none is negative. The result
 * is an exact KKT point (to rounding), which is the unique minimum when the support's predictor
 * columns are affinely independent. Package-private.
 */
final class SimplexQp {

    private SimplexQp() {}

    /**
     * The weights.
     *
     * @param x0 [predictor][donor]
     * @param x1 [predictor]
     * @param v  predictor weights, non-negative
     */
    static double[] solve(double[][] x0, double[] x1, double[] v) {
        int k = x1.length;
        int j = x0[0].length;
        double[][] h = new double[j][j];
        double[] c = new double[j];
        double scale = 0;
        for (int a = 0; a < j; a++) {
            for (int b = a; b < j; b++) {
                double s = 0;
                for (int r = 0; r < k; r++) {
                    s += x0[r][a] * v[r] * x0[r][b];
                }
                h[a][b] = s;
                h[b][a] = s;
            }
            double s = 0;
            for (int r = 0; r < k; r++) {
                s += x0[r][a] * v[r] * x1[r];
            }
            c[a] = s;
            scale = Math.max(scale, Math.abs(h[a][a]) + Math.abs(c[a]));
        }
        double tol = 1e-12 * Math.max(scale, 1e-300);
        // start: the best single donor
        int best = 0;
        for (int a = 1; a < j; a++) {
            if (h[a][a] - 2 * c[a] < h[best][best] - 2 * c[best]) {
                best = a;
            }
        }
        double[] w = new double[j];
        w[best] = 1;
        List<Integer> support = new ArrayList<>(List.of(best));
        for (int iter = 0; iter < 50 * j + 100; iter++) {
            // KKT multipliers of the donors off the support
            double[] g = new double[j];
            for (int a = 0; a < j; a++) {
                double s = -c[a];
                for (int b : support) {
                    s += h[a][b] * w[b];
                }
                g[a] = s;
            }
            double gs = 0;
            for (int b : support) {
                gs += g[b];
            }
            gs /= support.size();
            int enter = -1;
            double most = -tol;
            for (int a = 0; a < j; a++) {
                if (!support.contains(a) && g[a] - gs < most) {
                    most = g[a] - gs;
                    enter = a;
                }
            }
            if (enter < 0) {
                return w;
            }
            support.add(enter);
            // solve on the support, stepping back while a weight turns negative
            while (true) {
                double[] target = equalityConstrained(h, c, support);
                double alpha = 1;
                int leave = -1;
                for (int i = 0; i < support.size(); i++) {
                    int b = support.get(i);
                    if (target[i] <= 0 && w[b] - target[i] > 0) {
                        double step = w[b] / (w[b] - target[i]);
                        if (step < alpha) {
                            alpha = step;
                            leave = b;
                        }
                    }
                }
                for (int i = 0; i < support.size(); i++) {
                    int b = support.get(i);
                    w[b] += alpha * (target[i] - w[b]);
                }
                if (leave < 0) {
                    break;
                }
                List<Integer> keep = new ArrayList<>();
                for (int b : support) {
                    if (b == leave || w[b] <= 0) {
                        w[b] = 0;
                    } else {
                        keep.add(b);
                    }
                }
                support = keep;
                if (support.isEmpty()) {
                    throw new IllegalStateException("synthetic control: the weight problem is degenerate");
                }
            }
        }
        throw new IllegalStateException("synthetic control: the active-set solver did not converge");
    }

    /** The minimizer over the affine hull of {@code support}: the KKT system {@code [H 1; 1' 0]}. */
    private static double[] equalityConstrained(double[][] h, double[] c, List<Integer> support) {
        int m = support.size();
        double[][] a = new double[m + 1][m + 2];
        for (int r = 0; r < m; r++) {
            for (int s = 0; s < m; s++) {
                a[r][s] = h[support.get(r)][support.get(s)];
            }
            a[r][m] = 1;
            a[r][m + 1] = c[support.get(r)];
            a[m][r] = 1;
        }
        a[m][m + 1] = 1;
        int size = m + 1;
        for (int col = 0; col < size; col++) {
            int piv = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            if (Math.abs(a[col][col]) < 1e-300) {
                throw new IllegalStateException("synthetic control: the donors' predictors on the support are affinely "
                        + "dependent, so the weights are not unique");
            }
            for (int r = 0; r < size; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    if (f != 0) {
                        for (int s = col; s <= size; s++) {
                            a[r][s] -= f * a[col][s];
                        }
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int r = 0; r < m; r++) {
            x[r] = a[r][size] / a[r][r];
        }
        return x;
    }
}
