package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.metrics.opp.EligibilityRule;
import io.github.peelmetrics.metrics.opp.EligibilityStep;
import io.github.peelmetrics.metrics.opp.OppBaseRules;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every opp_veil_of_darkness case of metrics/veil_of_darkness_opp.json (computed with the Stanford
 * Open Policing Project's own R functions, commit fdb3b9f; README-opp.md §3): the stop counts after
 * OPP's steps, the data-driven inter-twilight window, the counts by district and the five models
 * (OPP's aggregated rounded-minute cells with the spline interacted with the district, with an
 * additive district and without districts; stop-level fits with and without districts).
 *
 * <p>Solar times: Peel's own {@link SolarTimes} classify the stops. The case's solar CSV (PyEphem)
 * is used only to check that, for every stop, classifying by the CSV's minutes gives the same class
 * (stops are kept 3 minutes from every boundary) and that Peel's times are within 4 seconds of it.
 */
class VeilOfDarknessOppConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/veil_of_darkness_opp.json").filter(c -> c.kind().equals("opp_veil_of_darkness"));
    }

    static List<Stop> read(Path csv, ZoneId zone) {
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String> header = List.of(lines.get(0).split(",", -1));
            int id = header.indexOf("raw_row_number");
            int date = header.indexOf("date");
            int time = header.indexOf("time");
            int district = header.indexOf("district");
            int race = header.indexOf("subject_race");
            int type = header.indexOf("type");
            List<Stop> stops = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                Stop.Builder b = f[time].isEmpty()
                        ? Stop.builder(f[id], LocalDate.parse(f[date]), zone)
                        : Stop.builder(f[id], LocalDate.parse(f[date]).atTime(LocalTime.parse(f[time])).atZone(zone));
                if (!f[district].isEmpty()) {
                    b.district(f[district]);
                }
                Category r = f[race].isEmpty() ? Category.UNKNOWN
                        : Races.parse(f[race]).orElseGet(() -> Category.of(f[race]));
                b.race(r);
                b.type(switch (f[type]) {
                    case "vehicular" -> StopType.VEHICULAR;
                    case "pedestrian" -> StopType.PEDESTRIAN;
                    case "" -> StopType.UNKNOWN;
                    default -> throw new IllegalArgumentException("type " + f[type]);
                });
                stops.add(b.build());
            }
            return stops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The solar CSV: date -> {sunset clock minutes, dusk clock minutes, sunset minute, dusk minute}. */
    static Map<LocalDate, double[]> solar(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String> h = List.of(lines.get(0).split(",", -1));
            Map<LocalDate, double[]> out = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                out.put(LocalDate.parse(f[h.indexOf("date")]), new double[] {
                    Double.parseDouble(f[h.indexOf("sunset_clock_minutes")]),
                    Double.parseDouble(f[h.indexOf("civil_dusk_clock_minutes")]),
                    Double.parseDouble(f[h.indexOf("sunset_minute")]),
                    Double.parseDouble(f[h.indexOf("civil_dusk_minute")])});
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesOpp(ConformanceCase c) {
        JsonNode in = c.input();
        GeoPoint place = GeoPoint.of(in.get("latitude").asDouble(), in.get("longitude").asDouble());
        ZoneId zone = ZoneId.of(in.get("timezone").asText());
        List<Stop> stops = read(c.dir().resolve(in.get("stops_csv").asText()), zone);
        Category group = Races.parse(in.get("minority_race").asText()).orElseThrow();
        assertEquals("white", in.get("races").get(0).asText());
        assertEquals("district", in.get("fixed_effects_column").asText());
        assertEquals(VeilOfDarkness.ROUNDING_MINUTES, in.get("rounding_minutes").asInt());
        VeilOfDarkness opp = VeilOfDarkness.at(place, zone, group).splineDf(in.get("spline_df").asInt())
                .level(in.get("level").asDouble()).opp();

        List<String> range = List.of(in.get("date_range").get(0).asText(), in.get("date_range").get(1).asText());
        OppBaseRules base = OppBaseRules.of(LocalDate.parse(range.get(0)), LocalDate.parse(range.get(1)),
                in.get("min_stops_per_month").asInt(), 0.5, List.of(Races.WHITE, Races.BLACK, Races.HISPANIC));
        int perYear = in.get("min_stops_per_race_per_year").asInt();
        OppVeilOfDarknessResult full = opp.testWithOppRules(stops, base, perYear);
        VeilOfDarknessResult interacted = full.result();
        VeilOfDarknessResult additive = opp.fixedEffects(FixedEffects.DISTRICT).testWithOppRules(stops, base, perYear)
                .result();
        VeilOfDarknessResult noFe = opp.fixedEffects(FixedEffects.NONE).testWithOppRules(stops, base, perYear).result();
        VeilOfDarkness stopLevel = opp.modelRows(ModelRows.STOPS);
        VeilOfDarknessResult stopNoFe = stopLevel.fixedEffects(FixedEffects.NONE).testWithOppRules(stops, base, perYear)
                .result();
        VeilOfDarknessResult stopFe = stopLevel.fixedEffects(FixedEffects.DISTRICT).testWithOppRules(stops, base, perYear)
                .result();
        // with no stop removed by the base or year rules, the test on all stops is the same test
        VeilOfDarknessResult plain = opp.fixedEffects(FixedEffects.NONE).test(stops);
        assertEquals(plain.used(), noFe.used(), "test(stops) uses the same stops when no rule removes any");
        assertEquals(plain.coefficient(), noFe.coefficient(), 0, "and fits the same model");
        assertEquals(plain.windows(), noFe.windows(), "with the same window");

        checkSteps(c, full.steps(), interacted);

        // the classification by Peel's solar times equals the one by the case's PyEphem minutes
        Map<LocalDate, double[]> sun = solar(c.dir().resolve(in.get("solar_csv").asText()));
        VeilOfDarknessTally tally = opp.fixedEffects(FixedEffects.NONE).tally();
        stops.forEach(tally::add);
        List<VeilOfDarknessTally.Classification> classes = tally.classify(stops);
        List<Integer> present = new ArrayList<>();   // stops at OPP's window step
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < stops.size(); i++) {
            Stop s = stops.get(i);
            if (s.type() == StopType.VEHICULAR && s.time().isPresent()
                    && (s.subject().race().equals(group) || s.subject().race().equals(Races.WHITE))) {
                present.add(i);
                int dusk = (int) sun.get(s.date())[3];
                lo = Math.min(lo, dusk);
                hi = Math.max(hi, dusk);
            }
        }
        int minDistance = Integer.MAX_VALUE;
        long within1 = 0;
        for (int i : present) {
            Stop s = stops.get(i);
            double[] d = sun.get(s.date());
            int m = s.time().orElseThrow().getHour() * 60 + s.time().orElseThrow().getMinute();
            Exclusion expected = m < lo || m > hi ? Exclusion.OUTSIDE_WINDOW
                    : m >= d[2] && m <= d[3] ? Exclusion.TWILIGHT : null;
            VeilOfDarknessTally.Classification k = classes.get(i);
            if (expected != null) {
                assertEquals(expected, k.exclusion().orElse(null), c.id() + " stop " + s.id());
            } else {
                assertEquals(m >= d[3], k.dark().orElseThrow(), c.id() + " stop " + s.id() + " dark");
            }
            int dist = (int) Math.min(Math.min(Math.abs(m - d[2]), Math.abs(m - d[3])),
                    Math.min(Math.abs(m - lo), Math.abs(m - hi)));
            minDistance = Math.min(minDistance, dist);
            within1 += dist <= 1 ? 1 : 0;
        }
        for (Map.Entry<LocalDate, double[]> e : sun.entrySet()) {
            double sunset = SolarTimes.sunset(place, zone, e.getKey()).clockMinutes().getAsDouble();
            double dusk = SolarTimes.civilDusk(place, zone, e.getKey()).clockMinutes().getAsDouble();
            assertTrue(Math.abs(sunset - e.getValue()[0]) * 60 < 4, e.getKey() + " sunset");
            assertTrue(Math.abs(dusk - e.getValue()[1]) * 60 < 4, e.getKey() + " dusk");
        }
        c.assertCount("min_minutes_to_a_boundary", minDistance);
        c.assertCount("stops_within_1_minute_of_a_boundary", within1);

        InterTwilightWindow w = noFe.windows().get("city");
        c.assertNumbers("inter_twilight_window_minutes", new double[] {w.earliestDusk(), w.latestDusk()});
        assertEquals(new InterTwilightWindow(lo, hi, 0), w, "window from the CSV's dusk minutes");

        c.assertCount("counts.n", stopNoFe.used());
        c.assertCount("counts.n_dark", stopNoFe.dark());
        c.assertCount("counts.n_light", stopNoFe.light());
        c.assertCount("counts." + "n_" + group.code(), stopNoFe.minorityStops());
        c.assertCount("counts.n_white", stopNoFe.used() - stopNoFe.minorityStops());
        c.assertCount("counts.n_cells_no_fe", noFe.rows());
        c.assertNumbers("counts.minute_range",
                new double[] {stopNoFe.spline().lowerBoundary(), stopNoFe.spline().upperBoundary()});

        // counts by district, from the classification the test used
        Map<String, long[]> byDistrict = new TreeMap<>();
        for (int i = 0; i < stops.size(); i++) {
            if (classes.get(i).dark().isPresent()) {
                Stop s = stops.get(i);
                long[] n = byDistrict.computeIfAbsent(s.district().orElseThrow(), k -> new long[3]);
                n[0]++;
                n[1] += classes.get(i).dark().get() ? 1 : 0;
                n[2] += s.subject().race().equals(group) ? 1 : 0;
            }
        }
        assertEquals(c.expectedAt("per_district").size(), byDistrict.size(), "districts");
        byDistrict.forEach((d, n) -> {
            c.assertCount("per_district." + d + ".n", n[0]);
            c.assertCount("per_district." + d + ".n_dark", n[1]);
            c.assertCount("per_district." + d + ".n_" + group.code(), n[2]);
        });

        checkModel(c, "opp_district_fe_interacted", interacted);
        checkModel(c, "opp_district_fe_additive", additive);
        checkModel(c, "opp_no_fe", noFe);
        checkModel(c, "stop_level_no_fe", stopNoFe);
        checkModel(c, "stop_level_district_fe", stopFe);
        c.assertAllChecked();
    }

    /** Peel's step for OPP's step name; empty for OPP's stubs (geography, coordinates, sunset times, top n). */
    static Optional<EligibilityRule> ruleOf(String oppFunction) {
        if (oppFunction.startsWith("filter_to_races(")) {
            return Optional.of(oppFunction.equals("filter_to_races(white, black, hispanic)") ? EligibilityRule.RACES
                    : EligibilityRule.COMPARED_RACES);
        }
        if (oppFunction.startsWith("remove_location_yrs_with_too_few_stops_per_race(")) {
            return Optional.of(EligibilityRule.TOO_FEW_STOPS_PER_RACE_PER_YEAR);
        }
        for (EligibilityRule r : EligibilityRule.values()) {
            if (r.oppFunction().equals(oppFunction)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** OPP's steps, one for one against Peel's (OPP's stubs must drop nothing), then the stops of the model. */
    private static void checkSteps(ConformanceCase c, List<EligibilityStep> mine, VeilOfDarknessResult r) {
        JsonNode steps = c.expectedAt("steps");
        int j = 0;
        long rows = -1;
        for (int i = 0; i < steps.size(); i++) {
            String f = steps.get(i).get("opp_function").asText();
            String at = "steps." + i;
            c.informational(at + ".opp_function", "the name of OPP's step");
            c.informational(at + ".opp_result", "OPP's log text");
            Optional<EligibilityRule> rule = ruleOf(f);
            if (rule.isPresent()) {
                EligibilityStep s = mine.get(j++);
                assertEquals(rule.get(), s.rule(), c.id() + " step " + i + " (" + f + ")");
                rows = s.rowsAfter();
                c.assertCount(at + ".rows_dropped", s.rowsDropped());
            } else {
                c.assertCount(at + ".rows_dropped", 0);
            }
            c.assertCount(at + ".rows_after", rows);
        }
        assertEquals(mine.size(), j, c.id() + ": Peel's steps " + mine);
        c.assertCount("counts.n", r.used());
        assertEquals(rows, r.used(), "the model's stops are the last step's");
    }

    private static void checkModel(ConformanceCase c, String name, VeilOfDarknessResult r) {
        String key = "models." + name;
        c.assertNumber(key + ".coef_is_dark", r.coefficient());
        c.assertNumber(key + ".se", r.standardError());
        c.assertNumber(key + ".z", r.z());
        c.assertNumber(key + ".p_value", r.pValue());
        c.assertNumber(key + ".odds_ratio", r.oddsRatio().estimate());
        c.assertNumbers(key + ".odds_ratio_ci",
                new double[] {r.oddsRatio().interval().lower(), r.oddsRatio().interval().upper()});
        c.assertNumber(key + ".deviance", r.deviance());
        c.assertNumber(key + ".null_deviance", r.nullDeviance());
        c.assertNumber(key + ".loglik", r.logLikelihood());
        c.assertNumber(key + ".aic", r.aic());
        c.assertCount(key + ".df_residual", r.dfResidual());
        c.assertCount(key + ".n_coefficients", r.coefficients());
        c.assertCount(key + ".n_aliased", 0);   // Peel fails on a rank-deficient design instead of aliasing
        c.assertCount(key + ".n_rows", r.rows());
        c.assertNumbers(key + ".knots", r.spline().interiorKnots().stream().mapToDouble(Double::doubleValue).toArray());
        c.assertNumbers(key + ".boundary_knots", new double[] {r.spline().lowerBoundary(), r.spline().upperBoundary()});
        c.assertCount(key + ".iterations", r.iterations());
        c.assertBoolean(key + ".converged", true);
        c.informational(key + ".opp_default_control", "OPP's own fit with glm's default epsilon (within 1.2e-9)");
    }
}
