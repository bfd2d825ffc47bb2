package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;

/**
 * One officer's indirectly standardised ratio: observed events over the events expected from peers
 * in the same strata with the same exposure.
 *
 * @param officer  the officer
 * @param observed {@code O = Σ_s O_is}
 * @param exposure {@code Σ_s x_is}
 * @param expected {@code E = Σ_s x_is r_s}, positive
 * @param estimate the ratio {@code O / E} (1 = as the peers)
 * @param interval the exact Poisson interval of the ratio, {@code [qgamma(α/2, O)/E, qgamma(1-α/2, O+1)/E]}
 *                 (R {@code poisson.test(O, E)$conf.int}; lower 0 when {@code O = 0}; E treated as known)
 * @param pUpper   {@code P(X >= O)} for {@code X ~ Poisson(E)} (1 when {@code O = 0}): the one-sided p-value
 *                 of "more events than peers" under the plain Poisson model
 * @param pUpperBh {@code pUpper} adjusted by Benjamini-Hochberg over all officers of the comparison
 */
public record OfficerRatio(String officer, long observed, double exposure, double expected, double estimate,
        Interval interval, double pUpper, double pUpperBh) {

    @Override
    public String toString() {
        return officer + ": " + observed + " / " + Format.num(expected) + " = " + Format.num(estimate) + " "
                + interval + ", Poisson p " + Format.p(pUpper) + " (BH " + Format.p(pUpperBh) + ")";
    }
}
