package io.github.peelmetrics.metrics.beats;

import java.util.Locale;
import java.util.Objects;

/**
 * How much of one officer's time is spent on one beat.
 *
 * @param officerId           the officer
 * @param primaryBeat         the beat with most of the officer's shifts (ties: the smallest beat id)
 * @param shifts              the officer's shifts (distinct officer, beat, day, shift assignments), at least 1
 * @param shiftsOnPrimaryBeat those on the primary beat
 * @param share               {@code shiftsOnPrimaryBeat / shifts}, in (0, 1]
 */
public record OfficerStability(String officerId, String primaryBeat, long shifts, long shiftsOnPrimaryBeat,
                               double share) {

    /** Checks the counts and that the share is {@code shiftsOnPrimaryBeat / shifts}. */
    public OfficerStability {
        Objects.requireNonNull(officerId, "officerId of officer stability must not be null");
        Objects.requireNonNull(primaryBeat, "primaryBeat of officer stability " + officerId + " must not be null");
        if (shifts < 1 || shiftsOnPrimaryBeat < 1 || shiftsOnPrimaryBeat > shifts) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "officer stability of %s needs 1 <= shiftsOnPrimaryBeat %d <= shifts %d", officerId,
                    shiftsOnPrimaryBeat, shifts));
        }
        if (Double.compare(share, (double) shiftsOnPrimaryBeat / shifts) != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "share of officer stability of %s must be shiftsOnPrimaryBeat / shifts = %s: %s", officerId,
                    (double) shiftsOnPrimaryBeat / shifts, share));
        }
    }

    /** The stability of an officer, its share computed. */
    public static OfficerStability of(String officerId, String primaryBeat, long shifts, long shiftsOnPrimaryBeat) {
        return new OfficerStability(officerId, primaryBeat, shifts, shiftsOnPrimaryBeat,
                (double) shiftsOnPrimaryBeat / shifts);
    }

    /** E.g. {@code o-17: 0.800 of 20 shifts on B03}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.3f of %d shifts on %s", officerId, share, shifts, primaryBeat);
    }
}
