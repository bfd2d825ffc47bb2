package io.github.peelmetrics.io;

/** Turns rows into records; may hold rows back (beats gather one row per group). */
interface Binder<T> {
    /** Handles one row without a fault. */
    void accept(Row row, Sink<T> sink);

    /** Handles the end of the input. */
    default void finish(Sink<T> sink) {}

    /**
     * The summary's warnings of the common spellings of a missing value (NULL, N/A, -, ...) that
     * this binder has read as text values so far (see {@link Values#nullLike()}); empty when none.
     */
    default java.util.Set<String> nullLike() {
        return java.util.Set.of();
    }

    /**
     * A binder of the same columns that counts each row straight into {@code into} (telling the
     * sink {@link Sink#counted}) instead of making records, with the same checks and rejections;
     * null when this binder cannot (it is not a stop binder, or the counter needs whole records).
     */
    default Binder<T> countingInto(io.github.peelmetrics.core.StopFacts.Counter into) {
        return null;
    }

    /** Line of the first row held back, or -1. */
    default long pendingLine() {
        return -1;
    }
}
