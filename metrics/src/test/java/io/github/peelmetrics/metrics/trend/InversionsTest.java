package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one inversion-counting merge sort against the O(n²) definition, ties and run edges on purpose. */
class InversionsTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    /** Keys with many ties (few levels), or distinct; lengths around the insertion runs and their doublings. */
    static double[] keys(SplittableRandom r) {
        int n = r.nextInt(4) == 0 ? Inversions.RUN * (1 + r.nextInt(4)) + r.nextInt(3) - 1 : Seeded.edgy(r, 0, 400);
        n = Math.max(0, n);
        int levels = r.nextBoolean() ? Seeded.edgy(r, 1, 8) : Integer.MAX_VALUE;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = levels == Integer.MAX_VALUE ? r.nextDouble() * 100 - 50 : r.nextInt(levels) - 2.0;
        }
        if (n > 1 && r.nextInt(5) == 0) {
            Arrays.sort(k); // sorted, or reversed: no inversion, or all of them
            if (r.nextBoolean()) {
                for (int i = 0, j = n - 1; i < j; i++, j--) {
                    double t = k[i];
                    k[i] = k[j];
                    k[j] = t;
                }
            }
        }
        return k;
    }

    static Set<Long> bruteForcePairs(double[] k) {
        Set<Long> pairs = new HashSet<>();
        for (int i = 0; i < k.length; i++) {
            for (int j = i + 1; j < k.length; j++) {
                if (k[j] < k[i]) {
                    pairs.add((long) i << 32 | j);
                }
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void countEqualsTheDoubleLoopAndSortsStably(Seeded seed) {
        double[] k = keys(seed.random());
        int n = k.length;
        long expected = bruteForcePairs(k).size();

        double[] plain = k.clone();
        assertEquals(expected, Inversions.sort(plain), seed.toString());
        double[] sorted = k.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, plain, seed.toString());

        double[] withIds = k.clone();
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        assertEquals(expected, Inversions.sort(withIds, id, new double[n], new int[n], null), seed.toString());
        assertArrayEquals(sorted, withIds, seed.toString());
        for (int p = 0; p < n; p++) {
            assertEquals(k[id[p]], withIds[p], seed.toString()); // ids moved with their keys
            if (p > 0 && withIds[p] == withIds[p - 1]) {
                assertTrue(id[p - 1] < id[p], seed + ": equal keys keep their order at " + p);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theSinkListsEveryInversionOnce(Seeded seed) {
        double[] k = keys(seed.random());
        int n = k.length;
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        List<Long> listed = new ArrayList<>();
        long count = Inversions.sort(k.clone(), id, new double[n], new int[n], (ids, from, to, later) -> {
            for (int u = from; u < to; u++) {
                listed.add((long) ids[u] << 32 | later);
            }
        });
        Set<Long> expected = bruteForcePairs(k);
        assertEquals(expected.size(), count, seed.toString());
        assertEquals(expected.size(), listed.size(), seed + ": a pair listed twice");
        assertEquals(expected, new HashSet<>(listed), seed.toString());
    }
}
