package io.github.peelmetrics.geo;

/** What an {@link ArealInterpolation} does with a block whose value is missing (JSON {@code null}). */
public enum MissingValues {
    /**
     * As sf 1.0-9's {@code st_interpolate_aw} (which sums with {@code NA}): a missing value in any
     * block that meets a beat — by a piece of positive area or only along an edge or at a point —
     * makes that beat's value of the variable missing. Nothing is imputed.
     */
    PROPAGATE,
    /**
     * Complete blocks only: the blocks with any missing (JSON {@code null}) property are dropped
     * first, and the rest are interpolated as if those blocks did not exist (their area no longer
     * counts in an intensive mean). The same blocks then underlie every variable, extensive and
     * intensive. This is sf's {@code na.rm = TRUE} (sf 1.0-10 and later) applied to the whole block
     * table; sf applied to a selection of columns drops only the blocks missing one of those.
     */
    DROP_BLOCKS
}
