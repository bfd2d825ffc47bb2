package io.github.peelmetrics.metrics.publish;

import java.util.Arrays;

/**
 * The bounds of linear forms over a polyhedron {@code {x : A x = b, x >= 0}}: a dense two-phase
 * primal simplex on the tableau (Dantzig's rule, Bland's rule after many pivots so that it cannot
 * cycle). Phase 1 runs once; every bound then re-optimises from the last optimal basis, which stays
 * feasible because only the objective changes. Package-private: {@link Audit} calls it on each
 * connected component of a publication.
 */
final class Lp {

    static final double EPS = 1e-9;

    private final int m;
    private final int n;
    private final double[][] t; // m rows of n structural + m artificial columns + rhs
    private final int[] basis;
    private final int width;

    private Lp(double[][] a, double[] b) {
        m = b.length;
        n = m == 0 ? 0 : a[0].length;
        width = n + m + 1;
        t = new double[m][width];
        basis = new int[m];
        for (int r = 0; r < m; r++) {
            double sign = b[r] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                t[r][j] = sign * a[r][j];
            }
            t[r][n + r] = 1;
            t[r][width - 1] = sign * b[r];
            basis[r] = n + r;
        }
    }

    /**
     * Minimum and maximum of each form (a list of variable indices with coefficient 1) over
     * {@code A x = b, x >= 0}; a maximum is {@code +Infinity} when unbounded.
     *
     * @throws IllegalStateException if the system has no non-negative solution
     */
    static double[][] bounds(double[][] a, double[] b, int variables, int[][] forms) {
        double[][] out = new double[forms.length][2];
        if (b.length == 0) { // no equation: every variable is free in [0, inf)
            for (int f = 0; f < forms.length; f++) {
                out[f][0] = 0;
                out[f][1] = forms[f].length == 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            return out;
        }
        Lp lp = new Lp(a, b);
        lp.phaseOne();
        for (int f = 0; f < forms.length; f++) {
            double[] c = new double[variables];
            for (int j : forms[f]) {
                c[j] += 1;
            }
            out[f][0] = lp.minimize(c);
            for (int j = 0; j < variables; j++) {
                c[j] = -c[j];
            }
            double max = -lp.minimize(c);
            out[f][1] = max;
        }
        return out;
    }

    private void phaseOne() {
        double[] z = new double[width];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) {
                z[j] -= t[r][j];
            }
            z[width - 1] -= t[r][width - 1];
        }
        run(z, n + m);
        if (-z[width - 1] > 1e-7 * Math.max(1, scale())) {
            throw new IllegalStateException("the published numbers are inconsistent: no non-negative counts give them");
        }
        for (int r = 0; r < m; r++) { // drive artificial variables out of the basis where possible
            if (basis[r] >= n) {
                for (int j = 0; j < n; j++) {
                    if (Math.abs(t[r][j]) > EPS) {
                        pivot(r, j, null);
                        break;
                    }
                }
            }
        }
    }

    private double scale() {
        double s = 0;
        for (double[] row : t) {
            s = Math.max(s, Math.abs(row[width - 1]));
        }
        return s;
    }

    /** Minimises c.x from the current (feasible) basis; returns the optimum or -inf when unbounded. */
    private double minimize(double[] c) {
        double[] z = new double[width];
        System.arraycopy(c, 0, z, 0, n);
        for (int r = 0; r < m; r++) {
            int bj = basis[r];
            double cb = bj < n ? c[bj] : 0;
            if (cb != 0) {
                for (int j = 0; j < width; j++) {
                    z[j] -= cb * t[r][j];
                }
            }
        }
        if (!run(z, n)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -z[width - 1];
    }

    /** Pivots until no column below {@code columns} improves z; false when unbounded. */
    private boolean run(double[] z, int columns) {
        int iterations = 0;
        while (true) {
            boolean bland = iterations++ > 50 * (m + columns);
            int enter = -1;
            double best = -EPS;
            for (int j = 0; j < columns; j++) {
                if (z[j] < best) {
                    enter = j;
                    if (bland) {
                        break;
                    }
                    best = z[j];
                }
            }
            if (enter < 0) {
                return true;
            }
            int leave = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int r = 0; r < m; r++) {
                double e = t[r][enter];
                if (e > EPS) {
                    double q = t[r][width - 1] / e;
                    if (q < ratio - EPS || (q <= ratio + EPS && leave >= 0 && basis[r] < basis[leave])) {
                        ratio = q;
                        leave = r;
                    }
                }
            }
            if (leave < 0) {
                return false;
            }
            pivot(leave, enter, z);
        }
    }

    private void pivot(int r, int j, double[] z) {
        double[] pr = t[r];
        double p = pr[j];
        for (int x = 0; x < width; x++) {
            pr[x] /= p;
        }
        pr[j] = 1;
        for (int i = 0; i < m; i++) {
            if (i != r) {
                eliminate(t[i], pr, j);
            }
        }
        if (z != null) {
            eliminate(z, pr, j);
        }
        basis[r] = j;
    }

    private void eliminate(double[] row, double[] pr, int j) {
        double f = row[j];
        if (f != 0) {
            for (int x = 0; x < width; x++) {
                if (pr[x] != 0) {
                    row[x] -= f * pr[x];
                }
            }
            row[j] = 0;
        }
    }

    @Override
    public String toString() {
        return "Lp[" + m + " equations, " + n + " variables, basis " + Arrays.toString(basis) + "]";
    }
}
