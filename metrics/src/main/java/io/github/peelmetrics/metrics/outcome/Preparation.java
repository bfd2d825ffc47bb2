package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.core.internal.Format;

/**
 * What OPP's {@code opp_prepare_for_disparity} ({@code lib/opp.R} lines 873-951) did to the rows
 * before the hit rates.
 *
 * @param rowsIn                   the rows given
 * @param outcomeNaFilledFalse     rows whose unrecorded outcome was read as "nothing found" because there was no action
 * @param nullRate                 the share of {@code rowsIn} dropped because race, action, outcome, district or
 *                                 location was unrecorded
 * @param outcomeWithoutActionRate the share of {@code rowsIn} dropped because something was found without the action
 *                                 (a weapon found in a search, not a frisk)
 * @param rowsUsed                 the rows left
 */
public record Preparation(long rowsIn, long outcomeNaFilledFalse, double nullRate, double outcomeWithoutActionRate,
        long rowsUsed) {

    @Override
    public String toString() {
        return rowsIn + " rows, " + rowsUsed + " used; " + outcomeNaFilledFalse + " without action and outcome read as "
                + "nothing found; dropped " + Format.num(nullRate) + " unrecorded, " + Format.num(outcomeWithoutActionRate)
                + " found without action";
    }
}
