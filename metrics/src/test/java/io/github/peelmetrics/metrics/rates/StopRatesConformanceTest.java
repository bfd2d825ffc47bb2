package io.github.peelmetrics.metrics.rates;

import io.github.peelmetrics.metrics.opp.EligibilityStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.metrics.trend.PoissonRate;
import io.github.peelmetrics.metrics.trend.RateComparison;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code metrics/stop_rates.json}: Poisson rate ratios and OPP's annualized stop rates. */
class StopRatesConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/stop_rates.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithEpitoolsPoissonTestAndOpp(ConformanceCase c) {
        switch (c.kind()) {
            case "poisson_rate_ratio" -> poissonRateRatio(c);
            case "opp_stop_rates" -> oppStopRates(c);
            default -> throw new AssertionError("unknown kind " + c.kind() + " in " + c);
        }
        c.assertAllChecked();
    }

    private static void poissonRateRatio(ConformanceCase c) {
        JsonNode g = c.input().get("group");
        JsonNode r = c.input().get("reference");
        long a1 = g.get("stops").asLong();
        double pt1 = g.get("exposure_person_years").asDouble();
        long a0 = r.get("stops").asLong();
        double pt0 = r.get("exposure_person_years").asDouble();
        double level = c.input().get("level").asDouble();
        c.assertNumber("rate_group", PoissonRate.of(a1, pt1).rate());
        c.assertNumber("rate_reference", PoissonRate.of(a0, pt0).rate());
        Optional<RateComparison> rc = RateComparison.testIfDefined(a1, pt1, a0, pt0, level);
        if (rc.isEmpty()) {
            assertEquals(0, a1 + a0, c + ": only a comparison without events is absent");
            assertThrows(IllegalArgumentException.class, () -> RateComparison.test(a1, pt1, a0, pt0, level));
            c.informational("wald", "no events on either side: Peel has no comparison (Optional.empty), where "
                    + "epitools returns NaN for the ratio 0/0 and its bounds (checked above: empty, test throws)");
            c.informational("p_midp_exact_epitools", "no events on either side: epitools' mid-p of Bin(0, s) is 1 "
                    + "by convention; Peel has no comparison and no test (Optional.empty)");
        } else {
            assertComparison(c, "", rc.get(), level);
        }
        assertAbsentWhenNull(c, "midp", rc);
        assertAbsentWhenNull(c, "midp_epitools_default_tol", rc);
        assertAbsentWhenNull(c, "exact_conditional", rc);
    }

    private static void assertAbsentWhenNull(ConformanceCase c, String key, Optional<RateComparison> rc) {
        if (c.expectedAt(key).isNull()) {
            c.assertUndefined(key, rc);
        }
    }

    /** Asserts every figure of a §2.1 block at prefix ({@code ""} or {@code "by_race.black.vs_reference."}). */
    static void assertComparison(ConformanceCase c, String p, RateComparison rc, double level) {
        if (!p.isEmpty()) {
            c.assertNumber(p + "rate_group", rc.group().rate());
            c.assertNumber(p + "rate_reference", rc.reference().rate());
        }
        assertRatio(c, p + "wald", rc.wald(level));
        c.assertNumber(p + "wald.se_log", rc.waldStandardError());
        c.assertNumber(p + "p_midp_exact_epitools", rc.midPTest().pValue());
        RatioEstimate midp = rc.midP(level);
        assertRatio(c, p + "midp", midp);
        epitoolsLooseRoot(c, p + "midp_epitools_default_tol", midp, rc);
        c.assertNumber(p + "exact_conditional.p_value", rc.exactConditionalTest().pValue());
        Interval ci = rc.exactConditionalInterval(level);
        c.assertNumber(p + "exact_conditional.lower", ci.lower());
        c.assertNumber(p + "exact_conditional.upper", ci.upper());
        c.assertNumber(p + "exact_conditional.estimate", rc.rateRatio().estimate());
        assertEquals(rc.rateRatio(), rc.wald(level), c + ": the comparison's ratio is its Wald estimate at the level");
    }

    /**
     * epitools solves the mid-p equations for {@code s = RR·T1/(RR·T1 + T0)} with {@code uniroot}'s
     * default tolerance ({@code .Machine$double.eps^0.25} = 1.2e-4 on s); mapped to the ratio that
     * error can exceed the case's 1e-3 (5.341 against 5.328 in {@code s5302}, where ds/dRR is small).
     * So each of epitools' values is checked where its tolerance lives, on s, against Peel's root.
     */
    private static void epitoolsLooseRoot(ConformanceCase c, String key, RatioEstimate precise, RateComparison rc) {
        double t1 = rc.group().exposure();
        double t0 = rc.reference().exposure();
        double[] peel = {precise.estimate(), precise.interval().lower(), precise.interval().upper()};
        String[] names = {"estimate", "lower", "upper"};
        for (int i = 0; i < 3; i++) {
            double epi = ConformanceCase.number(c.expectedAt(key + "." + names[i]));
            if (Double.isInfinite(peel[i]) || peel[i] == 0) {
                assertEquals(peel[i], epi, c + " " + key + "." + names[i] + ": an end point is exact");
            } else {
                double sPeel = peel[i] * t1 / (peel[i] * t1 + t0);
                double sEpi = epi * t1 / (epi * t1 + t0);
                assertEquals(sPeel, sEpi, 2.5e-4, c + " " + key + "." + names[i] + " on the s scale: " + epi + " vs " + peel[i]);
            }
        }
        c.informational(key, "epitools' loose uniroot root, checked above on s within twice uniroot's tolerance");
    }

    private static void assertRatio(ConformanceCase c, String key, RatioEstimate r) {
        c.assertNumber(key + ".estimate", r.estimate());
        c.assertNumber(key + ".lower", r.interval().lower());
        c.assertNumber(key + ".upper", r.interval().upper());
    }

    private static void oppStopRates(ConformanceCase c) {
        JsonNode in = c.input();
        assertEquals("white", in.get("reference_race").asText());
        assertEquals(12, in.get("n_months_multiplier").asInt(), "OPP's n_months = 12 is the only one implemented");
        assertEquals(1000, in.get("rate_per").asInt(), "rates per 1,000");
        List<Category> races = new ArrayList<>();
        in.get("analysis_races").forEach(n -> races.add(race(n.asText())));
        Map<Category, Long> population = population(c.dir().resolve(in.get("population_csv").asText()));
        StopRateTable t = OppStopRates.per(population)
                .races(races.toArray(Category[]::new))
                .reference(race(in.get("reference_race").asText()))
                .dates(LocalDate.parse(in.get("date_range").get(0).asText()),
                        LocalDate.parse(in.get("date_range").get(1).asText()))
                .minStopsPerMonth(in.get("min_stops_per_month").asInt())
                .minRaceCoverage(in.get("coverage_threshold").asDouble())
                .level(in.get("level").asDouble())
                .of(stops(c.dir().resolve(in.get("stops_csv").asText())));

        JsonNode steps = c.expectedAt("steps");
        assertEquals(steps.size(), t.steps().size(), c + ": steps");
        for (int i = 0; i < steps.size(); i++) {
            EligibilityStep s = t.steps().get(i);
            assertEquals(steps.get(i).get("opp_function").asText(), s.rule().oppFunction(), c + ": step " + i);
            c.assertCount("steps." + i + ".rows_after", s.rowsAfter());
            c.assertCount("steps." + i + ".rows_dropped", s.rowsDropped());
            String result = steps.get(i).get("opp_result").asText();
            if (result.startsWith("removed months ")) {
                assertEquals(Arrays.asList(result.substring("removed months ".length()).split(",\\s*")),
                        s.removedMonths().stream().map(Object::toString).toList(), c + ": months removed by " + s.rule().oppFunction());
            } else {
                assertTrue(s.removedMonths().isEmpty(), c + ": " + s);
            }
            c.informational("steps." + i + ".opp_function", "OPP's function name, checked against Peel's rule above");
            c.informational("steps." + i + ".opp_result", "OPP's log text; its removed months are checked above");
        }
        c.assertCount("rows_analysed", t.rowsAnalysed());
        c.assertCount("n_months_in_data", t.monthsInData());
        List<String> months = new ArrayList<>();
        c.expectedAt("months").forEach(n -> months.add(n.asText()));
        assertEquals(months, t.months().stream().map(Object::toString).toList(), c + ": months");
        c.informational("months", "compared as a list above");

        JsonNode byRace = c.expectedAt("by_race");
        assertEquals(byRace.size(), t.rows().size(), c + ": rows");
        for (var it = byRace.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String p = "by_race." + name + ".";
            StopRate r = t.row(race(name));
            c.assertCount(p + "n_stops", r.stops());
            c.assertCount(p + "n_months_with_stops", r.monthsWithStops());
            c.assertCount(p + "population", r.population());
            c.assertBoolean(p + "opp_row_present", r.oppRowPresent());
            c.assertOptional(p + "average_monthly_stops", r.averageMonthlyStops());
            c.assertOptional(p + "average_annual_stops", r.averageAnnualStops());
            c.assertOptional(p + "annual_stop_rate", r.annualStopRate());
            c.assertOptional(p + "annual_stops_per_1000", r.annualStopsPer1000());
            c.assertNumber(p + "exposure_person_years", r.exposure());
            c.assertOptional(p + "poisson_stops_per_1000_per_year", r.stopsPer1000PerYear());
            if (byRace.get(name).has("vs_reference")) {
                RateComparison rc = r.vsReference().orElseThrow(() -> new AssertionError(c + ": no comparison for " + name));
                assertComparison(c, p + "vs_reference.", rc, t.level());
                c.assertOptional(p + "vs_reference.opp_annual_rate_ratio", r.oppAnnualRateRatio());
            } else {
                assertTrue(r.vsReference().isEmpty() && r.oppAnnualRateRatio().isEmpty(), c + ": " + name + " is the reference");
            }
        }
    }

    private static Category race(String code) {
        return code.isEmpty() ? Races.UNKNOWN : Races.parse(code).orElseThrow(() -> new AssertionError("race " + code));
    }

    static Map<Category, Long> population(Path csv) {
        Map<Category, Long> pop = new LinkedHashMap<>();
        for (String[] f : rows(csv)) {
            pop.put(race(f[0]), Long.parseLong(f[1]));
        }
        return pop;
    }

    /** The case's stops: date, type and race; an empty field is NA (type and race unknown). */
    static List<Stop> stops(Path csv) {
        List<String> header;
        try {
            header = Arrays.asList(Files.readAllLines(csv).get(0).split(",", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int id = header.indexOf("raw_row_number");
        int date = header.indexOf("date");
        int race = header.indexOf("subject_race");
        int type = header.indexOf("type");
        List<Stop> out = new ArrayList<>();
        for (String[] f : rows(csv)) {
            StopType t = switch (f[type]) {
                case "vehicular" -> StopType.VEHICULAR;
                case "pedestrian" -> StopType.PEDESTRIAN;
                case "" -> StopType.UNKNOWN;
                default -> throw new AssertionError("type " + f[type]);
            };
            out.add(Stop.builder(f[id], LocalDate.parse(f[date]), ZoneOffset.UTC).type(t).race(race(f[race])).build());
        }
        return out;
    }

    private static List<String[]> rows(Path csv) {
        try {
            return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isEmpty()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
