package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.stats.Estimate;
import io.github.peelmetrics.core.stats.Interval;
import java.util.Objects;

/**
 * A design-based weighted mean (a proportion for a 0/1 variable) with its linearization
 * standard error and design effects, as R {@code survey}'s {@code svymean(~y, design, na.rm =
 * TRUE, deff = TRUE)}; see {@link WeightedSample} for the variance.
 *
 * <p>{@code deff = Var / V_srs} with {@code V_srs = s²·(Ŵ − m)/(Ŵ·m)}, where m is the number of
 * observed values, Ŵ their weight sum and {@code s² = Σ w(y − ȳ)²/Σ w · m/(m − 1)}; R's
 * {@code deff = "replace"} uses {@code V_srs = s²/m} ({@link #deffReplace()}).
 *
 * <p>Edge cases: with no observed value the mean, standard error and design effects are NaN;
 * with one, the standard error is 0 (or NaN when n = 1) and the design effects NaN.
 *
 * @param variable          the variable
 * @param subset            {@code "all"}, or the domain as {@code variable=level}
 * @param mean              {@code Σ_S w y / Σ_S w} over the observed values S (in the domain)
 * @param standardError     the linearization standard error after calibration
 * @param n                 all respondents of the sample (the variance sums over them)
 * @param domainSize        respondents in the domain (= n for the whole sample)
 * @param nonMissing        m, observed values in the domain
 * @param weightSum         Ŵ, the weight sum of those observed values
 * @param totalWeight       the weight sum of all n respondents
 * @param kishEffectiveN    Kish's {@code (Σ_S w)²/Σ_S w²} over the observed values
 * @param deff              design effect against simple random sampling without replacement
 * @param deffReplace       design effect against simple random sampling with replacement
 */
public record SurveyMean(String variable, String subset, double mean, double standardError, int n, int domainSize,
        int nonMissing, double weightSum, double totalWeight, double kishEffectiveN, double deff, double deffReplace) {

    /** The confidence level used when none is given. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** Validates the names and counts. */
    public SurveyMean {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(subset, "subset");
        if (n < 1 || nonMissing < 0 || nonMissing > domainSize || domainSize > n) {
            throw new IllegalArgumentException(Text.f("survey mean of %s: inconsistent counts n %d, domain %d, observed %d",
                    variable, n, domainSize, nonMissing));
        }
    }

    /** The degrees of freedom of the design, {@code n − 1} (R's {@code degf}). */
    public int degreesOfFreedom() {
        return n - 1;
    }

    /** A 95% interval by this method; see {@link CiMethod}. */
    public Interval interval(CiMethod method) {
        return interval(method, DEFAULT_LEVEL);
    }

    /**
     * An interval at this level by this method, as R's
     * {@code svyciprop(~y, design, method = ..., level = ...)}; see {@link CiMethod}.
     *
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     */
    public Interval interval(CiMethod method, double level) {
        Objects.requireNonNull(method, "method must not be null");
        return method.interval(this, Text.checkLevel(level));
    }

    /** As a core {@link Estimate}: point, standard error, observed count, Kish effective n. */
    public Estimate toEstimate() {
        return new Estimate(mean, Double.isNaN(standardError) ? Double.NaN : standardError, nonMissing,
                Double.isNaN(kishEffectiveN) ? 0 : kishEffectiveN);
    }

    /** For example {@code approve: 0.5217 (se 0.0382, 293 of 300 observed, deff 1.56)}. */
    @Override
    public String toString() {
        return Text.f("%s%s: %s (se %s, %d of %d observed, deff %s)", variable,
                subset.equals("all") ? "" : " | " + subset, Text.num(mean), Text.num(standardError),
                nonMissing, domainSize, Text.num(deff));
    }
}
