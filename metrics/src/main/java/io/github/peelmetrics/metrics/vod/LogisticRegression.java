package io.github.peelmetrics.metrics.vod;

import java.util.Locale;

/**
 * Binomial logistic regression (logit link) by iteratively reweighted least squares, on grouped
 * data: each row (a cell of identical covariates) has {@code trials} Bernoulli observations of
 * which {@code successes} are 1. The estimates, standard errors and deviance are those of the
 * ungrouped Bernoulli fit (R's {@code glm(y ~ X, family = binomial)} on one row per stop).
 *
 * <p>IRLS as R's {@code glm.fit}: start at {@code μ = (s + 0.5)/(m + 1)}; each step solves
 * {@code (X'WX) β = X'Wz} with {@code W = m μ(1−μ)}, {@code z = η + (s/m − μ)/(μ(1−μ))},
 * {@code X'WX} accumulated in one pass over a row-major primitive array and solved by Cholesky
 * ({@link Cholesky}); convergence when {@code |D − D_old| / (|D| + 0.1) < ε}. Standard errors are the
 * square roots of the diagonal of the inverse observed information {@code (X'WX)^{-1}} at the
 * estimate (equal to the expected information for the canonical link).
 *
 * <p>Errors ({@link IllegalStateException}): a rank-deficient design (collinear columns, e.g. a
 * level with no variation), no convergence within the iteration limit, and (quasi-)complete
 * separation (a fitted probability within 1e-10 of 0 or 1, where the estimate does not exist).
 */
final class LogisticRegression {

    static final double EPSILON = 1e-10;
    static final int MAX_ITERATIONS = 100;
    private static final double SEPARATION_ETA = 23.0; // |η| > 23: μ within 1e-10 of 0 or 1

    /** The fit. */
    record Fit(double[] beta, double[][] covariance, double deviance, int iterations) {}

    private LogisticRegression() {}

    /**
     * Fits the model.
     *
     * @param x         row-major design, {@code rows × p}
     * @param p         columns
     * @param trials    observations per row, positive
     * @param successes successes per row, in [0, trials]
     * @param names     column names, for messages
     */
    static Fit fit(double[] x, int p, double[] trials, double[] successes, String[] names) {
        int rows = trials.length;
        double[] eta = new double[rows];
        for (int i = 0; i < rows; i++) {
            double mu = (successes[i] + 0.5) / (trials[i] + 1);
            eta[i] = Math.log(mu / (1 - mu));
        }
        double devOld = deviance(eta, trials, successes);
        double[] beta = new double[p];
        double[][] xtwx = new double[p][p];
        double[] xtwz = new double[p];
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            accumulate(x, p, eta, trials, successes, xtwx, xtwz, true);
            beta = factor(xtwx, names).solve(xtwz);
            linearPredictor(x, p, beta, eta);
            double dev = deviance(eta, trials, successes);
            if (!Double.isFinite(dev)) {
                throw new IllegalStateException("logistic regression diverged: deviance " + dev + " at iteration " + iter);
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
                checkSeparation(eta, beta, names);
                accumulate(x, p, eta, trials, successes, xtwx, xtwz, false);
                return new Fit(beta, factor(xtwx, names).inverse(), dev, iter);
            }
            devOld = dev;
        }
        throw new IllegalStateException(String.format(Locale.ROOT,
                "logistic regression did not converge in %d iterations (deviance %s); "
                        + "usually (quasi-)separation: largest coefficient %s",
                MAX_ITERATIONS, devOld, largest(beta, names)));
    }

    /** X'WX (upper triangle mirrored) and, when {@code rhs}, X'Wz, at linear predictor {@code eta}. */
    private static void accumulate(double[] x, int p, double[] eta, double[] trials, double[] successes,
                                   double[][] xtwx, double[] xtwz, boolean rhs) {
        for (double[] r : xtwx) {
            java.util.Arrays.fill(r, 0);
        }
        java.util.Arrays.fill(xtwz, 0);
        int rows = trials.length;
        for (int i = 0, o = 0; i < rows; i++, o += p) {
            double mu = 1 / (1 + Math.exp(-eta[i]));
            double v = mu * (1 - mu);
            double w = trials[i] * v;
            // w·z = w·η + (s − mμ)
            double wz = w * eta[i] + (successes[i] - trials[i] * mu);
            for (int a = 0; a < p; a++) {
                double xa = x[o + a];
                if (xa == 0) {
                    continue;
                }
                double wxa = w * xa;
                double[] row = xtwx[a];
                for (int b = a; b < p; b++) {
                    row[b] += wxa * x[o + b];
                }
                xtwz[a] += xa * wz;
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                xtwx[a][b] = xtwx[b][a];
            }
        }
        if (!rhs) {
            java.util.Arrays.fill(xtwz, 0);
        }
    }

    private static Cholesky factor(double[][] xtwx, String[] names) {
        try {
            double maxDiag = 0;
            for (int a = 0; a < xtwx.length; a++) {
                maxDiag = Math.max(maxDiag, xtwx[a][a]);
            }
            return Cholesky.factor(xtwx, 1e-11 * maxDiag, names);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("logistic regression design is rank-deficient (collinear columns among "
                    + String.join(", ", names) + "): " + e.getMessage(), e);
        }
    }

    private static void linearPredictor(double[] x, int p, double[] beta, double[] eta) {
        for (int i = 0, o = 0; i < eta.length; i++, o += p) {
            double s = 0;
            for (int a = 0; a < p; a++) {
                s += x[o + a] * beta[a];
            }
            eta[i] = s;
        }
    }

    /** Bernoulli deviance {@code −2 Σ [s log μ + (m − s) log(1 − μ)]}, computed stably from η. */
    static double deviance(double[] eta, double[] trials, double[] successes) {
        double d = 0;
        for (int i = 0; i < eta.length; i++) {
            double s = successes[i];
            double f = trials[i] - s;
            // log μ = −log(1 + e^{−η}), log(1 − μ) = −log(1 + e^{η})
            if (s > 0) {
                d += s * log1pExp(-eta[i]);
            }
            if (f > 0) {
                d += f * log1pExp(eta[i]);
            }
        }
        return 2 * d;
    }

    private static double log1pExp(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    private static void checkSeparation(double[] eta, double[] beta, String[] names) {
        for (double e : eta) {
            if (Math.abs(e) > SEPARATION_ETA) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "logistic regression: (quasi-)complete separation, a fitted probability is within 1e-10 of "
                                + "0 or 1 (linear predictor %.1f), so the estimate does not exist; largest coefficient %s",
                        e, largest(beta, names)));
            }
        }
    }

    private static String largest(double[] beta, String[] names) {
        int k = 0;
        for (int a = 1; a < beta.length; a++) {
            if (Math.abs(beta[a]) > Math.abs(beta[k])) {
                k = a;
            }
        }
        return String.format(Locale.ROOT, "'%s' = %.4g", names[k], beta[k]);
    }
}
