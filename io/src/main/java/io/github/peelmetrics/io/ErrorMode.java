package io.github.peelmetrics.io;

/** What a reader does with a record it cannot accept. */
public enum ErrorMode {
    /**
     * Stop at the first bad record: reading throws a {@link ReadException} that names the source,
     * the line, the field, the raw value and the reason.
     */
    STRICT,
    /**
     * Keep going: every bad record becomes a {@link Rejection} (line, field, raw value, reason) and
     * the {@link ReadSummary} counts it, so that {@code read == accepted + rejected} always holds.
     */
    LENIENT
}
