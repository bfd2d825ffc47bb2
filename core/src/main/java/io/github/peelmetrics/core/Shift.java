package io.github.peelmetrics.core;

/** A patrol shift. */
public enum Shift {
    /** Day watch. */
    DAY,
    /** Evening (swing) watch. */
    EVENING,
    /** Night (graveyard) watch. */
    NIGHT
}
