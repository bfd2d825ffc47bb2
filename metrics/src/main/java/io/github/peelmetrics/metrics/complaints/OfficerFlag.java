package io.github.peelmetrics.metrics.complaints;

import java.util.Locale;
import java.util.Objects;

/**
 * One officer's line of an {@link EarlyIntervention} list.
 *
 * @param officer    the officer id, or its keyed pseudonym when pseudonymized
 * @param complaints complaints naming the officer
 * @param exposure   the officer's exposure (shifts, contacts, years: whatever the caller measured)
 * @param expected   complaints expected at the peers' rate: {@code peerRate × exposure}
 * @param pValue     Poisson upper tail {@code P(X >= complaints)} for mean {@code expected}
 * @param adjusted   the Benjamini-Hochberg adjusted p-value over every officer of the list
 * @param flagged    whether {@code adjusted <= q}, the false discovery rate of the list
 */
public record OfficerFlag(String officer, long complaints, double exposure, double expected, double pValue,
                          double adjusted, boolean flagged) {

    /** Validates the fields. */
    public OfficerFlag {
        Objects.requireNonNull(officer, "officer of officer flag must not be null");
        if (complaints < 0) {
            throw new IllegalArgumentException("complaints of officer flag " + officer + " must not be negative: "
                    + complaints);
        }
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure of officer flag " + officer + " must be positive and finite: "
                    + exposure);
        }
    }

    /** Observed over expected complaints. */
    public double ratio() {
        return complaints / expected;
    }

    /** E.g. {@code officer-3f2a... 9 complaints, 2.31 expected, p=0.0012, BH 0.031 FLAGGED}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %d complaints, %.3g expected, p=%.3g, BH %.3g%s", officer, complaints,
                expected, pValue, adjusted, flagged ? " FLAGGED" : "");
    }
}
