package io.github.peelmetrics.metrics.evaluation;

/** The outcome of {@link CallawaySantAnna}, computed from each cell's count and population. */
public enum AttOutcome {
    /** {@code Y = y / pop · 100,000}: effects are differences in rates per 100,000 (levels). */
    RATE_PER_100K,
    /**
     * {@code Y = log(y / pop)}: effects approximate log rate ratios, {@code exp(att)} a rate ratio.
     * Undefined for a zero count (an {@link IllegalArgumentException} names the cell).
     */
    LOG_RATE
}
