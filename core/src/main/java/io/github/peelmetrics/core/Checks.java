package io.github.peelmetrics.core;

import java.util.Locale;

/** Argument checks shared by the records; messages name the record, the field and the value. */
final class Checks {
    private Checks() {}

    static String id(String what, String id) {
        if (id == null) {
            throw new NullPointerException(what + " id must not be null");
        }
        if (id.isBlank()) {
            throw new IllegalArgumentException(what + " id must not be blank: \"" + id + "\"");
        }
        return id;
    }

    static String text(String record, String field, String value) {
        if (value == null) {
            throw new NullPointerException(field + " of " + record + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " of " + record + " must not be blank: \"" + value + "\"");
        }
        return value;
    }

    /** As {@link #notNull(String, String, Object)}, naming the record {@code kind + " " + id} only on failure. */
    static <T> T notNull(String kind, String id, String field, T value) {
        if (value == null) {
            throw new NullPointerException(field + " of " + kind + " " + id + " must not be null");
        }
        return value;
    }

    /** As {@link #text(String, String, String)}, naming the record {@code kind + " " + id} only on failure. */
    static String text(String kind, String id, String field, String value) {
        if (value == null || value.isBlank()) {
            return text(kind + " " + id, field, value);
        }
        return value;
    }

    /**
     * The value, or a {@code NullPointerException} naming the field and record. (A plain test, not
     * {@code requireNonNull} with a message supplier: the supplier captures its arguments, and a
     * reader that builds millions of records was seen allocating one per check.)
     */
    static <T> T notNull(String record, String field, T value) {
        if (value == null) {
            throw new NullPointerException(field + " of " + record + " must not be null");
        }
        return value;
    }

    static double positiveFinite(String record, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s of %s must be positive and finite: %s", field, record, value));
        }
        return value;
    }

    static long nonNegative(String record, String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s of %s must not be negative: %d", field, record, value));
        }
        return value;
    }
}
