package io.github.peelmetrics.metrics.vod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vod_test case of metrics/veil_of_darkness.json: counts, the dark/light class of every CSV
 * row from Peel's own solar times, the inter-twilight window, R's ns() knots and basis, and the
 * glm fits with and without beat fixed effects (R 4.2.2 glm + splines::ns; provenance in the
 * case's oracle and the file's software block).
 */
class VeilOfDarknessConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/veil_of_darkness.json").filter(c -> c.kind().equals("vod_test"));
    }

    /** One CSV row. */
    record Row(Stop stop, int minuteOfDay, int isDark, int minority) {}

    static List<Row> read(Path csv, ZoneId zone) {
        try {
            List<String> lines = Files.readAllLines(csv);
            assertEquals("stop_id,date,time,beat,subject_race,minority,minute_of_day,sunset_local,civil_dusk_local,is_dark",
                    lines.get(0));
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                Category race = Races.parse(f[4]).orElseGet(() -> Category.of(f[4]));
                Stop s = Stop.builder(f[0], LocalDate.parse(f[1]).atTime(LocalTime.parse(f[2])).atZone(zone))
                        .beat(f[3]).race(race).build();
                rows.add(new Row(s, Integer.parseInt(f[6]), Integer.parseInt(f[9]), Integer.parseInt(f[5])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesR(ConformanceCase c) {
        JsonNode in = c.input();
        GeoPoint place = GeoPoint.of(in.get("latitude").asDouble(), in.get("longitude").asDouble());
        ZoneId zone = ZoneId.of(in.get("timezone").asText());
        List<Row> rows = read(c.dir().resolve(in.get("stops_csv").asText()), zone);
        List<Stop> stops = rows.stream().map(Row::stop).toList();
        Category group = Races.parse(in.get("minority_race").asText()).orElseThrow();
        int df = in.get("spline_df").asInt();
        double level = in.get("level").asDouble();
        VeilOfDarkness vod = VeilOfDarkness.at(place, zone, group).againstAllOthers().splineDf(df).level(level);

        // every row classified as the reference did, from Peel's own solar times
        VeilOfDarknessTally tally = vod.tally();
        stops.forEach(tally::add);
        List<VeilOfDarknessTally.Classification> classes = tally.classify(stops);
        double minAfterDusk = Double.POSITIVE_INFINITY;
        double minBeforeSunset = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            VeilOfDarknessTally.Classification k = classes.get(i);
            assertEquals(r.stop(), k.stop());
            assertEquals(r.isDark(), k.dark().map(d -> d ? 1 : 0).orElse(-1),
                    c.id() + " row " + r.stop().id() + " is_dark (excluded: " + k.exclusion() + ")");
            assertEquals(r.minority() == 1, r.stop().subject().race().equals(group), "minority column");
            LocalDate date = r.stop().dateTime().orElseThrow().toLocalDate();
            assertEquals(r.stop().dateTime().orElseThrow().getHour() * 60 + r.stop().dateTime().orElseThrow().getMinute(), r.minuteOfDay());
            if (r.isDark() == 1) {
                double dusk = SolarTimes.civilDusk(place, zone, date).clockMinutes().getAsDouble();
                minAfterDusk = Math.min(minAfterDusk, r.minuteOfDay() - dusk);
            } else {
                double sunset = SolarTimes.sunset(place, zone, date).clockMinutes().getAsDouble();
                minBeforeSunset = Math.min(minBeforeSunset, sunset - r.minuteOfDay());
            }
        }
        c.assertNumber("min_minutes_after_dusk_dark", minAfterDusk);
        c.assertNumber("min_minutes_before_sunset_light", minBeforeSunset);
        assertTrue(minAfterDusk >= in.get("guard_band_minutes").asDouble() - 0.5);

        VeilOfDarknessResult none = vod.test(stops);
        VeilOfDarknessResult beat = vod.fixedEffects(FixedEffects.BEAT).test(stops);
        for (VeilOfDarknessResult r : List.of(none, beat)) {
            c.assertCount("n", r.used());
            c.assertCount("n_dark", r.dark());
            c.assertCount("n_light", r.light());
            c.assertCount("n_minority", r.minorityStops());
            assertEquals(0, r.excludedTotal(), "every stop of the file is used");
        }
        InterTwilightWindow w = none.windows().get("city");
        c.assertNumbers("inter_twilight_window_clock_minutes", new double[] {w.earliestDusk(), w.latestDusk()});
        assertEquals(w, InterTwilightWindow.of(place, zone, in.get("year").asInt(), in.get("year").asInt()));
        NaturalSpline ns = none.spline();
        c.assertNumbers("stop_minute_range", new double[] {ns.lowerBoundary(), ns.upperBoundary()});
        c.assertNumbers("ns_knots.interior", ns.interiorKnots().stream().mapToDouble(Double::doubleValue).toArray());
        c.assertNumbers("ns_knots.boundary", new double[] {ns.lowerBoundary(), ns.upperBoundary()});
        double[] probs = new double[df - 1];
        for (int k = 0; k < probs.length; k++) {
            probs[k] = (k + 1) / (double) df;
        }
        c.assertNumbers("ns_knots.quantile_probs", probs);
        JsonNode xs = c.expectedAt("ns_basis_check.x");
        for (int i = 0; i < xs.size(); i++) {
            c.assertNumber("ns_basis_check.x." + i, xs.get(i).asDouble());
            c.assertNumbers("ns_basis_check.rows." + i, ns.basis(xs.get(i).asDouble()));
        }
        checkModel(c, "no_beat", none);
        checkModel(c, "beat_fe", beat);
        c.assertAllChecked();
    }

    private static void checkModel(ConformanceCase c, String key, VeilOfDarknessResult r) {
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
        c.assertCount(key + ".iterations", r.iterations());
        c.assertBoolean(key + ".converged", true);
    }
}
