package io.github.peelmetrics.metrics.stops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.testing.Seeded;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StopTallyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    private static StopTally tally(List<Stop> stops) {
        StopTally t = StopTally.byRace(Stop::beat);
        t.addAll(stops);
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mergingTalliesOfAnySplitEqualsTheTallyOfAll(Seeded s) {
        SplittableRandom r = s.random();
        List<Stop> stops = RandomStops.stops(r, 400, 6);
        int parts = 1 + r.nextInt(6);
        List<List<Stop>> split = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            split.add(new ArrayList<>());
        }
        for (Stop st : stops) {
            split.get(r.nextInt(parts)).add(st);
        }
        List<StopTally> tallies = new ArrayList<>(split.stream().map(StopTallyTest::tally).toList());
        Collections.shuffle(tallies, new java.util.Random(s.seed()));
        StopTally merged = StopTally.byRace(Stop::beat);
        for (StopTally t : tallies) {
            merged.merge(t);
        }
        StopTally all = tally(stops);
        assertEquals(all.cells(), merged.cells(), s.toString());
        assertEquals(all.total(), merged.total(), s.toString());
        assertEquals(stops.size(), merged.stops(), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aTallyIsIndependentOfRecordOrder(Seeded s) {
        List<Stop> stops = RandomStops.stops(s.random(), 300, 5);
        List<Stop> shuffled = new ArrayList<>(stops);
        Collections.shuffle(shuffled, new java.util.Random(s.seed()));
        StopTally a = tally(stops);
        StopTally b = tally(shuffled);
        assertEquals(a.cells(), b.cells(), s.toString());
        assertEquals(a.groups(), b.groups(), s.toString());
        assertEquals(a.keys(), b.keys(), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aParallelStreamGivesTheSequentialTally(Seeded s) {
        List<Stop> stops = RandomStops.stops(s.random(), 2000, 8);
        assertEquals(stops.stream().collect(StopTally.collector(Stop::beat)).cells(),
                stops.parallelStream().collect(StopTally.collector(Stop::beat)).cells(), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void countsAgreeWithADirectCount(Seeded s) {
        List<Stop> stops = RandomStops.stops(s.random(), 300, 4);
        StopTally t = tally(stops);
        for (Category g : Races.all()) {
            List<Stop> mine = stops.stream().filter(x -> x.subject().race().equals(g)).toList();
            StopCounts c = t.counts(g);
            String m = s + " " + g;
            assertEquals(mine.size(), c.stops(), m);
            assertEquals(mine.stream().filter(x -> x.searchConducted() == Flag.YES).count(), c.searched(), m);
            assertEquals(mine.stream().filter(x -> x.searchConducted() != Flag.UNKNOWN).count(), c.searchKnown(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.contrabandFound() == Flag.YES).count(), c.hits(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.contrabandFound() != Flag.UNKNOWN).count(),
                    c.hitKnown(), m);
            assertEquals(mine.stream().filter(x -> x.outcome() == StopOutcome.ARREST).count(), c.arrests(), m);
            assertEquals(mine.stream().filter(x -> x.outcome() != StopOutcome.UNKNOWN).count(), c.outcomeKnown(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.outcome() == StopOutcome.ARREST).count(),
                    c.searchedArrests(), m);
            assertEquals(mine.stream().filter(x -> x.useOfForce() == Flag.YES).count(), c.force(), m);
            for (SearchBasis b : SearchBasis.values()) {
                if (b != SearchBasis.NONE) {
                    assertEquals(mine.stream().filter(x -> x.searched() && x.searchBasis() == b).count(),
                            c.searchesByBasis().get(b), m + " " + b);
                }
            }
            long sumOverKeys = t.keys().stream().mapToLong(k -> t.counts(g, k).stops()).sum();
            assertEquals(c.stops(), sumOverKeys, m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bytesCarryATallyToAnotherMachineAndMergeThere(Seeded s) {
        SplittableRandom r = s.random();
        List<Stop> stops = RandomStops.stops(r, 300, 6);
        int cut = stops.isEmpty() ? 0 : r.nextInt(stops.size() + 1);
        StopTally first = tally(stops.subList(0, cut));
        StopTally second = tally(stops.subList(cut, stops.size()));
        StopTally read = StopTally.fromByteArray(first.toByteArray());
        assertEquals(first.cells(), read.cells(), s.toString());
        read.merge(StopTally.fromByteArray(second.toByteArray()));
        assertEquals(tally(stops).cells(), read.cells(), s.toString());
        // and it keeps counting
        read.addAll(stops);
        StopTally twice = tally(stops);
        twice.addAll(stops);
        assertEquals(twice.cells(), read.cells(), s.toString());
    }

    @Test
    void badBytesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> StopTally.fromByteArray(new byte[] {1, 2, 3, 4}));
        assertTrue(e.getMessage().contains("bad magic number"), e.getMessage());
        byte[] ok = StopTally.byRace().toByteArray();
        byte[] shortened = java.util.Arrays.copyOf(ok, ok.length - 2);
        e = assertThrows(IllegalArgumentException.class, () -> StopTally.fromByteArray(shortened));
        assertTrue(e.getMessage().contains("end too early"), e.getMessage());
        byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
        e = assertThrows(IllegalArgumentException.class, () -> StopTally.fromByteArray(longer));
        assertTrue(e.getMessage().contains("trailing"), e.getMessage());
        assertEquals(Map.of(), StopTally.fromByteArray(ok).cells());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void equalButDistinctGroupAndKeyInstancesCountInOneCell(Seeded s) {
        SplittableRandom r = s.random();
        List<Stop> stops = RandomStops.stops(r, 300, 6);
        List<Stop> copies = new ArrayList<>();
        for (Stop x : stops) {
            Category race = x.subject().race();
            copies.add(r.nextBoolean() ? x : x.toBuilder().beat(new String(x.beat()))
                    .race(Category.of(race.code(), race.label())).build());
        }
        assertEquals(tally(stops).cells(), tally(copies).cells(), s.toString());
    }

    @Test
    void moreKeysThanTheLookupCacheHoldsStillCountExactly() {
        StopTally t = StopTally.byRace(Stop::beat);
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 30_000; i++) {
            t.add(Stop.builder("S" + i, when).beat("K" + (i % 10_000)).race(i % 2 == 0 ? Races.BLACK : Races.WHITE)
                    .build());
        }
        assertEquals(10_000, t.keys().size());
        assertEquals(30_000, t.stops());
        assertEquals(3, t.counts(Races.BLACK, "K124").stops());
        assertEquals(0, t.counts(Races.WHITE, "K124").stops());
        assertEquals(3, t.counts(Races.WHITE, "K9999").stops());
        assertEquals(15_000, t.counts(Races.BLACK).stops());
    }

    @Test
    void manyGroupsAndKeysGrowTheTables() {
        StopTally t = StopTally.by(x -> Category.of(x.id().substring(0, 3)), Stop::beat);
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 5000; i++) {
            t.add(Stop.builder(String.format("%03d-%d", i % 40, i), when).beat("B" + (i % 70)).build());
        }
        assertEquals(40, t.groups().size());
        assertEquals(70, t.keys().size());
        assertEquals(5000, t.stops());
        long direct = java.util.stream.IntStream.range(0, 5000).filter(i -> i % 40 == 7 && i % 70 == 7).count();
        assertEquals(direct, t.counts(Category.of("007"), "B7").stops());
        int total = 0;
        for (Map<Category, StopCounts> m : t.cells().values()) {
            for (StopCounts c : m.values()) {
                total += (int) c.stops();
            }
        }
        assertEquals(5000, total);
    }

    @Test
    void noneIsARealOutcomeAndMissingFactsLeaveTheDenominator() {
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StopTally t = StopTally.byRace();
        t.add(Stop.builder("1", when).race(Races.BLACK).notSearched().outcome(StopOutcome.NONE).build());
        t.add(Stop.builder("2", when).race(Races.BLACK).searched(SearchBasis.CONSENT, Flag.YES)
                .outcome(StopOutcome.ARREST).build());
        t.add(Stop.builder("3", when).race(Races.BLACK).build()); // nothing recorded
        StopCounts c = t.counts(Races.BLACK);
        assertEquals(3, c.stops());
        assertEquals(2, c.searchKnown());
        assertEquals(1, c.searchMissing());
        assertEquals(0.5, c.searchRate().getAsDouble());
        assertEquals(2, c.outcomeKnown());
        assertEquals(0.5, c.arrestRate().getAsDouble());
        assertTrue(c.forceRate().isEmpty());
        assertEquals(List.of(), t.keys());
        assertEquals(Map.of(StopTally.ALL, Map.of(Races.BLACK, c)), t.cells());
    }

    @Test
    void errorsNameTheProblem() {
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StopTally nullKey = StopTally.byRace(x -> null);
        var e = assertThrows(NullPointerException.class, () -> nullKey.add(Stop.builder("S-9", when).build()));
        assertTrue(e.getMessage().contains("key function returned null for stop S-9"), e.getMessage());
        StopTally nullGroup = StopTally.by(x -> null, Stop::beat);
        e = assertThrows(NullPointerException.class, () -> nullGroup.add(Stop.builder("S-8", when).build()));
        assertTrue(e.getMessage().contains("group function returned null for stop S-8"), e.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> StopTally.byRace().merge(StopTally.byRace(Stop::beat)));
        assertTrue(m.getMessage().contains("keyed"), m.getMessage());
        var c = assertThrows(IllegalArgumentException.class, () -> new StopCounts(1, 2, 0, Map.of(), 0, 0, Map.of(),
                0, 0, 0, 0));
        assertTrue(c.getMessage().contains("searched 2 + notSearched 0 of stop counts exceed stops 1"), c.getMessage());
        c = assertThrows(IllegalArgumentException.class, () -> new StopCounts(-1, 0, 0, Map.of(), 0, 0, Map.of(),
                0, 0, 0, 0));
        assertTrue(c.getMessage().contains("stops of stop counts must not be negative: -1"), c.getMessage());
    }

    @Test
    void toStringPrintsAnAlignedTable() {
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StopTally t = StopTally.byRace();
        t.add(Stop.builder("1", when).race(Races.WHITE).notSearched().outcome(StopOutcome.NONE).build());
        t.add(Stop.builder("2", when).race(Races.BLACK).searched(SearchBasis.CONSENT, Flag.NO).build());
        String s = t.toString();
        assertTrue(s.startsWith("StopTally: 2 stops, 2 groups"), s);
        assertTrue(s.contains("black") && s.indexOf("black") < s.indexOf("white"), s);
        assertTrue(s.contains("1/1"), s);
    }
}
