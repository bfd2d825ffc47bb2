package io.github.peelmetrics.survey.design;

/**
 * The rank of a matrix as R's {@code qr(x, tol = 1e-5)$rank}: LINPACK {@code dqrdc2}, Householder
 * QR with limited column pivoting (a column whose remaining norm falls below tol times its
 * original norm is moved to the end and not counted).
 */
final class Rank {
    private Rank() {}

    /** The rank of the n×p matrix given by its columns {@code cols[p][n]} (not modified). */
    static int of(double[][] cols, double tol) {
        int p = cols.length;
        if (p == 0) {
            return 0;
        }
        int n = cols[0].length;
        double[][] x = new double[p][];
        for (int j = 0; j < p; j++) {
            x[j] = cols[j].clone();
        }
        double[] qraux = new double[p];
        double[] work1 = new double[p];
        double[] work2 = new double[p];
        for (int j = 0; j < p; j++) {
            qraux[j] = norm(x[j], 0);
            work1[j] = qraux[j];
            work2[j] = qraux[j] == 0 ? 1 : qraux[j];
        }
        int lup = Math.min(n, p);
        int k = p + 1; // 1-based as in the Fortran
        for (int l = 0; l < lup; l++) {
            while (l + 1 < k && qraux[l] < work2[l] * tol) {
                double[] t = x[l];
                double q = qraux[l];
                double w1 = work1[l];
                double w2 = work2[l];
                for (int j = l + 1; j < p; j++) {
                    x[j - 1] = x[j];
                    qraux[j - 1] = qraux[j];
                    work1[j - 1] = work1[j];
                    work2[j - 1] = work2[j];
                }
                x[p - 1] = t;
                qraux[p - 1] = q;
                work1[p - 1] = w1;
                work2[p - 1] = w2;
                k--;
            }
            if (l == n - 1) {
                break;
            }
            double[] xl = x[l];
            double nrmxl = norm(xl, l);
            if (nrmxl == 0) {
                continue;
            }
            if (xl[l] != 0) {
                nrmxl = Math.copySign(nrmxl, xl[l]);
            }
            for (int i = l; i < n; i++) {
                xl[i] /= nrmxl;
            }
            xl[l] = 1 + xl[l];
            for (int j = l + 1; j < p; j++) {
                double[] xj = x[j];
                double dot = 0;
                for (int i = l; i < n; i++) {
                    dot += xl[i] * xj[i];
                }
                double t = -dot / xl[l];
                for (int i = l; i < n; i++) {
                    xj[i] += t * xl[i];
                }
                if (qraux[j] != 0) {
                    double tt = 1 - Math.pow(Math.abs(xj[l]) / qraux[j], 2);
                    tt = Math.max(tt, 0);
                    if (Math.abs(tt) < 1e-6) {
                        qraux[j] = norm(xj, l + 1);
                        work1[j] = qraux[j];
                    } else {
                        qraux[j] = qraux[j] * Math.sqrt(tt);
                    }
                }
            }
            qraux[l] = xl[l];
            xl[l] = -nrmxl;
        }
        return Math.min(k - 1, n);
    }

    private static double norm(double[] x, int from) {
        double scale = 0;
        double ssq = 1;
        for (int i = from; i < x.length; i++) {
            if (x[i] != 0) {
                double a = Math.abs(x[i]);
                if (scale < a) {
                    ssq = 1 + ssq * (scale / a) * (scale / a);
                    scale = a;
                } else {
                    ssq += (a / scale) * (a / scale);
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }
}
