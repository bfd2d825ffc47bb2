package io.github.peelmetrics.metrics.trend;

import java.util.Arrays;

/**
 * Mann-Kendall score {@code S = Σ_{i<j} sign(y_j - y_i)} in O(n log n) by Knight's (1966)
 * merge-sort method: sort the series by value with a bottom-up merge sort that counts the
 * strict inversions {@code I} (pairs {@code i < j} with {@code y_j < y_i}); with {@code T} the
 * number of tied pairs, {@code S = N - T - 2I}, {@code N = n(n-1)/2}.
 */
final class KendallScore {
    private KendallScore() {}

    /** S and the sizes of the groups of tied values (each at least 2), in ascending value order. */
    record Result(long s, long[] tieGroupSizes) {}

    static Result of(double[] y) {
        int n = y.length;
        double[] a = y.clone();
        long inversions = sortCountingStrictInversions(a);
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

    /** Sorts {@code a} ascending and returns the number of pairs {@code i < j} with {@code a[j] < a[i]}. */
    static long sortCountingStrictInversions(double[] a) {
        int n = a.length;
        double[] src = a;
        double[] dst = new double[n];
        long inv = 0;
        // Insertion sort runs of 32 first (cheap for the short runs), counting strict inversions.
        final int run = 32;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(n, lo + run);
            for (int i = lo + 1; i < hi; i++) {
                double v = src[i];
                int j = i - 1;
                while (j >= lo && src[j] > v) {
                    src[j + 1] = src[j];
                    j--;
                }
                inv += i - 1 - j;
                src[j + 1] = v;
            }
        }
        for (int width = run; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (src[i] <= src[j]) {
                        dst[k++] = src[i++];
                    } else {
                        inv += mid - i;
                        dst[k++] = src[j++];
                    }
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            double[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
        return inv;
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
