package io.github.peelmetrics.metrics.disparity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.stats.IndependenceTest;
import io.github.peelmetrics.core.stats.TwoByTwo;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisparityTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2021, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static List<Stop> stops(Category race, String beat, int n, int searched, int hits, int arrestsAfterSearch) {
        List<Stop> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Stop.Builder b = Stop.builder(race.code() + beat + i, WHEN).beat(beat).race(race);
            if (i < searched) {
                b.searched(SearchBasis.PROBABLE_CAUSE, Flag.of(i < hits));
                b.outcome(i < arrestsAfterSearch ? StopOutcome.ARREST : StopOutcome.CITATION);
            } else {
                b.notSearched().outcome(StopOutcome.WARNING);
            }
            out.add(b.build());
        }
        return out;
    }

    private static Map<Category, Long> pop(long black, long white) {
        Map<Category, Long> m = new LinkedHashMap<>();
        m.put(Races.BLACK, black);
        m.put(Races.WHITE, white);
        return m;
    }

    @Test
    void figuresFollowTheirFormulas() {
        List<Stop> all = new ArrayList<>();
        all.addAll(stops(Races.BLACK, "B1", 40, 10, 2, 4));
        all.addAll(stops(Races.WHITE, "B1", 60, 6, 3, 1));
        all.addAll(stops(Category.UNKNOWN, "B1", 5, 0, 0, 0));
        StopTally t = all.stream().collect(StopTally.collector(Stop::beat));
        DisparityTable d = Disparity.against(Benchmark.residents(List.of(Beat.of("B1", "D", pop(2000, 8000)))),
                Races.WHITE).of(t);
        DisparityRow b = d.row(Races.BLACK);
        assertEquals(40.0 / 2000 * 1000, b.stopRate().getAsDouble(), 1e-12);
        assertEquals((40.0 / 100) / (2000.0 / 10000), b.disparityIndex().getAsDouble(), 1e-12);
        assertEquals(105 / 10000.0 * 1000, d.stopRate().getAsDouble(), 1e-12);
        assertEquals(TwoByTwo.ofTotals(40, 2000, 60, 8000).riskRatio(0.95), b.stopRiskRatio().orElseThrow());
        assertEquals(io.github.peelmetrics.metrics.trend.RateComparison.test(40, 2000, 60, 8000).rateRatio(),
                b.stopRateRatio().orElseThrow());
        assertEquals(TwoByTwo.ofTotals(10, 40, 6, 60).riskRatio(0.95), b.searchRateRatio().orElseThrow());
        assertEquals(TwoByTwo.ofTotals(2, 10, 3, 6).riskRatio(0.95), b.hitRateRatio().orElseThrow());
        assertEquals(TwoByTwo.ofTotals(4, 40, 1, 60).riskRatio(0.95), b.arrestRateRatio().orElseThrow());
        assertTrue(b.forceRateRatio().isEmpty(), "force was never recorded");
        // one compared group: the adjustments leave its p-value alone
        ChiSquareComparison c = b.searchTest().orElseThrow();
        assertEquals(TwoByTwo.ofTotals(10, 40, 6, 60).test(IndependenceTest.PEARSON_CHI_SQUARE), c.testResult());
        assertEquals(c.testResult().pValue(), c.holm(), 0);
        assertEquals(c.testResult().pValue(), c.benjaminiHochberg(), 0);
        // the relative rate index: arrests per 100 searched stops
        RelativeRateIndex rri = d.relativeRateIndex();
        assertEquals(40.0, rri.rate(Races.BLACK, DecisionPoint.ARREST).getAsDouble(), 1e-12);
        assertEquals(100.0 / 6, rri.rate(Races.WHITE, DecisionPoint.ARREST).getAsDouble(), 1e-12);
        assertEquals(TwoByTwo.ofTotals(4, 10, 1, 6).riskRatio(0.95), rri.index(Races.BLACK, DecisionPoint.ARREST).get());
        assertEquals(25.0, rri.rate(Races.BLACK, DecisionPoint.SEARCH).getAsDouble(), 1e-12);
        assertTrue(rri.index(Races.WHITE, DecisionPoint.STOP).isEmpty());
        assertEquals(List.of(Races.BLACK, Races.WHITE), rri.groups());
        // unknown: in totals only
        DisparityRow u = d.row(Category.UNKNOWN);
        assertEquals(5, u.counts().stops());
        assertTrue(u.stopShare().isEmpty() && u.stopRateRatio().isEmpty());
        assertEquals(100, d.stopsKnownGroup());
        assertEquals(5, d.stopsUnknownGroup());
        assertEquals(d.forKey("B1").row(Races.BLACK).stopRateRatio(), b.stopRateRatio());
    }

    @Test
    void smallCountsAreFlagged() {
        List<Stop> all = new ArrayList<>(stops(Races.BLACK, "B1", 3, 1, 0, 0));
        all.addAll(stops(Races.WHITE, "B1", 60, 6, 3, 1));
        StopTally t = all.stream().collect(StopTally.collector(Stop::beat));
        DisparityTable d = Disparity.against(Benchmark.of("residents", pop(2000, 8000)), Races.WHITE)
                .smallCountBelow(5).of(t);
        DisparityRow b = d.row(Races.BLACK);
        assertTrue(b.flagged());
        assertTrue(b.cautions().contains("stops 3 under 5"), b.cautions().toString());
        assertTrue(b.cautions().contains("search chi-square has an expected count under 5"), b.cautions().toString());
        assertTrue(d.toString().contains("* black: stops 3 under 5"), d.toString());
        // an unkeyed benchmark with a keyed tally: per-key tables without population
        DisparityTable k = d.forKey("B1");
        assertTrue(k.population().isEmpty() && k.row(Races.BLACK).stopRate().isEmpty());
        DisparityTable none = Disparity.against(Benchmark.of("residents", pop(2000, 8000)), Races.WHITE)
                .smallCountBelow(0).of(t);
        assertTrue(none.row(Races.WHITE).cautions().isEmpty());
    }

    @Test
    void noSearchInEitherGroupHasNoSearchRatioNotNaN() {
        List<Stop> all = new ArrayList<>(stops(Races.BLACK, "B1", 30, 0, 0, 0));
        all.addAll(stops(Races.WHITE, "B1", 40, 0, 0, 0));
        DisparityTable d = Disparity.against(Benchmark.of("residents", pop(2000, 8000)), Races.WHITE)
                .of(all.stream().collect(StopTally.collector()));
        DisparityRow b = d.row(Races.BLACK);
        assertEquals(0.0, b.searchRate().getAsDouble(), 0, "no search of 30 stops is a rate of 0");
        assertTrue(b.searchRateRatio().isEmpty(), "0/0 has no ratio: " + b.searchRateRatio());
        assertTrue(b.hitRate().isEmpty(), "no search, no hit rate");
        assertFalse(d.toString().contains("NaN"), d.toString());
        // one group searched, the other not: the ratio 0 against a positive rate is defined
        List<Stop> some = new ArrayList<>(stops(Races.BLACK, "B1", 30, 0, 0, 0));
        some.addAll(stops(Races.WHITE, "B1", 40, 4, 1, 0));
        DisparityRow z = Disparity.against(Benchmark.of("residents", pop(2000, 8000)), Races.WHITE)
                .of(some.stream().collect(StopTally.collector())).row(Races.BLACK);
        assertEquals(0.0, z.searchRateRatio().orElseThrow().estimate(), 0);
    }

    @Test
    void moreStopsThanResidentsHasNoKatzRatio() {
        List<Stop> all = new ArrayList<>(stops(Races.BLACK, "B1", 30, 1, 0, 0));
        all.addAll(stops(Races.WHITE, "B1", 10, 6, 3, 1));
        StopTally t = all.stream().collect(StopTally.collector());
        DisparityRow b = Disparity.against(Benchmark.of("residents", pop(20, 8000)), Races.WHITE).of(t)
                .row(Races.BLACK);
        assertTrue(b.stopRiskRatio().isEmpty());
        assertTrue(b.stopRateRatio().isPresent(), "stops are events: the Poisson ratio is defined");
        assertEquals(1500.0, b.stopRate().getAsDouble(), 1e-9);
        assertTrue(b.cautions().contains("stops 30 exceed the benchmark 20"), b.cautions().toString());
    }

    @Test
    void errorsNameTheProblem() {
        Benchmark bench = Benchmark.of("residents", pop(10, 10));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Disparity.against(bench, Races.ASIAN_PACIFIC_ISLANDER).of(StopTally.byRace()));
        assertEquals("the tally and the benchmark has no reference group \"asian/pacific islander\"; it holds 2: "
                + "black, white", e.getMessage());
        var u = assertThrows(IllegalArgumentException.class, () -> Disparity.against(bench, Category.UNKNOWN));
        assertTrue(u.getMessage().contains("not unknown"), u.getMessage());
        u = assertThrows(IllegalArgumentException.class, () -> Disparity.against(bench, Races.WHITE).level(1.0));
        assertTrue(u.getMessage().contains("confidence level of disparity must be in (0, 1): 1.0"), u.getMessage());
        u = assertThrows(IllegalArgumentException.class, () -> Disparity.against(bench, Races.WHITE).alpha(Double.NaN));
        assertTrue(u.getMessage().contains("alpha of disparity must be in (0, 1): NaN"), u.getMessage());
        u = assertThrows(IllegalArgumentException.class, () -> Benchmark.of("residents", Map.of(Races.BLACK, -3L)));
        assertTrue(u.getMessage().contains("count of black in benchmark residents must not be negative: -3"),
                u.getMessage());
        u = assertThrows(IllegalArgumentException.class, () -> Benchmark.of("residents", Map.of(Category.UNKNOWN, 3L)));
        assertTrue(u.getMessage().contains("unknown group cannot have a benchmark count"), u.getMessage());
        u = assertThrows(IllegalArgumentException.class, () -> Benchmark.of(" ", Map.of(Races.BLACK, 3L)));
        assertTrue(u.getMessage().contains("benchmark description must not be blank"), u.getMessage());
        Beat b1 = Beat.of("B1", "D", pop(1, 1));
        u = assertThrows(IllegalArgumentException.class, () -> Benchmark.residents(List.of(b1, b1)));
        assertTrue(u.getMessage().contains("beat B1 appears twice"), u.getMessage());
        var g = assertThrows(IllegalArgumentException.class,
                () -> Disparity.against(bench, Races.WHITE).of(StopTally.byRace()).relativeRateIndex()
                        .rate(Races.ASIAN_PACIFIC_ISLANDER, DecisionPoint.STOP));
        assertEquals("relative rate index matrix has no group \"asian/pacific islander\"; it holds 2: black, white",
                g.getMessage());
        DisparityTable t = Disparity.against(bench, Races.WHITE).of(StopTally.byRace());
        g = assertThrows(IllegalArgumentException.class, () -> t.forKey("B3"));
        assertEquals("disparity table has no key \"B3\" (it holds none)", g.getMessage());
        g = assertThrows(IllegalArgumentException.class, () -> t.row(Category.UNKNOWN));
        assertEquals("disparity table has no group \"unknown\"; it holds 2: black, white", g.getMessage());
        g = assertThrows(IllegalArgumentException.class, () -> bench.count(Races.HISPANIC));
        assertEquals("benchmark residents has no group \"hispanic\"; it holds 2: black, white", g.getMessage());
        g = assertThrows(IllegalArgumentException.class, () -> bench.total("B1"));
        assertEquals("benchmark residents has no key \"B1\" (it holds none)", g.getMessage());
    }

    @Test
    void anEmptyTallyGivesEmptyFigures() {
        DisparityTable d = Disparity.against(Benchmark.of("residents", pop(10, 10)), Races.WHITE)
                .of(StopTally.byRace());
        assertEquals(0, d.total().stops());
        assertEquals(0.0, d.stopRate().getAsDouble());
        DisparityRow b = d.row(Races.BLACK);
        assertTrue(b.stopShare().isEmpty() && b.searchRateRatio().isEmpty() && b.searchTest().isEmpty());
        assertEquals(0.0, b.stopRate().getAsDouble());
        assertTrue(d.rows().stream().noneMatch(r -> r.group().isUnknown()), "no unknown row without unknown stops");
        assertTrue(d.toString().startsWith("Disparity vs residents, reference white, 95% intervals (stop RR: Poisson Wald; others: Katz)"), d.toString());
    }

    @Test
    void aTallyOfOneBeatIsComparedWithThatBeatsResidentsAndSaysSo() {
        List<Stop> all = new ArrayList<>(stops(Races.BLACK, "B1", 40, 4, 1, 1));
        all.addAll(stops(Races.WHITE, "B1", 60, 3, 1, 1));
        all.addAll(stops(Races.WHITE, "B9", 5, 0, 0, 0));
        StopTally tally = all.stream().collect(StopTally.collector(Stop::beat));
        Benchmark city = Benchmark.residents(List.of(Beat.of("B1", "D", pop(1000, 1000)),
                Beat.of("B2", "D", pop(9000, 1000)), Beat.of("B3", "D", pop(5000, 5000))));
        DisparityTable d = Disparity.against(city, Races.WHITE).of(tally);
        assertEquals(2000, d.population().getAsLong(), "B1's residents, not the city's");
        assertEquals(100, d.total().stops(), "B9's stops have no benchmark");
        assertEquals(40.0, d.row(Races.BLACK).stopRate().getAsDouble(), 1e-12);
        assertEquals(3, d.cautions().size(), d.cautions().toString());
        assertTrue(d.cautions().get(0).contains("covers 2 keys where the tally holds no stop (B2, B3)"), d.toString());
        assertTrue(d.cautions().get(1).contains("5 stops under 1 key the benchmark does not cover (B9)"), d.toString());
        assertTrue(d.toString().contains("CAUTION: the benchmark covers 2 keys"), d.toString());
        assertEquals(10000, d.forKey("B2").population().getAsLong());
        // the same keys: no caution
        DisparityTable same = Disparity.against(Benchmark.residents(List.of(Beat.of("B1", "D", pop(1000, 1000)),
                Beat.of("B9", "D", pop(10, 10)))), Races.WHITE).of(tally);
        assertTrue(same.cautions().isEmpty(), same.toString());
    }

    @Test
    void aFactNeverRecordedIsNotRecordedInTheTable() {
        StopTally tally = new StopTally[] {StopTally.byRace()}[0];
        for (int i = 0; i < 20; i++) {
            tally.add(Stop.builder("S" + i, WHEN).race(i < 10 ? Races.BLACK : Races.WHITE).notSearched().build());
        }
        DisparityTable d = Disparity.against(Benchmark.of("residents", pop(100, 100)), Races.WHITE).of(tally);
        assertTrue(d.row(Races.BLACK).arrestRate().isEmpty());
        assertTrue(d.row(Races.BLACK).arrestRateRatio().isEmpty());
        assertTrue(d.toString().contains("n/r: not recorded"), d.toString());
    }

    @Test
    void stopsAreEventsSoTheStopRatioIsPoissonAndTheRatesSayTheirPeriod() {
        List<Stop> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {   // more stops than black residents: a rate of events
            all.add(Stop.builder("b" + i, WHEN.plusDays(i % 700)).race(Races.BLACK).notSearched().build());
        }
        for (int i = 0; i < 100; i++) {
            all.add(Stop.builder("w" + i, WHEN.plusDays(i)).race(Races.WHITE).notSearched().build());
        }
        StopTally tally = all.stream().collect(StopTally.collector());
        Benchmark residents = Benchmark.of("residents", pop(200, 1000));
        DisparityRow black = Disparity.against(residents, Races.WHITE).of(tally).row(Races.BLACK);
        var expected = io.github.peelmetrics.metrics.trend.RateComparison.test(300, 200, 100, 1000);
        assertEquals(15.0, black.stopRateRatio().orElseThrow().estimate(), 1e-12);
        assertEquals(expected.rateRatio(), black.stopRateRatio().orElseThrow());
        assertEquals(expected, black.stopRateComparison().orElseThrow());
        assertTrue(black.stopRiskRatio().isEmpty(), "Katz needs stops <= residents");
        DisparityTable overall = Disparity.against(residents, Races.WHITE).of(tally);
        assertTrue(overall.toString().contains("over 2021-05-01..2022-02-24"), overall.toString());
        DisparityTable yearly = Disparity.against(residents, Races.WHITE).perYear().of(tally);
        double years = 10 / 12.0;   // May 2021 through February 2022
        assertEquals(years, yearly.years().getAsDouble(), 1e-15);
        assertEquals(300 / 200.0 * 1000 / years, yearly.row(Races.BLACK).stopRate().getAsDouble(), 1e-9);
        assertEquals(black.stopRateRatio(), yearly.row(Races.BLACK).stopRateRatio(), "a ratio has no period");
        assertTrue(yearly.toString().contains("per year, 2021-05-01..2022-02-24"), yearly.toString());
    }
}
