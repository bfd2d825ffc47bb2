package io.github.peelmetrics.survey.design;

/** Small dense linear algebra: Gaussian elimination with partial pivoting, least-squares residuals. */
final class Linear {
    private Linear() {}

    /** A⁻¹B for a square non-singular A (k×k) and B (k×m). */
    static double[][] solve(double[][] a, double[][] b) {
        int k = a.length;
        int m = b[0].length;
        double[][] x = new double[k][k + m];
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], 0, x[i], 0, k);
            System.arraycopy(b[i], 0, x[i], k, m);
        }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int i = col + 1; i < k; i++) {
                if (Math.abs(x[i][col]) > Math.abs(x[piv][col])) {
                    piv = i;
                }
            }
            double[] tmp = x[col];
            x[col] = x[piv];
            x[piv] = tmp;
            double d = x[col][col];
            if (d == 0) {
                throw new IllegalStateException("singular matrix");
            }
            for (int i = 0; i < k; i++) {
                if (i != col) {
                    double f = x[i][col] / d;
                    if (f != 0) {
                        for (int j = col; j < k + m; j++) {
                            x[i][j] -= f * x[col][j];
                        }
                    }
                }
            }
        }
        double[][] out = new double[k][m];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = x[i][k + j] / x[i][i];
            }
        }
        return out;
    }

    /** Residuals of the columns of Y (n×m) on the columns of X (n×p, full rank): Y − X(X'X)⁻¹X'Y. */
    static double[][] residuals(double[][] x, double[][] y) {
        int n = x.length;
        int p = x[0].length;
        int m = y[0].length;
        double[][] xtx = new double[p][p];
        double[][] xty = new double[p][m];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += x[i][a] * x[i][b];
                }
                for (int b = 0; b < m; b++) {
                    xty[a][b] += x[i][a] * y[i][b];
                }
            }
        }
        double[][] beta = solve(xtx, xty);
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < m; b++) {
                double fit = 0;
                for (int a = 0; a < p; a++) {
                    fit += x[i][a] * beta[a][b];
                }
                out[i][b] = y[i][b] - fit;
            }
        }
        return out;
    }

    /** A Householder QR decomposition of an n×p matrix of full column rank (for least-squares residuals). */
    static Qr qr(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = x[i].clone();
        }
        double[][] v = new double[p][];
        for (int k = 0; k < p; k++) {
            double norm = 0;
            for (int i = k; i < n; i++) {
                norm += a[i][k] * a[i][k];
            }
            norm = Math.sqrt(norm);
            double alpha = a[k][k] > 0 ? -norm : norm;
            double[] vk = new double[n];
            for (int i = k; i < n; i++) {
                vk[i] = a[i][k];
            }
            vk[k] -= alpha;
            double vv = 0;
            for (int i = k; i < n; i++) {
                vv += vk[i] * vk[i];
            }
            if (vv == 0) {
                throw new IllegalStateException("calibration model matrix is rank deficient (column " + (k + 1) + ")");
            }
            for (int j = k; j < p; j++) {
                double s = 0;
                for (int i = k; i < n; i++) {
                    s += vk[i] * a[i][j];
                }
                s = 2 * s / vv;
                for (int i = k; i < n; i++) {
                    a[i][j] -= s * vk[i];
                }
            }
            v[k] = vk;
        }
        return new Qr(v, n, p);
    }

    /** Householder reflections: residuals are Q (0, Q'y lower part). */
    record Qr(double[][] v, int n, int p) {
        double[] residuals(double[] y) {
            double[] r = y.clone();
            for (int k = 0; k < p; k++) {
                reflect(v[k], r, k);
            }
            for (int k = 0; k < p; k++) {
                r[k] = 0;
            }
            for (int k = p - 1; k >= 0; k--) {
                reflect(v[k], r, k);
            }
            return r;
        }

        private static void reflect(double[] vk, double[] r, int k) {
            double vv = 0;
            double s = 0;
            for (int i = k; i < r.length; i++) {
                vv += vk[i] * vk[i];
                s += vk[i] * r[i];
            }
            s = 2 * s / vv;
            for (int i = k; i < r.length; i++) {
                r[i] -= s * vk[i];
            }
        }
    }
}
