package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;

/**
 * A point estimate with its standard error and the sample it came from.
 *
 * <pre>{@code
 * jshell> Estimate.of(0.49, 0.05, 100)
 * 0.4900 (se 0.05000, n 100)
 * jshell> Estimate.of(0.49, 0.05, 100).waldInterval()
 * [0.3920, 0.5880] 95% wald
 * }</pre>
 *
 * @param estimate      the point estimate (NaN when not defined, e.g. no observation)
 * @param standardError its standard error (NaN when not defined, e.g. one observation)
 * @param n             the number of observations used
 * @param effectiveN    the effective sample size (Kish's {@code (Σw)²/Σw²} for weighted data;
 *                      {@code n} for unweighted)
 */
public record Estimate(double estimate, double standardError, long n, double effectiveN) {

    /**
     * Validates: {@code n >= 0}, standard error not negative (NaN allowed: not defined), effective
     * n a number in [0, ∞).
     */
    public Estimate {
        if (n < 0) {
            throw new IllegalArgumentException("Estimate n must not be negative: " + n);
        }
        if (standardError < 0) {
            throw new IllegalArgumentException("Estimate standardError must not be negative: " + standardError);
        }
        if (!(effectiveN >= 0)) {
            throw new IllegalArgumentException("Estimate effectiveN must be a number >= 0: " + effectiveN);
        }
    }

    /** An unweighted estimate: effective n equals n. */
    public static Estimate of(double estimate, double standardError, long n) {
        return new Estimate(estimate, standardError, n, n);
    }

    /** The normal-theory (Wald) interval {@code estimate ± z·se} at 95%. */
    public Interval waldInterval() {
        return waldInterval(Interval.DEFAULT_LEVEL);
    }

    /**
     * The normal-theory (Wald) interval {@code estimate ± z·se} with {@code z = Φ⁻¹((1 + level)/2)}.
     *
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     */
    public Interval waldInterval(double level) {
        double z = Distributions.normalQuantile(0.5 + Checks.level(level, "Estimate") / 2);
        return Interval.of(estimate - z * standardError, estimate + z * standardError, "wald", level);
    }

    @Override
    public String toString() {
        return Format.num(estimate) + " (se " + Format.num(standardError) + ", n " + n
                + (effectiveN == n ? "" : ", n_eff " + Format.num(effectiveN)) + ")";
    }
}
