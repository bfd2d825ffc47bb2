package io.github.peelmetrics.io;

/**
 * What a reader does with a raw value that a field's {@link Codebook} does not know (say
 * {@code "Martian"} in a race column). Empty cells and the mapping's missing-value tokens are
 * never "unknown values": they are read as {@code Category.UNKNOWN} (or the field's unknown enum
 * constant) without a count.
 */
public enum UnknownValues {
    /**
     * Read the value as {@code Category.UNKNOWN} (or the field's {@code UNKNOWN} enum constant) and
     * count it, per field and raw value, in {@link ReadSummary#unknownValues()}.
     */
    MAP_TO_UNKNOWN,
    /**
     * Keep the value as a category of its own: code = the raw value stripped and lower-cased
     * ({@link java.util.Locale#ROOT}), label = the raw value stripped; counted like
     * {@link #MAP_TO_UNKNOWN}. Enumerated fields (stop type, outcome, finding, ...) cannot grow new
     * constants, so for them this acts as {@link #MAP_TO_UNKNOWN}; shift, which has no unknown
     * constant, rejects.
     */
    KEEP,
    /** Reject the record, naming the field and the raw value. */
    REJECT
}
