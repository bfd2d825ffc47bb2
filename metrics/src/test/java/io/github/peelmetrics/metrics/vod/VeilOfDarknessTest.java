package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.metrics.internal.Glm;
import static io.github.peelmetrics.metrics.vod.SyntheticStops.OAKLAND;
import static io.github.peelmetrics.metrics.vod.SyntheticStops.PACIFIC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import java.util.Optional;
import java.util.Set;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.core.internal.TallyBytes;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Behaviour and clear errors of the veil of darkness test. */
class VeilOfDarknessTest {

    private static final VeilOfDarkness OAK = VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK);

    private static List<Stop> sample(long seed, int n, int beats) {
        return SyntheticStops.generate(new SplittableRandom(seed), n, beats, -0.5);
    }

    @Test
    void countsReconcileAndEveryExclusionHasItsReason() {
        List<Stop> stops = new ArrayList<>(sample(1, 2000, 3));
        stops.add(Stop.builder("unknown-beat", ZonedDateTime.of(2019, 1, 5, 18, 30, 0, 0, PACIFIC)).race(Races.WHITE).build());
        VeilOfDarknessResult r = OAK.fixedEffects(FixedEffects.BEAT).test(stops);
        assertEquals(stops.size(), r.used() + r.excludedTotal());
        assertEquals(1, r.excluded().get(Exclusion.UNKNOWN_BEAT));
        assertTrue(r.excluded().get(Exclusion.UNKNOWN_RACE) > 0, r.toString());
        assertTrue(r.excluded().get(Exclusion.OUTSIDE_WINDOW) > 0, r.toString());
        assertTrue(r.excluded().get(Exclusion.TWILIGHT) > 0, r.toString());
        assertEquals(0, r.excluded().get(Exclusion.UNKNOWN_LOCATION));
        assertEquals(Exclusion.values().length, r.excluded().size());
        assertEquals(2 + 6 + 2, r.coefficients(), "intercept, dark, 6 spline columns, 3 beats less the reference");
        assertEquals(r.used() - r.coefficients(), r.dfResidual());
        assertEquals(r.deviance() + 2 * r.coefficients(), r.aic(), 1e-9);
        assertTrue(r.oddsRatio().interval().contains(r.oddsRatio().estimate()));
        assertTrue(r.toString().contains("black ~ dark + ns(minute, df = 6) + beat"), r.toString());
        // the unknown beat is not an error without beat effects
        assertEquals(0, OAK.test(stops).excluded().get(Exclusion.UNKNOWN_BEAT));
    }

    @Test
    void beatLocationsGiveEachBeatItsOwnSunAndExcludeBeatsWithoutOne() {
        List<Stop> stops = sample(2, 1500, 3);
        Map<String, GeoPoint> where = Map.of("B1", OAKLAND, "B2", GeoPoint.of(37.87, -122.27));
        VeilOfDarknessResult r = VeilOfDarkness.atBeats(where, PACIFIC, Races.BLACK).test(stops);
        long b3 = stops.stream().filter(s -> s.beat().equals("B3")
                && (s.subject().race().equals(Races.BLACK) || s.subject().race().equals(Races.WHITE))).count();
        assertEquals(b3, r.excluded().get(Exclusion.UNKNOWN_LOCATION));
        assertEquals(List.of("B1", "B2"), List.copyOf(r.windows().keySet()));
        assertTrue(r.windows().get("B2").earliestDusk() != r.windows().get("B1").earliestDusk());
    }

    @Test
    void aDuskAfterMidnightClassifiesTheEarlyMorningAsThePreviousEvening() {
        GeoPoint anchorage = GeoPoint.of(61.2181, -149.9003);
        ZoneId zone = ZoneId.of("America/Anchorage");
        // the latest dusk of the year, then a day whose dusk is after midnight but 6+ minutes earlier
        double latest = 0;
        LocalDate latestDay = null;
        for (LocalDate d = LocalDate.of(2019, 6, 1); d.getMonthValue() < 9; d = d.plusDays(1)) {
            double c = SolarTimes.civilDusk(anchorage, zone, d).clockMinutes().orElse(0);
            if (c > latest) {
                latest = c;
                latestDay = d;
            }
        }
        LocalDate day = latestDay;
        SolarEvent dusk = SolarTimes.civilDusk(anchorage, zone, day);
        while (dusk.clockMinutes().getAsDouble() > latest - 6) {
            day = day.plusDays(1);
            dusk = SolarTimes.civilDusk(anchorage, zone, day);
        }
        assertTrue(dusk.clockMinutes().getAsDouble() > 1440, "dusk after midnight on " + day + ": " + dusk);
        ZonedDateTime t = dusk.time().orElseThrow();
        Stop before = Stop.builder("before", t.minusMinutes(4)).race(Races.BLACK).build();
        Stop after = Stop.builder("after", t.plusMinutes(4)).race(Races.WHITE).build();
        List<Stop> both = List.of(before, after);
        VeilOfDarknessTally tally = VeilOfDarkness.at(anchorage, zone, Races.BLACK).tally();
        both.forEach(tally::add);
        assertTrue(InterTwilightWindow.of(anchorage, zone, 2019, 2019).latestDusk() > 1440);
        int[] status = tally.statuses(both);
        assertEquals(2 + Exclusion.TWILIGHT.ordinal(), status[0], "between sunset and dusk of " + day);
        // on its own date 00:0x is long before sunset (light); dark only as the previous evening
        assertEquals(1, status[1], "dark: after the dusk of " + day + ", although the clock reads the next day");
        assertEquals(2, tally.count());
    }

    @Test
    void settingsAreCheckedAsTheyAreSet() {
        VeilOfDarkness v = VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VeilOfDarkness.at(OAKLAND, PACIFIC, Category.UNKNOWN));
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK, Races.WHITE, Category.UNKNOWN));
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.splineDf(0));
        assertTrue(e.getMessage().contains("splineDf") && e.getMessage().contains(": 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.level(1.0));
        assertTrue(e.getMessage().contains("level") && e.getMessage().contains("1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.level(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VeilOfDarkness.atBeats(Map.of(), PACIFIC, Races.BLACK));
        assertTrue(e.getMessage().contains("beatLocations"), e.getMessage());
        assertThrows(NullPointerException.class, () -> v.fixedEffects(null));
    }

    @Test
    void talliesOfDifferentTestsDoNotMerge() {
        VeilOfDarknessTally a = OAK.tally();
        VeilOfDarknessTally b = OAK.splineDf(4).tally();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
        assertTrue(e.getMessage().contains("ns df 6") && e.getMessage().contains("ns df 4"), e.getMessage());
        assertEquals(0, a.merge(OAK.tally()).count(), "an equal test merges");
    }

    @Test
    void bytesOfOneTestAreNotReadAsAnotherTestsTally() {
        VeilOfDarknessTally a = OAK.tally();
        sample(3, 200, 2).forEach(a::add);
        byte[] bytes = a.toByteArray();
        assertEquals(a.result().toString(), VeilOfDarknessTally.fromByteArray(bytes, OAK).result().toString());
        TallyFormatException e = assertThrows(TallyFormatException.class,
                () -> VeilOfDarknessTally.fromByteArray(bytes, OAK.splineDf(4)));
        assertTrue(e.getMessage().contains("a tally of another test than VeilOfDarkness[") && e.getMessage().contains("ns df 4"),
                e.getMessage());
        e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(bytes));
        assertTrue(e.getMessage().contains("byte 4 says they hold a veil of darkness tally"), e.getMessage());
    }

    @Test
    void aCollectorIntoATallyMergesThePartsOfAParallelStream() {
        List<Stop> stops = sample(4, 3000, 3);
        VeilOfDarknessTally parallel = stops.parallelStream().collect(VeilOfDarknessTally.collector(OAK));
        VeilOfDarknessTally one = OAK.tally();
        stops.forEach(one::add);
        assertEquals(stops.size(), parallel.count());
        assertArrayEquals(one.toByteArray(), parallel.toByteArray());
        assertEquals(one.result().toString(), stops.parallelStream().collect(OAK.collector()).toString());
    }

    @Test
    void impossibleCountsAreRejectedEvenWithAValidChecksum() {
        VeilOfDarknessTally a = OAK.tally();
        sample(5, 50, 1).forEach(a::add);
        byte[] ok = a.toByteArray();
        // section 2 "counts" follows the 16-byte preamble and the 37 bytes of section 1: its payload
        // starts with the stops counted (50, one byte)
        int counts = 16 + 5 + 32 + 5;
        assertEquals(50, ok[counts]);
        byte[] more = ok.clone();
        more[counts] = 51;
        TallyFormatException e = assertThrows(TallyFormatException.class,
                () -> VeilOfDarknessTally.fromByteArray(TallyBytes.reseal(more), OAK));
        assertTrue(e.getMessage().contains("stops at byte " + counts + ": 51, but the cells and exclusions hold 50"),
                e.getMessage());
    }

    @Test
    void onlyLightStopsAreAClearError() {
        List<Stop> light = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // 17:20 in June is long before sunset, and inside the window
            light.add(Stop.builder("L" + i, ZonedDateTime.of(2019, 6, 1 + i % 28, 17, 20, 0, 0, PACIFIC))
                    .race(i % 3 == 0 ? Races.BLACK : Races.WHITE).build());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OAK.test(light));
        assertTrue(e.getMessage().contains("dark 0") && e.getMessage().contains("light 50"), e.getMessage());
    }

    @Test
    void aBeatWhoseStopsAreAllInTheGroupIsNamedAsSeparation() {
        List<Stop> stops = new ArrayList<>(sample(4, 1500, 3));
        for (int i = 0; i < 5; i++) {
            stops.add(Stop.builder("X" + i, ZonedDateTime.of(2019, 12, 10 + i, 19, 0, 0, 0, PACIFIC))
                    .beat("B9").race(Races.BLACK).build());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OAK.fixedEffects(FixedEffects.BEAT).test(stops));
        assertTrue(e.getMessage().contains("beat B9") && e.getMessage().contains("separation")
                && e.getMessage().contains("all of the 5"), e.getMessage());
        // without beat effects the same stops are fine
        assertTrue(Double.isFinite(OAK.test(stops).coefficient()));
    }

    @Test
    void collinearColumnsAreReportedAsRankDeficient() {
        double[] x = {1, 2, 4, 1, 3, 6, 1, 5, 10, 1, 7, 14};   // third column = 2 × second
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Glm.binomial(x, 3, new double[] {5, 5, 5, 5}, new double[] {1, 2, 3, 2},
                        new String[] {"(intercept)", "a", "b"}));
        assertTrue(e.getMessage().contains("rank-deficient"), e.getMessage());
    }

    @Test
    void completeSeparationIsNotReportedAsAnEstimate() {
        double[] x = {1, -2, 1, -1, 1, 1, 1, 2};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Glm.binomial(x, 2, new double[] {3, 3, 3, 3}, new double[] {0, 0, 3, 3},
                        new String[] {"(intercept)", "a"}));
        assertTrue(e.getMessage().contains("separation") || e.getMessage().contains("converge"), e.getMessage());
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void theResultExposesItsTestAndHoldsWhatItPrints() {
        VeilOfDarknessResult r = OAK.test(sample(5, 1500, 1));
        assertEquals(io.github.peelmetrics.core.stats.TestResult.of(r.z(), r.pValue(), "veil-of-darkness-wald-z"),
                r.testResult());
        assertEquals(r.excluded().values().stream().mapToLong(Long::longValue).sum(), r.excludedTotal());
        assertTrue(r.toString().contains("excluded " + r.excludedTotal()), r.toString());
        assertEquals(6, r.spline().df());
        assertEquals(5, r.spline().interiorKnots().size());
    }

    @Test
    void districtEffectsExcludeStopsWithoutADistrictAndInteractionAddsSplineColumnsPerDistrict() {
        List<Stop> stops = new ArrayList<>();
        for (Stop s : sample(21, 3000, 3)) {
            stops.add(s.toBuilder().district("D" + s.beat()).build());
        }
        stops.add(Stop.builder("no-district", ZonedDateTime.of(2019, 1, 5, 18, 30, 0, 0, PACIFIC)).race(Races.WHITE).build());
        VeilOfDarknessResult additive = OAK.fixedEffects(FixedEffects.DISTRICT).test(stops);
        assertEquals(1, additive.excluded().get(Exclusion.UNKNOWN_DISTRICT));
        assertEquals(2 + 6 + 2, additive.coefficients());
        VeilOfDarknessResult beats = OAK.fixedEffects(FixedEffects.BEAT).test(stops);
        assertEquals(beats.coefficient(), additive.coefficient(), 1e-12, "districts named after beats: the same model");
        VeilOfDarknessResult interacted = OAK.fixedEffects(FixedEffects.DISTRICT_INTERACTED).test(stops);
        assertEquals(2 + 6 + 2 + 6 * 2, interacted.coefficients());
        assertTrue(interacted.toString().contains("black ~ dark + ns(minute, df = 6) * district"), interacted.toString());
        assertTrue(interacted.toString().startsWith("veil of darkness, black vs white:"), interacted.toString());
        // without district effects, the stop without a district is used
        assertEquals(0, OAK.test(stops).excluded().get(Exclusion.UNKNOWN_DISTRICT));
    }

    @Test
    void theReferenceMustBeAKnownRaceOutsideTheGroupsOfInterest() {
        assertThrows(IllegalArgumentException.class, () -> OAK.against(Races.BLACK));
        assertThrows(IllegalArgumentException.class, () -> OAK.against(Category.UNKNOWN));
        assertEquals(Set.of(), VeilOfDarkness.at(OAKLAND, PACIFIC, Races.WHITE).test(sample(3, 2000, 1)).reference(),
                "white as the group of interest: against every other known race");
        VeilOfDarknessResult r = OAK.against(Races.WHITE, Races.HISPANIC).test(sample(3, 2000, 1));
        assertEquals(0, r.excluded().get(Exclusion.OTHER_RACE));
        assertTrue(r.toString().startsWith("veil of darkness, black vs white|hispanic:"), r.toString());
    }

    @Test
    void oppRuleDropsTheSunsetMinuteWhichPeelsRuleCallsLight() {
        LocalDate day = LocalDate.of(2019, 3, 20);
        double sunset = SolarTimes.sunset(OAKLAND, PACIFIC, day).clockMinutes().getAsDouble();
        double dusk = SolarTimes.civilDusk(OAKLAND, PACIFIC, day).clockMinutes().getAsDouble();
        int m = (int) Math.floor(sunset);
        assertTrue(sunset - m > 0.01, "the sunset is not on the minute");
        List<Stop> stops = new ArrayList<>(sample(4, 2000, 1));
        Stop atSunset = Stop.builder("at-sunset", day.atTime(m / 60, m % 60).atZone(PACIFIC)).race(Races.BLACK)
                .type(StopType.VEHICULAR).build();
        int d = (int) Math.floor(dusk) + 1;
        Stop afterDusk = Stop.builder("after-dusk", day.atTime(d / 60, d % 60).atZone(PACIFIC)).race(Races.WHITE)
                .type(StopType.VEHICULAR).build();
        stops.add(atSunset);
        stops.add(afterDusk);
        VeilOfDarknessTally peel = OAK.tally();
        stops.forEach(peel::add);
        assertEquals(Optional.of(false), peel.classify(List.of(atSunset)).get(0).dark());
        VeilOfDarknessTally opp = OAK.darknessRule(DarknessRule.OPP_MINUTES).tally();
        stops.forEach(opp::add);
        assertEquals(Optional.of(Exclusion.TWILIGHT), opp.classify(List.of(atSunset)).get(0).exclusion());
        assertEquals(Optional.of(true), opp.classify(List.of(afterDusk)).get(0).dark());
        // the OPP window comes from the stops' dusk minutes, not from the calendar
        InterTwilightWindow w = OAK.darknessRule(DarknessRule.OPP_MINUTES).test(stops).windows().get("city");
        assertEquals(w.earliestDusk(), Math.rint(w.earliestDusk()));
        assertTrue(w.earliestDusk() >= Math.floor(InterTwilightWindow.of(OAKLAND, PACIFIC, 2019, 2019).earliestDusk()));
    }

    @Test
    void oppPresetKeepsVehicularStopsOnlyAndSaysItsRowsAreCells() {
        List<Stop> stops = new ArrayList<>();
        for (Stop s : sample(5, 3000, 2)) {
            stops.add(s.toBuilder().district("D" + s.beat()).type(StopType.VEHICULAR).build());
        }
        stops.add(stops.get(0).toBuilder().type(StopType.PEDESTRIAN).build());
        stops.add(stops.get(1).toBuilder().type(StopType.UNKNOWN).build());
        VeilOfDarknessResult r = OAK.opp().test(stops);
        assertEquals(2, r.excluded().get(Exclusion.NOT_VEHICULAR));
        assertEquals(ModelRows.OPP_ROUNDED_CELLS, r.modelRows());
        assertEquals(DarknessRule.OPP_MINUTES, r.darknessRule());
        assertEquals(FixedEffects.DISTRICT_INTERACTED, r.fixedEffects());
        assertEquals(r.rows() - r.coefficients(), r.dfResidual());
        assertTrue(r.rows() < r.used());
        assertEquals(0, r.spline().lowerBoundary() % 5, "boundary knots are rounded minutes");
        assertEquals(0, r.spline().upperBoundary() % 5, "boundary knots are rounded minutes");
    }
}
