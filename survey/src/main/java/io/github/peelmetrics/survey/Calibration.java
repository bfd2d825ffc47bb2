package io.github.peelmetrics.survey;

/**
 * The calibration adjustment of the linearization variance: replaces the influence values
 * {@code z} by their residuals after the calibration that made the weights (R {@code survey}'s
 * {@code svyrecvar} with {@code postStrata}). Implementations are immutable.
 */
interface Calibration {

    /** Plain design weights: no adjustment. */
    Calibration NONE = z -> { };

    /** Replaces {@code z} (length n) in place by the residuals {@code e}. */
    void adjust(double[] z);
}
