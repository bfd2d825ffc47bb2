package io.github.peelmetrics.core;

import java.util.Locale;
import java.util.Objects;

/**
 * An open demographic category: a code (the identity) and a label (for people).
 *
 * <p>Two categories are equal when their codes are equal, whatever their labels, so a category
 * read through an agency's codebook equals the standard constant with the same code. Codes are
 * compared exactly; the standard sets use lower-case codes (those of the Stanford Open Policing
 * Project where one exists). {@link #UNKNOWN} is the explicit "not recorded" category.
 *
 * <p>Immutable and thread-safe.
 */
public final class Category implements Comparable<Category> {

    /** The category of a value that was not recorded or could not be mapped; code {@code unknown}. */
    public static final Category UNKNOWN = new Category("unknown", "Unknown");

    private final String code;
    private final String label;

    private Category(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * A category with a code and a label.
     *
     * @throws IllegalArgumentException if either is blank
     */
    public static Category of(String code, String label) {
        Objects.requireNonNull(code, "category code must not be null");
        Objects.requireNonNull(label, "category label must not be null");
        String c = code.strip();
        if (c.isEmpty()) {
            throw new IllegalArgumentException("category code must not be blank: \"" + code + "\"");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("label of category " + c + " must not be blank");
        }
        if (c.equals(UNKNOWN.code)) {
            return UNKNOWN;
        }
        return new Category(c, label.strip());
    }

    /** A category whose label is its code. */
    public static Category of(String code) {
        return of(code, code);
    }

    /** The code, e.g. {@code black}. */
    public String code() {
        return code;
    }

    /** The label, e.g. {@code Black}. */
    public String label() {
        return label;
    }

    /** Whether this is {@link #UNKNOWN}. */
    public boolean isUnknown() {
        return this.equals(UNKNOWN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Category other && other.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** Orders by code. */
    @Override
    public int compareTo(Category o) {
        return code.compareTo(o.code);
    }

    /** The code. */
    @Override
    public String toString() {
        return code.toLowerCase(Locale.ROOT).equals(label.toLowerCase(Locale.ROOT)) ? code : code + " (" + label + ")";
    }
}
