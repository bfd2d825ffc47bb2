package io.github.peelmetrics.metrics.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Peel's one generalized linear model fitter: iteratively reweighted least squares for the
 * Poisson family (log link, offset, prior weights) and the binomial family (logit link, grouped
 * rows of trials and successes), with the model-based covariance {@code (X'WX)⁻¹}, the deviance,
 * Pearson's chi-square, and the sandwich covariances the analyses need (cluster-robust as
 * R {@code sandwich::vcovCL}, Newey-West as {@code sandwich::NeweyWest}). Used by the veil of
 * darkness test and by the program evaluations; not part of the public API (the package is not
 * exported).
 *
 * <p>Designs are row-major primitive arrays ({@code rows × p}); fixed effects are dummy columns in
 * treatment coding (the caller builds them). IRLS as R's {@code glm.fit}: the start is
 * {@code μ = (s + 0.5)/(m + 1)} (binomial) or {@code μ = y + 0.1} (Poisson); each step solves
 * {@code (X'WX) β = X'Wz} by Cholesky ({@link Cholesky}); convergence when
 * {@code |D − D_old| / (|D| + 0.1) < ε}. The covariance is recomputed at the final estimate (R's
 * {@code glm} keeps the weights of the last-but-one iteration; refitting from its own estimate, as
 * the conformance cases do, gives these values).
 *
 * <p>Errors ({@link IllegalStateException}): a rank-deficient design, no convergence within the
 * iteration limit, and for the binomial family (quasi-)complete separation.
 */
public final class Glm {

    /** The error distribution and its canonical link. */
    public enum Family {
        /** Poisson counts, log link: {@code V(μ) = μ}. */
        POISSON,
        /** Binomial successes of trials, logit link: {@code V(μ) = μ(1 − μ)} per trial. */
        BINOMIAL
    }

    /** Convergence tolerance of the veil of darkness test (R's {@code glm} default is 1e-8). */
    public static final double EPSILON = 1e-10;
    /** Iteration limit. */
    public static final int MAX_ITERATIONS = 100;
    private static final double SEPARATION_ETA = 23.0; // |η| > 23: μ within 1e-10 of 0 or 1

    /**
     * A fit.
     *
     * @param family           the family
     * @param beta             the coefficients
     * @param covariance       the inverse Fisher information {@code (X'WX)⁻¹} at the estimate
     * @param deviance         the deviance (binomial: the Bernoulli deviance of the ungrouped stops)
     * @param pearsonChiSquare {@code Σ (y − μ̂)² / V(μ̂)} (with prior weights)
     * @param rows             the rows of the design
     * @param p                the number of coefficients
     * @param iterations       IRLS iterations
     * @param score            per row, the score factor {@code u_i / x_i}: {@code w_i (y_i − μ_i)} (Poisson)
     *                         or {@code s_i − m_i μ_i} (binomial)
     */
    public record Fit(Family family, double[] beta, double[][] covariance, double deviance, double pearsonChiSquare,
                      int rows, int p, int iterations, double[] score) {

        /** {@code rows − p}. */
        public int residualDegreesOfFreedom() {
            return rows - p;
        }

        /** The quasi-likelihood dispersion {@code Pearson χ² / (rows − p)} (R {@code summary.glm}). */
        public double dispersion() {
            return pearsonChiSquare / residualDegreesOfFreedom();
        }
    }

    private Glm() {}

    /**
     * Binomial logistic regression on grouped rows: each row has {@code trials} Bernoulli
     * observations of which {@code successes} are 1; estimates, standard errors and deviance are
     * those of the ungrouped Bernoulli fit. Convergence at {@link #EPSILON}.
     */
    public static Fit binomial(double[] x, int p, double[] trials, double[] successes, String[] names) {
        return fit(Family.BINOMIAL, x, p, successes, trials, null, names, EPSILON);
    }

    /**
     * Poisson regression with log link: {@code log μ_i = offset_i + x_i'β}.
     *
     * @param x       row-major design
     * @param p       columns
     * @param y       counts, non-negative
     * @param offset  offsets (e.g. log population), or null for none
     * @param weights prior weights, positive, or null for all 1
     * @param names   column names, for messages
     * @param epsilon convergence tolerance on the relative change in deviance
     */
    public static Fit poisson(double[] x, int p, double[] y, double[] offset, double[] weights, String[] names,
                              double epsilon) {
        return fit(Family.POISSON, x, p, y, weights, offset, names, epsilon);
    }

    /**
     * The IRLS loop. For the binomial family {@code y} are successes and {@code w} trials; for the
     * Poisson family {@code w} are prior weights (null = 1).
     */
    private static Fit fit(Family family, double[] x, int p, double[] y, double[] w, double[] offset,
                           String[] names, double epsilon) {
        int rows = y.length;
        if (x.length != (long) rows * p) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "GLM design has %d values, not rows %d × p %d", x.length, rows, p));
        }
        double[] eta = new double[rows];
        for (int i = 0; i < rows; i++) {
            if (family == Family.BINOMIAL) {
                double mu = (y[i] + 0.5) / (w[i] + 1);
                eta[i] = Math.log(mu / (1 - mu));
            } else {
                eta[i] = Math.log(y[i] + 0.1);
            }
        }
        double devOld = deviance(family, eta, offset, y, w);
        double[] beta = new double[p];
        double[][] xtwx = new double[p][p];
        double[] xtwz = new double[p];
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            accumulate(family, x, p, eta, offset, y, w, xtwx, xtwz);
            beta = factor(family, xtwx, names).solve(xtwz);
            linearPredictor(x, p, beta, offset, eta);
            double dev = deviance(family, eta, offset, y, w);
            if (!Double.isFinite(dev)) {
                throw new IllegalStateException(name(family) + " diverged: deviance " + dev + " at iteration " + iter);
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
                if (family == Family.BINOMIAL) {
                    checkSeparation(eta, beta, names);
                }
                accumulate(family, x, p, eta, offset, y, w, xtwx, xtwz);
                double[] score = new double[rows];
                double pearson = 0;
                for (int i = 0; i < rows; i++) {
                    double mu = mean(family, eta[i]);
                    if (family == Family.BINOMIAL) {
                        score[i] = y[i] - w[i] * mu;
                        pearson += score[i] * score[i] / (w[i] * mu * (1 - mu));
                    } else {
                        double wi = w == null ? 1 : w[i];
                        double r = y[i] - mu;
                        score[i] = wi * r;
                        pearson += wi * r * r / mu;
                    }
                }
                return new Fit(family, beta, factor(family, xtwx, names).inverse(), dev, pearson, rows, p, iter, score);
            }
            devOld = dev;
        }
        throw new IllegalStateException(String.format(Locale.ROOT,
                "%s did not converge in %d iterations (deviance %s)%s; largest coefficient %s",
                name(family), MAX_ITERATIONS, devOld, family == Family.BINOMIAL ? ", usually (quasi-)separation" : "",
                largest(beta, names)));
    }

    private static String name(Family family) {
        return family == Family.BINOMIAL ? "logistic regression" : "Poisson regression";
    }

    /** The mean at linear predictor {@code eta} (offset included). */
    private static double mean(Family family, double eta) {
        return family == Family.BINOMIAL ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta);
    }

    /** X'WX (upper triangle mirrored) and X'Wz (z without the offset) at linear predictor {@code eta}. */
    private static void accumulate(Family family, double[] x, int p, double[] eta, double[] offset, double[] y,
                                   double[] w, double[][] xtwx, double[] xtwz) {
        for (double[] r : xtwx) {
            Arrays.fill(r, 0);
        }
        Arrays.fill(xtwz, 0);
        int rows = y.length;
        for (int i = 0, o = 0; i < rows; i++, o += p) {
            double mu = mean(family, eta[i]);
            double weight;
            double wz;
            if (family == Family.BINOMIAL) {
                weight = w[i] * mu * (1 - mu);
                // w·z = w·η + (s − mμ)
                wz = weight * eta[i] + (y[i] - w[i] * mu);
            } else {
                double prior = w == null ? 1 : w[i];
                weight = prior * mu;
                wz = weight * (eta[i] - (offset == null ? 0 : offset[i])) + prior * (y[i] - mu);
            }
            for (int a = 0; a < p; a++) {
                double xa = x[o + a];
                if (xa == 0) {
                    continue;
                }
                double wxa = weight * xa;
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
    }

    private static Cholesky factor(Family family, double[][] xtwx, String[] names) {
        try {
            double maxDiag = 0;
            for (int a = 0; a < xtwx.length; a++) {
                maxDiag = Math.max(maxDiag, xtwx[a][a]);
            }
            return Cholesky.factor(xtwx, 1e-11 * maxDiag, names);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name(family) + " design is rank-deficient (collinear columns among "
                    + String.join(", ", names) + "): " + e.getMessage(), e);
        }
    }

    private static void linearPredictor(double[] x, int p, double[] beta, double[] offset, double[] eta) {
        for (int i = 0, o = 0; i < eta.length; i++, o += p) {
            double s = offset == null ? 0 : offset[i];
            for (int a = 0; a < p; a++) {
                s += x[o + a] * beta[a];
            }
            eta[i] = s;
        }
    }

    private static double deviance(Family family, double[] eta, double[] offset, double[] y, double[] w) {
        if (family == Family.BINOMIAL) {
            return binomialDeviance(eta, w, y);
        }
        double d = 0;
        for (int i = 0; i < eta.length; i++) {
            double mu = Math.exp(eta[i]);
            double prior = w == null ? 1 : w[i];
            d += prior * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu) : 0) - (y[i] - mu));
        }
        return 2 * d;
    }

    /** Bernoulli deviance {@code −2 Σ [s log μ + (m − s) log(1 − μ)]}, computed stably from η. */
    public static double binomialDeviance(double[] eta, double[] trials, double[] successes) {
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

    // ---- two-way fixed effects, absorbed ----

    /**
     * A Poisson fit of {@code log μ_at = offset_at + α_a + γ_t + z_at'β} on a balanced area × period
     * panel, the area and period effects absorbed: the coefficients and covariances of {@code β}
     * only.
     *
     * @param beta            {@code β}
     * @param covariance      the {@code β} block of the inverse Fisher information
     * @param clusterMeat     {@code Σ_g q_g q_g'}, {@code q_g} the {@code β} rows of {@code (X'WX)⁻¹ u_g}
     *                        (the cluster sandwich without its small-sample factors)
     * @param deviance        the deviance
     * @param pearsonChiSquare Pearson's chi-square
     * @param rows            observations
     * @param p               all coefficients: {@code 1 + (A − 1) + (T − 1) + K}
     * @param iterations      IRLS iterations
     */
    public record TwoWayFit(double[] beta, double[][] covariance, double[][] clusterMeat, double deviance,
                            double pearsonChiSquare, int rows, int p, int iterations) {

        /** {@code rows − p}. */
        public int residualDegreesOfFreedom() {
            return rows - p;
        }

        /** {@code Pearson χ² / (rows − p)}. */
        public double dispersion() {
            return pearsonChiSquare / residualDegreesOfFreedom();
        }

        /**
         * The cluster-robust covariance of {@code β} by area, R {@code vcovCL} ({@code G/(G−1)}; with
         * {@code hc1} also {@code (n − 1)/(n − p)}).
         */
        public double[][] clusterCovariance(int clusters, boolean hc1) {
            double factor = clusters / (clusters - 1.0) * (hc1 ? (rows - 1.0) / (rows - p) : 1);
            int k = beta.length;
            double[][] v = new double[k][k];
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    v[r][c] = clusterMeat[r][c] * factor;
                }
            }
            return v;
        }
    }

    /**
     * Poisson regression with area and period fixed effects absorbed by block elimination: each
     * IRLS step eliminates the area effects (a diagonal block) and solves the remaining
     * {@code (T − 1 + K)} equations by Cholesky, so a 1,000-area × 120-period panel costs
     * {@code A (T + K)²} per step rather than a dense {@code (A + T + K)³}. Same estimates,
     * deviance and {@code β} covariances as {@link #poisson} on the dummy-coded design (treatment
     * coding, any reference levels: the span is the same).
     *
     * @param areas   {@code A}
     * @param periods {@code T}
     * @param y       counts, area-major ({@code a·T + t})
     * @param offset  offsets, area-major
     * @param z       covariates of interest, {@code [K][A·T]}
     * @param names   names of the covariates, for messages
     * @param epsilon convergence tolerance on the relative change in deviance
     */
    public static TwoWayFit poissonTwoWay(int areas, int periods, double[] y, double[] offset, double[][] z,
                                          String[] names, double epsilon) {
        int k = z.length;
        int n = areas * periods;
        int b0 = periods - 1;
        int m = b0 + k;      // reduced unknowns: γ_1..γ_{T−1}, β
        String[] labels = new String[m];
        for (int t = 1; t < periods; t++) {
            labels[t - 1] = "period " + t;
        }
        System.arraycopy(names, 0, labels, b0, k);
        // the covariates row by row, non-zero entries only (an event-time dummy has one per row)
        int[][] nzIndex = new int[n][];
        double[][] nzValue = new double[n][];
        int[] buffer = new int[k];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < k; j++) {
                if (z[j][i] != 0) {
                    buffer[c++] = j;
                }
            }
            nzIndex[i] = Arrays.copyOf(buffer, c);
            nzValue[i] = new double[c];
            for (int e = 0; e < c; e++) {
                nzValue[i][e] = z[nzIndex[i][e]][i];
            }
        }
        Sparse sp = new Sparse(areas, periods, k, nzIndex, nzValue);
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = Math.log(y[i] + 0.1);
        }
        double devOld = deviance(Family.POISSON, eta, offset, y, null);
        double[] w = new double[n];
        double[] wz = new double[n];
        double[] theta;
        double[] alpha = new double[areas];
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            for (int i = 0; i < n; i++) {
                double mu = Math.exp(eta[i]);
                w[i] = mu;
                wz[i] = mu * (eta[i] - offset[i]) + (y[i] - mu);
            }
            Cholesky chol = sp.reduce(w, wz, labels);
            theta = chol.solve(sp.rhs);
            for (int a = 0; a < areas; a++) {
                double v = sp.ba[a];
                for (int t = 1; t < periods; t++) {
                    v -= w[a * periods + t] * theta[t - 1];
                }
                for (int j : sp.areaNz[a]) {
                    v -= sp.f[a][j] * theta[b0 + j];
                }
                alpha[a] = v / sp.d[a];
            }
            for (int a = 0, i = 0; a < areas; a++) {
                for (int t = 0; t < periods; t++, i++) {
                    double e = offset[i] + alpha[a] + (t > 0 ? theta[t - 1] : 0);
                    int[] idx = nzIndex[i];
                    for (int q = 0; q < idx.length; q++) {
                        e += nzValue[i][q] * theta[b0 + idx[q]];
                    }
                    eta[i] = e;
                }
            }
            double dev = deviance(Family.POISSON, eta, offset, y, null);
            if (!Double.isFinite(dev)) {
                throw new IllegalStateException("Poisson regression diverged: deviance " + dev + " at iteration " + iter);
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
                double[] score = new double[n];
                double pearson = 0;
                for (int i = 0; i < n; i++) {
                    double mu = Math.exp(eta[i]);
                    w[i] = mu;
                    wz[i] = 0;
                    score[i] = y[i] - mu;
                    pearson += score[i] * score[i] / mu;
                }
                double[][] inv = sp.reduce(w, wz, labels).inverse();
                double[][] cov = new double[k][k];
                for (int r = 0; r < k; r++) {
                    for (int c = 0; c < k; c++) {
                        cov[r][c] = inv[b0 + r][b0 + c];
                    }
                }
                // cluster scores: q_g = (M⁻¹)_{β,·} r_g, r_g the reduced score of area g
                double[][] meat = new double[k][k];
                double[] r = new double[m];
                double[] q = new double[k];
                for (int a = 0; a < areas; a++) {
                    double ua = 0;
                    Arrays.fill(r, 0);
                    for (int t = 0; t < periods; t++) {
                        int i = a * periods + t;
                        ua += score[i];
                        if (t > 0) {
                            r[t - 1] += score[i];
                        }
                        int[] idx = nzIndex[i];
                        for (int e = 0; e < idx.length; e++) {
                            r[b0 + idx[e]] += nzValue[i][e] * score[i];
                        }
                    }
                    double ratio = ua / sp.d[a];
                    for (int t = 1; t < periods; t++) {
                        r[t - 1] -= w[a * periods + t] * ratio;
                    }
                    for (int j : sp.areaNz[a]) {
                        r[b0 + j] -= sp.f[a][j] * ratio;
                    }
                    for (int j = 0; j < k; j++) {
                        double v = 0;
                        double[] row = inv[b0 + j];
                        for (int c = 0; c < b0; c++) {
                            v += row[c] * r[c];
                        }
                        for (int jj : sp.areaNz[a]) {
                            v += row[b0 + jj] * r[b0 + jj];
                        }
                        q[j] = v;
                    }
                    addOuter(meat, q, q, 1);
                }
                double[] beta = Arrays.copyOfRange(theta, b0, m);
                return new TwoWayFit(beta, cov, meat, dev, pearson, n, 1 + (areas - 1) + (periods - 1) + k, iter);
            }
            devOld = dev;
        }
        throw new IllegalStateException(String.format(Locale.ROOT,
                "Poisson regression did not converge in %d iterations (deviance %s)", MAX_ITERATIONS, devOld));
    }

    /** The reduced normal equations of {@link #poissonTwoWay}, with sparse covariates. */
    private static final class Sparse {
        final int areas;
        final int periods;
        final int k;
        final int[][] nzIndex;
        final double[][] nzValue;
        /** Per area, the covariates that are non-zero in some row of it, increasing. */
        final int[][] areaNz;
        final double[] d;
        final double[] ba;
        final double[][] f;
        final double[][] mm;
        final double[] rhs;

        Sparse(int areas, int periods, int k, int[][] nzIndex, double[][] nzValue) {
            this.areas = areas;
            this.periods = periods;
            this.k = k;
            this.nzIndex = nzIndex;
            this.nzValue = nzValue;
            this.areaNz = new int[areas][];
            boolean[] seen = new boolean[k];
            for (int a = 0; a < areas; a++) {
                Arrays.fill(seen, false);
                for (int t = 0; t < periods; t++) {
                    for (int j : nzIndex[a * periods + t]) {
                        seen[j] = true;
                    }
                }
                int c = 0;
                for (boolean b : seen) {
                    c += b ? 1 : 0;
                }
                areaNz[a] = new int[c];
                for (int j = 0, e = 0; j < k; j++) {
                    if (seen[j]) {
                        areaNz[a][e++] = j;
                    }
                }
            }
            int m = periods - 1 + k;
            d = new double[areas];
            ba = new double[areas];
            f = new double[areas][k];
            mm = new double[m][m];
            rhs = new double[m];
        }

        /**
         * Fills the reduced system at working weights {@code w} and working responses {@code wz}
         * (the area effects eliminated) and returns the Cholesky factor of its matrix.
         */
        Cholesky reduce(double[] w, double[] wz, String[] labels) {
            int b0 = periods - 1;
            int m = b0 + k;
            for (double[] row : mm) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(rhs, 0);
            int[] cols = new int[m];
            double[] col = new double[m];
            for (int a = 0; a < areas; a++) {
                double da = 0;
                double b = 0;
                double[] fa = f[a];
                Arrays.fill(fa, 0);
                for (int t = 0; t < periods; t++) {
                    int i = a * periods + t;
                    double wi = w[i];
                    da += wi;
                    b += wz[i];
                    if (t > 0) {
                        mm[t - 1][t - 1] += wi;
                        rhs[t - 1] += wz[i];
                    }
                    int[] idx = nzIndex[i];
                    double[] val = nzValue[i];
                    for (int e = 0; e < idx.length; e++) {
                        int j = idx[e];
                        double zj = val[e];
                        fa[j] += wi * zj;
                        if (t > 0) {
                            mm[t - 1][b0 + j] += wi * zj;
                        }
                        rhs[b0 + j] += wz[i] * zj;
                        for (int e2 = 0; e2 < idx.length; e2++) {
                            int l = idx[e2];
                            if (l >= j) {
                                mm[b0 + j][b0 + l] += wi * zj * val[e2];
                            }
                        }
                    }
                }
                if (!(da > 0)) {
                    throw new IllegalStateException("Poisson regression: an area has zero fitted weight");
                }
                d[a] = da;
                ba[a] = b;
                // subtract col col' / d_a over the non-zero entries of col = [w_a1..w_a,T−1, F_a]
                int nc = 0;
                for (int t = 1; t < periods; t++) {
                    cols[nc] = t - 1;
                    col[nc++] = w[a * periods + t];
                }
                for (int j : areaNz[a]) {
                    cols[nc] = b0 + j;
                    col[nc++] = fa[j];
                }
                double inv = 1 / da;
                for (int x = 0; x < nc; x++) {
                    double cr = col[x] * inv;
                    double[] row = mm[cols[x]];
                    for (int yy = x; yy < nc; yy++) {
                        row[cols[yy]] -= cr * col[yy];
                    }
                    rhs[cols[x]] -= cr * b;
                }
            }
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < r; c++) {
                    mm[r][c] = mm[c][r];
                }
            }
            double maxDiag = 0;
            for (int x = 0; x < m; x++) {
                maxDiag = Math.max(maxDiag, mm[x][x]);
            }
            try {
                return Cholesky.factor(mm, 1e-11 * maxDiag, labels);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Poisson regression design is rank-deficient (collinear with the area "
                        + "and period effects among " + String.join(", ", labels) + "): " + e.getMessage(), e);
            }
        }
    }

    // ---- sandwich covariances ----

    /**
     * Cluster-robust covariance, R {@code sandwich::vcovCL(fit, cluster, type, cadjust = TRUE)}:
     * {@code V = (X'WX)⁻¹ [Σ_g u_g u_g'] (X'WX)⁻¹ · G/(G − 1)}, {@code u_g = Σ_{i in g} x_i score_i};
     * with {@code hc1} further times {@code (n − 1)/(n − p)}. (vcovCL's "HC0" keeps {@code G/(G−1)}.)
     *
     * @param cluster the cluster of each row, {@code 0 .. clusters − 1}
     */
    public static double[][] clusterCovariance(Fit fit, double[] x, int[] cluster, int clusters, boolean hc1) {
        int p = fit.p();
        double[][] u = new double[clusters][p];
        for (int i = 0, o = 0; i < fit.rows(); i++, o += p) {
            double s = fit.score()[i];
            double[] ug = u[cluster[i]];
            for (int a = 0; a < p; a++) {
                ug[a] += x[o + a] * s;
            }
        }
        double[][] meat = new double[p][p];
        for (double[] ug : u) {
            addOuter(meat, ug, ug, 1);
        }
        double factor = clusters / (clusters - 1.0);
        if (hc1) {
            factor *= (fit.rows() - 1.0) / (fit.rows() - p);
        }
        return sandwich(fit.covariance(), meat, factor);
    }

    /**
     * Newey-West covariance with Bartlett weights, R {@code sandwich::NeweyWest(fit, lag,
     * prewhite = FALSE, adjust = FALSE)}: {@code V = (X'WX)⁻¹ S (X'WX)⁻¹},
     * {@code S = Σ_t u_t u_t' + Σ_{l=1..L} (1 − l/(L+1)) Σ_t (u_t u_{t−l}' + u_{t−l} u_t')}; rows in
     * time order.
     */
    public static double[][] neweyWestCovariance(Fit fit, double[] x, int lag) {
        int p = fit.p();
        int n = fit.rows();
        double[][] u = new double[n][p];
        for (int i = 0, o = 0; i < n; i++, o += p) {
            for (int a = 0; a < p; a++) {
                u[i][a] = x[o + a] * fit.score()[i];
            }
        }
        double[][] meat = new double[p][p];
        for (int t = 0; t < n; t++) {
            addOuter(meat, u[t], u[t], 1);
        }
        for (int l = 1; l <= lag; l++) {
            double weight = 1 - l / (lag + 1.0);
            for (int t = l; t < n; t++) {
                addOuter(meat, u[t], u[t - l], weight);
                addOuter(meat, u[t - l], u[t], weight);
            }
        }
        return sandwich(fit.covariance(), meat, 1);
    }

    private static void addOuter(double[][] m, double[] a, double[] b, double weight) {
        for (int r = 0; r < a.length; r++) {
            double ar = weight * a[r];
            for (int c = 0; c < b.length; c++) {
                m[r][c] += ar * b[c];
            }
        }
    }

    /** {@code factor · B M B} for symmetric {@code B}. */
    static double[][] sandwich(double[][] bread, double[][] meat, double factor) {
        int p = bread.length;
        double[][] bm = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int k = 0; k < p; k++) {
                double b = bread[r][k];
                if (b == 0) {
                    continue;
                }
                for (int c = 0; c < p; c++) {
                    bm[r][c] += b * meat[k][c];
                }
            }
        }
        double[][] v = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int k = 0; k < p; k++) {
                double b = bm[r][k];
                for (int c = 0; c < p; c++) {
                    v[r][c] += b * bread[k][c];
                }
            }
            for (int c = 0; c < p; c++) {
                v[r][c] *= factor;
            }
        }
        return v;
    }
}
