package io.github.peelmetrics.metrics.disparity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.metrics.stops.RandomStops;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.testing.Seeded;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DisparityPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(250);
    }

    private static final List<Category> KNOWN = List.of(Races.ASIAN_PACIFIC_ISLANDER, Races.BLACK, Races.HISPANIC,
            Races.OTHER, Races.WHITE);

    static Map<String, Map<Category, Long>> population(SplittableRandom r, StopTally t, long factor) {
        Map<String, Map<Category, Long>> m = new LinkedHashMap<>();
        for (int b = 0; b < 8; b++) {
            String beat = "B" + b;
            Map<Category, Long> g = new LinkedHashMap<>();
            for (Category c : KNOWN) {
                // at least as many residents as stops, so the Katz table is defined
                g.put(c, (t.countsOrEmpty(c, beat).stops() + r.nextInt(5000)) * factor);
            }
            m.put(beat, g);
        }
        return m;
    }

    private static void close(double expected, double actual, String what) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return;
        }
        if (expected == actual) {
            return;
        }
        if (!(Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)))) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static void close(OptionalDouble e, OptionalDouble a, String what) {
        assertEquals(e.isPresent(), a.isPresent(), what);
        if (e.isPresent()) {
            close(e.getAsDouble(), a.getAsDouble(), what);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void ratiosAreInvariantUnderScalingTheBenchmark(Seeded s) {
        SplittableRandom r = s.random();
        StopTally t = StopTally.byRace(Stop::beat);
        t.addAll(RandomStops.stops(r, 600, 8));
        long seed = r.nextLong();
        long factor = 2 + r.nextInt(50);
        Benchmark base = Benchmark.byKey("residents", population(new SplittableRandom(seed), t, 1));
        Benchmark scaled = Benchmark.byKey("residents", population(new SplittableRandom(seed), t, factor));
        DisparityTable a = Disparity.against(base, Races.WHITE).of(t);
        DisparityTable b = Disparity.against(scaled, Races.WHITE).of(t);
        List<DisparityTable> as = Stream.concat(Stream.of(a), a.byKey().values().stream()).toList();
        List<DisparityTable> bs = Stream.concat(Stream.of(b), b.byKey().values().stream()).toList();
        for (int i = 0; i < as.size(); i++) {
            for (DisparityRow ra : as.get(i).rows()) {
                DisparityRow rb = bs.get(i).row(ra.group());
                String m = s + " " + as.get(i).key() + " " + ra.group();
                close(ra.disparityIndex(), rb.disparityIndex(), m + " DI");
                close(ra.populationShare(), rb.populationShare(), m + " population share");
                assertEquals(ra.stopRateRatio().isPresent(), rb.stopRateRatio().isPresent(), m);
                ra.stopRateRatio().ifPresent(x -> close(x.estimate(), rb.stopRateRatio().get().estimate(), m + " RR"));
                if (ra.stopRate().isPresent()) {
                    close(ra.stopRate().getAsDouble() / factor, rb.stopRate().getAsDouble(), m + " rate");
                }
                // measures that do not involve the benchmark are identical
                assertEquals(ra.searchRateRatio(), rb.searchRateRatio(), m);
                assertEquals(ra.hitRateRatio(), rb.hitRateRatio(), m);
                assertEquals(ra.searchTest(), rb.searchTest(), m);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void swappingTheGroupsInvertsTheRatios(Seeded s) {
        SplittableRandom r = s.random();
        StopTally t = StopTally.byRace(Stop::beat);
        t.addAll(RandomStops.stops(r, 600, 8));
        Benchmark bench = Benchmark.byKey("residents", population(r, t, 1));
        Category other = KNOWN.get(r.nextInt(KNOWN.size() - 1));
        DisparityRow g = Disparity.against(bench, Races.WHITE).of(t).row(other);
        DisparityRow w = Disparity.against(bench, other).of(t).row(Races.WHITE);
        String m = s + " " + other;
        inverse(g.stopRateRatio(), w.stopRateRatio(), m + " stops");
        inverse(g.searchRateRatio(), w.searchRateRatio(), m + " searches");
        inverse(g.hitRateRatio(), w.hitRateRatio(), m + " hits");
        inverse(g.arrestRateRatio(), w.arrestRateRatio(), m + " arrests");
        assertEquals(g.searchTest().isPresent(), w.searchTest().isPresent(), m);
        g.searchTest().ifPresent(x -> close(x.testResult().pValue(), w.searchTest().get().testResult().pValue(), m + " p"));
    }

    private static void inverse(Optional<RatioEstimate> a, Optional<RatioEstimate> b, String m) {
        assertEquals(a.isPresent(), b.isPresent(), m);
        if (a.isEmpty()) {
            return;
        }
        RatioEstimate x = a.get();
        RatioEstimate y = b.get();
        if (x.estimate() == 0 || Double.isInfinite(x.estimate())) {
            // a zero cell: estimate 0 one way and infinity the other; the bounds are NaN on the open side
            close(1 / x.estimate(), y.estimate(), m + " estimate");
            assertTrue(Double.isNaN(x.interval().upper()) || Double.isNaN(x.interval().lower()), m);
            return;
        }
        close(1 / x.estimate(), y.estimate(), m + " estimate");
        close(1 / x.interval().upper(), y.interval().lower(), m + " lower");
        close(1 / x.interval().lower(), y.interval().upper(), m + " upper");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void sharesAddUpAndUnknownIsOnlyInTotals(Seeded s) {
        SplittableRandom r = s.random();
        StopTally t = StopTally.byRace(Stop::beat);
        t.addAll(RandomStops.stops(r, 600, 8));
        DisparityTable d = Disparity.against(Benchmark.byKey("residents", population(r, t, 1)), Races.WHITE).of(t);
        assertEquals(t.count(), d.total().stops(), s.toString());
        double shares = d.rows().stream().mapToDouble(x -> x.stopShare().orElse(0)).sum();
        if (d.stopsKnownGroup() > 0) {
            close(1, shares, s + " stop shares");
        }
        close(1, d.rows().stream().mapToDouble(x -> x.populationShare().orElse(0)).sum(), s + " population shares");
        d.rows().stream().filter(x -> x.group().isUnknown()).findFirst().ifPresent(u -> {
            assertTrue(u.population().isEmpty() && u.stopShare().isEmpty() && u.disparityIndex().isEmpty()
                    && u.stopRateRatio().isEmpty() && u.searchRateRatio().isEmpty() && u.searchTest().isEmpty(),
                    s + " unknown " + u);
            assertEquals(t.counts(Category.UNKNOWN).stops(), u.counts().stops());
        });
        long tested = d.rows().stream().filter(x -> x.searchTest().isPresent()).count();
        assertTrue(tested <= KNOWN.size() - 1, s.toString());
    }
}
