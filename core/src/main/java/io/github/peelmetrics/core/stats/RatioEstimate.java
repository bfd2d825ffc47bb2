package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * A ratio (risk ratio, odds ratio, rate ratio, disparity index) with its interval.
 *
 * <p>Values follow IEEE arithmetic at zero cells, as the reference implementations do: a zero
 * numerator gives 0 with interval {@code [0, NaN]}, a zero denominator gives infinity with
 * {@code [NaN, Infinity]} (epitools' convention).
 *
 * @param estimate the ratio
 * @param interval its confidence interval
 */
public record RatioEstimate(double estimate, Interval interval) {

    /** Validates. */
    public RatioEstimate {
        Objects.requireNonNull(interval, "RatioEstimate interval must not be null");
        if (estimate < 0) {
            throw new IllegalArgumentException("RatioEstimate estimate must not be negative (a ratio): " + estimate);
        }
    }

    /** The reciprocal ratio, with the interval's bounds swapped and inverted. */
    public RatioEstimate inverse() {
        return new RatioEstimate(1 / estimate,
                new Interval(1 / interval.upper(), 1 / interval.lower(), interval.method(), interval.level()));
    }

    @Override
    public String toString() {
        return Format.num(estimate) + " " + interval;
    }
}
