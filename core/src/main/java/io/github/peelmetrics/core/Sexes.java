package io.github.peelmetrics.core;

import java.util.List;
import java.util.Optional;

/** Sex values ({@code subject_sex} of the Stanford Open Policing Project, plus non-binary as RIPA records it). */
public final class Sexes {
    private Sexes() {}

    /** {@code male}. */
    public static final Category MALE = Category.of("male", "Male");
    /** {@code female}. */
    public static final Category FEMALE = Category.of("female", "Female");
    /** {@code nonbinary}. */
    public static final Category NONBINARY = Category.of("nonbinary", "Nonbinary");

    /** All values, then {@link Category#UNKNOWN}. */
    public static List<Category> all() {
        return List.of(MALE, FEMALE, NONBINARY, Category.UNKNOWN);
    }

    /** The value whose code or label equals {@code text}, ignoring case and surrounding space. */
    public static Optional<Category> parse(String text) {
        return CategorySet.find(all(), text);
    }
}
