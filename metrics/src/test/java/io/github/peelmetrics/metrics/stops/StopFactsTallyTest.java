package io.github.peelmetrics.metrics.stops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopFacts;
import io.github.peelmetrics.core.StopKey;
import io.github.peelmetrics.testing.Seeded;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A stop tally counts a stop's {@link StopFacts} exactly as it counts the stop. */
class StopFactsTallyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void countingFactsGivesTheBytesOfCountingStops(Seeded s) {
        SplittableRandom r = s.random();
        List<Stop> stops = RandomStops.stops(r, 400, 1 + r.nextInt(8));
        // the keys StopKey names, against the same functions written as lambdas
        List<Function<Stop, String>> lambdas = List.of(Stop::beat, x -> x.district().orElse(Stop.UNKNOWN_BEAT),
                x -> x.precinct().orElse(Stop.UNKNOWN_BEAT));
        StopKey[] keys = StopKey.values();
        for (int k = 0; k < keys.length; k++) {
            StopTally byStops = StopTally.byRace(lambdas.get(k));
            StopTally byFacts = StopTally.byRace(keys[k]);
            StopTally mixed = StopTally.byRace(keys[k]);
            for (Stop st : stops) {
                byStops.add(st);
                byFacts.addFacts(StopFacts.of(st));
                if (r.nextBoolean()) {
                    mixed.add(st);
                } else {
                    mixed.addFacts(StopFacts.of(st));
                }
            }
            assertArrayEquals(byStops.toByteArray(), byFacts.toByteArray(), s + " " + keys[k]);
            assertArrayEquals(byStops.toByteArray(), mixed.toByteArray(), s + " " + keys[k]);
            assertEquals(byStops.firstDate(), byFacts.firstDate());
        }
        StopTally unkeyed = StopTally.byRace();
        stops.forEach(st -> unkeyed.addFacts(StopFacts.of(st)));
        assertArrayEquals(StopTally.byRace().merge(tally(stops)).toByteArray(), unkeyed.toByteArray(), s.toString());
    }

    private static StopTally tally(List<Stop> stops) {
        StopTally t = StopTally.byRace();
        t.addAll(stops);
        return t;
    }

    @Test
    void onlyTalliesWhoseFunctionsReadFactsCountFacts() {
        assertTrue(StopTally.byRace().countsFacts());
        assertTrue(StopTally.byRace(StopKey.BEAT).countsFacts());
        assertTrue(StopTally.byRace(StopKey.PRECINCT).countsFacts());
        assertTrue(StopTally.fromByteArray(StopTally.byRace(StopKey.BEAT).toByteArray()).countsFacts());
        assertFalse(StopTally.byRace(Stop::beat).countsFacts());
        assertFalse(StopTally.by(st -> st.subject().sex(), StopKey.BEAT).countsFacts());
        StopTally t = StopTally.byRace(Stop::beat);
        Stop stop = Stop.builder("s1", LocalDate.of(2020, 1, 1), ZoneOffset.UTC).beat("B1").build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.addFacts(StopFacts.of(stop)));
        assertTrue(e.getMessage().contains("needs the whole stop"), e.getMessage());
        assertEquals(0, t.count());
        assertThrows(NullPointerException.class, () -> StopTally.byRace().addFacts(null));
    }

    @Test
    void aStopKeyIsTheFunctionItNames() {
        Stop bare = Stop.builder("s1", LocalDate.of(2020, 1, 1), ZoneOffset.UTC).build();
        Stop full = Stop.builder("s2", LocalDate.of(2020, 1, 1), ZoneOffset.UTC).beat("B1").district("D1")
                .precinct("P1").build();
        assertEquals(List.of(Stop.UNKNOWN_BEAT, Stop.UNKNOWN_BEAT, Stop.UNKNOWN_BEAT),
                Stream.of(StopKey.values()).map(k -> k.apply(bare)).toList());
        assertEquals(List.of("B1", "D1", "P1"), Stream.of(StopKey.values()).map(k -> k.apply(full)).toList());
    }
}
