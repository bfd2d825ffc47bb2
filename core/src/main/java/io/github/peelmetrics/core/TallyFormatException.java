package io.github.peelmetrics.core;

/**
 * Thrown by a tally's {@code fromByteArray} when the bytes are not a whole, unaltered tally of
 * that kind: wrong magic number or format version, a length that runs past the bytes left, a
 * checksum that does not match, or counts that contradict each other. The message says which
 * check failed and at which byte offset.
 */
public final class TallyFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the failed check. */
    public TallyFormatException(String message) {
        super(message);
    }
}
