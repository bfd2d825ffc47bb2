package io.github.peelmetrics.metrics.officers;

/**
 * FunnelPlotR 0.6.0's {@code sr_method} for standardised ratios, reproduced as the package computes
 * them (including where it departs from the textbook).
 */
public enum FunnelPlotRMethod {
    /**
     * FunnelPlotR's default ({@code sr_method = "SHMI"}, NHS Digital's SHMI): the expected count
     * rounded to 2 decimals ({@code SHMI_rounding = TRUE}), the log scale
     * {@code z = sqrt(E2)·log(O/E2)} ({@code -Infinity} for {@code O = 0}), truncation instead of
     * winsorisation (officers in the bottom or top 10% rank group are left out of phi and tau2),
     * limits {@code exp(±c sqrt(1/E2 + tau2))} with the constants {@code c = 1.959964, 3.090232}.
     */
    SHMI,
    /**
     * {@code sr_method = "CQC"}: the square-root scale and 10% winsorisation of Spiegelhalter 2005
     * (the same phi and tau2 as {@link Funnel#spiegelhalter(PeerComparison)}), but the limits
     * {@code 1 ± c sqrt(s² + tau2)} are returned on the {@code sqrt(O/E)} scale without being squared
     * back, and outliers are flagged by comparing {@code O/E} with them (open issue
     * nhs-r-community/FunnelPlotR#33): its limits and flags are wrong on the ratio scale.
     */
    CQC
}
