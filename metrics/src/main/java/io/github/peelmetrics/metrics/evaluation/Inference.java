package io.github.peelmetrics.metrics.evaluation;

/** How the standard errors of a count model are computed. */
public enum Inference {
    /**
     * Model-based: the inverse Fisher information of the Poisson fit, z statistics and normal
     * p-values (R {@code summary.glm}, family {@code poisson}). Too narrow when counts are
     * over-dispersed, as crime counts usually are.
     */
    POISSON,
    /**
     * Quasi-Poisson: the Poisson standard errors times {@code √φ}, {@code φ = Pearson χ² / df_residual};
     * t statistics with p-values from {@code t(df_residual)} (R {@code summary.glm}, family
     * {@code quasipoisson}); intervals still use the normal quantile ({@code confint.default}).
     */
    QUASI_POISSON,
    /**
     * Cluster-robust by area, R {@code sandwich::vcovCL(type = "HC0")}:
     * {@code (X'WX)⁻¹ Σ_g u_g u_g' (X'WX)⁻¹ · G/(G−1)} (vcovCL keeps {@code G/(G−1)} in "HC0").
     */
    CLUSTER_HC0,
    /**
     * Cluster-robust by area, R {@code sandwich::vcovCL(type = "HC1")}: {@link #CLUSTER_HC0} times
     * {@code (n−1)/(n−k)}, {@code k} counting every coefficient including the fixed effects. The
     * default of the difference-in-differences results: it allows any correlation of an area's
     * counts over time (Bertrand, Duflo and Mullainathan 2004).
     */
    CLUSTER_HC1,
    /**
     * Newey-West (Bartlett kernel, lag L, no prewhitening, no small-sample factor), R
     * {@code sandwich::NeweyWest(lag = L, prewhite = FALSE, adjust = FALSE)}: robust to serial
     * correlation in a single series.
     */
    NEWEY_WEST;

    String label() {
        return switch (this) {
            case POISSON -> "poisson";
            case QUASI_POISSON -> "quasi-poisson";
            case CLUSTER_HC0 -> "cluster-hc0";
            case CLUSTER_HC1 -> "cluster-hc1";
            case NEWEY_WEST -> "newey-west";
        };
    }
}
