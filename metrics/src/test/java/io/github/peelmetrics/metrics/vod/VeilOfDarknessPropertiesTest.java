package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.metrics.internal.Glm;
import static io.github.peelmetrics.metrics.vod.SyntheticStops.OAKLAND;
import static io.github.peelmetrics.metrics.vod.SyntheticStops.PACIFIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.testing.Seeded;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the veil of darkness test over seeded synthetic cities. */
class VeilOfDarknessPropertiesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(40);
    }

    private static FixedEffects effects(SplittableRandom r) {
        return r.nextBoolean() ? FixedEffects.BEAT : FixedEffects.NONE;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void relabellingTheMinorityFlipsTheSignOfTheDarknessCoefficient(Seeded seed) {
        SplittableRandom r = seed.random();
        int n = Seeded.edgy(r, 300, 1500);
        int beats = Seeded.edgy(r, 1, 6);
        double beta = r.nextDouble(-1, 1);
        List<Stop> stops = SyntheticStops.generate(r, n, beats, beta);
        FixedEffects effects = effects(r);
        int df = Seeded.edgy(r, 1, 8);
        VeilOfDarkness base = VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK).againstAllOthers().fixedEffects(effects)
                .splineDf(df);
        VeilOfDarknessResult black = base.test(stops);
        VeilOfDarknessResult others = VeilOfDarkness.at(OAKLAND, PACIFIC, Races.WHITE, Races.HISPANIC)
                .fixedEffects(effects).splineDf(df).test(stops);
        assertEquals(java.util.Set.of(), others.reference(), "white a group of interest: against all others");
        String why = seed + " " + base;
        double tol = 1e-7 * Math.max(1, Math.abs(black.coefficient()));
        assertEquals(-black.coefficient(), others.coefficient(), tol, why);
        assertEquals(black.standardError(), others.standardError(), 1e-7 * black.standardError(), why);
        assertEquals(-black.z(), others.z(), 1e-6 * Math.max(1, Math.abs(black.z())), why);
        assertEquals(black.pValue(), others.pValue(), 1e-7, why);
        assertEquals(black.deviance(), others.deviance(), 1e-7 * black.deviance(), why);
        assertEquals(black.used(), others.used(), why);
        assertEquals(black.used(), black.minorityStops() + others.minorityStops(), why);
        assertEquals(black.oddsRatio().estimate(), 1 / others.oddsRatio().estimate(), 1e-7 * black.oddsRatio().estimate(),
                why);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void againstWhiteDropsTheOtherRacesAndNeverCodesThemZero(Seeded seed) {
        SplittableRandom r = seed.random();
        List<Stop> stops = SyntheticStops.generate(r, Seeded.edgy(r, 300, 1500), Seeded.edgy(r, 1, 6), r.nextDouble(-1, 1));
        FixedEffects effects = effects(r);
        VeilOfDarkness vsWhite = VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK).fixedEffects(effects);
        List<Stop> blackAndWhite = stops.stream()
                .filter(s -> s.subject().race().equals(Races.BLACK) || s.subject().race().equals(Races.WHITE)).toList();
        VeilOfDarknessResult a = vsWhite.test(stops);
        VeilOfDarknessResult b = vsWhite.againstAllOthers().test(blackAndWhite);
        String why = seed + " " + vsWhite;
        assertEquals(java.util.Set.of(Races.WHITE), a.reference(), why);
        assertEquals(b.coefficient(), a.coefficient(), 1e-9 * Math.max(1, Math.abs(b.coefficient())), why);
        assertEquals(b.standardError(), a.standardError(), 1e-9 * b.standardError(), why);
        assertEquals(b.used(), a.used(), why);
        long others = stops.stream().filter(s -> !s.subject().race().isUnknown()).count() - blackAndWhite.size();
        assertEquals(others, a.excluded().get(Exclusion.OTHER_RACE), why);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void orderAndZoneOfTheStopsDoNotMatter(Seeded seed) {
        SplittableRandom r = seed.random();
        List<Stop> stops = SyntheticStops.generate(r, Seeded.edgy(r, 300, 1000), Seeded.edgy(r, 1, 4), r.nextDouble(-1, 1));
        VeilOfDarkness vod = VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK).fixedEffects(effects(r));
        VeilOfDarknessResult a = vod.test(stops);
        List<Stop> moved = new ArrayList<>();
        for (Stop s : stops) {
            moved.add(s.toBuilder().build().toBuilder().build());
        }
        List<Stop> utc = new ArrayList<>();
        for (Stop s : moved) {
            utc.add(rezone(s));
        }
        Collections.shuffle(utc, new Random(seed.seed()));
        VeilOfDarknessResult b = vod.test(utc);
        assertEquals(a.toString(), b.toString(), seed.toString());
        assertEquals(a.coefficient(), b.coefficient(), 1e-12, seed.toString());
        assertEquals(a.excluded(), b.excluded(), seed.toString());
    }

    private static Stop rezone(Stop s) {
        Stop.Builder b = Stop.builder(s.id(), s.dateTime().orElseThrow().withZoneSameInstant(ZoneOffset.UTC))
                .beat(s.beat()).subject(s.subject());
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mergingTalliesOfAnySplitEqualsOnePass(Seeded seed) {
        SplittableRandom r = seed.random();
        List<Stop> stops = SyntheticStops.generate(r, Seeded.edgy(r, 300, 1200), Seeded.edgy(r, 1, 5), r.nextDouble(-1, 1));
        VeilOfDarkness vod = r.nextBoolean()
                ? VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK)
                : VeilOfDarkness.atBeats(java.util.Map.of("B1", OAKLAND, "B2", io.github.peelmetrics.core.GeoPoint.of(37.9, -122.3),
                        "B3", OAKLAND), PACIFIC, Races.BLACK);
        vod = vod.fixedEffects(effects(r));
        VeilOfDarknessResult one = vod.test(stops);
        int parts = Seeded.edgy(r, 1, 6);
        List<VeilOfDarknessTally> tallies = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            tallies.add(vod.tally());
        }
        for (Stop s : stops) {
            tallies.get(Seeded.edgy(r, 0, parts - 1)).add(s);   // uneven parts, some maybe empty
        }
        Collections.shuffle(tallies, new Random(seed.seed()));
        VeilOfDarknessTally merged = tallies.get(0);
        for (VeilOfDarknessTally t : tallies.subList(1, parts)) {
            merged.merge(t);
        }
        assertEquals(stops.size(), merged.count(), seed.toString());
        VeilOfDarknessResult m = merged.result();
        VeilOfDarknessResult parallel = stops.parallelStream().collect(vod.collector());
        for (VeilOfDarknessResult x : List.of(m, parallel)) {
            assertEquals(one.toString(), x.toString(), seed.toString());
            assertEquals(one.coefficient(), x.coefficient(), 0.0, seed.toString());
            assertEquals(one.standardError(), x.standardError(), 0.0, seed.toString());
            assertEquals(one.deviance(), x.deviance(), 0.0, seed.toString());
            assertEquals(one.excluded(), x.excluded(), seed.toString());
            assertEquals(one.windows(), x.windows(), seed.toString());
            assertEquals(one.used(), x.used(), seed.toString());
            assertEquals(one.minorityStops(), x.minorityStops(), seed.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void groupedCellsGiveTheOneRowPerStopFit(Seeded seed) {
        SplittableRandom r = seed.random();
        int p = Seeded.edgy(r, 1, 5);
        int cells = p + 3 + r.nextInt(20);
        List<double[]> rowsX = new ArrayList<>();
        List<Double> rowsY = new ArrayList<>();
        double[] x = new double[cells * p];
        double[] trials = new double[cells];
        double[] successes = new double[cells];
        String[] names = new String[p];
        for (int a = 0; a < p; a++) {
            names[a] = "x" + a;
        }
        for (int c = 0; c < cells; c++) {
            x[c * p] = 1;
            for (int a = 1; a < p; a++) {
                x[c * p + a] = r.nextDouble(-2, 2);
            }
            int m = Seeded.edgy(r, 1, 30);
            double eta = 0.3 * x[c * p] + (p > 1 ? 0.8 * x[c * p + 1] : 0);
            int s = 0;
            for (int k = 0; k < m; k++) {
                boolean y = r.nextDouble() < 1 / (1 + Math.exp(-eta));
                s += y ? 1 : 0;
                rowsX.add(java.util.Arrays.copyOfRange(x, c * p, c * p + p));
                rowsY.add(y ? 1.0 : 0.0);
            }
            trials[c] = m;
            successes[c] = s;
        }
        double total = 0;
        double hits = 0;
        for (int c = 0; c < cells; c++) {
            total += trials[c];
            hits += successes[c];
        }
        if (hits == 0 || hits == total) {
            return; // nothing to fit: every outcome the same
        }
        Glm.Fit grouped;
        try {
            grouped = Glm.binomial(x, p, trials, successes, names);
        } catch (IllegalStateException separated) {
            assertTrue(separated.getMessage().contains("separation") || separated.getMessage().contains("converge"),
                    seed + ": " + separated.getMessage());
            return;
        }
        int n = rowsY.size();
        double[] xu = new double[n * p];
        double[] ones = new double[n];
        double[] yu = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowsX.get(i), 0, xu, i * p, p);
            ones[i] = 1;
            yu[i] = rowsY.get(i);
        }
        Glm.Fit single = Glm.binomial(xu, p, ones, yu, names);
        for (int a = 0; a < p; a++) {
            assertEquals(single.beta()[a], grouped.beta()[a], 1e-8 * Math.max(1, Math.abs(single.beta()[a])), seed + " beta " + a);
            assertEquals(single.covariance()[a][a], grouped.covariance()[a][a], 1e-8 * single.covariance()[a][a],
                    seed + " var " + a);
        }
        assertEquals(single.deviance(), grouped.deviance(), 1e-8 * Math.max(1, single.deviance()), seed.toString());
    }
}
