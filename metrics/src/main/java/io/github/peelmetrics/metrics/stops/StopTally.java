package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A one-pass, mergeable tally of stops by group (race, by default) and, optionally, by a key the
 * caller chooses (beat, month, officer, ...): stops, searches by basis, contraband found, outcomes
 * (warning, citation, summons, arrest, none), use of force.
 *
 * <pre>{@code
 * StopTally tally = stops.parallelStream().collect(StopTally.collector(Stop::beat));
 * tally.counts(Races.BLACK, "B03").searchRate();
 * // by month, or by any key the caller computes:
 * StopTally monthly = stops.stream().collect(StopTally.collector(s -> YearMonth.from(s.dateTime()).toString()));
 * // by another group than race:
 * StopTally bySex = stops.stream().collect(StopTally.collector(s -> s.subject().sex(), Stop::beat));
 * }</pre>
 *
 * <p>The tally is an accumulator in the manner of Guava's {@code StatsAccumulator}: {@link #add}
 * one stop, {@link #merge} another tally (associative and commutative: merging the tallies of any
 * split of the records gives the tally of all of them, in any order), start from an empty tally;
 * {@link #collector} offers it as a {@link Collector} whose combiner is the merge, so a parallel
 * stream works. Reads ({@link #counts}, {@link #cells()}) return immutable {@link StopCounts}.
 *
 * <p>How missing values count (conformance README §4): every stop counts in {@link StopCounts#stops()}
 * whatever its group, so {@link Category#UNKNOWN} race is in every total (the disparity measures
 * then leave it out of shares and ratios); an unrecorded search status leaves the stop out of the
 * search denominator; an unrecorded outcome leaves it out of the arrest denominator, while
 * {@link StopOutcome#NONE} is a real outcome.
 *
 * <p>Internals: groups and keys get dense int indices, found by reference in small direct-mapped
 * caches (equal but distinct instances fall back to equality), and a grid maps the two indices to
 * a cell. Each cell counts a stop in one {@code long}, by the stop's (outcome, search status,
 * force); a searched stop's basis and contraband finding go to a second run of counters. Adding a
 * stop boxes nothing and allocates nothing once its group and key have been seen. Not
 * thread-safe: use one tally per thread and merge (what the collector does).
 */
public final class StopTally {

    /** The key of every stop in a tally made without a key function. */
    public static final String ALL = "all";

    // Per cell: one slot per value of each three-valued flag, so every stop increments exactly one
    // slot per fact without a branch; stops are the sum of the outcome slots.
    private static final int FLAGS = Flag.values().length;
    // The slots every stop touches come first, so they share a cache line or two.
    private static final StopOutcome[] OUTCOMES = StopOutcome.values();
    private static final SearchBasis[] BASES = SearchBasis.values();
    static final int SEARCH = 0;
    static final int FORCE = SEARCH + FLAGS;
    static final int OUTCOME = FORCE + FLAGS;
    static final int HIT = OUTCOME + OUTCOMES.length;
    static final int SEARCHED_ARRESTS = HIT + FLAGS;
    static final int SEARCHED_OUTCOME_KNOWN = SEARCHED_ARRESTS + 1;
    static final int BASIS = SEARCHED_OUTCOME_KNOWN + 1;
    static final int STRIDE = BASIS + BASES.length;
    // The facts of every stop (outcome, searched, force) are counted jointly: one counter per
    // combination, so a stop increments one slot of {@link #joint} instead of three. The marginal
    // counts (and searchedArrests, searchedOutcomeKnown) are folded from it when read.
    static final int JOINT = OUTCOMES.length * FLAGS * FLAGS;
    private static final int NO_CELL = -1;

    private static final Function<Stop, Category> RACE = s -> s.subject().race();
    private static final Function<Stop, String> NO_KEY = s -> ALL;

    private final Function<? super Stop, Category> groupOf;
    private final Function<? super Stop, String> keyOf;
    private final boolean keyed;

    private Category[] groups = new Category[8];
    private int groupCount;
    private final Map<Category, Integer> groupIndex = new HashMap<>();
    private String[] keys = new String[8];
    private int keyCount;
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private int groupCapacity = 8;
    private int[] grid = filled(8 * 8);
    /** Per cell, STRIDE marginal counters: the rare facts of searched stops, and whatever merge and fromByteArray add. */
    private long[] counters = new long[16 * STRIDE];
    /** Per cell, JOINT counters by (outcome, searched, force); see {@link #fold}. */
    private long[] joint = new long[16 * JOINT];
    private int cellCount;
    private int[] cellGroup = new int[16];
    private int[] cellKey = new int[16];
    // Identity-first, direct-mapped caches of group -> group index and key -> key index: one slot
    // per hash, holding the instance last seen there. Records from one reader share their Category
    // and beat String instances, so a lookup is one hash (cached in String), one reference compare
    // and no loop. When two different values want one slot the cache doubles (up to MAX_CACHE), so
    // the values seen do not evict each other.
    private static final int MAX_CACHE = 1 << 12;
    private Object[] groupCache = new Object[16];
    private int[] groupCacheIndex = new int[16];
    private Object[] keyCache = new Object[64];
    private int[] keyCacheIndex = new int[64];

    private StopTally(Function<? super Stop, Category> groupOf, Function<? super Stop, String> keyOf, boolean keyed) {
        this.groupOf = groupOf;
        this.keyOf = keyOf;
        this.keyed = keyed;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, NO_CELL);
        return a;
    }

    /** An empty tally by race ({@code subject().race()}), with no key. */
    public static StopTally byRace() {
        return new StopTally(RACE, NO_KEY, false);
    }

    /** An empty tally by race and by {@code key} (e.g. {@code Stop::beat}). */
    public static StopTally byRace(Function<? super Stop, String> key) {
        return new StopTally(RACE, Objects.requireNonNull(key, "key function must not be null"), true);
    }

    /**
     * An empty tally by any group (e.g. {@code s -> s.subject().sex()}) and any key. The functions
     * must not return {@code null} (a stop whose group is not recorded belongs to {@link Category#UNKNOWN}).
     */
    public static StopTally by(Function<? super Stop, Category> group, Function<? super Stop, String> key) {
        return new StopTally(Objects.requireNonNull(group, "group function must not be null"),
                Objects.requireNonNull(key, "key function must not be null"), true);
    }

    /** A collector into a tally {@linkplain #byRace() by race}; the combiner is {@link #merge}. */
    public static Collector<Stop, ?, StopTally> collector() {
        return Collector.of(StopTally::byRace, StopTally::add, StopTally::merge, Collector.Characteristics.IDENTITY_FINISH);
    }

    /** A collector into a tally {@linkplain #byRace(Function) by race and key}; the combiner is {@link #merge}. */
    public static Collector<Stop, ?, StopTally> collector(Function<? super Stop, String> key) {
        Objects.requireNonNull(key, "key function must not be null");
        return Collector.of(() -> byRace(key), StopTally::add, StopTally::merge,
                Collector.Characteristics.IDENTITY_FINISH);
    }

    /** A collector into a tally {@linkplain #by(Function, Function) by group and key}; the combiner is {@link #merge}. */
    public static Collector<Stop, ?, StopTally> collector(Function<? super Stop, Category> group,
                                                         Function<? super Stop, String> key) {
        Objects.requireNonNull(group, "group function must not be null");
        Objects.requireNonNull(key, "key function must not be null");
        return Collector.of(() -> by(group, key), StopTally::add, StopTally::merge,
                Collector.Characteristics.IDENTITY_FINISH);
    }

    /**
     * Counts one stop.
     *
     * @throws NullPointerException if the stop is null, or the group or key function returns null for it
     */
    public void add(Stop stop) {
        Category g = groupOf.apply(stop);
        String k = keyOf.apply(stop);
        if (g == null || k == null) {
            throw nullFrom(g, stop);
        }
        Object[] gc = groupCache;
        int gs = spread(g.hashCode()) & (gc.length - 1);
        int gi = gc[gs] == g ? groupCacheIndex[gs] : groupSlow(g);
        Object[] kc = keyCache;
        int ks = spread(k.hashCode()) & (kc.length - 1);
        int ki = kc[ks] == k ? keyCacheIndex[ks] : keySlow(k);
        int cell = grid[ki * groupCapacity + gi];
        if (cell == NO_CELL) {
            cell = cell(gi, ki);
        }
        Flag searched = stop.searchConducted();
        joint[cell * JOINT + (stop.outcome().ordinal() * FLAGS + searched.ordinal()) * FLAGS
                + stop.useOfForce().ordinal()]++;
        if (searched == Flag.YES) {
            addSearch(counters, cell * STRIDE, stop);
        }
    }

    /** The rarer facts of a searched stop, kept out of {@link #add} so that it stays small enough to inline. */
    private static void addSearch(long[] c, int base, Stop stop) {
        c[base + BASIS + stop.searchBasis().ordinal()]++;
        c[base + HIT + stop.contrabandFound().ordinal()]++;
    }

    /**
     * Adds the STRIDE marginal counts of cell {@code c} (its marginal counters plus its joint
     * counters folded) to {@code into} from {@code at}. Reads only: reading a tally does not change it.
     */
    private void fold(int c, long[] into, int at) {
        int base = c * STRIDE;
        for (int f = 0; f < STRIDE; f++) {
            into[at + f] += counters[base + f];
        }
        int j = c * JOINT;
        for (int o = 0; o < OUTCOMES.length; o++) {
            for (int s = 0; s < FLAGS; s++) {
                for (int f = 0; f < FLAGS; f++) {
                    long n = joint[j++];
                    into[at + OUTCOME + o] += n;
                    into[at + SEARCH + s] += n;
                    into[at + FORCE + f] += n;
                    if (s == Flag.YES.ordinal() && o != StopOutcome.UNKNOWN.ordinal()) {
                        into[at + SEARCHED_OUTCOME_KNOWN] += n;
                        if (o == StopOutcome.ARREST.ordinal()) {
                            into[at + SEARCHED_ARRESTS] += n;
                        }
                    }
                }
            }
        }
    }

    /** The STRIDE marginal counts of cell {@code c}. */
    private long[] cellCounts(int c) {
        long[] v = new long[STRIDE];
        fold(c, v, 0);
        return v;
    }

    private static NullPointerException nullFrom(Category g, Stop stop) {
        return new NullPointerException((g == null ? "group" : "key") + " function returned null for stop " + stop.id());
    }

    /** Counts every stop of {@code stops}. */
    public void addAll(Iterable<? extends Stop> stops) {
        for (Stop s : stops) {
            add(s);
        }
    }

    /** The cell of (group, key), made if new; the slow path, for merges and reading bytes. */
    private int cellOf(Category g, String k) {
        Integer gi = groupIndex.get(g);
        Integer ki = keyIndex.get(k);
        return cell(gi != null ? gi : newGroup(g), ki != null ? ki : newKey(k));
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
            counters = Arrays.copyOf(counters, cellCount * 2 * STRIDE);
            joint = Arrays.copyOf(joint, cellCount * 2 * JOINT);
        }
        cellGroup[cellCount] = g;
        cellKey[cellCount] = k;
        grid[slot] = cellCount;
        return cellCount++;
    }

    /**
     * Adds every count of {@code other} to this tally and returns this tally. Cells are matched by
     * group and key value, so tallies built on different machines merge exactly.
     *
     * @throws IllegalArgumentException if one tally is keyed and the other is not
     */
    public StopTally merge(StopTally other) {
        Objects.requireNonNull(other, "other tally must not be null");
        if (other.keyed != keyed) {
            throw new IllegalArgumentException("cannot merge a keyed tally with an unkeyed one (keyed: "
                    + keyed + ", other: " + other.keyed + ")");
        }
        for (int c = 0; c < other.cellCount; c++) {
            Category g = other.groups[other.cellGroup[c]];
            String k = other.keys[other.cellKey[c]];
            int cell = cellOf(g, k);
            int base = cell * STRIDE;
            int from = c * STRIDE;
            for (int f = 0; f < STRIDE; f++) {
                counters[base + f] += other.counters[from + f];
            }
            for (int j = 0; j < JOINT; j++) {
                joint[cell * JOINT + j] += other.joint[c * JOINT + j];
            }
        }
        return this;
    }

    private static final int MAGIC = 0x5045_4C54; // "PELT"
    private static final int VERSION = 1;

    /**
     * The counts as bytes, to merge tallies made on other machines ({@link #fromByteArray}). The
     * format names every enum value it counts (so it survives a reordering of the core enums) and
     * holds the groups' codes and labels and the keys; it does not hold the group and key
     * functions.
     */
    public byte[] toByteArray() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeBoolean(keyed);
            for (Enum<?>[] values : LAYOUT) {
                out.writeInt(values.length);
                for (Enum<?> v : values) {
                    out.writeUTF(v.name());
                }
            }
            out.writeInt(groupCount);
            for (int g = 0; g < groupCount; g++) {
                out.writeUTF(groups[g].code());
                out.writeUTF(groups[g].label());
            }
            out.writeInt(keyCount);
            for (int k = 0; k < keyCount; k++) {
                out.writeUTF(keys[k]);
            }
            out.writeInt(cellCount);
            for (int c = 0; c < cellCount; c++) {
                out.writeInt(cellGroup[c]);
                out.writeInt(cellKey[c]);
                long[] v = cellCounts(c);
                for (int s = 0; s < LAYOUT.length; s++) {
                    for (int i = 0; i < LAYOUT[s].length; i++) {
                        out.writeLong(v[LAYOUT_BASE[s] + i]);
                    }
                }
                out.writeLong(v[SEARCHED_ARRESTS]);
                out.writeLong(v[SEARCHED_OUTCOME_KNOWN]);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The enum sections of a cell, in slot order: search, force, outcome, contraband, basis. */
    private static final Enum<?>[][] LAYOUT = {Flag.values(), Flag.values(), OUTCOMES, Flag.values(), BASES};
    private static final int[] LAYOUT_BASE = {SEARCH, FORCE, OUTCOME, HIT, BASIS};

    /**
     * A tally read from {@link #toByteArray()}, which will count further stops with {@code group}
     * and {@code key} (pass those the bytes were made with; for bytes of an unkeyed tally the key
     * function is not used).
     *
     * @throws IllegalArgumentException if the bytes are not a tally, or name an enum value this
     *                                  version does not know
     */
    public static StopTally fromByteArray(byte[] bytes, Function<? super Stop, Category> group,
                                          Function<? super Stop, String> key) {
        Objects.requireNonNull(bytes, "bytes must not be null");
        Objects.requireNonNull(group, "group function must not be null");
        Objects.requireNonNull(key, "key function must not be null");
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("bytes do not hold a stop tally (bad magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("stop tally bytes have version " + version + ", expected " + VERSION);
            }
            boolean keyed = in.readBoolean();
            StopTally t = keyed ? new StopTally(group, key, true) : new StopTally(group, NO_KEY, false);
            int[][] slotOf = new int[LAYOUT.length][];
            for (int s = 0; s < LAYOUT.length; s++) {
                int n = in.readInt();
                slotOf[s] = new int[n];
                for (int i = 0; i < n; i++) {
                    String name = in.readUTF();
                    slotOf[s][i] = LAYOUT_BASE[s] + ordinal(LAYOUT[s], name);
                }
            }
            int nGroups = in.readInt();
            Category[] gs = new Category[nGroups];
            for (int g = 0; g < nGroups; g++) {
                String code = in.readUTF();
                gs[g] = Category.of(code, in.readUTF());
            }
            int nKeys = in.readInt();
            String[] ks = new String[nKeys];
            for (int k = 0; k < nKeys; k++) {
                ks[k] = in.readUTF();
            }
            int nCells = in.readInt();
            for (int c = 0; c < nCells; c++) {
                int base = t.cellOf(gs[in.readInt()], ks[in.readInt()]) * STRIDE;
                for (int s = 0; s < LAYOUT.length; s++) {
                    for (int slot : slotOf[s]) {
                        t.counters[base + slot] += nonNegative(in.readLong());
                    }
                }
                t.counters[base + SEARCHED_ARRESTS] += nonNegative(in.readLong());
                t.counters[base + SEARCHED_OUTCOME_KNOWN] += nonNegative(in.readLong());
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("stop tally bytes have trailing bytes");
            }
            return t;
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException("stop tally bytes end too early", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #fromByteArray(byte[], Function, Function)} by race, with the key function {@code Stop::beat}. */
    public static StopTally fromByteArray(byte[] bytes) {
        return fromByteArray(bytes, RACE, Stop::beat);
    }

    private static int ordinal(Enum<?>[] values, String name) {
        for (Enum<?> v : values) {
            if (v.name().equals(name)) {
                return v.ordinal();
            }
        }
        throw new IllegalArgumentException("stop tally bytes name an unknown value " + name + " of "
                + values[0].getDeclaringClass().getSimpleName());
    }

    private static long nonNegative(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("stop tally bytes hold a negative count: " + v);
        }
        return v;
    }

    /** An independent copy (same group and key functions, same counts). */
    public StopTally copy() {
        return new StopTally(groupOf, keyOf, keyed).merge(this);
    }

    /** Whether the tally was made with a key function. */
    public boolean keyed() {
        return keyed;
    }

    /** All stops counted. */
    public long stops() {
        long n = 0;
        for (int c = 0; c < cellCount; c++) {
            for (int o = 0; o < OUTCOMES.length; o++) {
                n += counters[c * STRIDE + OUTCOME + o];
            }
            for (int j = 0; j < JOINT; j++) {
                n += joint[c * JOINT + j];
            }
        }
        return n;
    }

    /** The groups seen, ordered by code with {@link Category#UNKNOWN} last (independent of record order). */
    public List<Category> groups() {
        List<Category> out = new ArrayList<>(Arrays.asList(groups).subList(0, groupCount));
        out.sort(GROUP_ORDER);
        return Collections.unmodifiableList(out);
    }

    /** Order of groups in every table: by code, {@link Category#UNKNOWN} last. */
    public static final Comparator<Category> GROUP_ORDER =
            Comparator.comparing(Category::isUnknown).thenComparing(Comparator.naturalOrder());

    /** The keys seen, sorted; empty for a tally without a key. */
    public List<String> keys() {
        if (!keyed) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Arrays.asList(keys).subList(0, keyCount));
        Collections.sort(out);
        return Collections.unmodifiableList(out);
    }

    /** The counts of one group over all keys (empty counts if the group was not seen). */
    public StopCounts counts(Category group) {
        Objects.requireNonNull(group, "group must not be null");
        return sum(c -> groups[cellGroup[c]].equals(group));
    }

    /** The counts of one group under one key (empty counts if never seen). */
    public StopCounts counts(Category group, String key) {
        Objects.requireNonNull(group, "group must not be null");
        Objects.requireNonNull(key, "key must not be null");
        return sum(c -> groups[cellGroup[c]].equals(group) && keys[cellKey[c]].equals(key));
    }

    /** The counts of every stop, every group included ({@link Category#UNKNOWN} too). */
    public StopCounts total() {
        return sum(c -> true);
    }

    /** The counts of every stop under one key, every group included. */
    public StopCounts total(String key) {
        Objects.requireNonNull(key, "key must not be null");
        return sum(c -> keys[cellKey[c]].equals(key));
    }

    /**
     * Every non-empty cell: key (sorted; {@link #ALL} for a tally without a key) to group (in
     * {@link #GROUP_ORDER}) to counts. Immutable; equal for equal tallies whatever the record order.
     */
    public Map<String, Map<Category, StopCounts>> cells() {
        Map<String, Map<Category, StopCounts>> out = new TreeMap<>();
        for (int c = 0; c < cellCount; c++) {
            out.computeIfAbsent(keys[cellKey[c]], k -> new TreeMap<>(GROUP_ORDER))
                    .put(groups[cellGroup[c]], countsOfCell(c));
        }
        Map<String, Map<Category, StopCounts>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(frozen);
    }

    private interface CellFilter {
        boolean test(int cell);
    }

    private StopCounts sum(CellFilter filter) {
        long[] s = new long[STRIDE];
        for (int c = 0; c < cellCount; c++) {
            if (filter.test(c)) {
                fold(c, s, 0);
            }
        }
        return fromCounters(s, 0);
    }

    private StopCounts countsOfCell(int c) {
        return fromCounters(cellCounts(c), 0);
    }

    private static StopCounts fromCounters(long[] c, int base) {
        EnumMap<SearchBasis, Long> basis = new EnumMap<>(SearchBasis.class);
        for (SearchBasis b : BASES) {
            if (b != SearchBasis.NONE) {
                basis.put(b, c[base + BASIS + b.ordinal()]);
            }
        }
        EnumMap<StopOutcome, Long> outcomes = new EnumMap<>(StopOutcome.class);
        for (StopOutcome o : OUTCOMES) {
            outcomes.put(o, c[base + OUTCOME + o.ordinal()]);
        }
        long stops = 0;
        for (StopOutcome o : OUTCOMES) {
            stops += c[base + OUTCOME + o.ordinal()];
        }
        return new StopCounts(stops, c[base + SEARCH + Flag.YES.ordinal()], c[base + SEARCH + Flag.NO.ordinal()],
                basis, c[base + HIT + Flag.YES.ordinal()], c[base + HIT + Flag.NO.ordinal()], outcomes,
                c[base + SEARCHED_ARRESTS], c[base + SEARCHED_OUTCOME_KNOWN], c[base + FORCE + Flag.YES.ordinal()],
                c[base + FORCE + Flag.NO.ordinal()]);
    }

    /**
     * A small aligned table of the counts by group (over all keys): stops, searches out of known,
     * hits out of known, arrests out of known outcomes, force out of known.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "StopTally: %d stops, %d groups%s%n", stops(), groupCount,
                keyed ? ", " + keyCount + " keys" : ""));
        sb.append(String.format(Locale.ROOT, "  %-24s %9s %15s %13s %15s %13s%n",
                "group", "stops", "searched/known", "hits/known", "arrests/known", "force/known"));
        for (Category g : groups()) {
            StopCounts n = counts(g);
            sb.append(String.format(Locale.ROOT, "  %-24s %9d %15s %13s %15s %13s%n", g.code(), n.stops(),
                    n.searched() + "/" + n.searchKnown(), n.hits() + "/" + n.hitKnown(),
                    n.arrests() + "/" + n.outcomeKnown(), n.force() + "/" + n.forceKnown()));
        }
        return sb.toString().stripTrailing();
    }
}
