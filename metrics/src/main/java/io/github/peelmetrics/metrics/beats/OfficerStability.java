package io.github.peelmetrics.metrics.beats;

import java.util.Locale;

/**
 * How much of one officer's time is spent on one beat.
 *
 * @param officerId           the officer
 * @param primaryBeat         the beat with most of the officer's shifts (ties: the smallest beat id)
 * @param shifts              the officer's shifts (distinct officer, beat, day, shift assignments)
 * @param shiftsOnPrimaryBeat those on the primary beat
 */
public record OfficerStability(String officerId, String primaryBeat, long shifts, long shiftsOnPrimaryBeat) {

    /** {@code shiftsOnPrimaryBeat / shifts}, in (0, 1]. */
    public double share() {
        return (double) shiftsOnPrimaryBeat / shifts;
    }

    /** E.g. {@code o-17: 0.800 of 20 shifts on B03}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.3f of %d shifts on %s", officerId, share(), shifts, primaryBeat);
    }
}
