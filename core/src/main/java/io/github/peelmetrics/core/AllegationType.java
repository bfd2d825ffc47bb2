package io.github.peelmetrics.core;

/** The kind of misconduct a complaint alleges, in the broad classes most oversight bodies publish. */
public enum AllegationType {
    /** Excessive or unnecessary force. */
    USE_OF_FORCE,
    /** Discourtesy, offensive language. */
    DISCOURTESY,
    /** Bias or discrimination. */
    BIAS,
    /** An improper stop, search, seizure or arrest. */
    IMPROPER_STOP_OR_SEARCH,
    /** Failure to act or to follow procedure. */
    PROCEDURE,
    /** Dishonesty or criminal conduct. */
    INTEGRITY,
    /** Anything else. */
    OTHER,
    /** Not recorded. */
    UNKNOWN
}
