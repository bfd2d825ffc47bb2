package io.github.peelmetrics.io;

/** Turns rows into records; may hold rows back (beats gather one row per group). */
interface Binder<T> {
    /** Handles one row without a fault. */
    void accept(Row row, Sink<T> sink);

    /** Handles the end of the input. */
    default void finish(Sink<T> sink) {}

    /** Line of the first row held back, or -1. */
    default long pendingLine() {
        return -1;
    }
}
