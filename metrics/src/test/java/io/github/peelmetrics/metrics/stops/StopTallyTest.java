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
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.core.internal.TallyBytes;
import io.github.peelmetrics.testing.Seeded;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
        assertEquals(stops.size(), merged.count(), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void thePeriodIsTheFirstAndLastDateCountedWhateverTheOrderOfAddsMergesAndRoundTrips(Seeded s) {
        SplittableRandom r = s.random();
        java.time.LocalDate origin = java.time.LocalDate.of(1990 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
        int spread = 1 + Seeded.edgy(r, 0, 5_000);
        StopTally t = StopTally.byRace(Stop::beat);
        java.time.LocalDate first = null;
        java.time.LocalDate last = null;
        for (int i = 0; i < 200; i++) {
            int op = r.nextInt(20);
            List<java.time.LocalDate> dates = new ArrayList<>();
            for (int k = op == 0 ? r.nextInt(4) : 1; k > 0; k--) { // a merged tally holds 0 to 3 stops
                dates.add(origin.plusDays(r.nextInt(-spread, spread + 1)));
            }
            StopTally into = op == 0 ? StopTally.byRace(Stop::beat) : t;
            for (java.time.LocalDate d : dates) {
                into.add(Stop.builder("S" + i, d.atTime(12, 0).atZone(ZoneOffset.UTC)).beat("B" + r.nextInt(3))
                        .race(Races.BLACK).notSearched().build());
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
            }
            if (op == 0) {
                t.merge(into);
            } else if (op == 1) {
                t = StopTally.fromByteArray(t.toByteArray());
            }
            assertEquals(java.util.Optional.ofNullable(first), t.firstDate(), s + " after step " + i);
            assertEquals(java.util.Optional.ofNullable(last), t.lastDate(), s + " after step " + i);
        }
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
            StopCounts c = t.countsOrEmpty(g);
            String m = s + " " + g;
            assertEquals(!mine.isEmpty(), t.groups().contains(g), m);
            assertEquals(mine.size(), c.stops(), m);
            assertEquals(mine.stream().filter(x -> x.searchConducted() == Flag.YES).count(), c.searched(), m);
            assertEquals(mine.stream().filter(x -> x.searchConducted() != Flag.UNKNOWN).count(), c.searchKnown(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.contrabandFound() == Flag.YES).count(), c.hits(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.contrabandFound() != Flag.UNKNOWN).count(),
                    c.hitKnown(), m);
            assertEquals(mine.stream().filter(x -> x.arrest() == Flag.YES).count(), c.arrests(), m);
            assertEquals(mine.stream().filter(x -> x.arrest() != Flag.UNKNOWN).count(), c.arrestKnown(), m);
            assertEquals(mine.stream().filter(x -> x.outcome() == StopOutcome.ARREST).count(), c.arrests(), m);
            assertEquals(mine.stream().filter(x -> x.outcome() != StopOutcome.UNKNOWN).count(), c.outcomeKnown(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.arrest() == Flag.YES).count(),
                    c.searchedArrests(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.arrest() != Flag.UNKNOWN).count(),
                    c.searchedArrestKnown(), m);
            assertEquals(mine.stream().filter(x -> x.citation() == Flag.YES).count(), c.citations(), m);
            assertEquals(mine.stream().filter(x -> x.citation() != Flag.UNKNOWN).count(), c.citationKnown(), m);
            assertEquals(mine.stream().filter(x -> x.warning() != Flag.UNKNOWN).count(), c.warningKnown(), m);
            assertEquals(mine.stream().filter(x -> x.summons() == Flag.YES).count(), c.summonses(), m);
            assertEquals(mine.stream().filter(x -> x.frisk() == Flag.YES).count(), c.frisked(), m);
            assertEquals(mine.stream().filter(x -> x.frisk() != Flag.UNKNOWN).count(), c.friskKnown(), m);
            assertEquals(mine.stream().filter(x -> x.frisk() == Flag.YES && x.contrabandWeapons() == Flag.YES)
                    .count(), c.friskWeapons(), m);
            assertEquals(mine.stream().filter(x -> x.frisk() == Flag.YES && x.contrabandWeapons() != Flag.UNKNOWN)
                    .count(), c.friskWeaponsKnown(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.contrabandWeapons() == Flag.YES).count(),
                    c.weaponsFound(), m);
            assertEquals(mine.stream().filter(x -> x.searched() && x.contrabandDrugs() != Flag.UNKNOWN).count(),
                    c.drugsKnown(), m);
            assertEquals(mine.stream().filter(x -> x.arrest() == Flag.YES && x.useOfForce() == Flag.YES).count(),
                    c.arrestForce(), m);
            assertEquals(mine.stream().filter(x -> x.arrest() == Flag.YES && x.useOfForce() != Flag.UNKNOWN).count(),
                    c.arrestForceKnown(), m);
            assertEquals(mine.stream().filter(x -> x.useOfForce() == Flag.YES).count(), c.force(), m);
            for (SearchBasis b : SearchBasis.values()) {
                if (b != SearchBasis.NONE) {
                    assertEquals(mine.stream().filter(x -> x.searched() && x.searchBasis() == b).count(),
                            c.searchesByBasis().get(b), m + " " + b);
                }
            }
            long sumOverKeys = t.keys().stream().mapToLong(k -> t.countsOrEmpty(g, k).stops()).sum();
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
    void badBytesAreRejectedWithAMessageThatSaysWhy() {
        var e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(new byte[] {1, 2, 3, 4}));
        assertTrue(e.getMessage().contains("fewer than the 16 of the preamble"), e.getMessage());
        e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(new byte[20]));
        assertTrue(e.getMessage().contains("bad magic number"), e.getMessage());
        byte[] ok = StopTally.byRace().toByteArray();
        byte[] shortened = Arrays.copyOf(ok, ok.length - 2);
        e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(shortened));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        byte[] longer = Arrays.copyOf(ok, ok.length + 1);
        e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(longer));
        assertTrue(e.getMessage().contains("extended"), e.getMessage());
        byte[] altered = ok.clone();
        altered[ok.length - 1] ^= 1;
        e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(altered));
        assertTrue(e.getMessage().contains("CRC32C mismatch"), e.getMessage());
        assertEquals(Map.of(), StopTally.fromByteArray(ok).cells());
        assertTrue(TallyFormatException.class.getSuperclass() == IllegalArgumentException.class);
    }

    @Test
    void aForgedCountIsRejectedBeforeAnythingIsAllocated() {
        byte[] ok = StopTally.byRace(Stop::beat).toByteArray();
        // the groups section follows the values section: find its count (0) and forge 2^31 - 1
        int groups = sectionPayload(ok, 2);
        byte[] forged = splice(ok, groups, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07});
        forged[groups - 1] += 4;   // the section's length (int32 before the payload) grows with it
        var e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(TallyBytes.reseal(forged)));
        assertTrue(e.getMessage().contains("number of groups at byte " + groups + ": 2147483647 elements"), e.getMessage());
    }

    @Test
    void impossibleCountsAreRejectedEvenWithAValidChecksum() {
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StopTally t = StopTally.byRace(Stop::beat);
        t.add(Stop.builder("1", when).beat("B1").race(Races.BLACK).searched(SearchBasis.CONSENT, Flag.YES)
                .outcome(StopOutcome.ARREST).useOfForce(Flag.NO).build());
        byte[] ok = t.toByteArray();
        int cells = sectionPayload(ok, 4);
        // cell layout after "stops" (1), "nCells" (1), group (1), key (1): search YES, NO, UNKNOWN
        byte[] more = ok.clone();
        more[cells + 4] = 2;   // two searches in a cell of one stop
        var e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(TallyBytes.reseal(more)));
        assertTrue(e.getMessage().contains("cell (black, B1)")
                && e.getMessage().contains("stops by search status do not add up to its 1 stops"), e.getMessage());
        byte[] total = ok.clone();
        total[cells] = 2;      // the tally's count says 2, the cell holds 1
        e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(TallyBytes.reseal(total)));
        assertTrue(e.getMessage().contains("stops at byte " + cells + ": 2, but the cells hold 1"), e.getMessage());
        byte[] kind = ok.clone();
        kind[4] = 2;
        e = assertThrows(TallyFormatException.class, () -> StopTally.fromByteArray(TallyBytes.reseal(kind)));
        assertTrue(e.getMessage().contains("hold a veil of darkness tally"), e.getMessage());
    }

    /** The offset of the payload of section {@code id} (sections start at byte 16: id, int32 length, payload). */
    static int sectionPayload(byte[] b, int id) {
        int at = 16;
        while (b[at] != id) {
            int n = (b[at + 1] & 0xFF) << 24 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 8 | (b[at + 4] & 0xFF);
            at += 5 + n;
        }
        return at + 5;
    }

    private static byte[] splice(byte[] b, int at, byte[] with) {
        byte[] out = Arrays.copyOf(b, b.length + with.length - 1);
        System.arraycopy(with, 0, out, at, with.length);
        System.arraycopy(b, at + 1, out, at + with.length, b.length - at - 1);
        return out;
    }

    @Test
    void aGroupOrKeyTheTallyDoesNotHoldIsAnErrorThatListsWhatItHolds() {
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StopTally t = StopTally.byRace(Stop::beat);
        t.add(Stop.builder("1", when).beat("B1").race(Races.BLACK).build());
        t.add(Stop.builder("2", when).beat("B2").race(Races.WHITE).build());
        var e = assertThrows(IllegalArgumentException.class, () -> t.counts(Races.BLACK, "B3"));
        assertEquals("stop tally holds no stop under key \"B3\"; its keys are B1, B2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.counts(Races.HISPANIC));
        assertEquals("stop tally holds no stop of group hispanic; its groups are black, white "
                + "(countsOrEmpty gives zeros for a group with no stops)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.total("b1"));
        assertTrue(e.getMessage().contains("key \"b1\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.result().counts(Races.BLACK, "B3"));
        assertTrue(e.getMessage().contains("its keys are B1, B2"), e.getMessage());
        // a held group and a held key with no stop in common: a real zero
        assertEquals(StopCounts.empty(), t.counts(Races.BLACK, "B2"));
        assertEquals(StopCounts.empty(), t.result().counts(Races.BLACK, "B2"));
        assertEquals(StopCounts.empty(), t.countsOrEmpty(Races.HISPANIC, "B3"));
        assertEquals(StopCounts.empty(), t.countsOrEmpty(Races.HISPANIC));
        assertEquals(1, t.total("B1").stops());
        StopTally none = StopTally.byRace();
        e = assertThrows(IllegalArgumentException.class, () -> none.counts(Races.BLACK));
        assertTrue(e.getMessage().contains("it holds no stops at all"), e.getMessage());
        StopTally unkeyed = StopTally.byRace();
        unkeyed.add(Stop.builder("1", when).beat("B1").race(Races.BLACK).build());
        assertEquals(1, unkeyed.counts(Races.BLACK, StopTally.ALL).stops());
        e = assertThrows(IllegalArgumentException.class, () -> unkeyed.counts(Races.BLACK, "B1"));
        assertEquals("stop tally has no key function, so it holds no key \"B1\"; its one key is \"all\"",
                e.getMessage());
    }

    @Test
    void aLongListOfHeldKeysIsCut() {
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StopTally t = StopTally.byRace(Stop::beat);
        for (int i = 0; i < 25; i++) {
            t.add(Stop.builder("S" + i, when).beat(String.format("B%02d", i)).race(Races.BLACK).build());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> t.total("B99"));
        assertTrue(e.getMessage().endsWith("B18, B19, ... and 5 more"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theResultHoldsEveryCellAndAgreesWithTheQueries(Seeded s) {
        List<Stop> stops = RandomStops.stops(s.random(), 300, 5);
        StopTally t = tally(stops);
        StopTable table = t.result();
        assertEquals(t.count(), table.count(), s.toString());
        assertEquals(t.cells(), table.cells(), s.toString());
        assertEquals(t.total(), table.total(), s.toString());
        assertEquals(t.groups(), table.groups(), s.toString());
        assertEquals(t.keys(), table.keys(), s.toString());
        for (Category g : t.groups()) {
            assertEquals(t.counts(g), table.byGroup().get(g), s + " " + g);
            for (String k : t.keys()) {
                assertEquals(t.counts(g, k), table.counts(g, k), s + " " + g + " " + k);
                assertEquals(t.total(k), table.total(k), s + " " + k);
            }
        }
        assertEquals(t.toString().replaceFirst("StopTally", "StopTable"), table.toString(), s.toString());
        assertEquals(table, new StopTable(table.keyed(), table.count(), table.firstDate(), table.lastDate(), table.total(), table.byGroup(), table.cells()));
    }

    @Test
    void aStopTableChecksThatItsFiguresAddUp() {
        ZonedDateTime when = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StopTally t = StopTally.byRace(Stop::beat);
        t.add(Stop.builder("1", when).beat("B1").race(Races.BLACK).build());
        t.add(Stop.builder("2", when).beat("B2").race(Races.BLACK).build());
        StopTable ok = t.result();
        var e = assertThrows(IllegalArgumentException.class,
                () -> new StopTable(true, 3, ok.firstDate(), ok.lastDate(), ok.total(), ok.byGroup(), ok.cells()));
        assertTrue(e.getMessage().contains("count 3 of stop table differs from the total's stops 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StopTable(true, 2, ok.firstDate(), ok.lastDate(), ok.total(),
                Map.of(Races.BLACK, ok.cells().get("B1").get(Races.BLACK)), ok.cells()));
        assertTrue(e.getMessage().contains("are not the sum of its cells"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StopTable(false, 2, ok.firstDate(), ok.lastDate(), ok.total(), ok.byGroup(),
                ok.cells()));
        assertTrue(e.getMessage().contains("stop table without a key holds key \"B1\""), e.getMessage());
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
        assertEquals(30_000, t.count());
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
        assertEquals(5000, t.count());
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
        var c = assertThrows(IllegalArgumentException.class, () -> new StopCounts(1, 2, 0, Map.of(), 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(StopOutcome.UNKNOWN, 1L), 0, 0, 0, 0, 0, 0));
        assertTrue(c.getMessage().contains("searched 2 + notSearched 0 of stop counts exceed stops 1"), c.getMessage());
        c = assertThrows(IllegalArgumentException.class, () -> new StopCounts(-1, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0));
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
        assertTrue(t.result().toString().startsWith("StopTable: 2 stops, 2 groups"), s);
        assertTrue(s.contains("black") && s.indexOf("black") < s.indexOf("white"), s);
        assertTrue(s.contains("1/1"), s);
    }

    @Test
    void anExportWithOnlyAnArrestFlagGivesAnArrestRateAndNoCitationRate() {
        ZonedDateTime when = ZonedDateTime.of(2015, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StopTally t = StopTally.byRace();
        for (int i = 0; i < 10; i++) {
            t.add(Stop.builder("S" + i, when.plusDays(i * 40L)).race(Races.BLACK).notSearched()
                    .arrest(Flag.of(i < 3)).build());
        }
        StopCounts c = t.counts(Races.BLACK);
        assertEquals(0.3, c.arrestRate().getAsDouble(), 1e-15);
        assertTrue(c.citationRate().isEmpty() && c.warningRate().isEmpty() && c.summonsRate().isEmpty());
        assertTrue(c.friskRate().isEmpty() && c.friskYield().isEmpty() && c.forceRate().isEmpty()
                && c.forcePerArrest().isEmpty() && c.hitRate().isEmpty());
        assertEquals(0.0, c.searchRate().getAsDouble());
        assertEquals(7, c.outcomeMissing(), "a stop without an arrest may have ended in a citation");
        assertEquals(java.time.LocalDate.of(2015, 1, 1), t.firstDate().orElseThrow());
        assertEquals(java.time.LocalDate.of(2015, 12, 27), t.lastDate().orElseThrow());
        assertTrue(t.toString().contains("not recorded"), t.toString());
        StopTally back = StopTally.fromByteArray(t.toByteArray());
        assertEquals(t.result(), back.result());
        assertEquals(t.lastDate(), back.lastDate());
    }
}
