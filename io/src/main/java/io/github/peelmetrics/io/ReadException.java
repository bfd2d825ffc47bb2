package io.github.peelmetrics.io;

/**
 * Thrown by a reader in {@link ErrorMode#STRICT} mode at the first bad record, and in either mode
 * when a file cannot be read at all (a required column is missing from the header). The message
 * names the source, the line, the field, the raw value and the reason; {@link #rejection()} gives
 * them as values.
 */
public final class ReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The rejection (serialized with the exception, so never null). */
    private final Rejection rejection;

    ReadException(Rejection rejection) {
        super(rejection.toString());
        this.rejection = rejection;
    }

    /** The source, line, field, raw value and reason. */
    public Rejection rejection() {
        return rejection;
    }
}
