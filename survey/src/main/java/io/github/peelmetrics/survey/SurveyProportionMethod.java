package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.ProportionMethod;

/**
 * Confidence interval methods for a weighted survey proportion, those of R {@code survey}'s
 * {@code svyciprop} (Lumley 2010, <i>Complex Surveys</i>, §2.3.1): the design-based counterpart of
 * core's {@link ProportionMethod}, which is for {@code x} independent successes in {@code n}
 * trials. Here p̂ and its standard error come from the design ({@link SurveyMean}, with the
 * weights and their calibration), and every method uses the t quantile
 * {@code t = qt(1 − α/2, df)} with R's domain-aware design degrees of freedom
 * {@link SurveyMean#degreesOfFreedom()}: {@code n − 1} for the whole sample and
 * {@code n_domain − 1} for a domain of {@link DomainMeans} (n counting every respondent, also those
 * with a missing answer), as {@code svyciprop} on the whole design and
 * {@code svyby(~y, ~domain, design, svyciprop, vartype = "ci")} compute them. A domain of a single
 * respondent has df 0 and no t quantile: its bounds are NaN, marked {@code (undefined: df 0)}.
 * (R's {@code confint} of an {@code svymean} or {@code svyby} result is another interval: the
 * normal quantile, {@code df = Inf}; that is {@code toEstimate().waldInterval(level)}.) {@link #MEAN} is the design-based Wald interval, the
 * counterpart of {@link ProportionMethod#WALD}; {@link #BETA} (Korn-Graubard) that of
 * {@link ProportionMethod#CLOPPER_PEARSON}.
 *
 * <p><b>Degenerate intervals.</b> When p̂ is 0 or 1 (every observed answer the same, so the standard
 * error is 0) every method but {@link #BETA} gives the point interval {@code [p̂, p̂]}, and says so:
 * its {@link Interval#method()} reads e.g. {@code svyciprop-logit (degenerate: p = 0, se 0; the beta
 * (Korn-Graubard) method gives a bound)}. {@link #BETA} then gives a useful bound: Korn-Graubard with
 * {@code n* = n} (the observed respondents), the rule of the NCHS data presentation standards for
 * proportions (Parker et al. 2017), e.g. {@code [0, 1 − (α/2)^(1/n)]} at p̂ = 0; R's {@code svyciprop}
 * gives NaN there ({@code 0/0}). A standard error of 0 with p̂ in (0, 1) gives {@code [p̂, p̂]} marked
 * {@code (degenerate: se 0)}. With an undefined (NaN) estimate or standard error the bounds are NaN. A mean
 * outside [0, 1] (a 0-100 index) is not a proportion: its interval is
 * {@code toEstimate().waldInterval(level)}.
 *
 * <pre>{@code
 * jshell> var m = SurveySample.ofWeights(new double[] {1, 2, 1, 3, 1, 2, 2, 1}).withNumeric("y", new double[] {1, 0, 1, 1, 0, 1, 0, 1}).design().mean("y")
 * y: 0.6154 (se 0.1976, 8 of 8 observed, deff 3.003)
 * jshell> m.interval(SurveyProportionMethod.LOGIT)
 * [0.1818, 0.9201] 95% svyciprop-logit
 * jshell> m.interval(SurveyProportionMethod.MEAN, 0.9)
 * [0.2410, 0.9898] 90% svyciprop-mean
 * }</pre>
 */
public enum SurveyProportionMethod {

