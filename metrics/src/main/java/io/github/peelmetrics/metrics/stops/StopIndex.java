package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.Category;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The index of a {@link StopTally}: groups and keys get dense int indices in the order they are
 * first seen, and a grid maps (key index, group index) to a dense cell number, the row of the
 * cell's counters in the tally.
 *
 * <p>The hot path, {@link #cell(Category, String)}, finds a group and a key by reference in small
 * direct-mapped caches: records from one reader share their {@code Category} and beat
 * {@code String} instances, so a lookup is one hash (cached in {@code String}), one reference
 * compare and no loop. Equal but distinct instances fall back to the hash maps, and take the
 * cache slot over. When two different values want one slot the cache doubles (up to
 * {@value #MAX_CACHE} slots), so the values seen do not evict each other. Nothing is allocated
 * once a group and key have been seen.
 *
 * <p>Cells are only ever made for a stop (or a merged or read cell holding stops), so every group
 * and every key held has at least one stop. Not thread-safe.
 */
final class StopIndex {

    /** A grid slot with no cell. */
    static final int NO_CELL = -1;
    private static final int MAX_CACHE = 1 << 12;

    private Category[] groups = new Category[8];
    private int groupCount;
    private final Map<Category, Integer> groupIndex = new HashMap<>();
    private String[] keys = new String[8];
    private int keyCount;
    private final Map<String, Integer> keyIndex = new HashMap<>();
    /** The grid's row length: at least {@link #groupCount}, a power of two. */
    private int groupCapacity = 8;
    /** Cell of (key index k, group index g) at {@code k * groupCapacity + g}, or {@link #NO_CELL}. */
    private int[] grid = filled(8 * 8);
    private int cellCount;
    private int[] cellGroup = new int[16];
    private int[] cellKey = new int[16];
    private final IntConsumer onNewCell;
    private Object[] groupCache = new Object[16];
    private int[] groupCacheIndex = new int[16];
    private Object[] keyCache = new Object[64];
    private int[] keyCacheIndex = new int[64];

    /**
     * An empty index.
     *
     * @param onNewCell told the number of cells each time a cell is made, before the cell is used,
     *                  so that the tally can grow its counters off the hot path
     */
    StopIndex(IntConsumer onNewCell) {
        this.onNewCell = onNewCell;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, NO_CELL);
        return a;
    }

    /** The cell of a stop's (group, key), made if new: the hot path of {@link StopTally#add}. */
    int cell(Category g, String k) {
        Object[] gc = groupCache;
        int gs = spread(g.hashCode()) & (gc.length - 1);
        int gi = gc[gs] == g ? groupCacheIndex[gs] : groupSlow(g);
        Object[] kc = keyCache;
        int ks = spread(k.hashCode()) & (kc.length - 1);
        int ki = kc[ks] == k ? keyCacheIndex[ks] : keySlow(k);
        int cell = grid[ki * groupCapacity + gi];
        return cell != NO_CELL ? cell : cell(gi, ki);
    }

    /** The cell of (group, key), made if new, without the caches: for merges and reading bytes. */
    int cellOf(Category g, String k) {
        Integer gi = groupIndex.get(g);
        Integer ki = keyIndex.get(k);
        return cell(gi != null ? gi : newGroup(g), ki != null ? ki : newKey(k));
    }

    /** The index of a group, or -1 if the tally holds no stop of it. */
    int groupIndex(Category g) {
        Integer i = groupIndex.get(g);
        return i == null ? -1 : i;
    }

    /** The index of a key, or -1 if the tally holds no stop under it. */
    int keyIndex(String k) {
        Integer i = keyIndex.get(k);
        return i == null ? -1 : i;
    }

    /** The cell of (group index, key index), or {@link #NO_CELL} when no stop has both. */
    int cellAt(int g, int k) {
        return grid[k * groupCapacity + g];
    }

    int groupCount() {
        return groupCount;
    }

    int keyCount() {
        return keyCount;
    }

    int cellCount() {
        return cellCount;
    }

    Category group(int g) {
        return groups[g];
    }

    String key(int k) {
        return keys[k];
    }

    /** The group index of cell {@code c}. */
    int groupOfCell(int c) {
        return cellGroup[c];
    }

    /** The key index of cell {@code c}. */
    int keyOfCell(int c) {
        return cellKey[c];
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** An identity cache's two arrays: the value in each slot and its index. */
    private record IdentityCache(Object[] refs, int[] index) {}

    /**
     * A cache at least twice {@code length} (doubling until every one of the first {@code count}
     * values has a slot of its own, or {@code MAX_CACHE}), holding those values and their indices.
     */
    private static IdentityCache grown(int length, Object[] values, int count) {
        int n = length;
        Object[] refs;
        int[] index;
        boolean clean;
        do {
            n *= 2;
            refs = new Object[n];
            index = new int[n];
            clean = true;
            for (int j = 0; j < count; j++) {
                clean &= cache(refs, index, values[j], j);
            }
        } while (!clean && n < MAX_CACHE);
        return new IdentityCache(refs, index);
    }

    /** The index of a group not found by identity in its cache slot; puts it in the cache. */
    private int groupSlow(Category g) {
        Integer i = groupIndex.get(g);
        int gi = i != null ? i : newGroup(g);
        if (!cache(groupCache, groupCacheIndex, g, gi) && groupCache.length < MAX_CACHE) {
            IdentityCache c = grown(groupCache.length, groups, groupCount);
            groupCache = c.refs();
            groupCacheIndex = c.index();
        }
        return gi;
    }

    /** The index of a key not found by identity in its cache slot; puts it in the cache. */
    private int keySlow(String k) {
        Integer i = keyIndex.get(k);
        int ki = i != null ? i : newKey(k);
        if (!cache(keyCache, keyCacheIndex, k, ki) && keyCache.length < MAX_CACHE) {
            IdentityCache c = grown(keyCache.length, keys, keyCount);
            keyCache = c.refs();
            keyCacheIndex = c.index();
        }
        return ki;
    }

    /**
     * Puts {@code x -> i} in its slot of a direct-mapped cache if the slot is empty or holds a value
     * equal to {@code x} (then {@code x}, the instance now in use, replaces it); false if the slot
     * holds another value.
     */
    private static boolean cache(Object[] refs, int[] index, Object x, int i) {
        int s = spread(x.hashCode()) & (refs.length - 1);
        Object y = refs[s];
        if (y != null && !y.equals(x)) {
            return false;
        }
        refs[s] = x;
        index[s] = i;
        return true;
    }

    private int newGroup(Category g) {
        if (groupCount == groups.length) {
            groups = Arrays.copyOf(groups, groupCount * 2);
        }
        groups[groupCount] = g;
        groupIndex.put(g, groupCount);
        if (groupCount == groupCapacity) {
            int newCapacity = groupCapacity * 2;
            int[] newGrid = filled(keys.length * newCapacity);
            for (int k = 0; k < keyCount; k++) {
                System.arraycopy(grid, k * groupCapacity, newGrid, k * newCapacity, groupCapacity);
            }
            grid = newGrid;
            groupCapacity = newCapacity;
        }
        return groupCount++;
    }

    private int newKey(String k) {
        if (keyCount == keys.length) {
            keys = Arrays.copyOf(keys, keyCount * 2);
            int[] newGrid = filled(keys.length * groupCapacity);
            System.arraycopy(grid, 0, newGrid, 0, grid.length);
            grid = newGrid;
        }
        keys[keyCount] = k;
        keyIndex.put(k, keyCount);
        return keyCount++;
    }

    private int cell(int g, int k) {
        int slot = k * groupCapacity + g;
        int existing = grid[slot];
        if (existing != NO_CELL) {
            return existing;
        }
        if (cellCount == cellGroup.length) {
            cellGroup = Arrays.copyOf(cellGroup, cellCount * 2);
            cellKey = Arrays.copyOf(cellKey, cellCount * 2);
        }
        cellGroup[cellCount] = g;
        cellKey[cellCount] = k;
        onNewCell.accept(cellCount + 1);
        grid[slot] = cellCount;
        return cellCount++;
    }
}
