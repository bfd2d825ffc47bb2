package io.github.peelmetrics.survey.smallarea;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The Fay-Herriot area-level model for small-area (beat-level) estimates: a city survey with 8
 * to 30 respondents in a beat gives a direct estimate too noisy to publish alone; the model
 * borrows strength from the other beats through beat covariates (census shares).
 *
 * <p>Model (Fay and Herriot 1979; Rao and Molina 2015, <i>Small Area Estimation</i>, 2nd ed.,
 * §6.1-6.2): {@code directᵢ = xᵢ'β + vᵢ + eᵢ}, {@code vᵢ ~ N(0, A)}, {@code eᵢ ~ N(0, ψᵢ)} with
 * the sampling variance {@code ψᵢ} treated as known; {@code xᵢ} = (1, covariates). Only sampled
 * areas enter the fit. With {@code V = diag(A + ψᵢ)}:
 * <ul>
 *   <li>{@code A} by REML or ML ({@link VarianceMethod}), Fisher scoring from {@code median(ψ)}
 *       iterated to convergence, then {@code A = max(root, 0)};</li>
 *   <li>{@code β = (X'V⁻¹X)⁻¹X'V⁻¹y} (GLS) at that {@code A};</li>
 *   <li>{@code γᵢ = A/(A+ψᵢ)}, {@code EBLUPᵢ = γᵢ·directᵢ + (1-γᵢ)·xᵢ'β}; an unsampled area gets
 *       the synthetic {@code x'β} ({@code γ = 0});</li>
 *   <li>Prasad-Rao MSE {@code g1 + g2 + 2·g3} (REML), plus {@code -b_ML·(1-γ)²} (ML), with
 *       {@code g1 = γψ}, {@code g2 = (1-γ)²·x'Qx}, {@code g3 = ψ²(A+ψ)⁻³·V̄},
 *       {@code Q = (X'V⁻¹X)⁻¹}, {@code V̄ = 2/Σ(A+ψⱼ)⁻²}; for an unsampled area the
 *       {@code ψ → ∞} limit {@code A + x'Qx} (REML), {@code A - b_ML + x'Qx} (ML).</li>
 * </ul>
 * Conventions (log-likelihood, AIC, BIC, the ML bias term) are those of R {@code sae} 1.3
 * ({@code eblupFH}, {@code mseFH}); the values agree with the Peel small_area conformance cases
 * (computed in R and independently in Python) within 1e-10.
 *
 * <pre>{@code
 * FayHerriot model = FayHerriot.covariates("share_black")
 *         .sampled("B1", 0.61, 0.012, 0.20)
 *         .sampled("B2", 0.48, 0.020, 0.45)
 *         ...
 *         .unsampled("B9", 0.31)
 *         .build();
 * FayHerriotFit fit = model.fit(VarianceMethod.REML);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FayHerriot {

    private static final int MAX_ITERATIONS = 1000;

    private final List<String> terms;
    private final List<String> areas;
    private final boolean[] sampled;
    private final double[] direct;
    private final double[] vardir;
    private final double[][] x;

    private FayHerriot(Builder b) {
        this.terms = List.copyOf(b.terms);
        this.areas = List.copyOf(b.areas);
        int n = areas.size();
        this.sampled = new boolean[n];
        this.direct = new double[n];
        this.vardir = new double[n];
        this.x = new double[n][];
        for (int i = 0; i < n; i++) {
            sampled[i] = b.sampled.get(i);
            direct[i] = b.direct.get(i);
            vardir[i] = b.vardir.get(i);
            x[i] = b.x.get(i);
        }
    }

    /**
     * Starts a model with an intercept and these covariates (none for an intercept-only model).
     *
     * @throws IllegalArgumentException if a name is blank or repeats, or is {@code (Intercept)}
     */
    public static Builder covariates(String... names) {
        Objects.requireNonNull(names, "names");
        List<String> terms = new ArrayList<>();
        terms.add("(Intercept)");
        for (String n : names) {
            Checks.name("covariate name", n);
            if (terms.contains(n)) {
                throw new IllegalArgumentException("covariate \"" + n + "\" given twice (the intercept is always included)");
            }
            terms.add(n);
        }
        return new Builder(terms);
    }

    /** Collects the areas of a model, checking each as it is added. Not thread-safe. */
    public static final class Builder {
        private final List<String> terms;
        private final List<String> areas = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();
        private final List<Boolean> sampled = new ArrayList<>();
        private final List<Double> direct = new ArrayList<>();
        private final List<Double> vardir = new ArrayList<>();
        private final List<double[]> x = new ArrayList<>();

        private Builder(List<String> terms) {
            this.terms = terms;
        }

        /**
         * A sampled area: its direct estimate, the estimate's sampling variance {@code ψ} and its
         * covariates in the order given to {@link #covariates}.
         *
         * @throws IllegalArgumentException naming the area when the id repeats, the direct estimate
         *                                  is not finite, {@code ψ} is not positive and finite, or
         *                                  the covariates are the wrong number or not finite
         */
        public Builder sampled(String area, double direct, double vardir, double... covariates) {
            add(area, covariates);
            if (!Double.isFinite(direct)) {
                throw new IllegalArgumentException("direct estimate of area " + area + " must be finite: " + direct);
            }
            if (!(vardir > 0) || Double.isInfinite(vardir)) {
                throw new IllegalArgumentException("sampling variance of area " + area + " must be positive and finite: "
                        + vardir);
            }
            this.sampled.add(true);
            this.direct.add(direct);
            this.vardir.add(vardir);
            return this;
        }

        /**
         * An area without respondents: it gets the synthetic estimate {@code x'β}.
         *
         * @throws IllegalArgumentException as {@link #sampled}
         */
        public Builder unsampled(String area, double... covariates) {
            add(area, covariates);
            this.sampled.add(false);
            this.direct.add(Double.NaN);
            this.vardir.add(Double.NaN);
            return this;
        }

        private void add(String area, double[] covariates) {
            Checks.name("area id", area);
            Objects.requireNonNull(covariates, "covariates");
            if (!seen.add(area)) {
                throw new IllegalArgumentException("area " + area + " given twice");
            }
            if (covariates.length != terms.size() - 1) {
                throw new IllegalArgumentException(Format.f("area %s has %d covariates, the model has %d: %s", area,
                        covariates.length, terms.size() - 1, terms.subList(1, terms.size())));
            }
            double[] row = new double[terms.size()];
            row[0] = 1;
            for (int j = 0; j < covariates.length; j++) {
                if (!Double.isFinite(covariates[j])) {
                    throw new IllegalArgumentException("covariate " + terms.get(j + 1) + " of area " + area
                            + " must be finite: " + covariates[j]);
                }
                row[j + 1] = covariates[j];
            }
            areas.add(area);
            x.add(row);
        }

        /**
         * The model.
         *
         * @throws IllegalArgumentException if there are not more sampled areas than terms
         */
        public FayHerriot build() {
            long m = sampled.stream().filter(s -> s).count();
            if (m <= terms.size()) {
                throw new IllegalArgumentException(Format.f(
                        "a Fay-Herriot model with %d terms needs more than %d sampled areas: %d given", terms.size(),
                        terms.size(), m));
            }
            return new FayHerriot(this);
        }
    }

    /** The terms, {@code (Intercept)} first. */
    public List<String> terms() {
        return terms;
    }

    /** The areas in the order given. */
    public List<String> areas() {
        return areas;
    }

    /** Fits the model with REML variance, {@code sae}'s default. */
    public FayHerriotFit fit() {
        return fit(VarianceMethod.REML);
    }

    /**
     * Fits the model.
     *
     * @throws IllegalStateException if Fisher scoring does not converge, or {@code X'V⁻¹X} is
     *                               singular (covariates collinear over the sampled areas)
     */
    public FayHerriotFit fit(VarianceMethod method) {
        Objects.requireNonNull(method, "method");
        int m = 0;
        for (boolean s : sampled) {
            m += s ? 1 : 0;
        }
        int p = terms.size();
        double[][] xs = new double[m][];
        double[] y = new double[m];
        double[] psi = new double[m];
        for (int i = 0, k = 0; i < areas.size(); i++) {
            if (sampled[i]) {
                xs[k] = x[i];
                y[k] = direct[i];
                psi[k] = vardir[i];
                k++;
            }
        }
        double[] sorted = psi.clone();
        Arrays.sort(sorted);
        double a = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
        int iterations = 0;
        double lastStep = Double.POSITIVE_INFINITY;
        double minPsi = sorted[0];
        boolean hasRoot = true;
        while (true) {
            Gls g = new Gls(xs, y, psi, a);
            double step = g.score(method) / g.information(method);
            double next = a + step;
            iterations++;
            if (!Double.isFinite(next) || next <= -minPsi || iterations > MAX_ITERATIONS) {
                OptionalDouble r = bisect(xs, y, psi, method, minPsi);
                hasRoot = r.isPresent();
                a = r.orElse(Double.NaN);
                break;
            }
            boolean settled = Math.abs(step) <= 4 * Math.ulp(Math.abs(a)) || step == 0
                    || (Math.abs(step) >= Math.abs(lastStep) && Math.abs(step) < 1e-12 * Math.max(Math.abs(a), 1e-12));
            a = next;
            lastStep = step;
            if (settled) {
                break;
            }
        }
        double root = a;
        // No root above -min(psi) (direct estimates on the regression surface): the score is
        // negative on the whole domain, in particular at 0, so A = 0.
        double estimate = hasRoot ? Math.max(root, 0) : 0;
        Gls g = new Gls(xs, y, psi, estimate);
        Gls zero = new Gls(xs, y, psi, 0);
        double[] beta = g.beta;
        double sumInvV2 = 0;
        for (int i = 0; i < m; i++) {
            double v = estimate + psi[i];
            sumInvV2 += 1 / (v * v);
        }
        double vbar = 2 / sumInvV2;
        // b_ML = -tr(Q X'V^-2 X) / sum V^-2
        double[][] xtw2x = new double[p][p];
        for (int i = 0; i < m; i++) {
            double w2 = 1 / ((estimate + psi[i]) * (estimate + psi[i]));
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    xtw2x[r][c] += xs[i][r] * w2 * xs[i][c];
                }
            }
        }
        double tr = 0;
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                tr += g.q[r][c] * xtw2x[c][r];
            }
        }
        double bMl = -tr / sumInvV2;

        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(g.q[j][j]);
            double z = beta[j] / se;
            coefs.add(new Coefficient(terms.get(j), beta[j], se, z, 2 * Distributions.normalCdf(-Math.abs(z))));
        }
        double loglik = 0;
        double sumLogV = 0;
        for (int i = 0; i < m; i++) {
            double v = estimate + psi[i];
            double r = y[i] - dot(xs[i], beta);
            loglik += Math.log(2 * Math.PI * v) + r * r / v;
            sumLogV += Math.log(v);
        }
        loglik = -loglik / 2;
        double aic = -2 * loglik + 2 * (p + 1);
        double bic = -2 * loglik + (p + 1) * Math.log(m);
        double remlLoglik = -((m - p) * Math.log(2 * Math.PI) + sumLogV + g.logDetXtWX + g.yPy) / 2;

        List<AreaEstimate> out = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            double syn = dot(x[i], beta);
            double h = quad(g.q, x[i]);
            if (sampled[i]) {
                double ps = vardir[i];
                double v = estimate + ps;
                double gamma = estimate / v;
                double eblup = gamma * direct[i] + (1 - gamma) * syn;
                double g1 = gamma * ps;
                double g2 = (1 - gamma) * (1 - gamma) * h;
                double g3 = ps * ps / (v * v * v) * vbar;
                double mse = g1 + g2 + 2 * g3;
                if (method == VarianceMethod.ML) {
                    mse -= bMl * (1 - gamma) * (1 - gamma);
                }
                double rmse = Math.sqrt(mse);
                out.add(new AreaEstimate(areas.get(i), true, OptionalDouble.of(direct[i]), OptionalDouble.of(ps), gamma,
                        syn, eblup, OptionalDouble.of(g1), g2, OptionalDouble.of(g3), mse, rmse, rmse / eblup,
                        direct[i] == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(ps) / direct[i])));
            } else {
                double mse = estimate + h - (method == VarianceMethod.ML ? bMl : 0);
                double rmse = Math.sqrt(mse);
                out.add(new AreaEstimate(areas.get(i), false, OptionalDouble.empty(), OptionalDouble.empty(), 0, syn,
                        syn, OptionalDouble.empty(), h, OptionalDouble.empty(), mse, rmse, rmse / syn,
                        OptionalDouble.empty()));
            }
        }
        return new FayHerriotFit(method, terms, m, areas.size() - m, estimate, !hasRoot || root < 0,
                hasRoot ? OptionalDouble.of(root) : OptionalDouble.empty(), iterations,
                zero.score(method), g.score(method), g.information(method), vbar, bMl, coefs, loglik, aic, bic,
                remlLoglik, out);
    }

    /**
     * The root of the score by bisection on (-min ψ, upper], when Fisher scoring leaves the
     * domain; empty when the score is negative all the way down to -min ψ (no root).
     */
    private static OptionalDouble bisect(double[][] xs, double[] y, double[] psi, VarianceMethod method, double minPsi) {
        double lo = -minPsi * (1 - 1e-9);
        double hi = Math.max(1, 10 * minPsi);
        int guard = 0;
        while (new Gls(xs, y, psi, hi).score(method) > 0) {
            hi *= 2;
            if (++guard > 200) {
                throw new IllegalStateException("Fay-Herriot: the variance score stays positive up to A = " + hi);
            }
        }
        if (new Gls(xs, y, psi, lo).score(method) < 0) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < 2000 && hi - lo > 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); i++) {
            double mid = (lo + hi) / 2;
            if (new Gls(xs, y, psi, mid).score(method) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return OptionalDouble.of((lo + hi) / 2);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double quad(double[][] q, double[] v) {
        double s = 0;
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v.length; c++) {
                s += v[r] * q[r][c] * v[c];
            }
        }
        return s;
    }

    /** GLS quantities at one value of A. */
    private static final class Gls {
        final double[] w;
        final double[][] q;
        final double[] beta;
        final double[][] pm;
        final double[] py;
        final double yPy;
        final double logDetXtWX;

        Gls(double[][] xs, double[] y, double[] psi, double a) {
            int m = y.length;
            int p = xs[0].length;
            w = new double[m];
            double[][] xtwx = new double[p][p];
            double[] xtwy = new double[p];
            for (int i = 0; i < m; i++) {
                w[i] = 1 / (a + psi[i]);
                for (int r = 0; r < p; r++) {
                    xtwy[r] += xs[i][r] * w[i] * y[i];
                    for (int c = 0; c < p; c++) {
                        xtwx[r][c] += xs[i][r] * w[i] * xs[i][c];
                    }
                }
            }
            double[][] chol = cholesky(xtwx);
            double ld = 0;
            for (int r = 0; r < p; r++) {
                ld += 2 * Math.log(chol[r][r]);
            }
            logDetXtWX = ld;
            q = inverse(chol);
            beta = new double[p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    beta[r] += q[r][c] * xtwy[c];
                }
            }
            // P = W - W X Q X' W
            double[][] wx = new double[m][p];
            for (int i = 0; i < m; i++) {
                for (int r = 0; r < p; r++) {
                    wx[i][r] = w[i] * xs[i][r];
                }
            }
            double[][] wxq = new double[m][p];
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < p; c++) {
                    double s = 0;
                    for (int r = 0; r < p; r++) {
                        s += wx[i][r] * q[r][c];
                    }
                    wxq[i][c] = s;
                }
            }
            pm = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int r = 0; r < p; r++) {
                        s += wxq[i][r] * wx[j][r];
                    }
                    pm[i][j] = (i == j ? w[i] : 0) - s;
                }
            }
            py = new double[m];
            double ypy = 0;
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += pm[i][j] * y[j];
                }
                py[i] = s;
                ypy += y[i] * s;
            }
            yPy = ypy;
        }

        double score(VarianceMethod method) {
            double yppy = 0;
            for (double v : py) {
                yppy += v * v;
            }
            double t = 0;
            if (method == VarianceMethod.REML) {
                for (int i = 0; i < py.length; i++) {
                    t += pm[i][i];
                }
            } else {
                for (double wi : w) {
                    t += wi;
                }
            }
            return -t / 2 + yppy / 2;
        }

        double information(VarianceMethod method) {
            double t = 0;
            if (method == VarianceMethod.REML) {
                for (double[] row : pm) {
                    for (double v : row) {
                        t += v * v;
                    }
                }
            } else {
                for (double wi : w) {
                    t += wi * wi;
                }
            }
            return t / 2;
        }

        private static double[][] cholesky(double[][] a) {
            int p = a.length;
            double[][] l = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (!(s > 0)) {
                            throw new IllegalStateException(
                                    "Fay-Herriot: X'V^-1X is singular (covariates collinear over the sampled areas)");
                        }
                        l[i][i] = Math.sqrt(s);
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            return l;
        }

        /** (L L')^-1 from the Cholesky factor. */
        private static double[][] inverse(double[][] l) {
            int p = l.length;
            double[][] li = new double[p][p];
            for (int i = 0; i < p; i++) {
                li[i][i] = 1 / l[i][i];
                for (int j = 0; j < i; j++) {
                    double s = 0;
                    for (int k = j; k < i; k++) {
                        s -= l[i][k] * li[k][j];
                    }
                    li[i][j] = s / l[i][i];
                }
            }
            double[][] inv = new double[p][p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    double s = 0;
                    for (int k = Math.max(r, c); k < p; k++) {
                        s += li[k][r] * li[k][c];
                    }
                    inv[r][c] = s;
                }
            }
            return inv;
        }
    }
}
