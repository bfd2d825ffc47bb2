package io.github.peelmetrics.metrics.vod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.metrics.opp.EligibilityRule;
import io.github.peelmetrics.metrics.opp.EligibilityStep;
import io.github.peelmetrics.metrics.opp.OppBaseRules;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import io.github.peelmetrics.core.StopType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OPP's year rules for the veil of darkness where they bite (the public conformance cases are full
 * years, so there they remove nothing): a year with six months of stops is partial, a year where a race
 * has too few stops goes, and the window stays the one of the stops before the year rules.
 */
class VeilOfDarknessOppRulesTest {

    static final ConformanceCase CASE = Conformance.cases("metrics/veil_of_darkness_opp.json")
            .filter(c -> c.id().contains("s5501")).findFirst().orElseThrow();
    static final ZoneId ZONE = ZoneId.of(CASE.input().get("timezone").asText());
    static final List<Stop> STOPS = VeilOfDarknessOppConformanceTest.read(
            CASE.dir().resolve(CASE.input().get("stops_csv").asText()), ZONE);
    static final OppBaseRules BASE = OppBaseRules.of(LocalDate.of(2011, 1, 1), LocalDate.of(2018, 12, 31), 50, 0.5,
            List.of(Races.WHITE, Races.BLACK, Races.HISPANIC));

    static VeilOfDarkness opp() {
        JsonNode in = CASE.input();
        return VeilOfDarkness.at(GeoPoint.of(in.get("latitude").asDouble(), in.get("longitude").asDouble()), ZONE,
                Races.BLACK).opp().fixedEffects(FixedEffects.NONE);
    }

    static EligibilityStep step(OppVeilOfDarknessResult r, EligibilityRule rule) {
        return r.steps().stream().filter(s -> s.rule() == rule).findFirst().orElseThrow();
    }

    /** The case's stops (all of 2017) and a copy of those {@code keep} accepts moved to 2016 (the case's one year). */
    static List<Stop> withCopyIn2016(Path dir, java.util.function.Predicate<String[]> keep) throws IOException {
        List<String> lines = Files.readAllLines(CASE.dir().resolve(CASE.input().get("stops_csv").asText()));
        List<String> out = new ArrayList<>(lines);
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            f[header.indexOf("date")] = f[header.indexOf("date")].replace("2017-", "2016-");
            f[header.indexOf("raw_row_number")] = "c" + f[header.indexOf("raw_row_number")];
            if (keep.test(f) && !f[header.indexOf("date")].equals("2016-02-29")) {
                out.add(String.join(",", f));
            }
        }
        Path csv = dir.resolve("two-years.csv");
        Files.write(csv, out);
        return VeilOfDarknessOppConformanceTest.read(csv, ZONE);
    }

    /** Per year, the stops of each compared race that the window and the twilight rule leave. */
    static Map<Integer, Map<Category, Long>> inWindow(List<Stop> stops) {
        VeilOfDarknessTally t = opp().tally();
        List<Stop> present = stops.stream().filter(s -> s.type() == StopType.VEHICULAR && s.time().isPresent()
                && (s.subject().race().equals(Races.BLACK) || s.subject().race().equals(Races.WHITE))).toList();
        present.forEach(t::add);
        Map<Integer, Map<Category, Long>> n = new TreeMap<>();
        for (VeilOfDarknessTally.Classification c : t.classify(present)) {
            if (c.dark().isPresent()) {
                n.computeIfAbsent(c.stop().date().getYear(), y -> new HashMap<>())
                        .merge(c.stop().subject().race(), 1L, Long::sum);
            }
        }
        return n;
    }

    static long total(Map<Category, Long> n) {
        return n.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aYearWithSixMonthsOfStopsIsPartialAndGoes(@TempDir Path dir) throws IOException {
        List<Stop> stops = withCopyIn2016(dir, f -> f[1].compareTo("2016-07") < 0);
        Map<Integer, Map<Category, Long>> n = inWindow(stops);
        assertTrue(total(n.get(2016)) > 100, "the half year has stops in the window: " + n);
        OppVeilOfDarknessResult r = opp().testWithOppRules(stops, BASE);
        EligibilityStep partial = step(r, EligibilityRule.PARTIAL_YEARS);
        assertEquals(total(n.get(2016)), partial.rowsDropped(), r.toString());
        assertEquals(total(n.get(2017)), partial.rowsAfter());
        assertEquals(0, step(r, EligibilityRule.TOO_FEW_STOPS_PER_RACE_PER_YEAR).rowsDropped());
        assertEquals(partial.rowsAfter(), r.result().used(), "the model is fitted on the stops the steps left");
        assertEquals(0, step(opp().testWithOppRules(STOPS, BASE), EligibilityRule.PARTIAL_YEARS).rowsDropped());
        // the window is the one of every stop present before the year rules
        assertEquals(opp().test(stops).windows(), r.result().windows());
    }

    @Test
    void aYearWhereARaceHasTooFewStopsGoes(@TempDir Path dir) throws IOException {
        int[] black = {0};
        List<Stop> stops = withCopyIn2016(dir, f -> !f[6].equals("black") || black[0]++ < 150);
        Map<Integer, Map<Category, Long>> n = inWindow(stops);
        assertTrue(n.get(2016).get(Races.BLACK) < 100 && n.get(2016).get(Races.WHITE) >= 100, n.toString());
        OppVeilOfDarknessResult r = opp().testWithOppRules(stops, BASE);
        assertEquals(0, step(r, EligibilityRule.PARTIAL_YEARS).rowsDropped(), r.toString());
        EligibilityStep few = step(r, EligibilityRule.TOO_FEW_STOPS_PER_RACE_PER_YEAR);
        assertEquals(total(n.get(2016)), few.rowsDropped(), r.toString());
        assertEquals(total(n.get(2017)), r.result().used());
        assertEquals(opp().test(stops).windows(), r.result().windows(), "the window is decided before the year rules");
        // a minimum of 0 keeps both years
        assertEquals(total(n.get(2016)) + total(n.get(2017)), opp().testWithOppRules(stops, BASE, 0).result().used());
    }

    @Test
    void needsOppsDarknessRuleAndANonNegativeMinimum() {
        JsonNode in = CASE.input();
        VeilOfDarkness plain = VeilOfDarkness.at(GeoPoint.of(in.get("latitude").asDouble(),
                in.get("longitude").asDouble()), ZONE, Races.BLACK);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plain.testWithOppRules(STOPS, BASE));
        assertTrue(e.getMessage().contains("call opp() first"), e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> opp().testWithOppRules(STOPS, BASE, -1));
        assertTrue(m.getMessage().contains("-1"), m.getMessage());
    }

    @Test
    void whenEveryYearGoesTheErrorSaysWhichStepsDroppedTheStops() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> opp().testWithOppRules(STOPS, BASE, 1_000_000));
        assertTrue(e.getMessage().contains("remove_location_yrs_with_too_few_stops_per_race(geography) dropped"),
                e.getMessage());
        // an export without a type column: every stop is dropped as not vehicular, and the message says what to do
        List<Stop> untyped = STOPS.stream().map(s -> s.toBuilder().type(StopType.UNKNOWN).build()).toList();
        IllegalStateException u = assertThrows(IllegalStateException.class, () -> opp().testWithOppRules(untyped, BASE));
        assertTrue(u.getMessage().contains("OPP's steps left 0 of 12000 stops (filter_to_vehicular_stops dropped 12000)")
                && u.getMessage().contains(".constant(\"type\", \"vehicular\")"), u.getMessage());
    }
}
