package io.github.peelmetrics.survey.design;

/**
 * The kinds of replicate weights, R {@code survey}'s {@code svrepdesign(type = ...)} /
 * {@code as.svrepdesign(type = ...)}, with their default variance multipliers
 * {@code v = scale·Σ rscales_r (θ_r − c)²} (c the mean of the replicates, or the full-sample
 * estimate with mse).
 */
public enum ReplicateType {
    /** Delete-one jackknife: scale (R − 1)/R (built from a design: (n − 1)/n·(1 − f)), rscales 1. */
    JK1("JK1"),
    /** Stratified jackknife: scale 1, rscales (n_h − 1)/n_h (built from a design: ·(1 − f_h)). */
    JKN("JKn"),
    /** Bootstrap replicate weights: scale 1/(R − 1), rscales 1. */
    BOOTSTRAP("bootstrap"),
    /** Successive-difference replication (and the ACS): scale 4/R, rscales 1. */
    SUCCESSIVE_DIFFERENCE("successive-difference"),
    /**
     * Balanced repeated replication: one half-sample per replicate, multipliers 2 (the half kept)
     * and 0; scale 1/R, rscales 1. Built from a design with two PSUs per stratum
     * ({@link SurveyDesign#replicates(ReplicateType)}) from R's Hadamard matrices.
     */
    BRR("BRR"),
    /**
     * Fay's modified BRR with a factor ρ ({@code 0 < ρ < 1}): multipliers 2 − ρ and ρ instead of 2 and 0;
     * scale 1/(R(1 − ρ)²), rscales 1 ({@link SurveyDesign#replicates(ReplicateType, double)}).
     */
    FAY("Fay");

    private final String rName;

    ReplicateType(String rName) {
        this.rName = rName;
    }

    /** R's name of the type. */
    public String rName() {
        return rName;
    }
}
