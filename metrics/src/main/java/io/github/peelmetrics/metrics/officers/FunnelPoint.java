package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Format;

/**
 * One officer on a Spiegelhalter funnel (square-root scale, target 1).
 *
 * @param officer                 the officer
 * @param observed                {@code O}
 * @param expected                {@code E}
 * @param y                       {@code sqrt(O/E)}
 * @param s                       {@code 1/(2 sqrt E)}
 * @param z                       {@code (y - 1)/s = 2(sqrt O - sqrt E)}
 * @param zWinsorized             {@code z} clamped to the funnel's winsor bounds
 * @param zMultiplicative         {@code z / sqrt(phi_used)}
 * @param zAdditive               {@code (y - 1)/sqrt(s² + tau2)}
 * @param pUpperMultiplicative    {@code 1 - Φ(zMultiplicative)}
 * @param pUpperMultiplicativeBh  Benjamini-Hochberg over all officers
 * @param pUpperAdditive          {@code 1 - Φ(zAdditive)}
 * @param pUpperAdditiveBh        Benjamini-Hochberg over all officers
 * @param pTwoSidedAdditive       {@code 2 Φ(-|zAdditive|)}
 * @param pTwoSidedAdditiveBh     Benjamini-Hochberg over all officers
 */
public record FunnelPoint(String officer, long observed, double expected, double y, double s, double z,
        double zWinsorized, double zMultiplicative, double zAdditive, double pUpperMultiplicative,
        double pUpperMultiplicativeBh, double pUpperAdditive, double pUpperAdditiveBh, double pTwoSidedAdditive,
        double pTwoSidedAdditiveBh) {

    /** The z-score under a model. */
    public double z(FunnelModel model) {
        return switch (model) {
            case UNADJUSTED -> z;
            case MULTIPLICATIVE -> zMultiplicative;
            case ADDITIVE_RANDOM_EFFECTS -> zAdditive;
        };
    }

    @Override
    public String toString() {
        return officer + ": " + observed + " / " + Format.num(expected) + ", z " + Format.stat(z) + ", additive z "
                + Format.stat(zAdditive) + " (upper p " + Format.p(pUpperAdditive) + ", BH " + Format.p(pUpperAdditiveBh)
                + ")";
    }
}
