package io.github.peelmetrics.metrics.officers;

/**
 * How a funnel's limits allow for variation beyond chance (Spiegelhalter 2005, QSHC 14:347),
 * on the square-root scale with {@code y = sqrt(O/E)}, {@code s = 1/(2 sqrt E)}, target 1.
 */
public enum FunnelModel {
    /**
     * Plain Poisson variation: {@code z = (y - 1)/s}; limits {@code [max(0, 1 - q s)², (1 + q s)²]}.
     * Flags far too many officers when the counts are over-dispersed.
     */
    UNADJUSTED,
    /**
     * Multiplicative over-dispersion: every variance inflated by {@code phi_used} (the winsorised
     * dispersion, never below 1): {@code z = (y - 1)/(s sqrt(phi_used))}. Inflates the limits of small
     * and large officers alike, so large-exposure officers are still flagged too often.
     */
    MULTIPLICATIVE,
    /**
     * Additive random effects (DerSimonian-Laird moment estimate {@code tau2}): the officers' true
     * ratios vary around the target with variance {@code tau2}, so
     * {@code z = (y - 1)/sqrt(s² + tau2)}. The recommended model for officer screening
     * (Spiegelhalter 2005; Spiegelhalter et al. 2012, JRSS A 175:1).
     */
    ADDITIVE_RANDOM_EFFECTS
}
