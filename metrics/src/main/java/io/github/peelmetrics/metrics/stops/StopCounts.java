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
 * The counts of one cell of a {@link StopTally} (one group, one key), or of a sum of cells: for
 * every fact a stop records, how many stops recorded it {@code YES} and how many {@code NO}; the
 * stops that did not record it are in neither.
 *
 * <p><b>Not recorded is not zero.</b> Every rate has its own "known" denominator, the stops (or
 * searches, frisks, arrests) on which its fact was recorded. A rate whose known denominator is 0
 * (the export has no such column, or no stop filled it) is {@link OptionalDouble#empty()}, printed
 * "not recorded", never 0 or 1. An export with an arrest flag and no citation column gives an
 * arrest rate and no citation rate. Each decision is counted from its own flag
 * ({@link io.github.peelmetrics.core.Stop#arrest()}, {@code citation()}, {@code warning()},
 * {@code summons()}), never from the derived most severe outcome: the derived {@link #outcomes()}
 * are kept for the non-enforcement measures, with {@link StopOutcome#UNKNOWN} whenever no flag is
 * {@code YES} and one is unrecorded.
 *
 * <p>Populations of the conditional counts: contraband ({@code hits}, weapons, drugs) and
 * {@code searchedArrests} among searched stops ({@code searchConducted} YES); weapons found in a
 * frisk among frisked stops (OPP's frisk yield: {@code frisk_performed} TRUE with a recorded
 * {@code contraband_weapons}); force among arrested stops ({@code arrestForce}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param stops             all stops
 * @param searched          stops with a search ({@code searchConducted} YES)
 * @param notSearched       stops recorded as not searched
 * @param searchesByBasis   searches by basis (every basis but {@code NONE}; they add up to {@code searched})
 * @param hits              searches that found contraband ({@code contrabandFound} YES)
 * @param misses            searches recorded as finding none
 * @param weaponsFound      searches that found weapons ({@code contrabandWeapons} YES)
 * @param noWeaponsFound    searches recorded as finding no weapons
 * @param drugsFound        searches that found drugs ({@code contrabandDrugs} YES)
 * @param noDrugsFound      searches recorded as finding no drugs
 * @param frisked           stops with a frisk ({@code frisk} YES)
 * @param notFrisked        stops recorded without a frisk
 * @param friskWeapons      frisked stops that found weapons
 * @param friskNoWeapons    frisked stops recorded as finding no weapons
 * @param arrests           stops with {@code arrest} YES
 * @param noArrests         stops with {@code arrest} NO
 * @param citations         stops with {@code citation} YES
 * @param noCitations       stops with {@code citation} NO
 * @param warnings          stops with {@code warning} YES
 * @param noWarnings        stops with {@code warning} NO
 * @param summonses         stops with {@code summons} YES
 * @param noSummonses       stops with {@code summons} NO
 * @param outcomes          stops by derived most severe outcome (every outcome present,
 *                          {@code UNKNOWN} included; they add up to {@code stops})
 * @param searchedArrests   searched stops with {@code arrest} YES
 * @param searchedNoArrests searched stops with {@code arrest} NO
 * @param force             stops with force used
 * @param noForce           stops recorded without force
 * @param arrestForce       arrested stops with force used
 * @param arrestNoForce     arrested stops recorded without force
 */
public record StopCounts(
        long stops,
        long searched,
        long notSearched,
        Map<SearchBasis, Long> searchesByBasis,
        long hits,
        long misses,
        long weaponsFound,
        long noWeaponsFound,
        long drugsFound,
        long noDrugsFound,
        long frisked,
        long notFrisked,
        long friskWeapons,
        long friskNoWeapons,
        long arrests,
        long noArrests,
        long citations,
        long noCitations,
        long warnings,
        long noWarnings,
        long summonses,
        long noSummonses,
        Map<StopOutcome, Long> outcomes,
        long searchedArrests,
        long searchedNoArrests,
        long force,
        long noForce,
        long arrestForce,
        long arrestNoForce) {

    private static final StopCounts EMPTY = new StopCounts(0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0);

    /**
     * Validates that every count is non-negative and every part fits in its whole (YES + NO of a
     * fact at most its population; outcomes adding up to the stops, bases to the searches; arrests
     * equal to the derived {@code ARREST} outcomes); copies the maps, with every basis and outcome present.
     */
    public StopCounts {
        Objects.requireNonNull(searchesByBasis, "searchesByBasis of stop counts must not be null");
        Objects.requireNonNull(outcomes, "outcomes of stop counts must not be null");
        EnumMap<SearchBasis, Long> basis = new EnumMap<>(SearchBasis.class);
        long basisSum = 0;
        if (searchesByBasis.getOrDefault(SearchBasis.NONE, 0L) != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "searchesByBasis.NONE of stop counts must be 0 (a search has a basis): %d",
                    searchesByBasis.get(SearchBasis.NONE)));
        }
        for (SearchBasis b : SearchBasis.values()) {
            if (b != SearchBasis.NONE) {
                long n = nonNegative("searchesByBasis." + b, searchesByBasis.getOrDefault(b, 0L));
                basis.put(b, n);
                basisSum = Math.addExact(basisSum, n);
            }
        }
        EnumMap<StopOutcome, Long> out = new EnumMap<>(StopOutcome.class);
        long outcomeSum = 0;
        for (StopOutcome o : StopOutcome.values()) {
            long n = nonNegative("outcomes." + o, outcomes.getOrDefault(o, 0L));
            out.put(o, n);
            outcomeSum = Math.addExact(outcomeSum, n);
        }
        searchesByBasis = Collections.unmodifiableMap(basis);
        outcomes = Collections.unmodifiableMap(out);
        nonNegative("stops", stops);
        part("searched", searched, "notSearched", notSearched, "stops", stops);
        part("hits", hits, "misses", misses, "searched", searched);
        part("weaponsFound", weaponsFound, "noWeaponsFound", noWeaponsFound, "searched", searched);
        part("drugsFound", drugsFound, "noDrugsFound", noDrugsFound, "searched", searched);
        part("frisked", frisked, "notFrisked", notFrisked, "stops", stops);
        part("friskWeapons", friskWeapons, "friskNoWeapons", friskNoWeapons, "frisked", frisked);
        part("arrests", arrests, "noArrests", noArrests, "stops", stops);
        part("citations", citations, "noCitations", noCitations, "stops", stops);
        part("warnings", warnings, "noWarnings", noWarnings, "stops", stops);
        part("summonses", summonses, "noSummonses", noSummonses, "stops", stops);
        part("searchedArrests", searchedArrests, "searchedNoArrests", searchedNoArrests, "searched", searched);
        part("force", force, "noForce", noForce, "stops", stops);
        part("arrestForce", arrestForce, "arrestNoForce", arrestNoForce, "arrests", arrests);
        atMost("searchedArrests", searchedArrests, "arrests", arrests);
        atMost("searchedNoArrests", searchedNoArrests, "noArrests", noArrests);
        atMost("arrestForce", arrestForce, "force", force);
        atMost("arrestNoForce", arrestNoForce, "noForce", noForce);
        if (outcomeSum != stops) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "outcomes of stop counts add up to %d, not to stops %d", outcomeSum, stops));
        }
        if (basisSum != searched) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "searchesByBasis of stop counts add up to %d, not to searched %d", basisSum, searched));
        }
        if (out.get(StopOutcome.ARREST) != arrests) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "outcomes.ARREST %d of stop counts must equal arrests %d", out.get(StopOutcome.ARREST), arrests));
        }
    }

    private static long nonNegative(String field, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s of stop counts must not be negative: %d", field, v));
        }
        return v;
    }

    private static void part(String yes, long y, String no, long n, String whole, long w) {
        nonNegative(yes, y);
        nonNegative(no, n);
        if (y + n > w || y + n < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %d + %s %d of stop counts exceed %s %d", yes, y, no, n, whole, w));
        }
    }

    private static void atMost(String part, long p, String whole, long w) {
        if (p > w) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %d of stop counts exceed %s %d", part, p, whole, w));
        }
    }

    /** No stops. */
    public static StopCounts empty() {
        return EMPTY;
    }

    /** Stops with a recorded search status: the denominator of {@link #searchRate()}. */
    public long searchKnown() {
        return searched + notSearched;
    }

    /** Stops whose search status was not recorded. */
    public long searchMissing() {
        return stops - searchKnown();
    }

    /** Searches with a recorded contraband finding: the denominator of {@link #hitRate()}. */
    public long hitKnown() {
        return hits + misses;
    }

    /** Searches whose contraband finding was not recorded. */
    public long hitMissing() {
        return searched - hitKnown();
    }

    /** Searches with a recorded weapons finding. */
    public long weaponsKnown() {
        return weaponsFound + noWeaponsFound;
    }

    /** Searches with a recorded drugs finding. */
    public long drugsKnown() {
        return drugsFound + noDrugsFound;
    }

    /** Stops with a recorded frisk flag. */
    public long friskKnown() {
        return frisked + notFrisked;
    }

    /** Frisks with a recorded weapons finding: the denominator of {@link #friskYield()}. */
    public long friskWeaponsKnown() {
        return friskWeapons + friskNoWeapons;
    }

    /** Stops with a recorded arrest flag: the denominator of {@link #arrestRate()}. */
    public long arrestKnown() {
        return arrests + noArrests;
    }

    /** Stops with a recorded citation flag. */
    public long citationKnown() {
        return citations + noCitations;
    }

    /** Stops with a recorded warning flag. */
    public long warningKnown() {
        return warnings + noWarnings;
    }

    /** Stops with a recorded summons flag. */
    public long summonsKnown() {
        return summonses + noSummonses;
    }

    /** Searched stops with a recorded arrest flag. */
    public long searchedArrestKnown() {
        return searchedArrests + searchedNoArrests;
    }

    /** Stops with a recorded use of force. */
    public long forceKnown() {
        return force + noForce;
    }

    /** Arrested stops with a recorded use of force. */
    public long arrestForceKnown() {
        return arrestForce + arrestNoForce;
    }

    /** Stops whose derived outcome is known ({@code NONE} included): every decision flag recorded, or one YES. */
    public long outcomeKnown() {
        return stops - outcomes.get(StopOutcome.UNKNOWN);
    }

    /** Stops with the given derived most severe outcome. */
    public long outcome(StopOutcome outcome) {
        return outcomes.get(Objects.requireNonNull(outcome, "outcome"));
    }

    /** Stops whose derived outcome is unknown. */
    public long outcomeMissing() {
        return outcome(StopOutcome.UNKNOWN);
    }

    /** {@code searched / searchKnown}; empty when no stop recorded its search status. */
    public OptionalDouble searchRate() {
        return ratio(searched, searchKnown());
    }

    /** The hit rate of the outcome test, {@code hits / hitKnown}; empty when no search recorded a finding. */
    public OptionalDouble hitRate() {
        return ratio(hits, hitKnown());
    }

    /** Searches that found weapons, among searches that recorded it; empty when none did. */
    public OptionalDouble weaponsHitRate() {
        return ratio(weaponsFound, weaponsKnown());
    }

    /** Searches that found drugs, among searches that recorded it; empty when none did. */
    public OptionalDouble drugsHitRate() {
        return ratio(drugsFound, drugsKnown());
    }

    /** {@code frisked / friskKnown}; empty when no stop recorded a frisk flag. */
    public OptionalDouble friskRate() {
        return ratio(frisked, friskKnown());
    }

    /**
     * The frisk yield, weapons found per frisk: {@code friskWeapons / friskWeaponsKnown}, among
     * frisked stops with a recorded {@code contrabandWeapons} (OPP's {@code outcome_test} with
     * action {@code frisk_performed} and outcome {@code contraband_weapons}); empty when none.
     */
    public OptionalDouble friskYield() {
        return ratio(friskWeapons, friskWeaponsKnown());
    }

    /** {@code arrests / arrestKnown}, from the arrest flag; empty when no stop recorded it. */
    public OptionalDouble arrestRate() {
        return ratio(arrests, arrestKnown());
    }

    /** {@code citations / citationKnown}; empty when no stop recorded a citation flag. */
    public OptionalDouble citationRate() {
        return ratio(citations, citationKnown());
    }

    /** {@code warnings / warningKnown}; empty when no stop recorded a warning flag. */
    public OptionalDouble warningRate() {
        return ratio(warnings, warningKnown());
    }

    /** {@code summonses / summonsKnown}; empty when no stop recorded a summons flag. */
    public OptionalDouble summonsRate() {
        return ratio(summonses, summonsKnown());
    }

    /** Arrests per searched stop, {@code searchedArrests / searchedArrestKnown}; empty when none recorded. */
    public OptionalDouble searchedArrestRate() {
        return ratio(searchedArrests, searchedArrestKnown());
    }

    /** Force per stop, {@code force / forceKnown}; empty when no stop recorded a use of force. */
    public OptionalDouble forceRate() {
        return ratio(force, forceKnown());
    }

    /** Force per arrest, {@code arrestForce / arrestForceKnown}; empty when no arrest recorded a use of force. */
    public OptionalDouble forcePerArrest() {
        return ratio(arrestForce, arrestForceKnown());
    }

    private static OptionalDouble ratio(long a, long b) {
        return b == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) a / b);
    }

    /** The cell-by-cell sum of two counts. */
    public StopCounts plus(StopCounts o) {
        Objects.requireNonNull(o, "stop counts to add must not be null");
        EnumMap<SearchBasis, Long> basis = new EnumMap<>(SearchBasis.class);
        searchesByBasis.forEach((b, n) -> basis.put(b, n + o.searchesByBasis.get(b)));
        EnumMap<StopOutcome, Long> out = new EnumMap<>(StopOutcome.class);
        outcomes.forEach((k, n) -> out.put(k, n + o.outcomes.get(k)));
        return new StopCounts(stops + o.stops, searched + o.searched, notSearched + o.notSearched, basis,
                hits + o.hits, misses + o.misses, weaponsFound + o.weaponsFound, noWeaponsFound + o.noWeaponsFound,
                drugsFound + o.drugsFound, noDrugsFound + o.noDrugsFound, frisked + o.frisked,
                notFrisked + o.notFrisked, friskWeapons + o.friskWeapons, friskNoWeapons + o.friskNoWeapons,
                arrests + o.arrests, noArrests + o.noArrests, citations + o.citations, noCitations + o.noCitations,
                warnings + o.warnings, noWarnings + o.noWarnings, summonses + o.summonses,
                noSummonses + o.noSummonses, out, searchedArrests + o.searchedArrests,
                searchedNoArrests + o.searchedNoArrests, force + o.force, noForce + o.noForce,
                arrestForce + o.arrestForce, arrestNoForce + o.arrestNoForce);
    }

    /** A one-line summary: each fact as YES out of the stops that recorded it. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StopCounts[stops=%d, searched=%d/%d, hits=%d/%d, frisked=%d/%d, "
                        + "arrests=%d/%d, citations=%d/%d, warnings=%d/%d, summonses=%d/%d, force=%d/%d]",
                stops, searched, searchKnown(), hits, hitKnown(), frisked, friskKnown(), arrests, arrestKnown(),
                citations, citationKnown(), warnings, warningKnown(), summonses, summonsKnown(), force, forceKnown());
    }
}
