package io.github.peelmetrics.io;

import java.util.Arrays;

/** One row as read, reused from row to row: its cells (null = absent), line, number and any fault. */
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

    /** Clears the row; {@code sparse} rows (filled by index) also clear their cells. */
    void reset(int width, boolean sparse) {
        if (values.length < width) {
            values = new String[Math.max(width, values.length * 2)];
        } else if (sparse) {
            Arrays.fill(values, 0, Math.max(size, width), null);
        }
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

    void set(int i, String v) {
        if (i >= values.length) {
            values = Arrays.copyOf(values, Math.max(i + 1, values.length * 2));
        }
        values[i] = v;
        if (i >= size) {
            size = i + 1;
        }
    }

    String get(int i) {
        return i < size ? values[i] : null;
    }

    void fault(String field, String value, String reason) {
        if (fault == null) {
            fault = reason;
            faultField = field;
            faultValue = value == null ? "" : value;
        }
    }
}
