package io.github.peelmetrics.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Values already made of a field's cells, found by the cells' bytes, so that a repeated code, flag,
 * date or beat is neither turned into a string nor parsed again. A key is a cell of at most
 * {@value #MAX_LENGTH} bytes, held as three {@code long}s and a length, so that a lookup is a few
 * word compares. One slot per hash (a recent value replaces an older one in its slot); bounded. A
 * field whose cells rarely repeat (ids, coordinates) stops being looked up after its first
 * {@value #WINDOW} cells. Not thread-safe: one per field of one read.
 */
final class CellCache {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
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
    private boolean off;
    /** The slot and key of the last lookup that missed, for {@link #put}. */
    private int slot = -1;
    private long w0;
    private long w1;
    private long w2;

    /** The value cached for {@link Row#plain} cell {@code i}'s bytes, or null. */
    Object get(Row row, int i) {
        slot = -1;
        int n = row.length(i);
        if (off || n > MAX_LENGTH) {
            return null;
        }
        if (words == null) {
            words = new long[4 * SLOTS];
            values = new Object[SLOTS];
        }
        byte[] b = row.bytes;
        int from = row.starts[i];
        long a = word(b, from, n);
        long c = n > 8 ? word(b, from + 8, n - 8) : 0;
        long d = n > 16 ? word(b, from + 16, n - 16) : 0;
        long h = (a * 0x9E3779B97F4A7C15L) ^ (c * 0xC2B2AE3D27D4EB4FL) ^ (d * 0x165667B19E3779F9L) ^ n;
        int s = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SLOTS - 1);
        Object hit = null;
        int k = 4 * s;
        long[] w = words;
        if (w[k] == a && w[k + 1] == c && w[k + 2] == d && w[k + 3] == n) {
            hit = values[s];
            hits++;
        } else {
            slot = s;
            w0 = a;
            w1 = c;
            w2 = d;
        }
        if (++lookups == WINDOW) {
            if (hits < MIN_HITS) {
                off = true;
                words = null;
                values = null;
                slot = -1;
            }
            lookups = 0;
            hits = 0;
        }
        return hit;
    }

    /** Up to eight bytes from {@code b[from]} (fewer when {@code n < 8}) as a little-endian long, zeros above. */
    private static long word(byte[] b, int from, int n) {
        if (n >= 8) {
            return (long) LONGS.get(b, from);
        }
        if (from + 8 <= b.length) {
            return (long) LONGS.get(b, from) & (-1L >>> (64 - 8 * n));
        }
        long w = 0;
        for (int k = n - 1; k >= 0; k--) {
            w = (w << 8) | (b[from + k] & 0xFF);
        }
        return w;
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
