package io.github.peelmetrics.metrics.evaluation;

import java.util.Objects;

/**
 * One group-time average effect {@code ATT(g, t)} of Callaway and Sant'Anna (2021): the cohort
 * adopting in {@code g}, in period {@code t}, against its base period.
 *
 * @param group      the cohort's first treated period {@code g}
 * @param time       the period {@code t}
 * @param basePeriod {@code b}: the last period before {@code g} when {@code t ≥ g}, else {@code t}'s
 *                   previous period (the "varying" base of the pre-period placebo cells)
 * @param post       whether {@code t ≥ g}
 * @param att        {@code mean_{cohort}(Y_t − Y_b) − mean_{never treated}(Y_t − Y_b)}
 */
public record GroupTimeAtt(int group, int time, int basePeriod, boolean post, AttEstimate att) {

    /** Validates. */
    public GroupTimeAtt {
        Objects.requireNonNull(att, "att of GroupTimeAtt must not be null");
    }

    /** The event time {@code t − g}. */
    public int eventTime() {
        return time - group;
    }

    @Override
    public String toString() {
        return "ATT(" + group + ", " + time + ") = " + att;
    }
}
