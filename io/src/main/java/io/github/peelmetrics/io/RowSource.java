package io.github.peelmetrics.io;

import java.io.Closeable;
import java.io.IOException;

/** Rows of one input, pulled one at a time so that the input is never held whole. */
interface RowSource extends Closeable {

    /** The columns (for JSON lines, those met so far). */
    Columns columns();

    /**
     * Reads the next row into {@code row}; false at the end. A row that could not be parsed comes
     * back with {@link Row#fault} set. A fault that ends reading sets {@link #fatal()}.
     */
    boolean next(Row row) throws IOException;

    /** Whether the last row's fault means nothing more can be read. */
    boolean fatal();
}
