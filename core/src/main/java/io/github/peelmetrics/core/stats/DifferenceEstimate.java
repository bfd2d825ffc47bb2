package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * A difference (of risks, proportions, means) with its interval.
 *
 * @param estimate the difference
 * @param interval its confidence interval
 */
public record DifferenceEstimate(double estimate, Interval interval) {

    /** Validates. */
    public DifferenceEstimate {
        Objects.requireNonNull(interval, "DifferenceEstimate interval must not be null");
    }

    /**
     * The interval clipped to [-1, 1], as R's {@code prop.test} reports a difference of proportions
     * (statsmodels does not clip).
     */
    public DifferenceEstimate clippedToUnit() {
        return new DifferenceEstimate(estimate, new Interval(Math.max(-1, interval.lower()),
                Math.min(1, interval.upper()), interval.method(), interval.level()));
    }

    @Override
    public String toString() {
        return Format.num(estimate) + " " + interval;
    }
}
