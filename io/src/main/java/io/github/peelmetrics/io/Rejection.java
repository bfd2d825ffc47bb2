package io.github.peelmetrics.io;

import java.util.Locale;
import java.util.Objects;

/**
 * A record that a reader did not accept, and why.
 *
 * @param source the file (or the name given to a stream)
 * @param line   the line on which the record starts (1 = the header line of a CSV file, the first
 *               line of a JSON-lines file)
 * @param field  the Peel field (or column) at fault, {@code (row)} for a malformed row, {@code (record)}
 *               for a rule that spans fields, {@code (file)} for a fault that ends reading; cut to
 *               200 characters (a JSON key may be long)
 * @param value  the raw value (possibly empty), cut to 200 characters
 * @param reason what is wrong with it, cut to 1,000 characters (a reason may quote an id or a
 *               key, which the input controls)
 */
public record Rejection(String source, long line, String field, String value, String reason)
        implements java.io.Serializable {

    /** Longest raw value kept in a rejection. */
    static final int MAX_VALUE_CHARS = 200;
    /** Longest reason (and field name) kept in a rejection. */
    static final int MAX_REASON_CHARS = 1_000;

    /** Validates the fields and cuts long values. */
    public Rejection {
        Objects.requireNonNull(source, "source of rejection must not be null");
        Objects.requireNonNull(field, "field of rejection must not be null");
        Objects.requireNonNull(value, "value of rejection must not be null");
        Objects.requireNonNull(reason, "reason of rejection must not be null");
        if (value.length() > MAX_VALUE_CHARS) {
            value = value.substring(0, MAX_VALUE_CHARS) + "...";
        }
        if (reason.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, MAX_REASON_CHARS) + "...";
        }
        if (field.length() > MAX_VALUE_CHARS) {
            field = field.substring(0, MAX_VALUE_CHARS) + "...";
        }
    }

    /** Characters held by this rejection (the source is shared), for the limit on kept rejections. */
    int chars() {
        return field.length() + value.length() + reason.length() + 32;
    }

    /** {@code file.csv line 88: approve "maybe" is not a decimal number}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s line %d: %s \"%s\" %s", source, line, field, value, reason);
    }
}
