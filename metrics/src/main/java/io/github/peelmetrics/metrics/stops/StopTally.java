package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
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
 * <p>Internals: groups and keys get dense int indices, and each (group, key) cell owns a run of
 * {@code long} counters in one array, so adding a stop boxes nothing and allocates nothing once
 * its group and key have been seen. Not thread-safe: use one tally per thread and merge (what the
 * collector does).
 */
public final class StopTally {

    /** The key of every stop in a tally made without a key function. */
    public static final String ALL = "all";

    static final int STOPS = 0;
    static final int SEARCHED = 1;
    static final int NOT_SEARCHED = 2;
    static final int HITS = 3;
    static final int MISSES = 4;
    static final int SEARCHED_ARRESTS = 5;
    static final int SEARCHED_OUTCOME_KNOWN = 6;
    static final int FORCE = 7;
    static final int NO_FORCE = 8;
    static final int OUTCOME = 9;
    private static final StopOutcome[] OUTCOMES = StopOutcome.values();
    private static final SearchBasis[] BASES = SearchBasis.values();
    static final int BASIS = OUTCOME + OUTCOMES.length;
    static final int STRIDE = BASIS + BASES.length;
    private static final int NO_CELL = -1;
    private static final int FAST_GROUPS = 8;

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
    private long[] counters = new long[16 * STRIDE];
    private int cellCount;
    private int[] cellGroup = new int[16];
    private int[] cellKey = new int[16];
    private String lastKey;
    private String[] keyTable = new String[16];
    private int[] keySlotIndex = new int[16];
    private int lastKeyIndex = -1;

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
        int base = cell(groupIndexOf(g, stop), keyIndexOf(k, stop)) * STRIDE;
        long[] c = counters;
        c[base + STOPS]++;
        StopOutcome outcome = stop.outcome();
        Flag searched = stop.searchConducted();
        if (searched == Flag.YES) {
            c[base + SEARCHED]++;
            c[base + BASIS + stop.searchBasis().ordinal()]++;
            Flag hit = stop.contrabandFound();
            if (hit == Flag.YES) {
                c[base + HITS]++;
            } else if (hit == Flag.NO) {
                c[base + MISSES]++;
            }
            if (outcome != StopOutcome.UNKNOWN) {
                c[base + SEARCHED_OUTCOME_KNOWN]++;
                if (outcome == StopOutcome.ARREST) {
                    c[base + SEARCHED_ARRESTS]++;
                }
            }
        } else if (searched == Flag.NO) {
            c[base + NOT_SEARCHED]++;
        }
        c[base + OUTCOME + outcome.ordinal()]++;
        Flag force = stop.useOfForce();
        if (force == Flag.YES) {
            c[base + FORCE]++;
        } else if (force == Flag.NO) {
            c[base + NO_FORCE]++;
        }
    }

    /** Counts every stop of {@code stops}. */
    public void addAll(Iterable<? extends Stop> stops) {
        for (Stop s : stops) {
            add(s);
        }
    }

    private int groupIndexOf(Category g, Stop stop) {
        Category[] gs = groups;
        int n = Math.min(groupCount, FAST_GROUPS);
        for (int i = 0; i < n; i++) {
            if (gs[i] == g) {
                return i;
            }
        }
        if (g == null) {
            throw new NullPointerException("group function returned null for stop " + stop.id());
        }
        Integer i = groupIndex.get(g);
        return i != null ? i : newGroup(g);
    }

    private int keyIndexOf(String k, Stop stop) {
        if (k == lastKey && k != null) {
            return lastKeyIndex;
        }
        if (k == null) {
            throw new NullPointerException("key function returned null for stop " + stop.id());
        }
        // open addressing on String's cached hash: no Integer, no map node in the hot path
        String[] table = keyTable;
        int mask = table.length - 1;
        int slot = spread(k.hashCode()) & mask;
        while (true) {
            String t = table[slot];
            if (t == null) {
                break;
            }
            if (t == k || t.equals(k)) {
                lastKey = k;
                lastKeyIndex = keySlotIndex[slot];
                return lastKeyIndex;
            }
            slot = (slot + 1) & mask;
        }
        int idx = newKey(k);
        lastKey = k;
        lastKeyIndex = idx;
        return idx;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private void putKeySlot(String k, int idx) {
        String[] table = keyTable;
        int mask = table.length - 1;
        int slot = spread(k.hashCode()) & mask;
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = k;
        keySlotIndex[slot] = idx;
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
        if ((keyCount + 1) * 2 > keyTable.length) {
            keyTable = new String[keyTable.length * 2];
            keySlotIndex = new int[keyTable.length];
            for (int i = 0; i < keyCount; i++) {
                putKeySlot(keys[i], i);
            }
        }
        putKeySlot(k, keyCount);
        return keyCount++;
    }

    private int cell(int g, int k) {
        int slot = k * groupCapacity + g;
        int c = grid[slot];
        if (c != NO_CELL) {
            return c;
        }
        if (cellCount == cellGroup.length) {
            cellGroup = Arrays.copyOf(cellGroup, cellCount * 2);
            cellKey = Arrays.copyOf(cellKey, cellCount * 2);
            counters = Arrays.copyOf(counters, cellCount * 2 * STRIDE);
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
            Integer gi = groupIndex.get(g);
            Integer ki = keyIndex.get(k);
            int base = cell(gi != null ? gi : newGroup(g), ki != null ? ki : newKey(k)) * STRIDE;
            int from = c * STRIDE;
            for (int f = 0; f < STRIDE; f++) {
                counters[base + f] += other.counters[from + f];
            }
        }
        return this;
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
            n += counters[c * STRIDE + STOPS];
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
                for (int f = 0; f < STRIDE; f++) {
                    s[f] += counters[c * STRIDE + f];
                }
            }
        }
        return fromCounters(s, 0);
    }

    private StopCounts countsOfCell(int c) {
        return fromCounters(counters, c * STRIDE);
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
        return new StopCounts(c[base + STOPS], c[base + SEARCHED], c[base + NOT_SEARCHED], basis,
                c[base + HITS], c[base + MISSES], outcomes, c[base + SEARCHED_ARRESTS],
                c[base + SEARCHED_OUTCOME_KNOWN], c[base + FORCE], c[base + NO_FORCE]);
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
