package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Estimate;
import io.github.peelmetrics.core.stats.Interval;
import java.util.Objects;

/**
 * A design-based weighted mean (a proportion for a 0/1 variable) with its linearization
 * standard error and design effects, as R {@code survey}'s {@code svymean(~y, design, na.rm =
 * TRUE, deff = TRUE)}; see {@link WeightedSample} for the variance.
 *
 * <pre>{@code
 * jshell> var m = SurveySample.ofWeights(new double[] {1, 2, 1.5, 3}).withNumeric("approve", new double[] {1, 0, Double.NaN, 1}).design().mean("approve")
 * approve: 0.6667 (se 0.3271, 3 of 4 observed, deff 1.926)
 * jshell> m.interval(SurveyProportionMethod.BETA)
 * [0.04394, 0.9981] 95% svyciprop-beta
 * jshell> m.toEstimate()
 * 0.6667 (se 0.3271, n 3, n_eff 2.571)
 * }</pre>
 *
 * <p>{@code deff = Var / V_srs} with {@code V_srs = s²·(Ŵ − m)/(Ŵ·m)}, where m is the number of
 * observed values, Ŵ their weight sum and {@code s² = Σ w(y − ȳ)²/Σ w · m/(m − 1)}; R's
 * {@code deff = "replace"} uses {@code V_srs = s²/m} ({@link #deffReplace()}).
 *
 * <p>Edge cases: with no observed value the estimate, standard error and design effects are NaN;
 * with one, the standard error is 0 (or NaN when the sample has one respondent) and the design
 * effects NaN.
 *
 * @param variable      the variable
 * @param subset        {@code "all"}, or the domain as {@code variable=level}
 * @param estimate      the weighted mean {@code Σ_S w y / Σ_S w} over the observed values S (in the
 *                      domain)
 * @param standardError the linearization standard error after calibration
 * @param n             m, the observed values used (in the domain), as {@link Estimate#n()}
 * @param domainSize    respondents in the domain (= sampleSize for the whole sample)
 * @param sampleSize    all respondents of the sample (the variance sums over them)
 * @param rows          R's {@code nrow(design)} of the design that {@code svyciprop} is given, used
 *                      by the Korn-Graubard interval: {@code domainSize} for a domain of an
 *                      uncalibrated sample (R drops the other rows), {@code sampleSize} for the
 *                      whole sample or a domain of a calibrated one (R keeps every row, with
 *                      weight 0 outside the domain)
 * @param weightSum     Ŵ, the weight sum of the observed values
 * @param totalWeight   the weight sum of all respondents of the sample
 * @param effectiveN    Kish's {@code (Σ_S w)²/Σ_S w²} over the observed values, as
 *                      {@link Estimate#effectiveN()} (0 with no observed value)
 * @param deff          design effect against simple random sampling without replacement
 * @param deffReplace   design effect against simple random sampling with replacement
 */
public record SurveyMean(String variable, String subset, double estimate, double standardError, int n,
        int domainSize, int sampleSize, int rows, double weightSum, double totalWeight, double effectiveN, double deff,
        double deffReplace) {

    /** Validates the names and counts. */
    public SurveyMean {
        Checks.name("SurveyMean variable", variable);
        Checks.name("SurveyMean subset", subset);
        if (sampleSize < 1 || n < 0 || n > domainSize || domainSize > sampleSize
                || (rows != domainSize && rows != sampleSize)) {
            throw new IllegalArgumentException(Format.f(
                    "SurveyMean of %s: inconsistent counts: n %d, domainSize %d, sampleSize %d, rows %d "
                            + "(need 0 <= n <= domainSize <= sampleSize, sampleSize >= 1, rows domainSize or sampleSize)",
                    variable, n, domainSize, sampleSize, rows));
        }
        if (!(effectiveN >= 0)) {
            throw new IllegalArgumentException(Format.f("SurveyMean of %s: effectiveN must be a number >= 0: %s",
                    variable, effectiveN));
        }
    }

    /**
     * The degrees of freedom of the design, R's {@code degf} of the design passed to
     * {@code svyciprop}, domain-aware: {@code domainSize − 1} (each respondent is a PSU, and a
     * domain's design counts only the respondents in it, missing answers included), which is
     * {@code sampleSize − 1} for the whole sample; the t quantile of the intervals uses it.
     */
    public int degreesOfFreedom() {
        return domainSize - 1;
    }

    /** A 95% interval by this method; see {@link SurveyProportionMethod}. */
    public Interval interval(SurveyProportionMethod method) {
        return interval(method, Interval.DEFAULT_LEVEL);
    }

    /**
     * An interval at this level by this method, as R's
     * {@code svyciprop(~y, design, method = ..., level = ...)}; see {@link SurveyProportionMethod}.
     *
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     * @throws IllegalStateException if the estimate is not in [0, 1] (not a proportion)
     */
    public Interval interval(SurveyProportionMethod method, double level) {
        Objects.requireNonNull(method, "survey proportion method must not be null");
        return method.interval(this, Checks.level(level, "SurveyMean"));
    }

    /** As a core {@link Estimate}: estimate, standard error, n (observed values) and effective n. */
    public Estimate toEstimate() {
        return new Estimate(estimate, standardError, n, effectiveN);
    }

    /** The variable (and domain), estimate, standard error, n of the domain size and deff, as in the example above. */
    @Override
    public String toString() {
        return Format.f("%s%s: %s (se %s, %d of %d observed, deff %s)", variable,
                subset.equals("all") ? "" : " | " + subset, Format.num(estimate), Format.num(standardError),
                n, domainSize, Format.num(deff));
    }
}
