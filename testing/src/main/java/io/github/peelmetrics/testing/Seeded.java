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

    /**
     * A Poisson draw with mean {@code mu >= 0}, by inversion in chunks of mean at most 500 (a sum of
     * Poisson draws is Poisson), so any mean is exact and cheap enough for test data.
     */
    public static long poisson(SplittableRandom r, double mu) {
        long total = 0;
        while (mu > 0) {
            double m = Math.min(mu, 500);
            mu -= m;
            double u = r.nextDouble();
            double p = Math.exp(-m);
            double cdf = p;
            long k = 0;
            while (u > cdf && k < 100_000) {
                k++;
                p *= m / k;
                cdf += p;
            }
            total += k;
        }
        return total;
    }

    @Override
    public String toString() {
        return "seed=" + seed;
    }
}
