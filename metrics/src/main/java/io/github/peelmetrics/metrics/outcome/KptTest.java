package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One KPT test (Knowles, Persico and Todd 2001): whether the hit rate differs by race, as a Pearson
 * chi-square test of race x found (no/yes) among the acted-on rows, without continuity correction
 * (R's {@code chisq.test(x, correct = FALSE)}). Not part of OPP's code; defined on top of it in the
 * conformance cases (README-opp.md §1.4). Small expected counts are not corrected: see
 * {@link #minExpected()}.
 *
 * @param level       {@link Level#GEOGRAPHY} (pooled over the location's kept districts) or {@link Level#SUBGEOGRAPHY}
 * @param geography   the location
 * @param district    the district, for {@link Level#SUBGEOGRAPHY}
 * @param kind        {@link Kind#OMNIBUS} (every race with an action, k x 2) or {@link Kind#PAIRWISE} (one race vs the
 *                    reference, 2 x 2)
 * @param race        for {@link Kind#PAIRWISE}: the race compared with the reference
 * @param reference   the reference race (OPP: white)
 * @param races       for {@link Kind#OMNIBUS}: the races in the table (empty for pairwise)
 * @param statistic   the chi-square statistic; empty when the table has fewer than 2 races or an empty margin
 * @param df          the degrees of freedom (races - 1)
 * @param pValue      the p-value; empty when the statistic is
 * @param minExpected the smallest expected count; empty when the statistic is
 * @param holm        the Holm-adjusted p-value within the family ({@code level}, {@code kind}) over the whole analysis
 * @param familySize  the number of defined p-values in the family
 */
public record KptTest(Level level, String geography, Optional<String> district, Kind kind, Optional<Category> race,
        Category reference, List<Category> races, OptionalDouble statistic, int df, OptionalDouble pValue, OptionalDouble minExpected,
        OptionalDouble holm, int familySize) {

    /** Where the table is drawn. */
    public enum Level {
        /** The location, pooled over its kept districts. */
        GEOGRAPHY,
        /** One district. */
        SUBGEOGRAPHY
    }

    /** Which table. */
    public enum Kind {
        /** Every race with at least one action in the cell: a k x 2 table. */
        OMNIBUS,
        /** One race against the reference race: a 2 x 2 table. */
        PAIRWISE
    }

    /** Checks nulls and copies. */
    public KptTest {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(geography, "geography");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(reference, "reference");
        races = List.copyOf(races);
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(minExpected, "minExpected");
        Objects.requireNonNull(holm, "holm");
    }

    /**
     * The unadjusted test as a {@link TestResult} ({@code pearson-chi-square}); statistic and p-value are NaN when the
     * test is not defined (see {@link #statistic()}).
     */
    public TestResult testResult() {
        return TestResult.of(statistic.orElse(Double.NaN), pValue.orElse(Double.NaN), df, "pearson-chi-square");
    }

    /** What the table compares, e.g. {@code Springfield, XX / D1: black vs white}. */
    public String label() {
        String where = geography + district.map(d -> " / " + d).orElse("");
        return where + ": " + (kind == Kind.OMNIBUS ? "omnibus " + races.stream().map(Category::code).toList()
                : race.map(Category::code).orElse("?") + " vs " + reference.code());
    }

    @Override
    public String toString() {
        if (statistic.isEmpty()) {
            return label() + " not defined (fewer than 2 races or an empty margin)";
        }
        return label() + Format.f(" X2=%s, df=%d, p=%s, Holm p=%s (of %d), min expected %s", Format.stat(statistic.getAsDouble()),
                df, Format.p(pValue.getAsDouble()), holm.isPresent() ? Format.p(holm.getAsDouble()) : "-", familySize,
                Format.num(minExpected.getAsDouble()));
    }
}
