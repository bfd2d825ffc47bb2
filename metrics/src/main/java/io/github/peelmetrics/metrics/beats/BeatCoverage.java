package io.github.peelmetrics.metrics.beats;

import java.util.Locale;

/**
 * How much of one beat's coverage comes from its regular officers (those whose primary beat it is).
 *
 * @param beat             the beat
 * @param shifts           shifts worked on the beat
 * @param shiftsByRegulars those worked by the beat's regular officers
 * @param regularOfficers  how many officers have it as their primary beat
 */
public record BeatCoverage(String beat, long shifts, long shiftsByRegulars, long regularOfficers) {

    /** {@code shiftsByRegulars / shifts}, in [0, 1]. */
    public double share() {
        return (double) shiftsByRegulars / shifts;
    }

    /** E.g. {@code B03: 0.750 of 40 shifts by 3 regular officers}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.3f of %d shifts by %d regular officers", beat, share(), shifts,
                regularOfficers);
    }
}