    /**
     * Logit: the Wald interval of the intercept of {@code svyglm(y ~ 1, family = quasibinomial)}
     * back-transformed, {@code expit(logit p̂ ± t·SE/(p̂(1 − p̂)))}. Peel computes the converged fit in
     * closed form; R's IRLS stops within about 1e-9 of it.
     */
    LOGIT("logit") {
        @Override
        double[] bounds(double p, double se, double t, double alpha, SurveyMean m) {
            return XLOGIT.bounds(p, se, t, alpha, m);
        }
    },
    /**
     * Korn and Graubard (1998): with the effective sample size
     * {@code n* = p̂(1 − p̂)/SE² · (qt(α/2, rows − 1)/qt(α/2, df))²},
     * {@code [qbeta(α/2, n*p̂, n*(1 − p̂) + 1), qbeta(1 − α/2, n*p̂ + 1, n*(1 − p̂))]}, rows being R's
     * {@code nrow(design)} ({@link SurveyMean#rows()}): the factor is 1 for the whole sample and for
     * a domain of an uncalibrated sample, and above 1 for a domain of a calibrated one, where R
     * keeps every row.
     */
    BETA("beta") {
        @Override
        double[] bounds(double p, double se, double t, double alpha, SurveyMean m) {
            double nEff = p * (1 - p) / (se * se) * dfFactor(m, alpha);
            return new double[] {
                Distributions.betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1),
                Distributions.betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p))};
        }
    },
    /**
     * Wald: {@code p̂ ± t·SE}, not clamped to [0, 1] (R's {@code method = "mean"}); core's
     * {@link ProportionMethod#WALD} with the design's standard error and t quantile.
     */
    MEAN("mean") {
        @Override
        double[] bounds(double p, double se, double t, double alpha, SurveyMean m) {
            return new double[] {p - t * se, p + t * se};
        }
    },
    /** Wald on the logit scale (delta method): {@code expit(logit p̂ ± t·SE/(p̂(1 − p̂)))}. */
    XLOGIT("xlogit") {
        @Override
        double[] bounds(double p, double se, double t, double alpha, SurveyMean m) {
            double l = Math.log(p / (1 - p));
            double h = t * se / (p * (1 - p));
            return new double[] {expit(l - h), expit(l + h)};
        }
    },
    /**
     * Wald on the arcsine-square-root scale: {@code sin²(asin √p̂ ± t·SE/(2√(p̂(1 − p̂))))}, the angle
     * not kept in [0, π/2] (as R). On tiny samples that can put the lower bound above the upper:
     * R returns those inverted bounds; Peel returns NaN bounds whose {@link Interval#method()} says
     * why and gives R's values ({@code svyciprop-asin (undefined: ...; R returns the inverted bounds
     * [0.9, 0.2])}), since an {@link Interval} never has lower > upper.
     */
    ASIN("asin") {
        @Override
        double[] bounds(double p, double se, double t, double alpha, SurveyMean m) {
            double a = Math.asin(Math.sqrt(p));
            double h = t * se / (2 * Math.sqrt(p * (1 - p)));
            double lo = Math.sin(a - h);
            double hi = Math.sin(a + h);
            return new double[] {lo * lo, hi * hi};
        }
    },
    /**
     * Likelihood (Rao-Scott scaled profile): the endpoints are the μ at which the quasibinomial
     * deviance, scaled by the dispersion φ and the design effect λ of the intercept, crosses
     * {@code t²}: {@code 2·[p̂ log(p̂/μ) + (1 − p̂) log((1 − p̂)/(1 − μ))]/φ = t²·SE²/(p̂(1 − p̂))},
     * with {@code φ = (Ŵ/W)·m/(m − 1)} (observed weight share times m/(m − 1)). Peel solves the
     * equation exactly; R interpolates a spline through at most ten profile points, so it differs by
     * up to about 1e-4 relative on small samples.
     */
    LIKELIHOOD("likelihood") {
        @Override
        double[] bounds(double p, double se, double t, double alpha, SurveyMean m) {
            double phi = m.weightSum() / m.totalWeight() * m.n() / (m.n() - 1.0);
            double target = t * t * se * se / (p * (1 - p)) * phi / 2;
            return new double[] {root(p, target, true), root(p, target, false)};
        }
    };

    private final String rName;

    SurveyProportionMethod(String rName) {
        this.rName = rName;
    }

    /** R's name of the method, the argument of {@code svyciprop(method = ...)}, e.g. {@code logit}. */
    public String rName() {
        return rName;
    }

    /**
     * The name this method gives its intervals, {@link Interval#method()}: {@code svyciprop-}
     * followed by {@link #rName()}, e.g. {@code svyciprop-logit}.
     */
    public String label() {
        return "svyciprop-" + rName;
    }

    abstract double[] bounds(double p, double se, double t, double alpha, SurveyMean m);

    Interval interval(SurveyMean m, double level) {
        double p = m.estimate();
        double se = m.standardError();
        String name = label();
        if (Double.isNaN(p) || Double.isNaN(se)) {
            return Interval.of(Double.NaN, Double.NaN, name, level);
        }
        if (p < 0 || p > 1) {
            throw new IllegalStateException(Format.f("svyciprop intervals are for proportions, but the mean of %s is %s "
                    + "(use toEstimate().waldInterval(level) for a mean on another scale)", m.variable(), Format.num(p)));
        }
        double alpha = 1 - level;
        if ((p == 0 || p == 1) && this == BETA && m.n() > 0) {
            // Korn-Graubard with n* = n, the NCHS rule (Parker et al. 2017) where p(1 - p)/SE² is 0/0,
            // times R's degrees-of-freedom factor (1 unless a domain of a calibrated sample)
            double factor = m.degreesOfFreedom() < 1 ? 1 : dfFactor(m, alpha);
            double nStar = m.n() * factor;
            return Interval.of(p == 0 ? 0 : Distributions.betaQuantile(alpha / 2, nStar, 1),
                    p == 1 ? 1 : Distributions.betaQuantile(1 - alpha / 2, 1, nStar),
                    factor == 1 ? degenerateBoundLabel(name, p, m.n())
                            : Format.f("%s (p = %d: n* = %s from n = %d)", name, (int) p, Format.num(nStar), m.n()),
                    level);
        }
        if (p == 0 || p == 1 || se == 0) {
            return Interval.of(p, p, degenerateLabel(name, p, se), level);
        }
        if (m.degreesOfFreedom() < 1) {
            return Interval.of(Double.NaN, Double.NaN, name + " (undefined: df 0)", level);
        }
        double t = Distributions.tQuantile(1 - alpha / 2, m.degreesOfFreedom());
        double[] b = bounds(p, se, t, alpha, m);
        if (b[0] > b[1]) {
            return Interval.of(Double.NaN, Double.NaN, invertedLabel(name, b), level);
        }
        return Interval.of(b[0], b[1], name, level);
    }

    /**
     * The method name of a point interval {@code [p̂, p̂]}, saying why it is a point and what gives a
     * bound, e.g. {@code svyciprop-logit (degenerate: p = 0, se 0; the beta (Korn-Graubard) method
     * gives a bound)}.
     */
    static String degenerateLabel(String name, double p, double se) {
        if (p == 0 || p == 1) {
            return Format.f("%s (degenerate: p = %d, se 0; the beta (Korn-Graubard) method gives a bound)", name,
                    (int) p);
        }
        return name + " (degenerate: se 0)";
    }

    /**
     * The method name of an asin interval whose angle left [0, π/2]: the bounds are NaN and the name
     * gives R's inverted bounds.
     */
    static String invertedLabel(String name, double[] b) {
        return Format.f("%s (undefined: asin(sqrt(p)) +/- h leaves [0, pi/2]; R returns the inverted bounds [%s, %s])",
                name, Format.num(b[0]), Format.num(b[1]));
    }

    /** The method name of the Korn-Graubard bound at p̂ = 0 or 1, with the n* it used. */
    static String degenerateBoundLabel(String name, double p, int n) {
        return Format.f("%s (p = %d: n* = n = %d)", name, (int) p, n);
    }

    /** R's {@code (qt(α/2, nrow − 1)/qt(α/2, df))²} of the Korn-Graubard n*; exactly 1 when nrow − 1 = df. */
    static double dfFactor(SurveyMean m, double alpha) {
        if (m.rows() - 1 == m.degreesOfFreedom()) {
            return 1;
        }
        double ratio = Distributions.tQuantile(alpha / 2, m.rows() - 1.0) / Distributions.tQuantile(alpha / 2, m.degreesOfFreedom());
        return ratio * ratio;
    }

    static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Half the scaled deviance, {@code p log(p/μ) + (1−p) log((1−p)/(1−μ))}, at μ = expit(b). */
    static double halfDeviance(double p, double b) {
        double mu = expit(b);
        return p * Math.log(p / mu) + (1 - p) * Math.log((1 - p) / (1 - mu));
    }

    /** The logit-scale root of {@code halfDeviance = target} below (or above) logit p, back-transformed. */
    static double root(double p, double target, boolean below) {
        double b0 = Math.log(p / (1 - p));
        double step = 1;
        double inner = b0;
        double outer = below ? b0 - step : b0 + step;
        while (halfDeviance(p, outer) < target) {
            inner = outer;
            step *= 2;
            outer = below ? b0 - step : b0 + step;
            if (step > 1e3) {
                return below ? 0 : 1;
            }
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (inner + outer);
            if (mid == inner || mid == outer) {
                break;
            }
            if (halfDeviance(p, mid) < target) {
                inner = mid;
            } else {
                outer = mid;
            }
        }
        return expit(0.5 * (inner + outer));
    }
}
