package io.github.peelmetrics.io;

/**
 * Values already made of a field's cells, found by the cells' bytes, so that a repeated code, flag,
 * date or beat is neither turned into a string nor parsed again. A key is a cell of at most
 * {@value #MAX_LENGTH} bytes, held as three {@code long}s and a length, so that a lookup is a few
 * word compares. Two slots per hash, side by side (a new value replaces an empty or the older
 * slot); bounded. A
 * field whose cells rarely repeat (ids, coordinates) stops being looked up after its first
 * {@value #WINDOW} cells. Not thread-safe: one per field of one read.
 */
final class CellCache {
    private static final int SLOTS = 4096;
    private static final int WINDOW = 8192;
    /** Fewer hits than this in a window turn the cache off for good. */
    private static final int MIN_HITS = WINDOW / 4;
    /** Longer cells are not cached. */
    static final int MAX_LENGTH = 24;

    /** Per slot: the key's three words and its length, side by side so that a lookup reads one cache line. */
    private long[] words;
    private Object[] values;
    private int lookups;
    private int hits;
    /** Turned off for good ({@code words} is null then). */
    private boolean off;
    /** Which slot of a full set the next miss replaces. */
    private int victim;
    /** The slot and key of the last lookup that missed, for {@link #put}. */
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
        long h = (a * 0x9E3779B97F4A7C15L) ^ (c * 0xC2B2AE3D27D4EB4FL) ^ (d * 0x165667B19E3779F9L) ^ n;
        int s = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SLOTS - 2); // even: a set of two slots, one cache line
        int k = 4 * s;
        if (w[k] == a && w[k + 1] == c && w[k + 2] == d && w[k + 3] == n
                || w[k + 4] == a && w[k + 5] == c && w[k + 6] == d && w[k + 7] == n && ++s > 0) {
            Object hit = values[s];
            if (++lookups == WINDOW) {
                judge(1);
            } else {
                hits++;
            }
            return hit;
        }
        // a miss replaces the set's empty slot, else each slot in turn
        slot = w[k + 3] == 0 ? s : w[k + 7] == 0 ? s + 1 : s + (victim ^= 1);
        w0 = a;
        w1 = c;
        w2 = d;
        if (++lookups == WINDOW) {
            judge(0);
        }
        return null;
    }

    /** The first lookup: makes the table. */
    private Object start(Row row, int i) {
        words = new long[4 * SLOTS];
        values = new Object[SLOTS];
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
        if (slot >= 0) {
            int k = 4 * slot;
            words[k] = w0;
            words[k + 1] = w1;
            words[k + 2] = w2;
            words[k + 3] = row.length(i);
            values[slot] = value;
            slot = -1;
        }
    }
}
