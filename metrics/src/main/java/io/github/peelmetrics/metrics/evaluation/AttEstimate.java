package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import java.util.Objects;

/**
 * An average treatment effect on the treated with its analytic standard error and pointwise
 * normal interval {@code att ∓ z_{(1+level)/2}·se}.
 *
 * @param estimate      the effect, in the outcome's units (rate per 100,000, or log rate)
 * @param standardError the standard error from the influence function
 * @param interval      the pointwise interval
 */
public record AttEstimate(double estimate, double standardError, Interval interval) {

    /** Validates. */
    public AttEstimate {
        Objects.requireNonNull(interval, "interval of AttEstimate must not be null");
    }

    @Override
    public String toString() {
        return Format.num(estimate) + " (se " + Format.num(standardError) + ") " + interval;
    }
}
