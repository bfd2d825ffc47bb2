package io.github.peelmetrics.examples.data;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A CSV file being written in memory: a header, then rows, {@code \n} line ends, UTF-8, no quoting.
 * No generated value needs quoting; a value with a comma, quote or line break is a bug, and fails.
 */
final class Csv {
    private final String name;
    private final int columns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int field;
    private long rows;

    Csv(String name, String... header) {
        this.name = name;
        this.columns = header.length;
        for (String h : header) {
            add(h);
        }
        end();
        rows = 0;
    }

    /** Appends one field of the current row. */
    Csv add(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s row %d field %d needs quoting, which the sample files never use: \"%s\"", name, rows + 1, field + 1, value));
            }
        }
        if (field > 0) {
            text.append(',');
        }
        text.append(value);
        field++;
        return this;
    }

    /** Appends an integer field. */
    Csv add(long value) {
        return add(Long.toString(value));
    }

    /** Appends {@code TRUE} or {@code FALSE}. */
    Csv add(boolean value) {
        return add(value ? "TRUE" : "FALSE");
    }

    /** Appends {@code value} with {@code decimals} decimals (half-up on the exact binary value). */
    Csv add(double value, int decimals) {
        return add(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    /** Ends the current row. */
    Csv end() {
        if (field != columns) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s row %d has %d fields, the header has %d", name, rows + 1, field, columns));
        }
        text.append('\n');
        field = 0;
        rows++;
        return this;
    }

    /** The number of data rows. */
    long rows() {
        return rows;
    }

    /** The file name. */
    String name() {
        return name;
    }

    /** The file's bytes. */
    byte[] bytes() {
        if (field != 0) {
            throw new IllegalStateException(name + " has an unfinished row " + (rows + 1));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
