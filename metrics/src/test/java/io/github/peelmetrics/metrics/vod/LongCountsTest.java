package io.github.peelmetrics.metrics.vod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.testing.Seeded;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The primitive counting table agrees with a HashMap, through growth and collisions. */
class LongCountsTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void countsAgreeWithAHashMap(Seeded seed) {
        SplittableRandom r = seed.random();
        LongCounts counts = new LongCounts();
        Map<Long, Long> expected = new HashMap<>();
        int n = Seeded.edgy(r, 0, 5000);
        int distinct = Seeded.edgy(r, 1, 3000);
        for (int i = 0; i < n; i++) {
            // keys that share low bits on purpose, and the extremes
            long key = r.nextInt(8) == 0 ? Long.MAX_VALUE - r.nextInt(3) : ((long) r.nextInt(distinct) << 36);
            long add = 1 + r.nextInt(3);
            counts.add(key, add);
            expected.merge(key, add, Long::sum);
        }
        Map<Long, Long> actual = new HashMap<>();
        counts.forEach((k, c) -> assertEquals(null, actual.put(k, c), seed + " key listed twice: " + k));
        assertEquals(expected, actual, seed.toString());
        assertEquals(expected.size(), counts.size(), seed.toString());
    }
}
