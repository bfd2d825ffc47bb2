package io.github.peelmetrics.core;

/**
 * The most severe outcome of a stop ({@code outcome} in the Stanford Open Policing Project schema).
 * {@link #NONE} is a real outcome (the person was released without action), unlike {@link #UNKNOWN}.
 */
public enum StopOutcome {
    /** Released with no warning, citation, summons or arrest. */
    NONE,
    /** A warning (written or verbal). */
    WARNING,
    /** A citation. */
    CITATION,
    /** A summons. */
    SUMMONS,
    /** An arrest. */
    ARREST,
    /** Not recorded. */
    UNKNOWN
}
