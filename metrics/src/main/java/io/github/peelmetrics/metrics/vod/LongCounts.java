package io.github.peelmetrics.metrics.vod;

import java.util.Arrays;

/**
 * Counts by non-negative {@code long} key: an open-addressing hash table on primitive arrays
 * (linear probing, load factor at most 1/2), so counting a million stops allocates nothing per
 * stop. Not thread-safe.
 */
final class LongCounts {

    private static final long EMPTY = -1;

    private long[] keys;
    private long[] counts;
    private int size;

    LongCounts() {
        keys = new long[64];
        counts = new long[64];
        Arrays.fill(keys, EMPTY);
    }

    /** Adds {@code n} to the count of {@code key} (not negative). */
    void add(long key, long n) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                counts[i] += n;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                counts[i] = n;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** The number of distinct keys. */
    int size() {
        return size;
    }

    /** Calls {@code action} for every key and count, in table order. */
    void forEach(KeyCount action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], counts[i]);
            }
        }
    }

    /** A key and its count. */
    @FunctionalInterface
    interface KeyCount {
        /** Receives one entry. */
        void accept(long key, long count);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
