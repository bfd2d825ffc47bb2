package io.github.peelmetrics.core;

import java.util.List;
import java.util.Optional;

/**
 * The perceived-race values of California's Racial and Identity Profiling Act (RIPA) stop data
 * (Cal. Code Regs. tit. 11, § 999.226(a)(4)). RIPA allows several perceived races per person;
 * agencies that publish one value use {@link #MULTIRACIAL} for more than one.
 */
public final class RipaRaces {
    private RipaRaces() {}

    /** Asian. */
    public static final Category ASIAN = Category.of("asian", "Asian");
    /** Black/African American. */
    public static final Category BLACK = Category.of("black", "Black/African American");
    /** Hispanic/Latine(x). */
    public static final Category HISPANIC = Category.of("hispanic", "Hispanic/Latine(x)");
    /** Middle Eastern or South Asian. */
    public static final Category MIDDLE_EASTERN_SOUTH_ASIAN = Category.of("middle eastern or south asian", "Middle Eastern or South Asian");
    /** Native American. */
    public static final Category NATIVE_AMERICAN = Category.of("native american", "Native American");
    /** Pacific Islander. */
    public static final Category PACIFIC_ISLANDER = Category.of("pacific islander", "Pacific Islander");
    /** White. */
    public static final Category WHITE = Category.of("white", "White");
    /** More than one perceived race. */
    public static final Category MULTIRACIAL = Category.of("multiracial", "Multiracial");

    /** All values, in the order above, then {@link Category#UNKNOWN}. */
    public static List<Category> all() {
        return List.of(ASIAN, BLACK, HISPANIC, MIDDLE_EASTERN_SOUTH_ASIAN, NATIVE_AMERICAN, PACIFIC_ISLANDER,
                WHITE, MULTIRACIAL, Category.UNKNOWN);
    }

    /** The value whose code or label equals {@code text}, ignoring case and surrounding space. */
    public static Optional<Category> parse(String text) {
        return CategorySet.find(all(), text);
    }
}
