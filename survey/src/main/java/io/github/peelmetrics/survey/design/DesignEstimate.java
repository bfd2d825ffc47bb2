package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.survey.SurveyProportionMethod;
import java.util.Objects;

/**
 * A design-based mean or total with its linearization standard error and the design's degrees of
 * freedom, as R {@code survey}'s {@code svymean} / {@code svytotal} with {@code degf(design)}; see
 * {@link SurveyDesign}.
 *
 * <pre>{@code
 * jshell> var d = SurveyDesign.builder(6).weights(new double[] {10, 10, 20, 20, 15, 15}).strata(new String[] {"A", "A", "A", "B", "B", "B"}).cluster(new String[] {"1", "1", "2", "1", "2", "3"}).nest().numeric("y", new double[] {1, 0, 1, 1, 0, 1}).build()
 * SurveyDesign[n=6, 2 strata, 5 PSUs, 1 stage, df 3, numeric=[y], factors=[]]
 * jshell> d.mean("y").interval(SurveyProportionMethod.BETA)
 * [0.1217, 0.9961] 95% svyciprop-beta
 * }</pre>
 *
 * @param statistic         mean or total
 * @param variable          the variable
 * @param subset            {@code "all"}, or the domain as {@code variable=level}
 * @param estimate          the weighted mean or total over the observed values (in the domain)
 * @param standardError     the linearization standard error (NaN with no observed value)
 * @param degreesOfFreedom  R's {@code degf} of the design passed (domain-aware): PSUs − strata
 * @param n                 the observed values used
 * @param rows              the rows of the design passed (the domain's rows, missing values
 *                          included), R's {@code nrow(design)}, used by the Korn-Graubard interval
 * @param logitStandardError the standard error of logit p̂ used by the logit interval: the delta
 *                          method {@code SE/(p̂(1 − p̂))} on a linearization design (where R's
 *                          quasibinomial fit converges to it), the replicate standard error of the
 *                          logit refitted on every replicate on a replicate design; NaN for a total
 *                          or a mean outside (0, 1)
 */
