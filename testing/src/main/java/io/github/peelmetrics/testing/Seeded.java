package io.github.peelmetrics.testing;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A seeded random case for a property test. Its name carries the seed, so a failing case can be
 * replayed with {@code new Seeded(seed).random()}.
 *
 * <pre>{@code
 * static Stream<Seeded> seeds() { return Seeded.cases(300); }
 *
 * @ParameterizedTest @MethodSource("seeds")
 * void mergeIsAssociative(Seeded s) { SplittableRandom r = s.random(); ... }
 * }</pre>
 *
 * @param seed the seed of the case
 */
public record Seeded(long seed) {

    /** Base of the seeds, fixed so that every run draws the same cases. */
    public static final long BASE = 0x5EE1_2026L;

    /** {@code count} cases with seeds {@code BASE, BASE + 1, ...}. */
    public static Stream<Seeded> cases(int count) {
        return LongStream.range(0, count).mapToObj(i -> new Seeded(BASE + i));
    }

    /** A fresh generator for this case. */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }

    /** An integer in {@code [lo, hi]} that is one of the ends with probability about 1/4 each. */
    public static int edgy(SplittableRandom r, int lo, int hi) {
        int roll = r.nextInt(8);
        if (roll == 0) {
            return lo;
        }
        if (roll == 1) {
            return hi;
        }
        return lo + r.nextInt(hi - lo + 1);
    }

    @Override
    public String toString() {
        return "seed=" + seed;
    }
}
