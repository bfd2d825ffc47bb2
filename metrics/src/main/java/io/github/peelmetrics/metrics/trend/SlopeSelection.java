package io.github.peelmetrics.metrics.trend;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Order statistics of the pairwise slopes {@code d_ij = (y_j - y_i)/(x_j - x_i)}, {@code i < j},
 * of points with strictly increasing {@code x}, without materialising the {@code n(n-1)/2}
 * slopes when {@code n} is large.
 *
 * <p>Up to {@link #DIRECT_LIMIT} points every slope is computed and sorted. Above it the
 * selection works on the implicit slope set (the randomized slope selection of Matoušek 1991 and
 * Dillencourt, Mount and Netanyahu 1992, in a simple two-stage form):
 * <ol>
 *   <li>about {@code n/2} random pairs give a sorted sample of slopes; each sample value
 *       {@code s} yields two thresholds {@code s ± δ(s)};</li>
 *   <li>a binary search over the thresholds, each step counting the slopes {@code <= θ} as the
 *       pairs {@code i < j} with {@code y_j - θx_j <= y_i - θx_i} (an inversion count by merge
 *       sort, O(n log n)), finds consecutive thresholds {@code L < R} that bracket the wanted
 *       rank; it starts from a window of four standard deviations of the sample quantile around
 *       the ranks asked (shared by them, so Sen's median and Gilbert's limits reuse each other's
 *       counts) and falls back to the whole range when the window misses; to save the last
 *       counting sorts the search stops once the bracket holds at most {@code min(40n, 2^23)}
 *       slopes;</li>
 *   <li>the slopes in {@code (L, R]} are exactly the pairs whose order differs between the
 *       orderings at {@code L} and at {@code R}; they are listed by a second merge sort,
 *       computed as {@code (y_j - y_i)/(x_j - x_i)} and the rank is selected among them
 *       (Hoare's selection).</li>
 * </ol>
 * The margin {@code δ(θ) = 2^-47·(max|y| + |θ|·max|x|)} is far above the rounding error of
 * {@code y - θx}, so every slope at least {@code δ} away from a threshold is classified exactly
 * and the result is the same double the sort would give. When two adjacent thresholds bracket a
 * sampled slope {@code s} and more slopes than can be listed (a large tie cluster: many pairs
 * share one slope, as with count data), {@code s} is returned; it equals the exact order
 * statistic when the tied slopes are equal (the usual case) and is within {@code δ} of it
 * otherwise. Expected time O(n log² n).
 */
final class SlopeSelection {

    /** Up to this many points all slopes are materialised and sorted. */
    static final int DIRECT_LIMIT = 1000;

    private static final double MARGIN = 0x1p-47;
    private static final long SEED = 0x5EE1_5E1EL;

    private final double[] x;
    private final double[] y;
    private final int n;
    private final long total;
    private final double scaleY;
    private final double scaleX;
    private final double[] sample;
    private final double[] thresholds;
    private final Map<Integer, Long> counts = new HashMap<>();
    // the last listed bracket: Sen's two middle ranks usually share it; one entry keeps memory at
    // one bracket (at most 2^23 slopes)
    private long lastKey = Long.MIN_VALUE;
    private double[] lastBracket = new double[0];
    // work arrays
    private final double[] z;
    private final double[] zBuf;
    private final int[] idx;
    private final int[] idxBuf;

    private SlopeSelection(double[] x, double[] y) {
        this.x = x;
        this.y = y;
        this.n = x.length;
        this.total = (long) n * (n - 1) / 2;
        double sy = 0;
        double sx = 0;
        for (int i = 0; i < n; i++) {
            sy = Math.max(sy, Math.abs(y[i]));
            sx = Math.max(sx, Math.abs(x[i]));
        }
        this.scaleY = sy;
        this.scaleX = sx;
        this.z = new double[n];
        this.zBuf = new double[n];
        this.idx = new int[n];
        this.idxBuf = new int[n];
        int m = (int) Math.min(total, Math.max(1000, n / 2));
        SplittableRandom r = new SplittableRandom(SEED);
        double[] s = new double[m];
        for (int t = 0; t < m; t++) {
            int i = r.nextInt(n);
            int j = r.nextInt(n - 1);
            if (j >= i) {
                j++;
            }
            int a = Math.min(i, j);
            int b = Math.max(i, j);
            s[t] = slope(a, b);
        }
        Arrays.sort(s);
        this.sample = s;
        double[] th = new double[2 * m];
        for (int t = 0; t < m; t++) {
            th[2 * t] = s[t] - delta(s[t]);
            th[2 * t + 1] = s[t] + delta(s[t]);
        }
        Arrays.sort(th);
        this.thresholds = th;
    }

    /**
     * The slopes of the given 1-based ranks (each in {@code 1..n(n-1)/2}), in the order asked.
     *
     * @param x strictly increasing abscissae
     * @param y ordinates, finite
     */
    static double[] select(double[] x, double[] y, long... ranks) {
        return x.length <= DIRECT_LIMIT ? direct(x, y, ranks) : implicit(x, y, ranks);
    }

    /** Materialises and sorts every slope. */
    static double[] direct(double[] x, double[] y, long... ranks) {
        int n = x.length;
        double[] d = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[k++] = (y[j] - y[i]) / (x[j] - x[i]);
            }
        }
        Arrays.sort(d);
        double[] out = new double[ranks.length];
        for (int r = 0; r < ranks.length; r++) {
            out[r] = d[(int) (ranks[r] - 1)];
        }
        return out;
    }

    /** Selects on the implicit slope set, whatever n. */
    static double[] implicit(double[] x, double[] y, long... ranks) {
        SlopeSelection sel = new SlopeSelection(x, y);
        // One window for all the ranks (Sen's median and Gilbert's limits lie close together),
        // so that their binary searches share their first steps through the count cache.
        long kMin = Long.MAX_VALUE;
        long kMax = Long.MIN_VALUE;
        for (long k : ranks) {
            kMin = Math.min(kMin, k);
            kMax = Math.max(kMax, k);
        }
        int m = sel.sample.length;
        int w = (int) (2 * Math.sqrt(m)) + 8; // 4 standard deviations of a sample quantile
        int wLo = 2 * (int) Math.max(-1, Math.floor((double) kMin / sel.total * m) - w) - 1;
        int wHi = 2 * (int) Math.min(m, Math.ceil((double) kMax / sel.total * m) + w);
        double[] out = new double[ranks.length];
        for (int r = 0; r < ranks.length; r++) {
            out[r] = sel.select(ranks[r], wLo, wHi);
        }
        return out;
    }

    private double slope(int i, int j) {
        return (y[j] - y[i]) / (x[j] - x[i]);
    }

    private double delta(double theta) {
        return MARGIN * (scaleY + Math.abs(theta) * scaleX);
    }

    private long countAt(int thresholdIndex) {
        if (thresholdIndex < 0) {
            return 0;
        }
        if (thresholdIndex >= thresholds.length) {
            return total;
        }
        return counts.computeIfAbsent(thresholdIndex, t -> order(thresholds[t]));
    }

    private double select(long k, int wLo, int wHi) {
        // smallest threshold index b with count(b) >= k; count(-1) = 0 < k, count(len) = total >= k.
        // Start from the window [wLo, wHi] of threshold indices, widening to the whole range
        // when it misses.
        int lo = -1;
        int hi = thresholds.length;
        if (wLo > lo && wLo < hi) {
            if (countAt(wLo) < k) {
                lo = wLo;
            } else {
                hi = wLo;
            }
        }
        if (wHi > lo && wHi < hi) {
            if (countAt(wHi) >= k) {
                hi = wHi;
            } else {
                lo = wHi;
            }
        }
        // Stop as soon as the bracket holds few enough slopes to list: listing and selecting a
        // few million slopes costs less than the last counting sorts of the search.
        long listable = Math.min(40L * n, 1L << 23);
        while (hi - lo > 1 && countAt(hi) - countAt(lo) > listable) {
            int mid = (lo + hi) >>> 1;
            if (countAt(mid) >= k) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        double left = lo < 0 ? Double.NEGATIVE_INFINITY : thresholds[lo];
        double right = hi >= thresholds.length ? Double.POSITIVE_INFINITY : thresholds[hi];
        long below = countAt(lo);
        long upTo = countAt(hi);
        int s = firstSampleAbove(left);
        if (upTo - below > listable && s < sample.length && sample[s] <= right) {
            return sample[s]; // a large tie cluster within δ of a sampled slope (adjacent thresholds)
        }
        long key = ((long) lo << 32) | (hi & 0xFFFF_FFFFL);
        if (key != lastKey) {
            lastBracket = new double[0];
            lastBracket = enumerate(left, right, upTo - below);
            lastKey = key;
        }
        double[] between = lastBracket;
        long r = k - below;
        if (between.length != upTo - below || r < 1 || r > between.length) {
            // Rounding made the two orderings disagree on a pair beyond the margin: not expected;
            // answer with the nearest sampled slope rather than fail.
            return nearestSample(left, right);
        }
        return nth(between, (int) (r - 1));
    }

    /** The {@code k}-th smallest (0-based) of {@code a}, partially reordering it (Hoare's selection). */
    static double nth(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot
            double x = a[lo];
            double y = a[mid];
            double z = a[hi];
            double pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private int firstSampleAbove(double v) {
        int lo = 0;
        int hi = sample.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sample[mid] > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private double nearestSample(double left, double right) {
        int s = firstSampleAbove(left);
        if (s >= sample.length) {
            return sample[sample.length - 1];
        }
        if (s == 0) {
            return sample[0];
        }
        return (left - sample[s - 1]) <= (sample[s] - right) ? sample[s - 1] : sample[s];
    }

    /**
     * Sorts the points by {@code (y - θx, descending index)} into {@link #idx} and returns the
     * number of pairs {@code i < j} with {@code y_j - θx_j <= y_i - θx_i}, the slopes {@code <= θ}:
     * the strict inversions of the stable sort, plus the tied pairs, whose order is then reversed
     * (so that a slope equal to θ counts as below it in {@link #enumerate} too).
     */
    private long order(double theta) {
        for (int i = 0; i < n; i++) {
            z[i] = y[i] - theta * x[i];
            idx[i] = i;
        }
        long count = Inversions.sort(z, idx, zBuf, idxBuf, null);
        for (int a = 0; a < n; ) {
            int b = a + 1;
            while (b < n && z[b] == z[a]) {
                b++;
            }
            if (b - a > 1) {
                long t = b - a;
                count += t * (t - 1) / 2;
                for (int l = a, r = b - 1; l < r; l++, r--) {
                    int swap = idx[l];
                    idx[l] = idx[r];
                    idx[r] = swap;
                }
            }
            a = b;
        }
        return count;
    }

    /** The slopes of the pairs ordered differently at {@code left} and at {@code right}. */
    private double[] enumerate(double left, double right, long expected) {
        int[] rankAtRight = new int[n];
        if (right == Double.POSITIVE_INFINITY) {
            for (int i = 0; i < n; i++) {
                rankAtRight[i] = n - 1 - i;
            }
        } else {
            order(right);
            for (int p = 0; p < n; p++) {
                rankAtRight[idx[p]] = p;
            }
        }
        int[] permLeft = new int[n];
        if (left == Double.NEGATIVE_INFINITY) {
            for (int i = 0; i < n; i++) {
                permLeft[i] = i;
            }
        } else {
            order(left);
            System.arraycopy(idx, 0, permLeft, 0, n);
        }
        long cap = Math.max(expected, 0) + 4L * n + 1024;
        if (cap > Integer.MAX_VALUE - 16) {
            cap = Integer.MAX_VALUE - 16;
        }
        // sort the ranks at the right threshold, in the left order, listing the inversions
        double[] q = new double[n];
        for (int t = 0; t < n; t++) {
            q[t] = rankAtRight[permLeft[t]];
        }
        SlopeList list = new SlopeList((int) Math.min(cap, Math.max(expected, 16)), cap);
        Inversions.sort(q, permLeft, new double[n], new int[n], list);
        return list.slopes();
    }

    /** Collects the slopes of the pairs an {@link Inversions} sort lists, up to a cap. */
    private final class SlopeList implements Inversions.Sink {
        private final long cap;
        private double[] out;
        private int size;
        private boolean overflow;

        SlopeList(int initial, long cap) {
            this.out = new double[initial];
            this.cap = cap;
        }

        @Override
        public void pairs(int[] ids, int from, int to, int b) {
            if (overflow) {
                return;
            }
            int m = to - from;
            if (size + m > out.length) {
                long grown = Math.min(cap, Math.max((long) out.length * 2, (long) size + m));
                if (grown < size + m) {
                    overflow = true; // far more than expected: let the caller fall back
                    return;
                }
                out = Arrays.copyOf(out, (int) grown);
            }
            for (int u = from; u < to; u++) {
                int a = ids[u];
                out[size++] = a < b ? slope(a, b) : slope(b, a);
            }
        }

        double[] slopes() {
            return overflow ? new double[0] : size == out.length ? out : Arrays.copyOf(out, size);
        }
    }
}
