package io.github.peelmetrics.metrics.trend;

/**
 * Inversions counted, and listed on request, by a merge sort: the one implementation behind the
 * Mann-Kendall score ({@link KendallScore}), the slope counts of {@link SlopeSelection} and its
 * listing of the slopes in a bracket.
 *
 * <p>An <b>inversion</b> of a sequence of keys is a pair of positions {@code i < j} with
 * {@code key[j] < key[i]}; equal keys are not an inversion. The sort is a bottom-up merge sort
 * (insertion sort on runs of {@value #RUN} first), stable, O(n log n): when the right run's head
 * is smaller than the left run's head at {@code i}, it forms an inversion with each of the
 * {@code mid - i} keys left in the left run (Knight 1966).
 *
 * <p>Not thread-safe only in the sense that the arrays passed are modified; no state is kept.
 */
final class Inversions {
    private Inversions() {}

    /** Length of the runs sorted by insertion before merging. */
    static final int RUN = 32;

    /** Receives every inversion found while sorting, as the ids of its two elements. */
    interface Sink {
        /**
         * The pairs {@code (ids[u], later)} for {@code u} in {@code [from, to)}: each {@code ids[u]}
         * came before {@code later} in the input and has a strictly larger key.
         */
        void pairs(int[] ids, int from, int to, int later);
    }

    /** Sorts {@code key} ascending and returns its number of inversions. */
    static long sort(double[] key) {
        return sort(key, null, new double[key.length], null, null);
    }

    /**
     * Sorts {@code key} ascending, stably, moving {@code id} (when not null) along with it, and
     * returns the number of inversions; {@code sink} (when not null; it needs {@code id})
     * receives each of them.
     *
     * @param key    the keys, not NaN; sorted in place
     * @param id     one id per key, permuted alongside, or null
     * @param keyBuf a work array as long as {@code key}
     * @param idBuf  a work array as long as {@code key}, or null when {@code id} is null
     * @param sink   receives the inversions, or null
     */
    static long sort(double[] key, int[] id, double[] keyBuf, int[] idBuf, Sink sink) {
        int n = key.length;
        boolean ids = id != null;
        long count = 0;
        for (int lo = 0; lo < n; lo += RUN) {
            int hi = Math.min(n, lo + RUN);
            for (int i = lo + 1; i < hi; i++) {
                double v = key[i];
                int j = i - 1;
                if (key[j] <= v) {
                    continue;
                }
                int vi = ids ? id[i] : 0;
                while (j >= lo && key[j] > v) {
                    key[j + 1] = key[j];
                    if (ids) {
                        id[j + 1] = id[j];
                    }
                    j--;
                }
                count += i - 1 - j;
                key[j + 1] = v;
                if (ids) {
                    id[j + 1] = vi;
                    if (sink != null) {
                        sink.pairs(id, j + 2, i + 1, vi); // the keys v passed, now one place right
                    }
                }
            }
        }
        double[] ks = key;
        double[] kd = keyBuf;
        int[] is = id;
        int[] idd = idBuf;
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (ks[i] <= ks[j]) {
                        kd[k] = ks[i];
                        if (ids) {
                            idd[k] = is[i];
                        }
                        i++;
                    } else {
                        count += mid - i;
                        if (sink != null) {
                            sink.pairs(is, i, mid, is[j]);
                        }
                        kd[k] = ks[j];
                        if (ids) {
                            idd[k] = is[j];
                        }
                        j++;
                    }
                    k++;
                }
                System.arraycopy(ks, i, kd, k, mid - i);
                System.arraycopy(ks, j, kd, k + mid - i, hi - j);
                if (ids) {
                    System.arraycopy(is, i, idd, k, mid - i);
                    System.arraycopy(is, j, idd, k + mid - i, hi - j);
                }
            }
            double[] tk = ks;
            ks = kd;
            kd = tk;
            int[] ti = is;
            is = idd;
            idd = ti;
        }
        if (ks != key) {
            System.arraycopy(ks, 0, key, 0, n);
            if (ids) {
                System.arraycopy(is, 0, id, 0, n);
            }
        }
        return count;
    }
}
