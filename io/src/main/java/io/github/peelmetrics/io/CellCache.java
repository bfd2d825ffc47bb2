package io.github.peelmetrics.io;

import java.util.Arrays;

/**
 * Values already made of a field's cells, found by the cells' bytes, so that a repeated code, flag,
 * date or beat is neither turned into a string nor parsed again. A key is a cell of at most
 * {@value #MAX_LENGTH} bytes, held as three {@code long}s and a length, so that a lookup is a few
 * word compares.
 *
 * <p>An open-addressing table (linear probing, at most half full), so that values do not evict
 * each other while they fit: a field's 1,500 dates once shared 4,096 slots in sets of two, and the
 * dates that met a third in their set missed on 7 % of the rows. It starts at {@value #FIRST_SLOTS}
 * slots (a field of a few codes stays in a few cache lines) and doubles up to {@value #MAX_SLOTS};
 * full there, it is emptied and fills again with the values that come next (a file in date order
 * keeps its recent dates). Bounded: at most {@value #MAX_SLOTS} slots of 36 bytes. A field whose
 * cells rarely repeat (ids, coordinates) stops being looked up after its first {@value #WINDOW}
 * cells. Not thread-safe: one per field of one read.
 */
final class CellCache {
    private static final int FIRST_SLOTS = 256;
    private static final int MAX_SLOTS = 8192;
    private static final int WINDOW = 8192;
    /** Fewer hits than this in a window turn the cache off for good. */
    private static final int MIN_HITS = WINDOW / 4;
    /** Longer cells are not cached. */
    static final int MAX_LENGTH = 24;

    /** Per slot: the key's three words and its length (0 in an empty slot), side by side. */
    private long[] words;
    private Object[] values;
    /** Keys held. */
    private int count;
    private int lookups;
    private int hits;
    /** Turned off for good ({@code words} is null then). */
    private boolean off;
    /** The empty slot and key of the last lookup that missed, for {@link #put}; -1 when none. */
    private int slot = -1;
    private long w0;
    private long w1;
    private long w2;

    /** The value cached for {@link Row#plain} cell {@code i}'s bytes, or null. */
    Object get(Row row, int i) {
        slot = -1;
        int n = row.length(i);
        long[] w = words;
        if (w == null || n > MAX_LENGTH) {
            return off || n > MAX_LENGTH ? null : start(row, i);
        }
        byte[] b = row.bytes;
        int from = row.starts[i];
        long a = row.word(i);
        long c = n > 8 ? Row.word(b, from + 8, n - 8) : 0;
        long d = n > 16 ? Row.word(b, from + 16, n - 16) : 0;
        int mask = values.length - 1;
        for (int s = home(a, c, d, n) & mask; ; s = (s + 1) & mask) {
            int k = 4 * s;
            long len = w[k + 3];
            if (len == n && w[k] == a && w[k + 1] == c && w[k + 2] == d) {
                Object hit = values[s];
                if (++lookups == WINDOW) {
                    judge(1);
                } else {
                    hits++;
                }
                return hit;
            }
            if (len == 0) { // the key's probe ends at an empty slot: a miss, which put may fill
                slot = s;
                w0 = a;
                w1 = c;
                w2 = d;
                if (++lookups == WINDOW) {
                    judge(0);
                }
                return null;
            }
        }
    }

    /** The slot a key's probe starts from (before masking). */
    private static int home(long a, long c, long d, long n) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ (c * 0xC2B2AE3D27D4EB4FL) ^ (d * 0x165667B19E3779F9L) ^ n;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    /** The first lookup: makes the table. */
    private Object start(Row row, int i) {
        words = new long[4 * FIRST_SLOTS];
        values = new Object[FIRST_SLOTS];
        return get(row, i);
    }

    /** Ends a window of lookups ({@code hit} more hits in the last): turns the cache off when it rarely hits. */
    private void judge(int hit) {
        if (hits + hit < MIN_HITS) {
            off = true;
            words = null;
            values = null;
            slot = -1;
        }
        lookups = 0;
        hits = 0;
    }

    /** Caches {@code value} (not null) for cell {@code i}, which the last {@link #get} missed. */
    void put(Row row, int i, Object value) {
        if (slot < 0) {
            return;
        }
        int n = row.length(i);
        int s = slot;
        slot = -1;
        if (2 * (count + 1) > values.length) { // more would make the table over half full
            if (values.length < MAX_SLOTS) {
                grow();
            } else {
                Arrays.fill(words, 0);
                Arrays.fill(values, null);
                count = 0;
            }
            s = freeSlot(w0, w1, w2, n);
        }
        int k = 4 * s;
        words[k] = w0;
        words[k + 1] = w1;
        words[k + 2] = w2;
        words[k + 3] = n;
        values[s] = value;
        count++;
    }

    /** Doubles the table, every key going to its probe's first empty slot in the new one. */
    private void grow() {
        long[] oldWords = words;
        Object[] oldValues = values;
        words = new long[2 * oldWords.length];
        values = new Object[2 * oldValues.length];
        for (int s = 0; s < oldValues.length; s++) {
            int k = 4 * s;
            long n = oldWords[k + 3];
            if (n != 0) {
                int t = freeSlot(oldWords[k], oldWords[k + 1], oldWords[k + 2], n);
                System.arraycopy(oldWords, k, words, 4 * t, 4);
                values[t] = oldValues[s];
            }
        }
    }

    /** The first empty slot of a key's probe (the key is not in the table). */
    private int freeSlot(long a, long c, long d, long n) {
        int mask = values.length - 1;
        int s = home(a, c, d, n) & mask;
        while (words[4 * s + 3] != 0) {
            s = (s + 1) & mask;
        }
        return s;
    }
}
