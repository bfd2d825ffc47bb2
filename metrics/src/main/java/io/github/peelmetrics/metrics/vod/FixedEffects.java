package io.github.peelmetrics.metrics.vod;

/** Fixed effects added to the veil of darkness model, besides darkness and the time-of-day spline. */
public enum FixedEffects {
    /** None: {@code minority ~ dark + ns(minute, df)}. */
    NONE,
    /**
     * One indicator per beat, the first beat in sorted order as reference:
     * {@code minority ~ dark + ns(minute, df) + factor(beat)}. Stops whose beat is
     * {@link io.github.peelmetrics.core.Stop#UNKNOWN_BEAT} are excluded
     * ({@link Exclusion#UNKNOWN_BEAT}).
     */
    BEAT
}
