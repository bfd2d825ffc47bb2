package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.metrics.opp.EligibilityStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every opp_outcome_test case of metrics/outcome.json: each eligibility step's stops and searches
 * per location, the preparation, hit rates by district, location and aggregate, the KPT tests and
 * the frisk yield, against OPP's own R functions (provenance in the case's oracle and the file's
 * opp and software blocks).
 */
class OutcomeConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/outcome.json").filter(c -> c.kind().equals("opp_outcome_test"));
    }

    /** The test with the case's settings (all equal to OPP's defaults in the public cases). */
    static OutcomeTest configured(JsonNode in) {
        List<Category> races = new ArrayList<>();
        in.get("analysis_races").forEach(r -> races.add(Races.parse(r.asText()).orElseThrow()));
        Category reference = Races.parse(in.get("reference_race").asText()).orElseThrow();
        races.remove(reference);
        assertEquals("district", in.get("subgeography_col").asText());
        assertEquals("frisk_performed", in.at("/frisk/action").asText());
        assertEquals("contraband_weapons", in.at("/frisk/outcome").asText());
        java.util.Set<io.github.peelmetrics.core.SearchBasis> bases = java.util.EnumSet.noneOf(
                io.github.peelmetrics.core.SearchBasis.class);
        in.get("discretionary_search_bases").forEach(b -> bases.add(OppCsv.basis(b.isNull() ? "" : b.asText())));
        return OutcomeTest.opp()
                .dateRange(LocalDate.parse(in.at("/date_range/0").asText()), LocalDate.parse(in.at("/date_range/1").asText()))
                .minStopsPerMonth(in.get("min_stops_per_month").asInt())
                .coverage(in.get("coverage_threshold").asDouble())
                .searchBasisCoverage(in.get("search_basis_coverage_threshold").asDouble())
                .discretionaryBases(bases)
                .minSearchesPerRacePerDistrict(in.get("min_searches_per_race_per_subgeography").asInt())
                .minDistricts(in.get("min_subgeographies").asInt())
                .races(reference, races.toArray(Category[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesOpp(ConformanceCase c) {
        JsonNode in = c.input();
        Map<String, List<Stop>> stops = OppCsv.stops(c.dir().resolve(in.get("stops_csv").asText()));
        assertEquals(in.get("rows").asLong(), stops.values().stream().mapToLong(List::size).sum(), "rows");
        OutcomeTestResult r = configured(in).test(stops);

        JsonNode elig = c.expected().get("eligibility");
        assertEquals(names(elig), List.copyOf(r.eligibility().keySet()), "locations");
        for (Iterator<String> it = elig.fieldNames(); it.hasNext(); ) {
            String g = it.next();
            LocationEligibility e = r.eligibility().get(g);
            String p = "eligibility." + g;
            JsonNode steps = elig.get(g).get("steps");
            assertEquals(steps.size(), e.steps().size(), p + " steps");
            for (int i = 0; i < steps.size(); i++) {
                JsonNode s = steps.get(i);
                EligibilityStep mine = e.steps().get(i);
                String sp = p + ".steps." + i;
                c.assertText(sp + ".opp_function", mine.rule().oppFunction());
                c.assertCount(sp + ".rows_after", mine.rowsAfter());
                c.assertCount(sp + ".searches_after", mine.searchesAfter());
                c.assertCount(sp + ".rows_dropped", mine.rowsDropped());
                c.assertCount(sp + ".searches_dropped", mine.searchesDropped());
                if (s.has("removed_months")) {
                    texts(c, sp + ".removed_months", mine.removedMonths().stream().map(Object::toString).toList());
                } else {
                    assertTrue(mine.removedMonths().isEmpty(), sp + " removed months");
                }
                if (s.has("removed_subgeographies")) {
                    texts(c, sp + ".removed_subgeographies", mine.removedDistricts());
                } else {
                    assertTrue(mine.removedDistricts().isEmpty(), sp + " removed districts");
                }
                if (s.has("search_basis_coverage")) {
                    c.assertOptional(sp + ".search_basis_coverage", mine.searchBasisCoverage());
                }
                if (s.has("n_subgeographies")) {
                    c.assertCount(sp + ".n_subgeographies", mine.districtsLeft().orElseThrow());
                } else {
                    assertTrue(mine.districtsLeft().isEmpty(), sp + " districts left");
                }
                for (String info : List.of("opp_action", "opp_result", "literal_opp_result", "literal_opp_rows_after",
                        "opp_error")) {
                    if (s.has(info)) {
                        c.informational(sp + "." + info, "OPP's log text and its literal (bugged) run, README-opp.md §4");
                    }
                }
            }
            c.assertBoolean(p + ".eliminated", e.eliminated());
            c.assertCount(p + ".rows_final", e.rowsFinal());
            c.assertCount(p + ".searches_final", e.searchesFinal());
        }

        if (c.expectedAt("search_outcome").isNull()) {
            c.assertUndefined("search_outcome", r.searches());
        } else {
            hitRates(c, "search_outcome", r.searches().orElseThrow());
        }
        c.assertCount("frisk_rows_after_race_filter", r.friskRowsAfterRaceFilter());
        if (c.expectedAt("frisk_outcome").isNull()) {
            c.assertUndefined("frisk_outcome", r.frisks());
        } else {
            hitRates(c, "frisk_outcome", r.frisks().orElseThrow());
        }
        c.assertAllChecked();
    }

    private static void hitRates(ConformanceCase c, String p, HitRates h) {
        c.assertCount(p + ".rows_used", h.preparation().rowsUsed());
        c.assertCount(p + ".prepare.outcome_na_filled_false", h.preparation().outcomeNaFilledFalse());
        c.assertNumber(p + ".prepare.null_rate", h.preparation().nullRate());
        c.assertNumber(p + ".prepare.outcome_without_action_rate", h.preparation().outcomeWithoutActionRate());
        JsonNode byDistrict = c.expectedAt(p + ".hit_rates");
        assertEquals(names(byDistrict), List.copyOf(h.byDistrict().keySet()), p + " locations");
        for (String g : names(byDistrict)) {
            JsonNode districts = byDistrict.get(g);
            assertEquals(names(districts), List.copyOf(h.byDistrict().get(g).keySet()), p + " districts of " + g);
            for (String d : names(districts)) {
                rates(c, p + ".hit_rates." + g + "." + d, districts.get(d), h.byDistrict().get(g).get(d));
            }
        }
        JsonNode byLocation = c.expectedAt(p + ".geography_hit_rates");
        assertEquals(names(byLocation), List.copyOf(h.byLocation().keySet()), p + " pooled locations");
        for (String g : names(byLocation)) {
            rates(c, p + ".geography_hit_rates." + g, byLocation.get(g), h.byLocation().get(g));
        }
        JsonNode agg = c.expectedAt(p + ".aggregate_hit_rates");
        assertEquals(names(agg).stream().sorted().toList(),
                h.aggregate().keySet().stream().map(Category::code).sorted().toList(), p + " aggregate races");
        for (String race : names(agg)) {
            AverageHitRate a = h.aggregate().get(Races.parse(race).orElseThrow());
            String ap = p + ".aggregate_hit_rates." + race;
            c.assertNumber(ap + ".average_hit_rate", a.estimate());
            c.assertNumber(ap + ".average_n_outcome", a.averageHits());
            c.assertNumber(ap + ".average_n_action", a.averageActions());
        }
        JsonNode kpt = c.expectedAt(p + ".kpt");
        assertEquals(kpt.size(), h.kpt().size(), p + " KPT tests");
        for (int i = 0; i < kpt.size(); i++) {
            JsonNode e = kpt.get(i);
            String kp = p + ".kpt." + i;
            KptTest.Level level = KptTest.Level.valueOf(e.get("level").asText().toUpperCase(java.util.Locale.ROOT));
            KptTest.Kind kind = KptTest.Kind.valueOf(e.get("kind").asText().toUpperCase(java.util.Locale.ROOT));
            Optional<String> district = e.get("subgeography").isNull() ? Optional.empty()
                    : Optional.of(e.get("subgeography").asText());
            Optional<Category> race = e.get("race").isNull() ? Optional.empty()
                    : Races.parse(e.get("race").asText());
            KptTest t = h.kpt().stream().filter(x -> x.level() == level && x.kind() == kind
                    && x.geography().equals(e.get("geography").asText()) && x.district().equals(district)
                    && x.race().equals(race)).findFirst().orElseThrow(() -> new AssertionError(kp + " not produced"));
            c.assertText(kp + ".level", e.get("level").asText());
            c.assertText(kp + ".kind", e.get("kind").asText());
            c.assertText(kp + ".geography", t.geography());
            if (district.isEmpty()) {
                c.assertUndefined(kp + ".subgeography", t.district());
            } else {
                c.assertText(kp + ".subgeography", t.district().orElseThrow());
            }
            if (race.isEmpty()) {
                c.assertUndefined(kp + ".race", t.race());
            } else {
                c.assertText(kp + ".race", t.race().orElseThrow().code());
            }
            if (e.get("races").isNull()) {
                c.assertUndefined(kp + ".races", t.races().isEmpty() ? Optional.empty() : Optional.of(t.races()));
            } else {
                texts(c, kp + ".races", t.races().stream().map(Category::code).toList());
            }
            c.assertOptional(kp + ".statistic", t.statistic());
            c.assertCount(kp + ".df", t.df());
            c.assertOptional(kp + ".p_value", t.pValue());
            c.assertOptional(kp + ".min_expected", t.minExpected());
            c.assertOptional(kp + ".holm", t.holm());
            c.assertCount(kp + ".family_size", t.familySize());
        }
    }

    private static void rates(ConformanceCase c, String p, JsonNode expected, Map<Category, HitRate> mine) {
        assertEquals(names(expected).stream().sorted().toList(),
                mine.keySet().stream().map(Category::code).sorted().toList(), p + " races");
        for (String race : names(expected)) {
            HitRate h = mine.get(Races.parse(race).orElseThrow());
            c.assertCount(p + "." + race + ".n_action", h.actions());
            c.assertCount(p + "." + race + ".n_outcome", h.hits());
            c.assertOptional(p + "." + race + ".hit_rate", OptionalDouble.of(h.estimate()));
        }
    }

    private static void texts(ConformanceCase c, String path, List<String> actual) {
        JsonNode e = c.expectedAt(path);
        assertEquals(e.size(), actual.size(), path + ": " + e + " vs " + actual);
        if (actual.isEmpty()) {
            c.informational(path, "an empty list, asserted by its size");
        }
        for (int i = 0; i < actual.size(); i++) {
            c.assertText(path + "." + i, actual.get(i));
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
