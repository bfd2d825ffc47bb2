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
 * The counts of one cell of a {@link StopTally} (one group, one key), or of a sum of cells.
 *
 * <p>Missing facts never enter a denominator: a stop whose search status was not recorded
 * ({@link io.github.peelmetrics.core.Flag#UNKNOWN}) is left out of {@link #searchKnown()} and
 * counted in {@link #searchMissing()}; a search whose contraband finding was not recorded is left
 * out of {@link #hitKnown()}; a stop whose outcome is {@link StopOutcome#UNKNOWN} is left out of
 * {@link #outcomeKnown()}. {@link StopOutcome#NONE} (released with no action) is a real outcome
 * and is in the denominator of the arrest rate. Conventions of the conformance suite
 * (README-metrics §4), checked against pandas counts.
 *
 * @param stops             all stops
 * @param searched          stops with a search ({@code searchConducted} YES)
 * @param notSearched       stops recorded as not searched ({@code searchConducted} NO)
 * @param searchesByBasis   searches by their basis (every basis present, zero when none; never {@code NONE})
 * @param hits              searches that found contraband
 * @param misses            searches recorded as finding no contraband
 * @param outcomes          stops by outcome (every outcome present, {@code UNKNOWN} included)
 * @param searchedArrests   searched stops that ended in an arrest (for the relative rate index)
 * @param searchedOutcomeKnown searched stops whose outcome was recorded
 * @param force             stops with force used
 * @param noForce           stops recorded without force
 */
public record StopCounts(
        long stops,
        long searched,
        long notSearched,
        Map<SearchBasis, Long> searchesByBasis,
        long hits,
        long misses,
        Map<StopOutcome, Long> outcomes,
        long searchedArrests,
        long searchedOutcomeKnown,
        long force,
        long noForce) {

    private static final StopCounts EMPTY = new StopCounts(0, 0, 0, Map.of(), 0, 0, Map.of(), 0, 0, 0, 0);

    /** Validates that every count is non-negative and the parts do not exceed their wholes; copies the maps. */
    public StopCounts {
        Objects.requireNonNull(searchesByBasis, "searchesByBasis of stop counts must not be null");
        Objects.requireNonNull(outcomes, "outcomes of stop counts must not be null");
        EnumMap<SearchBasis, Long> basis = new EnumMap<>(SearchBasis.class);
        for (SearchBasis b : SearchBasis.values()) {
            if (b != SearchBasis.NONE) {
                basis.put(b, nonNegative("searchesByBasis." + b, searchesByBasis.getOrDefault(b, 0L)));
            }
        }
        EnumMap<StopOutcome, Long> out = new EnumMap<>(StopOutcome.class);
        for (StopOutcome o : StopOutcome.values()) {
            out.put(o, nonNegative("outcomes." + o, outcomes.getOrDefault(o, 0L)));
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
    }

    private static long nonNegative(String field, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s of stop counts must not be negative: %d", field, v));
        }
        return v;
    }

    /** No stops. */
    public static StopCounts empty() {
        return EMPTY;
    }

    /** Stops whose search status was recorded: the denominator of {@link #searchRate()}. */
    public long searchKnown() {
        return searched + notSearched;
    }

    /** Stops whose search status was not recorded (left out of the search rate). */
    public long searchMissing() {
        return stops - searchKnown();
    }

    /** Searches whose contraband finding was recorded: the denominator of {@link #hitRate()}. */
    public long hitKnown() {
        return hits + misses;
    }

    /** Searches whose contraband finding was not recorded. */
    public long hitMissing() {
        return searched - hitKnown();
    }

    /** Stops with the given outcome. */
    public long outcome(StopOutcome outcome) {
        return outcomes.get(Objects.requireNonNull(outcome, "outcome"));
    }

    /** Stops that ended in an arrest. */
    public long arrests() {
        return outcome(StopOutcome.ARREST);
    }

    /** Stops whose outcome was recorded ({@link StopOutcome#NONE} included): the denominator of {@link #arrestRate()}. */
    public long outcomeKnown() {
        return stops - outcomeMissing();
    }

    /** Stops whose outcome was not recorded. */
    public long outcomeMissing() {
        return outcome(StopOutcome.UNKNOWN);
    }

    /** Stops whose use of force was recorded (yes or no): the denominator of {@link #forceRate()}. */
    public long forceKnown() {
        return force + noForce;
    }

    /** {@code searched / searchKnown}; empty when no stop has a recorded search status. */
    public OptionalDouble searchRate() {
        return ratio(searched, searchKnown());
    }

    /** The hit rate of the outcome test, {@code hits / hitKnown}; empty when no search has a recorded finding. */
    public OptionalDouble hitRate() {
        return ratio(hits, hitKnown());
    }

    /** {@code arrests / outcomeKnown}; empty when no stop has a recorded outcome. */
    public OptionalDouble arrestRate() {
        return ratio(arrests(), outcomeKnown());
    }

    /** {@code force / forceKnown}; empty when no stop has a recorded use of force. */
    public OptionalDouble forceRate() {
        return ratio(force, forceKnown());
    }

    private static OptionalDouble ratio(long a, long b) {
        return b == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) a / b);
    }

    /** The cell-by-cell sum of two counts. */
    public StopCounts plus(StopCounts other) {
        EnumMap<SearchBasis, Long> basis = new EnumMap<>(SearchBasis.class);
        for (Map.Entry<SearchBasis, Long> e : searchesByBasis.entrySet()) {
            basis.put(e.getKey(), e.getValue() + other.searchesByBasis.get(e.getKey()));
        }
        EnumMap<StopOutcome, Long> out = new EnumMap<>(StopOutcome.class);
        for (Map.Entry<StopOutcome, Long> e : outcomes.entrySet()) {
            out.put(e.getKey(), e.getValue() + other.outcomes.get(e.getKey()));
        }
        return new StopCounts(stops + other.stops, searched + other.searched, notSearched + other.notSearched,
                basis, hits + other.hits, misses + other.misses, out, searchedArrests + other.searchedArrests,
                searchedOutcomeKnown + other.searchedOutcomeKnown, force + other.force, noForce + other.noForce);
    }

    /** A one-line summary: stops, searches, hits, arrests and force, with their known denominators. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StopCounts[stops=%d, searched=%d/%d, hits=%d/%d, arrests=%d/%d, force=%d/%d]",
                stops, searched, searchKnown(), hits, hitKnown(), arrests(), outcomeKnown(), force, forceKnown());
    }
}
