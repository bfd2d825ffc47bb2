package io.github.peelmetrics.core;

/** Who filed a complaint. */
public enum ComplaintSource {
    /** A member of the public. */
    CIVILIAN,
    /** Someone in the agency. */
    INTERNAL,
    /** Anonymous. */
    ANONYMOUS,
    /** Not recorded. */
    UNKNOWN
}
