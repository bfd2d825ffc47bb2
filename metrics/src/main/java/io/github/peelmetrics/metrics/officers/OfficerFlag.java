package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import java.util.Objects;

/**
 * One officer's line of an {@link EarlyIntervention} list.
 *
 * @param officer  the officer id, or its keyed pseudonym when the list is pseudonymized
 * @param observed the officer's count (complaints accusing the officer, or the caller's events)
 * @param exposure the officer's exposure (shifts, contacts, years: whatever the caller measured)
 * @param expected the count expected from peers in the same strata with the same exposure
 * @param ratio    {@code observed / expected}
 * @param interval the exact Poisson interval of the ratio (for the officer's own count)
 * @param z        the officer's z-score under the list's model (additive random effects, or the
 *                 square-root-scale z of the Poisson model)
 * @param pValue   the one-sided p-value of "more than peers" under the list's model
 * @param adjusted {@code pValue} adjusted by Benjamini-Hochberg over every officer of the list
 * @param flagged  whether {@code adjusted <= q}, the false discovery rate of the list
 */
public record OfficerFlag(String officer, long observed, double exposure, double expected, double ratio,
                          Interval interval, double z, double pValue, double adjusted, boolean flagged) {

    /** Validates the fields. */
    public OfficerFlag {
        Objects.requireNonNull(officer, "officer of officer flag must not be null");
        Objects.requireNonNull(interval, "interval of officer flag " + officer + " must not be null");
        if (observed < 0) {
            throw new IllegalArgumentException("observed of officer flag " + officer + " must not be negative: " + observed);
        }
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure of officer flag " + officer + " must be positive and finite: "
                    + exposure);
        }
        if (!(expected > 0) || Double.isInfinite(expected)) {
            throw new IllegalArgumentException("expected of officer flag " + officer + " must be positive and finite: "
                    + expected);
        }
    }

    /** E.g. {@code officer-3f2a... 114 observed, 21.1 expected, ratio 5.40 [4.45, 6.49], z 4.22, p 1.22e-05, BH 0.00184 FLAGGED}. */
    @Override
    public String toString() {
        return Format.f("%s %d observed, %s expected, ratio %s [%s, %s], z %s, p %s, BH %s%s", officer, observed,
                Format.num(expected), Format.f("%.2f", ratio), Format.f("%.2f", interval.lower()),
                Format.f("%.2f", interval.upper()), Format.stat(z), Format.p(pValue), Format.p(adjusted),
                flagged ? " FLAGGED" : "");
    }
}
