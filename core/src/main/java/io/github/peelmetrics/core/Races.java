package io.github.peelmetrics.core;

import java.util.List;
import java.util.Optional;

/**
 * The race values of the Stanford Open Policing Project's standardized schema
 * ({@code subject_race}): Pierson et al., "A large-scale analysis of racial disparities in police
 * stops across the United States", Nature Human Behaviour 4 (2020).
 */
public final class Races {
    private Races() {}

    /** {@code asian/pacific islander}. */
    public static final Category ASIAN_PACIFIC_ISLANDER = Category.of("asian/pacific islander", "Asian/Pacific Islander");
    /** {@code black}. */
    public static final Category BLACK = Category.of("black", "Black");
    /** {@code hispanic}. */
    public static final Category HISPANIC = Category.of("hispanic", "Hispanic");
    /** {@code white}. */
    public static final Category WHITE = Category.of("white", "White");
    /** {@code other}: a real group, counted in shares and ratios. */
    public static final Category OTHER = Category.of("other", "Other");
    /** {@code unknown}: counted in totals, excluded from shares and ratios. */
    public static final Category UNKNOWN = Category.UNKNOWN;

    /** All values, in the order above. */
    public static List<Category> all() {
        return List.of(ASIAN_PACIFIC_ISLANDER, BLACK, HISPANIC, WHITE, OTHER, UNKNOWN);
    }

    /** The value whose code or label equals {@code text}, ignoring case and surrounding space. */
    public static Optional<Category> parse(String text) {
        return CategorySet.find(all(), text);
    }
}
