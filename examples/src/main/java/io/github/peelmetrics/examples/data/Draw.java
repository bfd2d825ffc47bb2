package io.github.peelmetrics.examples.data;

import java.util.SplittableRandom;

/**
 * Random draws for the generator, built on {@link SplittableRandom} and {@link StrictMath} only so that
 * the same seed gives the same bytes on every JVM and platform ({@code Math.log} and
 * {@code RandomGenerator.nextGaussian} may differ between platforms; {@code StrictMath} may not).
 */
final class Draw {
    private Draw() {}

    /** A standard normal deviate by the Box-Muller transform (one of the pair is discarded). */
    static double normal(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble(); // in (0, 1]
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** A Gamma(2, scale) deviate: the sum of two exponentials. */
    static double gamma2(SplittableRandom r, double scale) {
        return -scale * (StrictMath.log(1.0 - r.nextDouble()) + StrictMath.log(1.0 - r.nextDouble()));
    }

    /** {@code true} with probability {@code p}. */
    static boolean bernoulli(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** The logistic function {@code 1 / (1 + exp(-x))}. */
    static double logistic(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    /** An index drawn with probability proportional to {@code weights} (non-negative, not all zero). */
    static int categorical(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = r.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (u < acc) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) { // u rounded up to the total
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("categorical weights are all zero");
    }

    /** Cumulative sums of {@code weights}, for {@link #fromCumulative}. */
    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            c[i] = acc;
        }
        return c;
    }

    /** An index drawn from cumulative weights by binary search. */
    static int fromCumulative(SplittableRandom r, double[] cumulative) {
        double u = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Shuffles {@code a} in place (Fisher-Yates). */
    static void shuffle(SplittableRandom r, int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Integers that sum to {@code total}, proportional to {@code weights}, by the largest-remainder
     * method (ties to the lower index), each at least {@code minimum}.
     */
    static int[] apportion(long total, double[] weights, int minimum) {
        int k = weights.length;
        long rest = total - (long) minimum * k;
        if (rest < 0) {
            throw new IllegalArgumentException("cannot give " + k + " cells at least " + minimum + " out of " + total);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] out = new int[k];
        double[] remainder = new double[k];
        long given = 0;
        for (int i = 0; i < k; i++) {
            double exact = rest * weights[i] / sum;
            long floor = (long) StrictMath.floor(exact);
            out[i] = (int) (minimum + floor);
            remainder[i] = exact - floor;
            given += floor;
        }
        for (long left = rest - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < k; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }
}
