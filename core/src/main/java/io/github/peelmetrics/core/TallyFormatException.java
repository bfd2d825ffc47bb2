package io.github.peelmetrics.core;

/**
 * Thrown by a tally's {@code fromByteArray} when the bytes are not a whole, unaltered tally of
 * that kind and configuration: too few bytes, a wrong magic number, kind or format version, a
 * length that disagrees with the bytes, a checksum that does not match, a count or length that
 * runs past the bytes left, or counts that contradict each other (a negative count, parts that do
 * not add up to their whole). The message names the tally, the check that failed and the byte
 * offset. It is the only exception {@code fromByteArray} throws for bad bytes.
 */
public final class TallyFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names the failed check.
     *
     * @param message the message
     */
    public TallyFormatException(String message) {
        super(message);
    }
}
