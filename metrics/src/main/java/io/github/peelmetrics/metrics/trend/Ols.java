package io.github.peelmetrics.metrics.trend;

/**
 * Ordinary least squares with classic, Newey-West (HAC) and cluster-robust (CR1) covariances,
 * matching statsmodels 0.13.5 {@code OLS.fit(cov_type=...)} and R {@code lm}.
 */
final class Ols {
    final int n;
    final int k;
    final double[][] x;
    final double[] beta;
    final double[] residuals;
    final double[][] bread; // (X'X)^-1
    final double rss;
    final double tss;

    Ols(double[][] x, double[] y) {
        this.n = y.length;
        this.k = x[0].length;
        this.x = x;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                xty[a] += x[i][a] * y[i];
                for (int b = 0; b < k; b++) {
                    xtx[a][b] += x[i][a] * x[i][b];
                }
            }
        }
        this.bread = invert(xtx);
        this.beta = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                beta[a] += bread[a][b] * xty[b];
            }
        }
        // one step of iterative refinement on the normal equations
        double[] r0 = new double[k];
        for (int a = 0; a < k; a++) {
            double s = xty[a];
            for (int b = 0; b < k; b++) {
                s -= xtx[a][b] * beta[b];
            }
            r0[a] = s;
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                beta[a] += bread[a][b] * r0[b];
            }
        }
        this.residuals = new double[n];
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double r = 0;
        double t = 0;
        for (int i = 0; i < n; i++) {
            double fit = 0;
            for (int a = 0; a < k; a++) {
                fit += x[i][a] * beta[a];
            }
            residuals[i] = y[i] - fit;
            r += residuals[i] * residuals[i];
            t += (y[i] - mean) * (y[i] - mean);
        }
        this.rss = r;
        this.tss = t;
    }

    int dfResid() {
        return n - k;
    }

    double sigma() {
        return Math.sqrt(rss / dfResid());
    }

    double rSquared() {
        return 1 - rss / tss;
    }

    /** {@code σ²(X'X)^-1}. */
    double[][] classic() {
        double s2 = rss / dfResid();
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                v[a][b] = s2 * bread[a][b];
            }
        }
        return v;
    }

    /** Newey-West with Bartlett weights {@code 1 - l/(L+1)}, no small-sample factor. */
    double[][] hac(int maxLags) {
        double[][] meat = new double[k][k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    meat[a][b] += x[i][a] * x[i][b] * residuals[i] * residuals[i];
                }
            }
        }
        for (int l = 1; l <= maxLags; l++) {
            double w = 1 - l / (maxLags + 1.0);
            for (int i = l; i < n; i++) {
                double ee = residuals[i] * residuals[i - l] * w;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        meat[a][b] += ee * (x[i][a] * x[i - l][b] + x[i - l][a] * x[i][b]);
                    }
                }
            }
        }
        return sandwich(meat, 1);
    }

    /** CR1: clusters {@code 0..g-1} per row, factor {@code G/(G-1)·(N-1)/(N-K)}. */
    double[][] cluster(int[] clusterOfRow, int g) {
        double[][] score = new double[g][k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                score[clusterOfRow[i]][a] += x[i][a] * residuals[i];
            }
        }
        double[][] meat = new double[k][k];
        for (int c = 0; c < g; c++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    meat[a][b] += score[c][a] * score[c][b];
                }
            }
        }
        double factor = (double) g / (g - 1) * (n - 1.0) / (n - k);
        return sandwich(meat, factor);
    }

    private double[][] sandwich(double[][] meat, double factor) {
        double[][] t = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += bread[a][c] * meat[c][b];
                }
                t[a][b] = s;
            }
        }
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += t[a][c] * bread[c][b];
                }
                v[a][b] = s * factor;
            }
        }
        return v;
    }

    /** Gauss-Jordan inversion with partial pivoting; fails on a singular design. */
    static double[][] invert(double[][] m) {
        int k = m.length;
        double[][] a = new double[k][2 * k];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], 0, a[i], 0, k);
            a[i][k + i] = 1;
            scale = Math.max(scale, Math.abs(m[i][i]));
        }
        for (int c = 0; c < k; c++) {
            int p = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            if (!(Math.abs(a[p][c]) > 1e-12 * scale)) {
                throw new IllegalArgumentException("the design matrix is singular: a column is constant or collinear");
            }
            double[] tmp = a[p];
            a[p] = a[c];
            a[c] = tmp;
            double d = a[c][c];
            for (int j = 0; j < 2 * k; j++) {
                a[c][j] /= d;
            }
            for (int r = 0; r < k; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * k; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], k, inv[i], 0, k);
        }
        return inv;
    }
}
