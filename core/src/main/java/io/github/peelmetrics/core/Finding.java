package io.github.peelmetrics.core;

/** The disposition of a complaint. */
public enum Finding {
    /** The allegation was supported by the evidence. */
    SUSTAINED,
    /** The evidence could neither prove nor disprove the allegation. */
    NOT_SUSTAINED,
    /** The conduct occurred but was lawful and within policy. */
    EXONERATED,
    /** The conduct did not occur. */
    UNFOUNDED,
    /** Withdrawn by the complainant or closed administratively. */
    WITHDRAWN,
    /** Still under investigation. */
    PENDING,
    /** Not recorded. */
    UNKNOWN;

    /** Whether the complaint was closed with a finding on its merits (everything but withdrawn, pending and unknown). */
    public boolean isDecided() {
        return this == SUSTAINED || this == NOT_SUSTAINED || this == EXONERATED || this == UNFOUNDED;
    }
}
