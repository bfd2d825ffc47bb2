package io.github.peelmetrics.metrics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.metrics.disparity.Benchmark;
import io.github.peelmetrics.metrics.disparity.Disparity;
import io.github.peelmetrics.metrics.disparity.DisparityRow;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.testing.Seeded;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PublishedDisparityTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final List<Category> GROUPS = List.of(Races.WHITE, Races.BLACK, Races.HISPANIC, Races.ASIAN_PACIFIC_ISLANDER,
            Category.UNKNOWN);

    static Stream<Seeded> seeds() {
        return Seeded.cases(120);
    }

    /** Stops with every search, hit and arrest recorded (arrests not at all one time in five), skewed groups. */
    static List<Stop> stops(SplittableRandom r, int n, int beats, boolean arrests) {
        List<Stop> out = new ArrayList<>();
        double searchP = r.nextDouble() * 0.4;
        for (int i = 0; i < n; i++) {
            Category g = GROUPS.get(Math.min(GROUPS.size() - 1, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 1.2)));
            Stop.Builder b = Stop.builder("S" + i, START.plusMinutes(i)).beat("B" + r.nextInt(beats)).race(g);
            if (r.nextDouble() < searchP) {
                b.searched(SearchBasis.values()[1 + r.nextInt(SearchBasis.values().length - 1)], Flag.of(r.nextInt(3) == 0));
            } else {
                b.notSearched();
            }
            if (arrests) {
                b.arrest(Flag.of(r.nextInt(6) == 0));
            }
            out.add(b.build());
        }
        return out;
    }

    static DisparityTable table(SplittableRandom r, List<Stop> stops, int beats) {
        StopTally tally = stops.stream().collect(StopTally.collector(Stop::beat));
        Map<String, Map<Category, Long>> pop = new HashMap<>();
        for (int j = 0; j < beats; j++) {
            Map<Category, Long> m = new HashMap<>();
            for (Category g : GROUPS) {
                if (!g.equals(Category.UNKNOWN)) {
                    m.put(g, 500L + r.nextInt(20_000));
                }
            }
            pop.put("B" + j, m);
        }
        return Disparity.against(Benchmark.byKey("residents", pop), Races.WHITE).of(tally);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theViewShowsNoSmallCountAndNoRateThatGivesOneBack(Seeded seed) {
        SplittableRandom r = seed.random();
        int beats = Seeded.edgy(r, 1, 5);
        List<Stop> stops = stops(r, Seeded.edgy(r, 1, 400), beats, r.nextInt(5) != 0);
        DisparityTable table = table(r, stops, beats);
        long k = 2 + r.nextInt(15);
        PublishedDisparity view = Suppression.minimumCount(k).publish(table);
        assertTrue(view.audit().passed(), seed + ": " + view.audit());
        checkView(seed + " city-wide", view, table, k);
        for (String key : table.byKey().keySet()) {
            checkView(seed + " " + key, view.forKey(key), table.forKey(key), k);
        }
    }

    static Stream<Seeded> fewerSeeds() {
        return Seeded.cases(40);
    }

    /**
     * An LP written in the published values (Commons Math, not Peel's atoms): each table's
     * equations and, per cell, searches &lt;= stops, hits &lt;= searches, arrests &lt;= stops. No hidden
     * count or difference of neighbouring measures under k can be narrowed below [0, k].
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fewerSeeds")
    void anIndependentLpCannotNarrowAHiddenSmallCount(Seeded seed) {
        SplittableRandom r = seed.random();
        int beats = Seeded.edgy(r, 1, 4);
        List<Stop> stops = stops(r, Seeded.edgy(r, 1, 250), beats, true);
        DisparityTable table = table(r, stops, beats);
        long k = 2 + r.nextInt(12);
        DisparityPublication p = new DisparityPublication(Suppression.minimumCount(k), table);
        IndependentLp lp = new IndependentLp();
        for (int t = 0; t < p.tables.size(); t++) {
            lp.table(p.values.get(t), p.hidden.get(t));
        }
        long[][] v0 = p.values.get(0);
        int m = v0.length - 1;
        int n = v0[0].length - 1;
        List<int[]> pairs = new ArrayList<>();
        for (int t = 1; t < p.measures.size(); t++) {
            int wide = p.measures.get(t).equals(DisparityPublication.HITS) ? p.measures.indexOf(
                    DisparityPublication.SEARCHES) : 0;
            pairs.add(new int[] {wide, t});
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    lp.constraint(List.of(new int[] {t, i, j, 1}, new int[] {wide, i, j, -1}),
                            org.apache.commons.math3.optim.linear.Relationship.LEQ);
                }
            }
        }
        for (int t = 0; t < p.tables.size(); t++) {
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    long v = p.values.get(t)[i][j];
                    if (p.hidden.get(t)[i][j] && v < k) {
                        long[] b = lp.bounds(List.<int[]>of(new int[] {t, i, j, 1}));
                        assertTrue(b[0] <= 0 && (b[1] == IndependentLp.UNBOUNDED || b[1] >= k),
                                seed + ": " + p.measures.get(t) + " (" + i + ", " + j + ") = " + v + " in ["
                                        + b[0] + ", " + b[1] + "]");
                    }
                }
            }
        }
        for (int[] pair : pairs) {
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    long d = p.values.get(pair[0])[i][j] - p.values.get(pair[1])[i][j];
                    if (d >= 1 && d < k) {
                        long[] b = lp.bounds(List.of(new int[] {pair[0], i, j, 1}, new int[] {pair[1], i, j, -1}));
                        assertTrue(b[0] <= 0 && (b[1] == IndependentLp.UNBOUNDED || b[1] >= k),
                                seed + ": " + p.measures.get(pair[0]) + " - " + p.measures.get(pair[1]) + " (" + i
                                        + ", " + j + ") = " + d + " in [" + b[0] + ", " + b[1] + "]");
                    }
                }
            }
        }
    }

    static void checkView(String what, PublishedDisparity view, DisparityTable table, long k) {
        small(what + " stops", view.stops(), k, table.total().stops());
        if (view.stopRate().isPresent()) {
            double years = table.years().orElse(1);
            assertEquals(view.stops().getAsLong(), view.stopRate().getAsDouble() * view.population().getAsLong() * years
                    / view.ratePer(), 1e-6, what);
        }
        for (PublishedDisparityRow p : view.rows()) {
            DisparityRow d = table.row(p.group());
            StopCounts c = d.counts();
            String w = what + " " + p.group().code();
            small(w + " stops", p.stops(), k, c.stops());
            small(w + " searches", p.searches(), k, c.searched());
            small(w + " hits", p.hits(), k, c.hits());
            small(w + " arrests", p.arrests(), k, c.arrests());
            small(w + " not searched", diff(p.stops(), p.searches()), k, c.stops() - c.searched());
            small(w + " searched without hit", diff(p.searches(), p.hits()), k, c.searched() - c.hits());
            small(w + " not arrested", diff(p.stops(), p.arrests()), k, c.stops() - c.arrests());
            // every published rate times its published denominator gives a published count back, never a hidden one
            if (p.stopRate().isPresent()) {
                double years = table.years().orElse(1);
                assertEquals(p.stops().getAsLong(), p.stopRate().getAsDouble() * p.population().getAsLong() * years
                        / view.ratePer(), 1e-6, w);
            }
            back(w + " search rate", p.searchRate(), p.stops(), p.searches());
            back(w + " hit rate", p.hitRate(), p.searches(), p.hits());
            back(w + " arrest rate", p.arrestRate(), p.stops(), p.arrests());
        }
        // nothing from 1 to k-1 printed in the table's cells
        String[] lines = view.toString().split("\\R");
        for (int l = 3; l < lines.length && lines[l].startsWith("  ") && !lines[l].startsWith("  n/r")
                && !lines[l].startsWith("  by key") && !lines[l].startsWith("  audit"); l++) {
            for (String token : lines[l].trim().split("\\s+")) {
                if (token.matches("\\d+")) {
                    long v = Long.parseLong(token);
                    assertFalse(v >= 1 && v < k, what + ": " + v + " printed in\n" + view);
                }
            }
        }
        String first = lines[1].trim().split("\\s+")[0];
        assertFalse(first.matches("\\d+") && Long.parseLong(first) >= 1 && Long.parseLong(first) < k, what);
    }

    private static OptionalLong diff(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(a.getAsLong() - b.getAsLong()) : OptionalLong.empty();
    }

    private static void small(String what, OptionalLong shown, long k, long truth) {
        if (shown.isPresent()) {
            assertEquals(truth, shown.getAsLong(), what);
            assertFalse(truth >= 1 && truth < k, what + " shows " + truth + " under " + k);
        } else if (truth >= 1 && truth < k) {
            return; // hidden as it must be
        }
    }

    private static void back(String what, OptionalDouble rate, OptionalLong denominator, OptionalLong numerator) {
        if (rate.isPresent()) {
            assertTrue(denominator.isPresent() && numerator.isPresent(), what);
            assertEquals(numerator.getAsLong(), rate.getAsDouble() * denominator.getAsLong(), 1e-6, what);
        }
    }

    /** The issue's attack: {@code forKey("B1")} printed "19 of unknown group", and rates times populations gave counts. */
    @Test
    void theIssuesAttackNoLongerWorks() {
        List<Stop> stops = new ArrayList<>();
        int id = 0;
        for (String beat : List.of("B1", "B2", "B3")) {
            int[] per = beat.equals("B1") ? new int[] {300, 7, 19} : new int[] {250, 120, 40};
            Category[] g = {Races.WHITE, Races.BLACK, Category.UNKNOWN};
            for (int x = 0; x < g.length; x++) {
                for (int i = 0; i < per[x]; i++) {
                    stops.add(Stop.builder("S" + id++, START.plusMinutes(id)).beat(beat).race(g[x]).notSearched()
                            .arrest(Flag.of(i % 5 == 0)).build());
                }
            }
        }
        StopTally tally = stops.stream().collect(StopTally.collector(Stop::beat));
        Map<String, Map<Category, Long>> pop = new HashMap<>();
        for (String beat : List.of("B1", "B2", "B3")) {
            pop.put(beat, Map.of(Races.WHITE, 20_000L, Races.BLACK, 5_000L));
        }
        DisparityTable table = Disparity.against(Benchmark.byKey("residents", pop), Races.WHITE).of(tally);
        assertTrue(table.forKey("B1").toString().contains("(19 of unknown group)"), table.forKey("B1").toString());
        double leaked = table.forKey("B1").row(Races.BLACK).stopRate().getAsDouble() * 5_000 / 1000;
        assertEquals(7, leaked, 1e-9); // the unprotected table: rate x population = 7 stops

        PublishedDisparity view = Suppression.minimumCount(20).publish(table);
        PublishedDisparity b1 = view.forKey("B1");
        String text = b1.toString();
        String body = text.substring(text.indexOf(System.lineSeparator()) + 1); // the header says "1 to 19"
        assertFalse(body.matches("(?s).*\\b19\\b.*"), text);
        assertFalse(body.matches("(?s).*\\s7\\s.*"), text);
        assertTrue(b1.row(Category.UNKNOWN).stops().isEmpty());
        assertTrue(b1.row(Races.BLACK).stops().isEmpty());
        assertTrue(b1.row(Races.BLACK).stopRate().isEmpty(), "a rate whose count is hidden is hidden");
        assertTrue(b1.row(Races.BLACK).stopRateRatio().isEmpty());
        assertTrue(b1.row(Races.BLACK).population().isPresent(), "the benchmark is public");
        assertTrue(view.audit().passed(), view.audit().toString());
        assertTrue(text.contains(view.audit().toString()), text);
        // the hidden cells are not recoverable from the city-wide view either
        checkView("city-wide", view, table, 20);
        for (String key : List.of("B1", "B2", "B3")) {
            checkView(key, view.forKey(key), table.forKey(key), 20);
        }
    }

    @Test
    void aMeasureNotRecordedIsLeftOutNotZero() {
        SplittableRandom r = new SplittableRandom(3);
        List<Stop> stops = stops(r, 200, 2, false);
        PublishedDisparity view = Suppression.minimumCount(11).publish(table(r, stops, 2));
        assertEquals(List.of("arrests"), view.notRecorded());
        assertTrue(view.rows().stream().allMatch(p -> p.arrests().isEmpty() && p.arrestRate().isEmpty()));
        assertTrue(view.toString().contains("n/r: arrests not recorded for every stop: left out, not zero"),
                view.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> view.forKey("B9"));
        assertTrue(e.getMessage().contains("B9"), e.getMessage());
    }
}
