package io.github.peelmetrics.io;

/** Where a binder puts what it made of rows. */
interface Sink<T> {
    /** A record made of {@code rows} rows. */
    void emit(T record, long rows);

    /** A record of {@code rows} rows that the binder counted into a tally itself, without making it. */
    void counted(long rows);

    /** {@code rows} rows rejected; the rejection names the first line. */
    void reject(long line, String field, String value, String reason, long rows);

    /** A raw value read as unknown or kept (see {@link UnknownValues}). */
    void unknown(String field, String raw);
}
