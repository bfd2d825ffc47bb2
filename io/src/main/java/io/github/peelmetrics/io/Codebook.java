package io.github.peelmetrics.io;

import io.github.peelmetrics.core.AgeGroups;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.RipaRaces;
import io.github.peelmetrics.core.Sexes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the raw values of one column map to Peel categories: {@code "B"}, {@code "Black"} and
 * {@code "African American"} to {@code Races.BLACK}, say. Lookups ignore case and surrounding
 * white space ({@link Locale#ROOT}). A value the codebook does not know is handled by the
 * mapping's {@link UnknownValues} policy.
 *
 * <p>For enumerated fields (stop type, search basis, outcome, allegation, finding, source,
 * shift) a codebook entry's category code names the constant: {@code with("Arrest Driver",
 * "arrest")} reads {@code "Arrest Driver"} as {@code StopOutcome.ARREST}; values without an entry
 * match a constant's name ignoring case, with spaces, hyphens and slashes read as underscores
 * ({@code "probable cause"} is {@code PROBABLE_CAUSE}).
 *
 * <p>Immutable and thread-safe; {@code with} returns a new codebook.
 */
public final class Codebook {

    private final Map<String, Category> entries;

    private Codebook(Map<String, Category> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** A codebook with no entries. */
    public static Codebook empty() {
        return new Codebook(new LinkedHashMap<>());
    }

    /** A codebook in which each category is known by its code and by its label. */
    public static Codebook of(List<Category> categories) {
        Objects.requireNonNull(categories, "categories must not be null");
        Codebook b = empty();
        for (Category c : categories) {
            b = b.with(c.code(), c).with(c.label(), c);
        }
        return b;
    }

    /**
     * The Open Policing Project races ({@link Races}) by code and label, plus common synonyms:
     * {@code W}, {@code Caucasian}; {@code B}, {@code African American}, {@code Black or African
     * American}; {@code H}, {@code Latino}, {@code Latina}, {@code Latinx}, {@code Hispanic or
     * Latino}; {@code A}, {@code Asian}, {@code Pacific Islander}, {@code Asian or Pacific Islander},
     * {@code Native Hawaiian or Other Pacific Islander}; {@code O}, {@code Native American},
     * {@code American Indian or Alaska Native}, {@code American Indian / Alaskan Native},
     * {@code Middle Eastern}, {@code Multi-Racial},
     * {@code Two or More Races} (Open Policing counts these under "other"; {@link #racesDetailed()}
     * keeps them apart); {@code U},
     * {@code Unknown}, {@code Not Recorded}, {@code Refused}, {@code Unable to Determine}. The grouping follows Pierson et al.
     * (2020), the Open Policing Project's standardization.
     */
    public static Codebook races() {
        return of(Races.all())
                .with("w", Races.WHITE).with("caucasian", Races.WHITE)
                .with("b", Races.BLACK).with("african american", Races.BLACK)
                .with("black or african american", Races.BLACK).with("black/african american", Races.BLACK)
                .with("h", Races.HISPANIC).with("latino", Races.HISPANIC).with("latina", Races.HISPANIC)
                .with("latinx", Races.HISPANIC).with("hispanic or latino", Races.HISPANIC)
                .with("hispanic/latino", Races.HISPANIC)
                .with("a", Races.ASIAN_PACIFIC_ISLANDER).with("asian", Races.ASIAN_PACIFIC_ISLANDER)
                .with("pacific islander", Races.ASIAN_PACIFIC_ISLANDER)
                .with("asian or pacific islander", Races.ASIAN_PACIFIC_ISLANDER)
                .with("native hawaiian or other pacific islander", Races.ASIAN_PACIFIC_ISLANDER)
                .with("o", Races.OTHER).with("native american", Races.OTHER)
                .with("american indian or alaska native", Races.OTHER)
                .with("american indian / alaskan native", Races.OTHER).with("american indian/alaska native", Races.OTHER).with("middle eastern", Races.OTHER)
                .with("multi-racial", Races.OTHER).with("two or more races", Races.OTHER)
                .with("u", Category.UNKNOWN).with("not recorded", Category.UNKNOWN)
                .with("refused", Category.UNKNOWN).with("unable to determine", Category.UNKNOWN);
    }

    /**
     * {@link #races()} with finer categories kept instead of folded into {@code other}, for
     * codebooks (Census, RIPA, many city exports) that record them:
     * <ul>
     * <li>{@code american indian/alaska native} (label {@code American Indian/Alaska Native}) for
     *     {@code American Indian or Alaska Native}, {@code American Indian / Alaskan Native},
     *     {@code American Indian/Alaska Native}, {@code American Indian}, {@code Alaska Native},
     *     {@code Native American}, {@code I};</li>
     * <li>{@link RipaRaces#MULTIRACIAL} ({@code multiracial}) for {@code Multi-Racial},
     *     {@code Multiracial}, {@code Two or More Races};</li>
     * <li>{@link RipaRaces#MIDDLE_EASTERN_SOUTH_ASIAN} for {@code Middle Eastern},
     *     {@code Middle Eastern or South Asian}.</li>
     * </ul>
     * Every other entry is that of {@link #races()} ({@code other} stays for what the export itself
     * calls other). Use it with {@code mapping.codebook("race", Codebook.racesDetailed())}; figures
     * by race then have a row for each finer group, and comparisons with a benchmark need the
     * benchmark in the same groups.
     */
    public static Codebook racesDetailed() {
        Category aian = Category.of("american indian/alaska native", "American Indian/Alaska Native");
        return races().with(aian.code(), aian).with(aian.label(), aian)
                .with("american indian or alaska native", aian).with("american indian / alaskan native", aian)
                .with("american indian / alaska native", aian).with("american indian/alaskan native", aian)
                .with("american indian", aian).with("alaska native", aian).with("native american", aian)
                .with("i", aian)
                .with("multiracial", RipaRaces.MULTIRACIAL).with("multi-racial", RipaRaces.MULTIRACIAL)
                .with("two or more races", RipaRaces.MULTIRACIAL)
                .with("middle eastern", RipaRaces.MIDDLE_EASTERN_SOUTH_ASIAN)
                .with("middle eastern or south asian", RipaRaces.MIDDLE_EASTERN_SOUTH_ASIAN);
    }

    /** {@link Sexes} by code and label, plus {@code M}, {@code F}, {@code X}, {@code U}, {@code Unable to Determine}. */
    public static Codebook sexes() {
        return of(Sexes.all()).with("m", Sexes.MALE).with("f", Sexes.FEMALE).with("x", Sexes.NONBINARY)
                .with("u", Category.UNKNOWN).with("unable to determine", Category.UNKNOWN);
    }

    /** {@link AgeGroups} by code and label. */
    public static Codebook ageGroups() {
        return of(AgeGroups.all());
    }

    /** A copy with one more entry (replacing any entry for the same raw value). */
    public Codebook with(String raw, Category category) {
        Objects.requireNonNull(raw, "raw value of codebook entry must not be null");
        Objects.requireNonNull(category, () -> "category of codebook entry \"" + raw + "\" must not be null");
        String key = normalize(raw);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("raw value of codebook entry must not be blank: \"" + raw + "\"");
        }
        Map<String, Category> copy = new LinkedHashMap<>(entries);
        copy.put(key, category);
        return new Codebook(copy);
    }

    /**
     * A copy with one more entry whose category is the one this codebook already knows by that code
     * (so {@code with("B", "black")} gives {@code Races.BLACK} with its label), else a new
     * category with that code as label.
     */
    public Codebook with(String raw, String code) {
        Objects.requireNonNull(code, () -> "code of codebook entry \"" + raw + "\" must not be null");
        Category c = entries.get(normalize(code));
        return with(raw, c != null && c.code().equals(code.strip()) ? c : Category.of(code));
    }

    /** The category of a raw value (compared ignoring case and surrounding space), if the codebook knows it. */
    public Optional<Category> lookup(String raw) {
        Objects.requireNonNull(raw, "raw value to look up must not be null");
        return Optional.ofNullable(entries.get(normalize(raw)));
    }

    /** The entries, raw value (normalized) to category, in insertion order. */
    public Map<String, Category> entries() {
        return entries;
    }

    /** Raw value is case- and space-insensitive. */
    static String normalize(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Number of entries and a few of them. */
    @Override
    public String toString() {
        return "Codebook[" + entries.size() + " entries" + (entries.isEmpty() ? "" : ": " + entries) + "]";
    }
}
