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
    /** Whether byte cell {@code i} was quoted with doubled quotes inside (its bytes are not its text). */
    boolean[] escaped = new boolean[32];
    /** Whether every byte of the row is ASCII. */
    boolean ascii;

    /** Clears the row; {@code sparse} rows (filled by index) also clear their cells. */
    void reset(int width, boolean sparse) {
        if (values.length < width) {
            values = new String[Math.max(width, values.length * 2)];
        } else if (sparse || bytes != null) {
            Arrays.fill(values, 0, Math.max(size, width), null);
        }
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

    /** Adds byte cell {@code [from, to)} of the scanner's buffer (set {@link #bytes} before reading it). */
    void addBytes(int from, int to, boolean escapedQuotes) {
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            escaped = Arrays.copyOf(escaped, n);
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        starts[size] = from;
        ends[size] = to;
        escaped[size] = escapedQuotes;
        values[size++] = null;
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
            if (escaped[i]) {
                v = v.replace("\"\"", "\"");
            }
            values[i] = v;
        }
        return v;
    }

    /** Whether cell {@code i} can be read from its bytes: present, all ASCII, and its bytes are its text. */
    boolean plain(int i) {
        return bytes != null && ascii && i < size && !escaped[i];
    }

    /** Length in bytes of a {@link #plain} cell. */
    int length(int i) {
        return ends[i] - starts[i];
    }

    /** Whether a {@link #plain} cell is exactly {@code s} (ASCII). */
    boolean is(int i, String s) {
        int from = starts[i];
        int n = s.length();
        if (ends[i] - from != n) {
            return false;
        }
        byte[] b = bytes;
        for (int k = 0; k < n; k++) {
            if (b[from + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    void fault(String field, String value, String reason) {
        if (fault == null) {
            fault = reason;
            faultField = field;
            faultValue = value == null ? "" : value;
        }
    }
}
