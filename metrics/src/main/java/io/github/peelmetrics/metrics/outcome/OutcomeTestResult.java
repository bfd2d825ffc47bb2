package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link OutcomeTest#test}: OPP's eligibility rules per location, the hit rates of
 * discretionary searches with their KPT tests, and the frisk yield.
 *
 * @param races                    the analysis races, the reference first
 * @param eligibility              location -> every eligibility step
 * @param searches                 the search hit rates (contraband per discretionary search); empty when every location
 *                                 was eliminated
 * @param friskRowsAfterRaceFilter the stops of the analysis races (the rows the frisk yield starts from)
 * @param frisks                   the frisk yield (weapons found per frisk, every stop of the analysis races); empty
 *                                 ("not recorded") when no such stop records whether it was frisked, or none records
 *                                 whether a weapon was found
 */
public record OutcomeTestResult(List<Category> races, Map<String, LocationEligibility> eligibility,
        Optional<HitRates> searches, long friskRowsAfterRaceFilter, Optional<HitRates> frisks) {

    /** Checks nulls and copies. */
    public OutcomeTestResult {
        races = List.copyOf(races);
        eligibility = Collections.unmodifiableMap(new LinkedHashMap<>(eligibility));
        Objects.requireNonNull(searches, "searches");
        Objects.requireNonNull(frisks, "frisks");
    }

    /**
     * The omnibus KPT test of the search hit rates of one location (every race searched there, pooled
     * over its kept districts): the single test that answers "do hit rates differ by race here?".
     *
     * @throws IllegalArgumentException when the location was not analysed (eliminated, or not given), listing those that were
     */
    public TestResult testResult(String location) {
        List<String> analysed = searches.map(h -> List.copyOf(h.byLocation().keySet())).orElse(List.of());
        if (!analysed.contains(location)) {
            throw Checks.notHeld("outcome test (search hit rates)", "analysed location", location, analysed);
        }
        return searches.orElseThrow().kpt(location, KptTest.Level.GEOGRAPHY).stream()
                .filter(t -> t.kind() == KptTest.Kind.OMNIBUS).findFirst().orElseThrow().testResult();
    }

    /**
     * The omnibus KPT test of the search hit rates when exactly one location was analysed. With several
     * locations there is no single test (OPP averages hit rates over locations but tests nothing):
     * use {@link #testResult(String)}.
     *
     * @throws IllegalStateException when not exactly one location was analysed
     */
    public TestResult testResult() {
        List<String> analysed = searches.map(h -> List.copyOf(h.byLocation().keySet())).orElse(List.of());
        if (analysed.size() != 1) {
            throw new IllegalStateException("the outcome test has one KPT test per location; " + analysed.size()
                    + " analysed (" + Checks.list(analysed) + "): use testResult(location)");
        }
        return testResult(analysed.get(0));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OPP outcome test\n");
        eligibility.values().forEach(e -> sb.append("  ").append(e.geography()).append(e.eliminated()
                ? ": eliminated by " + e.steps().stream().filter(s -> s.rowsAfter() == 0).findFirst()
                        .map(s -> s.rule().oppFunction()).orElse("?")
                : ": " + e.rowsFinal() + " of " + e.steps().get(0).rowsAfter() + " stops eligible, " + e.searchesFinal()
                        + " searches").append('\n'));
        sb.append("Searches: ").append(searches.map(HitRates::toString).orElse("no location left")).append('\n');
        sb.append("Frisks: ").append(frisks.map(HitRates::toString).orElse("not recorded"));
        return sb.toString();
    }
}
