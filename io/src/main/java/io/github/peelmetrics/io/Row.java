package io.github.peelmetrics.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One row as read, reused from row to row: its cells (null = absent), line, number and any fault.
 *
 * <p>A JSON-lines row holds its cells as strings. A CSV row holds them as ranges of UTF-8 bytes in
 * the scanner's buffer ({@link #bytes}), valid until the next row is read, and makes a cell's string
 * only when {@link #get} asks for it; parsers that can read a value straight from the bytes (see
 * {@link #plain}) skip the string.
 */
final class Row {
    String[] values = new String[32];
    int size;
    /** Line on which the row starts. */
    long line;
    /** 1 = first data row. */
    long number;
    /** Why the row could not be parsed, or null. */
    String fault;
    String faultField;
    String faultValue;

    /** The buffer that byte cells point into, or null for a row of strings. */
    byte[] bytes;
    /** Byte cell {@code i} is {@code bytes[starts[i], ends[i])}. */
    int[] starts = new int[32];
    int[] ends = new int[32];
    /** What byte cell {@code i} is: {@link #EMPTY}, {@link #PLAIN}, {@link #TEXT} or {@link #ESCAPED}. */
    byte[] kinds = new byte[32];
    /** The byte cells whose strings {@link #get} made in this row, so that {@link #reset} forgets only those. */
    private int[] made = new int[32];
    private int madeCount;

    /** A cell of no bytes (missing whatever the tokens). */
    static final byte EMPTY = 0;
    /**
     * A cell whose bytes are its text, all ASCII, neither starting nor ending with a space or
     * control character: parsers may read its bytes.
     */
    static final byte PLAIN = 1;
    /** Any other cell, and every cell of a row of strings: read it with {@link #get}. */
    static final byte TEXT = 2;
    /** No such cell. */
    static final byte ABSENT = 3;
    /** A quoted cell with doubled quotes inside: its bytes are not its text; read it with {@link #get}. */
    static final byte ESCAPED = 4;

    /** Clears the row; {@code sparse} rows (filled by index) also clear their cells. */
    void reset(int width, boolean sparse) {
        if (values.length < width) {
            values = new String[Math.max(width, values.length * 2)];
        } else if (sparse) {
            Arrays.fill(values, 0, Math.max(size, width), null);
        } else if (bytes != null) {
            for (int k = 0; k < madeCount; k++) {
                values[made[k]] = null;
            }
        }
        madeCount = 0;
        bytes = null;
        size = 0;
        fault = null;
        faultField = null;
        faultValue = null;
    }

    void add(String v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /**
     * Adds byte cell {@code [from, to)} of the scanner's buffer {@code b} (set {@link #bytes} before
     * reading it), {@link #PLAIN} when it may be (the scanner makes it {@link #TEXT} when the row
     * turns out not to be ASCII).
     */
    void addBytes(byte[] b, int from, int to, boolean escapedQuotes) {
        int n = size;
        if (n == starts.length) {
            grow();
        }
        starts[n] = from;
        ends[n] = to;
        kinds[n] = escapedQuotes && from != to ? ESCAPED : kind(b, from, to);
        size = n + 1;
    }

    /**
     * The kind of unquoted cell {@code [from, to)} of {@code b} without escaped quotes:
     * {@link #EMPTY}, else {@link #PLAIN} unless it starts or ends with a space or control character.
     */
    static byte kind(byte[] b, int from, int to) {
        return from == to ? EMPTY : b[from] <= ' ' || b[to - 1] <= ' ' ? TEXT : PLAIN;
    }

    private void grow() {
        int n = starts.length * 2;
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        kinds = Arrays.copyOf(kinds, n);
        made = Arrays.copyOf(made, n);
        if (values.length < n) {
            values = Arrays.copyOf(values, n);
        }
    }

    /** Makes every {@link #PLAIN} cell {@link #TEXT} (a row with bytes that are not ASCII). */
    void notPlain() {
        for (int i = 0; i < size; i++) {
            if (kinds[i] == PLAIN) {
                kinds[i] = TEXT;
            }
        }
    }

    /** What cell {@code i} is: {@link #EMPTY}, {@link #PLAIN}, {@link #TEXT} or {@link #ABSENT}. */
    byte kind(int i) {
        return i >= size ? ABSENT : bytes == null ? TEXT : kinds[i];
    }

    /** Moves the byte cells after the scanner moved its buffer's content {@code by} bytes to the front. */
    void shift(int by) {
        for (int i = 0; i < size; i++) {
            starts[i] -= by;
            ends[i] -= by;
        }
    }

    void set(int i, String v) {
        if (i >= values.length) {
            values = Arrays.copyOf(values, Math.max(i + 1, values.length * 2));
        }
        values[i] = v;
        if (i >= size) {
            size = i + 1;
        }
    }

    /** Cell {@code i} as text, or null when absent. */
    String get(int i) {
        if (i >= size) {
            return null;
        }
        String v = values[i];
        if (v == null && bytes != null) {
            v = new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
            if (kinds[i] == ESCAPED) {
                v = v.replace("\"\"", "\"");
            }
            values[i] = v;
            made[madeCount++] = i;
        }
        return v;
    }

    /**
     * Whether cell {@code i}'s surrounding spaces are part of its text: a quoted CSV cell or a JSON
     * string (ids and beats keep them then, so that what the writer wrote reads back the same).
     */
    boolean verbatim(int i) {
        // the scanner keeps a quoted cell's opening quote before it; an unquoted cell follows a
        // comma or a line break, or starts the buffer
        int s = starts[i];
        return bytes == null || s > 0 && bytes[s - 1] == '"';
    }

    /** Whether cell {@code i} is {@link #PLAIN}. */
    boolean plain(int i) {
        return bytes != null && i < size && kinds[i] == PLAIN;
    }

    /** Length in bytes of a {@link #plain} cell. */
    int length(int i) {
        return ends[i] - starts[i];
    }

    /**
     * The first eight bytes of cell {@code i} (all of a shorter one, zeros above) as a
     * little-endian {@code long}: cells of at most eight bytes are equal when their lengths and
     * words are.
     */
    long word(int i) {
        return word(bytes, starts[i], ends[i] - starts[i]);
    }

    /** Up to eight bytes from {@code b[from]} ({@code n} when fewer) as a little-endian long, zeros above. */
    static long word(byte[] b, int from, int n) {
        if (n >= 8) {
            return (long) LONGS.get(b, from);
        }
        if (n <= 0) {
            return 0;
        }
        if (from + 8 <= b.length) {
            return (long) LONGS.get(b, from) & (-1L >>> (64 - 8 * n));
        }
        long w = 0;
        for (int k = n - 1; k >= 0; k--) {
            w = (w << 8) | (b[from + k] & 0xFF);
        }
        return w;
    }

    /** Eight bytes of a {@code byte[]} as a little-endian {@code long} (also the scanner's). */
    static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    void fault(String field, String value, String reason) {
        if (fault == null) {
            fault = reason;
            faultField = field;
            faultValue = value == null ? "" : value;
        }
    }
}
