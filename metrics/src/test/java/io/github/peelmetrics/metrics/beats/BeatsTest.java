package io.github.peelmetrics.metrics.beats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.BeatAssignment;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Shift;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import io.github.peelmetrics.metrics.disparity.Benchmark;
import io.github.peelmetrics.metrics.stops.RandomStops;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.testing.Seeded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BeatsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    private static List<BeatAssignment> shifts(String officer, String beat, int n, int fromDay) {
        List<BeatAssignment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BeatAssignment(officer, beat, DAY.plusDays(fromDay + i), Shift.DAY));
        }
        return out;
    }

    @Test
    void stabilityFollowsItsDefinitions() {
        List<BeatAssignment> a = new ArrayList<>();
        a.addAll(shifts("o1", "B1", 8, 0));
        a.addAll(shifts("o1", "B2", 2, 10));
        a.addAll(shifts("o2", "B2", 5, 0));
        a.addAll(shifts("o3", "B1", 3, 0));
        a.addAll(shifts("o3", "B2", 3, 5)); // a tie: B1 wins
        a.addAll(shifts("o1", "B1", 1, 0)); // a repeated record counts once
        AssignmentStability s = AssignmentStability.of(a);
        OfficerStability o1 = s.officer("o1");
        assertEquals("B1", o1.primaryBeat());
        assertEquals(0.8, o1.share(), 1e-15);
        assertEquals("B1", s.officer("o3").primaryBeat());
        BeatCoverage b2 = s.beat("B2");
        assertEquals(10, b2.shifts());
        assertEquals(5, b2.shiftsByRegulars());
        assertEquals(1, b2.regularOfficers());
        BeatCoverage b1 = s.beat("B1");
        assertEquals(11, b1.shifts());
        assertEquals(11, b1.shiftsByRegulars());
        assertEquals((8 + 5 + 3) / 21.0, s.pooledShare().getAsDouble(), 1e-15);
        assertTrue(AssignmentStability.of(List.of()).pooledShare().isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> s.beat("B3"));
        assertEquals("assignment stability has no beat \"B3\"; it holds 2: B1, B2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.officer("o9"));
        assertTrue(e.getMessage().startsWith("assignment stability has no officer \"o9\"; it holds 3: o1, "),
                e.getMessage());
        assertTrue(s.toString().contains("B2: 0.500 of 10 shifts by 1 regular officers"), s.toString());
    }

    static Stream<Seeded> seeds() {
        return Seeded.cases(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void pooledShareIsTheSameFromOfficersAndBeatsAndIgnoresOrder(Seeded seed) {
        SplittableRandom r = seed.random();
        List<BeatAssignment> a = new ArrayList<>();
        int n = Seeded.edgy(r, 1, 300);
        for (int i = 0; i < n; i++) {
            a.add(new BeatAssignment("o" + r.nextInt(12), "B" + r.nextInt(5), DAY.plusDays(r.nextInt(60)),
                    Shift.values()[r.nextInt(3)]));
        }
        AssignmentStability s = AssignmentStability.of(a);
        long byBeats = s.beats().stream().mapToLong(BeatCoverage::shiftsByRegulars).sum();
        long all = s.beats().stream().mapToLong(BeatCoverage::shifts).sum();
        assertEquals((double) byBeats / all, s.pooledShare().getAsDouble(), 1e-15, seed.toString());
        assertEquals(a.stream().distinct().count(), all, seed.toString());
        List<BeatAssignment> shuffled = new ArrayList<>(a);
        Collections.shuffle(shuffled, new java.util.Random(seed.seed()));
        assertEquals(s.officers(), AssignmentStability.of(shuffled).officers(), seed.toString());
        s.officers().forEach(o -> assertTrue(o.share() > 0 && o.share() <= 1, seed + " " + o));
    }

    @Test
    void nonEnforcementCountsNoneAsARealOutcome() {
        SplittableRandom r = new SplittableRandom(11);
        List<Stop> stops = RandomStops.stops(r, 500, 3);
        while (stops.size() < 100) {
            stops = RandomStops.stops(r, 500, 3);
        }
        StopCounts c = stops.stream().collect(StopTally.collector()).total();
        long none = stops.stream().filter(s -> s.outcome() == StopOutcome.NONE).count();
        long warn = stops.stream().filter(s -> s.outcome() == StopOutcome.WARNING).count();
        long known = stops.stream().filter(s -> s.outcome() != StopOutcome.UNKNOWN).count();
        assertEquals((double) none / known, NonEnforcement.NO_ACTION.share(c).getAsDouble(), 1e-15);
        assertEquals((double) (none + warn) / known, NonEnforcement.NO_ACTION_OR_WARNING.share(c).getAsDouble(), 1e-15);
        assertEquals(Proportions.interval(none, known, ProportionMethod.WILSON, 0.9),
                NonEnforcement.NO_ACTION.interval(c, 0.9).orElseThrow());
        assertTrue(NonEnforcement.NO_ACTION.share(StopCounts.empty()).isEmpty());
    }

    @Test
    void representationRatioComparesShares() {
        List<Officer> officers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            officers.add(new Officer("w" + i, Demographics.ofRace(Races.WHITE)));
        }
        for (int i = 0; i < 20; i++) {
            officers.add(new Officer("b" + i, Demographics.ofRace(Races.BLACK)));
        }
        for (int i = 0; i < 5; i++) {
            officers.add(new Officer("u" + i, Demographics.UNKNOWN));
        }
        Map<Category, Long> res = new LinkedHashMap<>();
        res.put(Races.WHITE, 5000L);
        res.put(Races.BLACK, 4000L);
        res.put(Races.HISPANIC, 1000L);
        WorkforceRepresentation w = WorkforceRepresentation.of(officers, Benchmark.of("residents", res));
        assertEquals(85, w.officers());
        RepresentationRow b = w.row(Races.BLACK);
        assertEquals((20.0 / 80) / (4000.0 / 10000), b.ratio().getAsDouble(), 1e-15);
        assertEquals(0.0, w.row(Races.HISPANIC).ratio().getAsDouble());
        RepresentationRow u = w.row(Category.UNKNOWN);
        assertEquals(5, u.officers());
        assertTrue(u.officerShare().isEmpty() && u.ratio().isEmpty());
        assertTrue(w.toString().contains("black"), w.toString());
        var e = assertThrows(NullPointerException.class,
                () -> WorkforceRepresentation.of(officers, o -> null, Benchmark.of("residents", res)));
        assertTrue(e.getMessage().contains("group of officer w0 is null"), e.getMessage());
    }
}
