package io.github.peelmetrics.core;

/** A yes/no fact that a record may leave unrecorded. */
public enum Flag {
    /** Recorded as true. */
    YES,
    /** Recorded as false. */
    NO,
    /** Not recorded (an empty field): such a record is left out of denominators that need the fact. */
    UNKNOWN;

    /** {@link #YES} or {@link #NO}. */
    public static Flag of(boolean value) {
        return value ? YES : NO;
    }

    /** Whether this is {@link #YES}. */
    public boolean isYes() {
        return this == YES;
    }

    /** Whether this is {@link #YES} or {@link #NO}. */
    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
