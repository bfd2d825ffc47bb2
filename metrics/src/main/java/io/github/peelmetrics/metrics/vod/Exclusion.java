package io.github.peelmetrics.metrics.vod;

/**
 * Why a stop was left out of the veil of darkness test. Each stop is counted once, under the first
 * reason that applies, in the order of the constants.
 */
public enum Exclusion {
    /**
     * The test keeps vehicular stops only ({@link VeilOfDarkness#vehicularOnly()}, as the Stanford
     * Open Policing Project's {@code filter_to_vehicular_stops}) and the stop's type is not
     * {@link io.github.peelmetrics.core.StopType#VEHICULAR} (an unrecorded type included).
     */
    NOT_VEHICULAR,
    /** The subject's race is {@link io.github.peelmetrics.core.Category#UNKNOWN}: the outcome is not defined. */
    UNKNOWN_RACE,
    /**
     * The subject's race is known but neither a group of interest nor the reference group of
     * {@link VeilOfDarkness#against}: the stop is dropped (as OPP's {@code filter_to_races}), never
     * counted as "not in the group".
     */
    OTHER_RACE,
    /** Locations are per beat and the stop's beat has none. */
    UNKNOWN_LOCATION,
    /** Beat fixed effects were asked for and the stop's beat is {@link io.github.peelmetrics.core.Stop#UNKNOWN_BEAT}. */
    UNKNOWN_BEAT,
    /** District fixed effects were asked for and the stop's district was not recorded. */
    UNKNOWN_DISTRICT,
    /** The stop's time of day was not recorded: it cannot be placed in daylight or darkness. */
    UNKNOWN_TIME,
    /** The stop's clock minute is outside the inter-twilight window of its location. */
    OUTSIDE_WINDOW,
    /**
     * The stop is neither light nor dark: at or after sunset and at or before civil dusk of its
     * day (the Stanford Open Policing Project drops these), or after sunset on a day without a
     * civil dusk. Under {@link DarknessRule#OPP_MINUTES} both ends are whole minutes: the sunset
     * minute and the dusk minute themselves are twilight.
     */
    TWILIGHT
}
