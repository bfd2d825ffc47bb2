package io.github.peelmetrics.metrics.evaluation;

import java.util.Objects;

/**
 * The dynamic aggregation of group-time effects at one event time {@code e = t − g}: the average
 * of the {@code ATT(g, g + e)} weighted by cohort size.
 *
 * @param eventTime {@code e}; negative event times are the pre-period placebo cells
 * @param att       the aggregated effect
 */
public record EventTimeAtt(int eventTime, AttEstimate att) {

    /** Validates. */
    public EventTimeAtt {
        Objects.requireNonNull(att, "att of EventTimeAtt must not be null");
    }

    @Override
    public String toString() {
        return "e=" + eventTime + ": " + att;
    }
}