public record DesignEstimate(Statistic statistic, String variable, String subset, double estimate,
        double standardError, int degreesOfFreedom, int n, int rows, double logitStandardError) {

    /** What the estimate is. */
    public enum Statistic {
        /** The weighted mean {@code Σ w y / Σ w} (R's {@code svymean}). */
        MEAN,
        /** The weighted total {@code Σ w y} (R's {@code svytotal}). */
        TOTAL
    }

    /** Validates the names and counts. */
    public DesignEstimate {
        Objects.requireNonNull(statistic, "DesignEstimate statistic must not be null");
        Checks.name("DesignEstimate variable", variable);
        Checks.name("DesignEstimate subset", subset);
        if (n < 0 || n > rows) {
            throw new IllegalArgumentException(Format.f("DesignEstimate of %s: n %d must be in [0, rows %d]",
                    variable, n, rows));
        }
    }

    /** A 95% interval of a proportion by this method; see {@link #interval(SurveyProportionMethod, double)}. */
    public Interval interval(SurveyProportionMethod method) {
        return interval(method, Interval.DEFAULT_LEVEL);
    }

    /**
     * An interval of a proportion (a mean in [0, 1]), R's {@code svyciprop(~y, design, method,
     * level)}, with the t quantile on {@link #degreesOfFreedom()}: {@code MEAN} p̂ ± t·SE;
     * {@code XLOGIT} {@code expit(logit p̂ ± t·SE/(p̂(1 − p̂)))}; {@code LOGIT}
     * {@code expit(logit p̂ ± t·}{@link #logitStandardError()}{@code )} (R's quasibinomial
     * {@code svyglm}, refitted on every replicate of a replicate design); {@code BETA} Korn-Graubard with
     * {@code n* = p̂(1 − p̂)/SE² · (qt(α/2, rows − 1)/qt(α/2, df))²}; {@code ASIN}
     * {@code sin²(asin √p̂ ± t·SE/(2√(p̂(1 − p̂))))} as R computes it (the angle is not kept in
     * [0, π/2]; on tiny samples that can put the lower bound above the upper: R returns those inverted
     * bounds, Peel NaN bounds whose method says why and gives R's values).
     *
     * <p><b>Degenerate intervals.</b> When p̂ is 0 or 1 (a domain where every answer is the same; the
     * standard error is then 0) every method but {@code BETA} gives the point {@code [p̂, p̂]} and
     * says so in {@link Interval#method()}: {@code svyciprop-logit (degenerate: p = 0, se 0; the beta
     * (Korn-Graubard) method gives a bound)}. {@code BETA} then gives a useful bound: Korn-Graubard
     * with {@code n* = n·(qt(α/2, rows − 1)/qt(α/2, df))²}, n the observed respondents (the NCHS
     * data presentation standards for proportions, Parker et al. 2017, set n* = n when p̂ is 0 or 1);
     * R's {@code svyciprop} gives NaN there (0/0). A standard error of 0 with p̂ in (0, 1) gives the
     * point marked {@code (degenerate: se 0)}.
     *
     * @throws IllegalStateException for a total, or a mean outside [0, 1]
     * @throws IllegalArgumentException for {@code LIKELIHOOD} (not available for designs), or unless
     *     {@code 0 < level < 1}
     */
    public Interval interval(SurveyProportionMethod method, double level) {
        Objects.requireNonNull(method, "survey proportion method must not be null");
        Checks.level(level, "DesignEstimate");
        if (statistic != Statistic.MEAN) {
            throw new IllegalStateException("svyciprop intervals are for means of 0/1 variables, not totals: " + variable);
        }
        double p = estimate;
        double se = standardError;
        String name = method.label();
        if (Double.isNaN(p) || Double.isNaN(se)) {
            return Interval.of(Double.NaN, Double.NaN, name, level);
        }
        if (p < 0 || p > 1) {
            throw new IllegalStateException(Format.f("svyciprop intervals are for proportions, but the mean of %s is %s",
                    variable, Format.num(p)));
        }
        double alpha = 1 - level;
        if ((p == 0 || p == 1) && method == SurveyProportionMethod.BETA && n > 0) {
            // Korn-Graubard with n* = n (NCHS, Parker et al. 2017), with R's degrees-of-freedom ratio
            double ratio = degreesOfFreedom < 1 || rows < 2 ? 1 : Distributions.tQuantile(alpha / 2, rows - 1.0)
                    / Distributions.tQuantile(alpha / 2, degreesOfFreedom);
            double nStar = Double.isFinite(ratio) && ratio > 0 ? n * ratio * ratio : n;
            return Interval.of(p == 0 ? 0 : Distributions.betaQuantile(alpha / 2, nStar, 1),
                    p == 1 ? 1 : Distributions.betaQuantile(1 - alpha / 2, 1, nStar),
                    Format.f("%s (p = %d: n* = %s from n = %d)", name, (int) p, Format.num(nStar), n), level);
        }
        if (p == 0 || p == 1) {
            return Interval.of(p, p, Format.f("%s (degenerate: p = %d, se 0; the beta (Korn-Graubard) method gives "
                    + "a bound)", name, (int) p), level);
        }
        if (se == 0) {
            return Interval.of(p, p, name + " (degenerate: se 0)", level);
        }
        if (degreesOfFreedom < 1) { // a domain in one PSU: R's qt(., 0) is NaN
            return Interval.of(Double.NaN, Double.NaN, name + " (undefined: df 0)", level);
        }
        double t = Distributions.tQuantile(1 - alpha / 2, degreesOfFreedom);
        switch (method) {
            case MEAN:
                return Interval.of(p - t * se, p + t * se, name, level);
            case LOGIT: {
                double l = Math.log(p / (1 - p));
                double h = t * logitStandardError;
                return Interval.of(expit(l - h), expit(l + h), name, level);
            }
            case XLOGIT: {
                double l = Math.log(p / (1 - p));
                double h = t * se / (p * (1 - p));
                return Interval.of(expit(l - h), expit(l + h), name, level);
            }
            case ASIN: {
                double a = Math.asin(Math.sqrt(p));
                double h = t * se / (2 * Math.sqrt(p * (1 - p)));
                double lo = Math.sin(a - h);
                double hi = Math.sin(a + h);
                if (lo * lo > hi * hi) {
                    return Interval.of(Double.NaN, Double.NaN, Format.f("%s (undefined: asin(sqrt(p)) +/- h leaves "
                            + "[0, pi/2]; R returns the inverted bounds [%s, %s])", name, Format.num(lo * lo),
                            Format.num(hi * hi)), level);
                }
                return Interval.of(lo * lo, hi * hi, name, level);
            }
            case BETA: {
                double ratio = Distributions.tQuantile(alpha / 2, rows - 1.0) / Distributions.tQuantile(alpha / 2,
                        degreesOfFreedom);
                double nEff = p * (1 - p) / (se * se) * ratio * ratio;
                return Interval.of(Distributions.betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1),
                        Distributions.betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p)), name, level);
            }
            default:
                throw new IllegalArgumentException("svyciprop method " + method.rName()
                        + " is not available for complex designs; use mean, xlogit, logit, beta or asin");
        }
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Statistic, variable (and domain), estimate, standard error and degrees of freedom. */
    @Override
    public String toString() {
        return Format.f("%s %s%s: %s (se %s, df %d)", statistic == Statistic.MEAN ? "mean" : "total", variable,
                subset.equals("all") ? "" : " | " + subset, Format.num(estimate), Format.num(standardError),
                degreesOfFreedom);
    }
}
