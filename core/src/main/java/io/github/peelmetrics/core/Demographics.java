package io.github.peelmetrics.core;

import java.util.OptionalInt;

/**
 * A person's recorded race, sex, age group and (when known) age. Unrecorded values are
 * {@link Category#UNKNOWN}, never {@code null}.
 *
 * @param race     race category (e.g. {@link Races#BLACK})
 * @param sex      sex category
 * @param ageGroup age group category
 * @param age      age in whole years, when recorded
 */
public record Demographics(Category race, Category sex, Category ageGroup, OptionalInt age) {

    /** Nothing recorded. */
    public static final Demographics UNKNOWN =
            new Demographics(Category.UNKNOWN, Category.UNKNOWN, Category.UNKNOWN, OptionalInt.empty());

    /** Validates the fields. */
    public Demographics {
        Checks.notNull("demographics", "race", race);
        Checks.notNull("demographics", "sex", sex);
        Checks.notNull("demographics", "ageGroup", ageGroup);
        Checks.notNull("demographics", "age", age);
        if (age.isPresent() && (age.getAsInt() < 0 || age.getAsInt() > 130)) {
            throw new IllegalArgumentException("age of demographics must be in [0, 130]: " + age.getAsInt());
        }
    }

    /** Only the race recorded. */
    public static Demographics ofRace(Category race) {
        return UNKNOWN.withRace(race);
    }

    /** Race, sex and age group recorded. */
    public static Demographics of(Category race, Category sex, Category ageGroup) {
        return new Demographics(race, sex, ageGroup, OptionalInt.empty());
    }

    /** A copy with another race. */
    public Demographics withRace(Category newRace) {
        return new Demographics(newRace, sex, ageGroup, age);
    }

    /** A copy with another sex. */
    public Demographics withSex(Category newSex) {
        return new Demographics(race, newSex, ageGroup, age);
    }

    /** A copy with an age, and the age group that goes with it. */
    public Demographics withAge(int years) {
        return new Demographics(race, sex, AgeGroups.ofAge(years), OptionalInt.of(years));
    }
}
