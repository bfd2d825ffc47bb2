package io.github.peelmetrics.metrics.trend;

import java.util.Arrays;

/**
 * Mann-Kendall score {@code S = Σ_{i<j} sign(y_j - y_i)} in O(n log n) by Knight's (1966)
 * merge-sort method: sort the series by value counting the strict inversions {@code I} (pairs
 * {@code i < j} with {@code y_j < y_i}, {@link Inversions}); with {@code T} the number of tied
 * pairs, {@code S = N - T - 2I}, {@code N = n(n-1)/2}.
 */
final class KendallScore {
    private KendallScore() {}

    /** S and the sizes of the groups of tied values (each at least 2), in ascending value order. */
    record Result(long s, long[] tieGroupSizes) {}

    static Result of(double[] y) {
        int n = y.length;
        double[] a = y.clone();
        long inversions = Inversions.sort(a);
        long tiedPairs = 0;
        int groups = 0;
        long[] sizes = new long[16];
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && a[j] == a[i]) {
                j++;
            }
            long t = j - i;
            if (t > 1) {
                tiedPairs += t * (t - 1) / 2;
                if (groups == sizes.length) {
                    sizes = Arrays.copyOf(sizes, groups * 2);
                }
                sizes[groups++] = t;
            }
            i = j;
        }
        long pairs = (long) n * (n - 1) / 2;
        return new Result(pairs - tiedPairs - 2 * inversions, Arrays.copyOf(sizes, groups));
    }

    /** The O(n²) definition, for tests and tiny series. */
    static long naive(double[] y) {
        long s = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                s += y[j] > y[i] ? 1 : (y[j] < y[i] ? -1 : 0);
            }
        }
        return s;
    }
}
