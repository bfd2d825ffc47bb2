package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;

/**
 * One officer's exposure and event count in one peer stratum: the input row of a
 * {@link PeerComparison} ("officer P02001 worked 969 shifts in stratum ALL and drew 12 complaints").
 *
 * <p>The stratum is the peer group the officer is compared within (district x watch, beat x shift
 * x period, or {@code "ALL"} for one pooled group); the exposure is what the events are counted
 * per (shifts, contacts, arrests). Several rows for the same officer and stratum (one per month,
 * say) are summed by {@link PeerComparison#of}.
 *
 * @param officer  the officer's id (or pseudonym), not blank
 * @param stratum  the peer stratum, not blank
 * @param exposure the exposure, finite and not negative
 * @param count    the number of events, not negative; must be 0 when the exposure is 0
 */
public record ExposureRecord(String officer, String stratum, double exposure, long count) {

    /** Validates each field; the message names the officer, the field and the value. */
    public ExposureRecord {
        Checks.name("officer of ExposureRecord", officer);
        Checks.name("stratum of ExposureRecord (officer " + officer + ")", stratum);
        if (!(exposure >= 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException(Format.f("exposure of officer %s in stratum %s must be finite and not "
                    + "negative: %s", officer, stratum, exposure));
        }
        if (count < 0) {
            throw new IllegalArgumentException(Format.f("count of officer %s in stratum %s must not be negative: %d",
                    officer, stratum, count));
        }
        if (exposure == 0 && count > 0) {
            throw new IllegalArgumentException(Format.f("officer %s has %d events in stratum %s but no exposure there: "
                    + "events need exposure", officer, count, stratum));
        }
    }

    /** A row. */
    public static ExposureRecord of(String officer, String stratum, double exposure, long count) {
        return new ExposureRecord(officer, stratum, exposure, count);
    }

    @Override
    public String toString() {
        return officer + " in " + stratum + ": " + count + " / " + Format.num(exposure);
    }
}
