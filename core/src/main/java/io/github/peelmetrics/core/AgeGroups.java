package io.github.peelmetrics.core;

import java.util.List;
import java.util.Optional;

/**
 * Adult age groups as community surveys and census tables report them: 18-29, 30-44, 45-64, 65+,
 * plus under 18 for stop subjects.
 */
public final class AgeGroups {
    private AgeGroups() {}

    /** Under 18. */
    public static final Category UNDER_18 = Category.of("<18", "Under 18");
    /** 18 to 29. */
    public static final Category AGE_18_29 = Category.of("18-29", "18-29");
    /** 30 to 44. */
    public static final Category AGE_30_44 = Category.of("30-44", "30-44");
    /** 45 to 64. */
    public static final Category AGE_45_64 = Category.of("45-64", "45-64");
    /** 65 and over. */
    public static final Category AGE_65_PLUS = Category.of("65+", "65+");

    /** All values, then {@link Category#UNKNOWN}. */
    public static List<Category> all() {
        return List.of(UNDER_18, AGE_18_29, AGE_30_44, AGE_45_64, AGE_65_PLUS, Category.UNKNOWN);
    }

    /**
     * The group of an age in whole years.
     *
     * @throws IllegalArgumentException if {@code age} is negative or over 130
     */
    public static Category ofAge(int age) {
        if (age < 0 || age > 130) {
            throw new IllegalArgumentException("age must be in [0, 130]: " + age);
        }
        if (age < 18) {
            return UNDER_18;
        }
        if (age < 30) {
            return AGE_18_29;
        }
        if (age < 45) {
            return AGE_30_44;
        }
        return age < 65 ? AGE_45_64 : AGE_65_PLUS;
    }

    /** The value whose code or label equals {@code text}, ignoring case and surrounding space. */
    public static Optional<Category> parse(String text) {
        return CategorySet.find(all(), text);
    }
}
