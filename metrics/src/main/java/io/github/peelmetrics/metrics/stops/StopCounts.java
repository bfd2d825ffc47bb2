package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.StopOutcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The counts of one cell of a {@link StopTally} (one group, one key), or of a sum of cells. Make
 * one with {@link #of}, which computes the known denominators; the canonical constructor checks
 * that they agree with the counts.
 *
 * <p>Missing facts never enter a denominator: a stop whose search status was not recorded
 * ({@link io.github.peelmetrics.core.Flag#UNKNOWN}) is left out of {@link #searchKnown()} and
 * counted in {@link #searchMissing()}; a search whose contraband finding was not recorded is left
 * out of {@link #hitKnown()}; a stop whose outcome is {@link StopOutcome#UNKNOWN} is left out of
 * {@link #outcomeKnown()}. {@link StopOutcome#NONE} (released with no action) is a real outcome
 * and is in the denominator of the arrest rate. Conventions of the conformance suite
 * (README-metrics §4), checked against pandas counts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stops                all stops
 * @param searched             stops with a search ({@code searchConducted} YES)
 * @param notSearched          stops recorded as not searched ({@code searchConducted} NO)
 * @param searchKnown          {@code searched + notSearched}: the denominator of {@link #searchRate()}
 * @param searchesByBasis      searches by their basis (every basis present, zero when none; never
 *                             {@code NONE}); they add up to {@code searched}
 * @param hits                 searches that found contraband
 * @param misses               searches recorded as finding no contraband
 * @param hitKnown             {@code hits + misses}: the denominator of {@link #hitRate()}
 * @param outcomes             stops by outcome (every outcome present, {@code UNKNOWN} included);
 *                             they add up to {@code stops}
 * @param arrests              {@code outcomes[ARREST]}
 * @param outcomeKnown         {@code stops - outcomes[UNKNOWN]} ({@code NONE} included): the
 *                             denominator of {@link #arrestRate()}
 * @param searchedArrests      searched stops that ended in an arrest (for the relative rate index)
 * @param searchedOutcomeKnown searched stops whose outcome was recorded
 * @param force                stops with force used
 * @param noForce              stops recorded without force
 * @param forceKnown           {@code force + noForce}: the denominator of {@link #forceRate()}
 */
public record StopCounts(
        long stops,
        long searched,
        long notSearched,
        long searchKnown,
        Map<SearchBasis, Long> searchesByBasis,
        long hits,
        long misses,
        long hitKnown,
        Map<StopOutcome, Long> outcomes,
        long arrests,
        long outcomeKnown,
        long searchedArrests,
        long searchedOutcomeKnown,
        long force,
        long noForce,
        long forceKnown) {

    private static final StopCounts EMPTY = of(0, 0, 0, Map.of(), 0, 0, Map.of(), 0, 0, 0, 0);

    /**
     * Validates that every count is non-negative, the parts add up to (or do not exceed) their
     * wholes and the known denominators are the sums they stand for; copies the maps, with every
     * basis and outcome present.
     */
    public StopCounts {
        Objects.requireNonNull(searchesByBasis, "searchesByBasis of stop counts must not be null");
        Objects.requireNonNull(outcomes, "outcomes of stop counts must not be null");
        EnumMap<SearchBasis, Long> basis = new EnumMap<>(SearchBasis.class);
        long basisSum = 0;
        for (Map.Entry<SearchBasis, Long> e : searchesByBasis.entrySet()) {
            if (e.getKey() == SearchBasis.NONE && e.getValue() != 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "searchesByBasis.NONE of stop counts must be 0 (a search has a basis): %d", e.getValue()));
            }
        }
        for (SearchBasis b : SearchBasis.values()) {
            if (b != SearchBasis.NONE) {
                long n = nonNegative("searchesByBasis." + b, searchesByBasis.getOrDefault(b, 0L));
                basis.put(b, n);
                basisSum += n;
            }
        }
        EnumMap<StopOutcome, Long> out = new EnumMap<>(StopOutcome.class);
        long outcomeSum = 0;
        for (StopOutcome o : StopOutcome.values()) {
            long n = nonNegative("outcomes." + o, outcomes.getOrDefault(o, 0L));
            out.put(o, n);
            outcomeSum += n;
        }
        searchesByBasis = Collections.unmodifiableMap(basis);
        outcomes = Collections.unmodifiableMap(out);
        nonNegative("stops", stops);
        nonNegative("searched", searched);
        nonNegative("notSearched", notSearched);
        nonNegative("hits", hits);
        nonNegative("misses", misses);
        nonNegative("searchedArrests", searchedArrests);
        nonNegative("searchedOutcomeKnown", searchedOutcomeKnown);
        nonNegative("force", force);
        nonNegative("noForce", noForce);
        if (searched + notSearched > stops) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "searched %d + notSearched %d of stop counts exceed stops %d", searched, notSearched, stops));
        }
        if (hits + misses > searched) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "hits %d + misses %d of stop counts exceed searched %d", hits, misses, searched));
        }
        if (force + noForce > stops) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "force %d + noForce %d of stop counts exceed stops %d", force, noForce, stops));
        }
        if (outcomeSum != stops) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "outcomes of stop counts add up to %d, not to stops %d", outcomeSum, stops));
        }
        if (basisSum != searched) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "searchesByBasis of stop counts add up to %d, not to searched %d", basisSum, searched));
        }
        if (searchedOutcomeKnown > searched || searchedArrests > searchedOutcomeKnown
                || searchedArrests > out.get(StopOutcome.ARREST)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "searchedArrests %d of stop counts must not exceed searchedOutcomeKnown %d nor arrests %d, "
                            + "nor searchedOutcomeKnown exceed searched %d",
                    searchedArrests, searchedOutcomeKnown, out.get(StopOutcome.ARREST), searched));
        }
        derived("searchKnown", searchKnown, searched + notSearched);
        derived("hitKnown", hitKnown, hits + misses);
        derived("arrests", arrests, out.get(StopOutcome.ARREST));
        derived("outcomeKnown", outcomeKnown, stops - out.get(StopOutcome.UNKNOWN));
        derived("forceKnown", forceKnown, force + noForce);
    }

    /**
     * Counts from the tallied facts; the known denominators ({@code searchKnown}, {@code hitKnown},
     * {@code arrests}, {@code outcomeKnown}, {@code forceKnown}) are computed.
     *
     * @param stops                all stops
     * @param searched             stops with a search
     * @param notSearched          stops recorded as not searched
     * @param searchesByBasis      searches by basis (a missing basis counts 0)
     * @param hits                 searches that found contraband
     * @param misses               searches recorded as finding none
     * @param outcomes             stops by outcome (a missing outcome counts 0)
     * @param searchedArrests      searched stops that ended in an arrest
     * @param searchedOutcomeKnown searched stops whose outcome was recorded
     * @param force                stops with force used
     * @param noForce              stops recorded without force
     * @return the counts
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static StopCounts of(long stops, long searched, long notSearched, Map<SearchBasis, Long> searchesByBasis,
                                long hits, long misses, Map<StopOutcome, Long> outcomes, long searchedArrests,
                                long searchedOutcomeKnown, long force, long noForce) {
        Objects.requireNonNull(outcomes, "outcomes of stop counts must not be null");
        long arrests = outcomes.getOrDefault(StopOutcome.ARREST, 0L);
        return new StopCounts(stops, searched, notSearched, searched + notSearched, searchesByBasis, hits, misses,
                hits + misses, outcomes, arrests, stops - outcomes.getOrDefault(StopOutcome.UNKNOWN, 0L),
                searchedArrests, searchedOutcomeKnown, force, noForce, force + noForce);
    }

    private static long nonNegative(String field, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s of stop counts must not be negative: %d", field, v));
        }
        return v;
    }

    private static void derived(String field, long given, long computed) {
        if (given != computed) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s of stop counts is %d, but the counts give %d", field, given, computed));
        }
    }

    /** No stops. */
    public static StopCounts empty() {
        return EMPTY;
    }

    /** Stops whose search status was not recorded (left out of the search rate). */
    public long searchMissing() {
        return stops - searchKnown;
    }

    /** Searches whose contraband finding was not recorded. */
    public long hitMissing() {
        return searched - hitKnown;
    }

    /** Stops with the given outcome. */
    public long outcome(StopOutcome outcome) {
        return outcomes.get(Objects.requireNonNull(outcome, "outcome"));
    }

    /** Stops whose outcome was not recorded. */
    public long outcomeMissing() {
        return outcome(StopOutcome.UNKNOWN);
    }

    /** {@code searched / searchKnown}; empty when no stop has a recorded search status. */
    public OptionalDouble searchRate() {
        return ratio(searched, searchKnown);
    }

    /** The hit rate of the outcome test, {@code hits / hitKnown}; empty when no search has a recorded finding. */
    public OptionalDouble hitRate() {
        return ratio(hits, hitKnown);
    }

    /** {@code arrests / outcomeKnown}; empty when no stop has a recorded outcome. */
    public OptionalDouble arrestRate() {
        return ratio(arrests, outcomeKnown);
    }

    /** {@code force / forceKnown}; empty when no stop has a recorded use of force. */
    public OptionalDouble forceRate() {
        return ratio(force, forceKnown);
    }

    private static OptionalDouble ratio(long a, long b) {
        return b == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) a / b);
    }

    /** The cell-by-cell sum of two counts. */
    public StopCounts plus(StopCounts other) {
        Objects.requireNonNull(other, "stop counts to add must not be null");
        EnumMap<SearchBasis, Long> basis = new EnumMap<>(SearchBasis.class);
        for (Map.Entry<SearchBasis, Long> e : searchesByBasis.entrySet()) {
            basis.put(e.getKey(), e.getValue() + other.searchesByBasis.get(e.getKey()));
        }
        EnumMap<StopOutcome, Long> out = new EnumMap<>(StopOutcome.class);
        for (Map.Entry<StopOutcome, Long> e : outcomes.entrySet()) {
            out.put(e.getKey(), e.getValue() + other.outcomes.get(e.getKey()));
        }
        return of(stops + other.stops, searched + other.searched, notSearched + other.notSearched,
                basis, hits + other.hits, misses + other.misses, out, searchedArrests + other.searchedArrests,
                searchedOutcomeKnown + other.searchedOutcomeKnown, force + other.force, noForce + other.noForce);
    }

    /** A one-line summary: stops, searches, hits, arrests and force, with their known denominators. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StopCounts[stops=%d, searched=%d/%d, hits=%d/%d, arrests=%d/%d, force=%d/%d]",
                stops, searched, searchKnown, hits, hitKnown, arrests, outcomeKnown, force, forceKnown);
    }
}
