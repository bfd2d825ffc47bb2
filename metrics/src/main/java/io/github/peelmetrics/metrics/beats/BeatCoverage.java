package io.github.peelmetrics.metrics.beats;

import java.util.Locale;
import java.util.Objects;

/**
 * How much of one beat's coverage comes from its regular officers (those whose primary beat it is).
 *
 * @param beat             the beat
 * @param shifts           shifts worked on the beat, at least 1
 * @param shiftsByRegulars those worked by the beat's regular officers
 * @param regularOfficers  how many officers have it as their primary beat
 * @param share            {@code shiftsByRegulars / shifts}, in [0, 1]
 */
public record BeatCoverage(String beat, long shifts, long shiftsByRegulars, long regularOfficers, double share) {

    /** Checks the counts and that the share is {@code shiftsByRegulars / shifts}. */
    public BeatCoverage {
        Objects.requireNonNull(beat, "beat of beat coverage must not be null");
        if (shifts < 1 || shiftsByRegulars < 0 || shiftsByRegulars > shifts || regularOfficers < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "beat coverage of %s needs 0 <= shiftsByRegulars %d <= shifts %d, shifts >= 1 and "
                            + "regularOfficers %d >= 0", beat, shiftsByRegulars, shifts, regularOfficers));
        }
        if (Double.compare(share, (double) shiftsByRegulars / shifts) != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "share of beat coverage of %s must be shiftsByRegulars / shifts = %s: %s", beat,
                    (double) shiftsByRegulars / shifts, share));
        }
    }

    /** The coverage of a beat, its share computed. */
    public static BeatCoverage of(String beat, long shifts, long shiftsByRegulars, long regularOfficers) {
        return new BeatCoverage(beat, shifts, shiftsByRegulars, regularOfficers,
                (double) shiftsByRegulars / shifts);
    }

    /** E.g. {@code B03: 0.750 of 40 shifts by 3 regular officers}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.3f of %d shifts by %d regular officers", beat, share, shifts,
                regularOfficers);
    }
}
