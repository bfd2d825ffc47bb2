package io.github.peelmetrics.metrics.vod;

/**
 * Fixed effects added to the veil of darkness model, besides darkness and the time-of-day spline.
 * Levels are the distinct beats or districts of the stops used, the first in sorted order as
 * reference (R's {@code factor()} default).
 */
public enum FixedEffects {
    /** None: {@code minority ~ dark + ns(minute, df)}. */
    NONE,
    /**
     * One indicator per beat: {@code minority ~ dark + ns(minute, df) + factor(beat)}. Stops whose
     * beat is {@link io.github.peelmetrics.core.Stop#UNKNOWN_BEAT} are excluded
     * ({@link Exclusion#UNKNOWN_BEAT}).
     */
    BEAT,
    /**
     * Beat indicators and a time-of-day spline per beat: {@code minority ~ dark + ns(minute, df) * beat}
     * (OPP's default form, with the beat as the place). Unknown beats are excluded as for {@link #BEAT}.
     */
    BEAT_INTERACTED,
    /**
     * One indicator per district ({@link io.github.peelmetrics.core.Stop#district()}):
     * {@code minority ~ dark + ns(minute, df) + district}, OPP's
     * {@code train_vod_model(v, district, interact_time_location = FALSE)}. Stops without a
     * recorded district are excluded ({@link Exclusion#UNKNOWN_DISTRICT}).
     */
    DISTRICT,
    /**
     * District indicators and a time-of-day spline per district:
     * {@code minority ~ dark + ns(minute, df) * district}, the Stanford Open Policing Project's
     * default {@code train_vod_model(v, district)} ({@code interact_time_location = TRUE}). The
     * spline's knots are shared (computed once over all rows); each district other than the
     * reference adds an indicator and {@code df} interaction columns. Stops without a district are
     * excluded ({@link Exclusion#UNKNOWN_DISTRICT}).
     */
    DISTRICT_INTERACTED;

    /** Whether the model has one level per beat or district. */
    boolean byLevel() {
        return this != NONE;
    }

    /** Whether the levels are districts (else beats). */
    boolean byDistrict() {
        return this == DISTRICT || this == DISTRICT_INTERACTED;
    }

    /** Whether the spline is interacted with the level. */
    boolean interacted() {
        return this == BEAT_INTERACTED || this == DISTRICT_INTERACTED;
    }

    /** The level's name in a formula. */
    String term() {
        return byDistrict() ? "district" : "beat";
    }
}
