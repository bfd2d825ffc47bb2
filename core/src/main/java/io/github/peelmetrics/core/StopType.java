package io.github.peelmetrics.core;

/** The kind of stop ({@code type} in the Stanford Open Policing Project schema). */
public enum StopType {
    /** A traffic stop of a vehicle. */
    VEHICULAR,
    /** A stop of a person on foot (a Terry stop). */
    PEDESTRIAN,
    /** Any other kind. */
    OTHER,
    /** Not recorded. */
    UNKNOWN
}
