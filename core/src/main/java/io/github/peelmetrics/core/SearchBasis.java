package io.github.peelmetrics.core;

/** The legal basis of a search ({@code search_basis} in the Stanford Open Policing Project schema). */
public enum SearchBasis {
    /** No search was conducted. */
    NONE,
    /** The subject consented. */
    CONSENT,
    /** Probable cause. */
    PROBABLE_CAUSE,
    /** Contraband in plain view. */
    PLAIN_VIEW,
    /** A drug-sniffing dog alerted. */
    K9,
    /** Incident to an arrest. */
    INCIDENT_TO_ARREST,
    /** An inventory search of an impounded vehicle. */
    INVENTORY,
    /** A frisk (pat-down) for weapons. */
    FRISK,
    /** Another recorded basis. */
    OTHER,
    /** A search was conducted but its basis was not recorded. */
    UNKNOWN
}
