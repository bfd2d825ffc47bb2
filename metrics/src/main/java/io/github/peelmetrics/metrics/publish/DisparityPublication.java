package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.metrics.disparity.DisparityRow;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The joint suppression behind {@link Suppression#publish(DisparityTable)}: stops, searches, hits
 * and arrests by group and key, suppressed so that the audit of all four together passes.
 *
 * <p>The attacker's model has six unknown counts per cell, the stops split by search (not
 * searched, searched without a hit, searched with a hit) and arrest (no, yes); each published
 * value is a sum of them (stops all six, searches four, hits two, arrests three). This is the
 * most a reader can assume (searches within stops, hits within searches, arrests within stops,
 * with any overlap of arrests and searches), so bounds over it are the widest the reader cannot
 * narrow. Starting points: {@link Suppression#applyNested} of stops, searches, hits and of stops,
 * arrests (the stops hidden in either hidden); then, while the joint audit fails, the cheapest
 * published value in the failing value's row or column, in the failing measures, is hidden.
 * Package-private; not thread-safe (one call).
 */
final class DisparityPublication {

    static final String STOPS = "stops";
    static final String SEARCHES = "searches";
    static final String HITS = "hits";
    static final String ARRESTS = "arrests";

    /** Atom types: search state (0 not searched, 1 searched no hit, 2 hit) * 2 + arrested. */
    private static final int TYPES = 6;

    final List<String> measures = new ArrayList<>(); // STOPS first, then those recorded for every stop
    final List<CountTable> tables = new ArrayList<>();
    final List<boolean[][]> hidden = new ArrayList<>();
    final List<long[][]> values = new ArrayList<>();
    final List<String> notRecorded = new ArrayList<>();
    Audit audit;

    private final long minimum;
    private final List<String> groups;
    private final List<String> keys;
    private final List<StopCounts[]> cellsByGroup = new ArrayList<>();

    DisparityPublication(Suppression suppression, DisparityTable table) {
        this.minimum = suppression.minimumCount();
        List<DisparityRow> rs = table.rows();
        groups = rs.stream().map(r -> r.group().code()).toList();
        keys = table.byKey().isEmpty() ? List.of(StopTally.ALL) : List.copyOf(table.byKey().keySet());
        for (DisparityRow r : rs) {
            StopCounts[] c = new StopCounts[keys.size()];
            for (int j = 0; j < keys.size(); j++) {
                DisparityTable t = table.byKey().isEmpty() ? table : table.forKey(keys.get(j));
                c[j] = t.row(r.group()).counts();
            }
            cellsByGroup.add(c);
        }
        StopCounts all = table.total();
        boolean searches = all.searched() + all.notSearched() == all.stops();
        boolean hits = searches && all.hits() + all.misses() == all.searched();
        boolean arrests = all.arrests() + all.noArrests() == all.stops();
        measures.add(STOPS);
        tables.add(table(STOPS, StopCounts::stops));
        add(searches, SEARCHES, StopCounts::searched);
        add(hits, HITS, StopCounts::hits);
        add(arrests, ARRESTS, StopCounts::arrests);
        for (CountTable t : tables) {
            values.add(Suppression.augmented(t));
        }
        start(suppression);
        protect();
    }

    private void add(boolean recorded, String name, ToLongFunction<StopCounts> count) {
        if (recorded) {
            measures.add(name);
            tables.add(table(name, count));
        } else {
            notRecorded.add(name);
        }
    }

    private CountTable table(String title, ToLongFunction<StopCounts> count) {
        long[][] c = new long[groups.size()][keys.size()];
        for (int i = 0; i < groups.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                c[i][j] = count.applyAsLong(cellsByGroup.get(i)[j]);
            }
        }
        return CountTable.of(title, groups, keys, c);
    }

    /** The hidden patterns of the nested chains, stops hidden where either chain hides them. */
    private void start(Suppression suppression) {
        int m = groups.size();
        int n = keys.size();
        for (int t = 0; t < tables.size(); t++) {
            hidden.add(new boolean[m + 1][n + 1]);
        }
        List<Integer> chain = new ArrayList<>();
        chain.add(0);
        if (measures.contains(SEARCHES)) {
            chain.add(measures.indexOf(SEARCHES));
        }
        if (measures.contains(HITS)) {
            chain.add(measures.indexOf(HITS));
        }
        mark(suppression, chain);
        if (measures.contains(ARRESTS)) {
            mark(suppression, List.of(0, measures.indexOf(ARRESTS)));
        }
    }

    private void mark(Suppression suppression, List<Integer> chain) {
        List<CountTable> ts = chain.stream().map(tables::get).toList();
        List<SuppressedTable> s = ts.size() == 1 ? List.of(suppression.apply(ts.get(0))) : suppression.applyNested(ts);
        int m = groups.size();
        int n = keys.size();
        for (int c = 0; c < chain.size(); c++) {
            boolean[][] h = hidden.get(chain.get(c));
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    h[i][j] |= s.get(c).augmented(i, j).isEmpty();
                }
            }
        }
    }

    /** Which measures count an atom type. */
    private static boolean counts(String measure, int type) {
        int search = type / 2;
        return switch (measure) {
            case SEARCHES -> search >= 1;
            case HITS -> search == 2;
            case ARRESTS -> type % 2 == 1;
            default -> true;
        };
    }

    private long[] atomValues() {
        int m = groups.size();
        int n = keys.size();
        boolean s = measures.contains(SEARCHES);
        boolean h = measures.contains(HITS);
        boolean a = measures.contains(ARRESTS);
        long[] v = new long[m * n * TYPES];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                StopCounts c = cellsByGroup.get(i)[j];
                long stops = c.stops();
                long searched = s ? c.searched() : 0;
                long hits = h ? c.hits() : 0;
                long arrests = a ? c.arrests() : 0;
                long searchedArrests = a && s ? Math.min(c.searchedArrests(), Math.min(searched, arrests)) : 0;
                long hitArrests = Math.min(hits, searchedArrests);
                long missArrests = searchedArrests - hitArrests;
                long notSearchedArrests = arrests - searchedArrests;
                long[] x = {stops - searched - notSearchedArrests, notSearchedArrests, searched - hits - missArrests,
                        missArrests, hits - hitArrests, hitArrests};
                for (int k = 0; k < TYPES; k++) {
                    if (x[k] < 0) {
                        throw new IllegalStateException(String.format(Locale.ROOT,
                                "stop counts of %s in %s do not nest (stops %d, searched %d, hits %d, arrests %d, "
                                        + "searched arrests %d)", groups.get(i), keys.get(j), stops, searched, hits,
                                arrests, c.searchedArrests()));
                    }
                    v[(i * n + j) * TYPES + k] = x[k];
                }
            }
        }
        return v;
    }

    /** Hides further values until the joint audit passes. */
    private void protect() {
        long[] atomValue = atomValues();
        int m = groups.size();
        int n = keys.size();
        while (true) {
            int[] failing = new int[3];
            audit = audit(atomValue, m, n, failing);
            if (audit.passed()) {
                return;
            }
            int bt = -1;
            int bi = -1;
            int bj = -1;
            long best = Long.MAX_VALUE;
            for (int t = 0; t < tables.size(); t++) {
                boolean inFailing = t == failing[0] || t == failing[1];
                for (int i = 0; i <= m; i++) {
                    for (int j = 0; j <= n; j++) {
                        if (hidden.get(t)[i][j]) {
                            continue;
                        }
                        long v = values.get(t)[i][j];
                        long c = (v == 0 ? Protector.ZERO_COST : v) + (i == m && j == n ? Protector.GRAND_TOTAL_COST
                                : i == m || j == n ? Protector.TOTAL_COST : 0)
                                + (i == failing[2] / (n + 1) || j == failing[2] % (n + 1) ? 0
                                : Protector.GRAND_TOTAL_COST * 10) + (inFailing ? 0 : Protector.GRAND_TOTAL_COST * 100);
                        if (c < best) {
                            best = c;
                            bt = t;
                            bi = i;
                            bj = j;
                        }
                    }
                }
            }
            if (bt < 0) {
                throw new IllegalStateException("cannot protect the disparity table even with every value hidden");
            }
            hidden.get(bt)[bi][bj] = true;
        }
    }

    /** Pairs (wider, narrower) of measures a reader knows to nest. */
    private List<int[]> nestedPairs() {
        List<int[]> pairs = new ArrayList<>();
        int s = measures.indexOf(SEARCHES);
        int h = measures.indexOf(HITS);
        int a = measures.indexOf(ARRESTS);
        if (s > 0) {
            pairs.add(new int[] {0, s});
        }
        if (s > 0 && h > 0) {
            pairs.add(new int[] {s, h});
        }
        if (a > 0) {
            pairs.add(new int[] {0, a});
        }
        return pairs;
    }

    private Audit audit(long[] atomValue, int m, int n, int[] failing) {
        Linked model = new Linked(atomValue);
        List<Linked.Quantity[][]> qs = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            String measure = measures.get(t);
            int[][][] atomOf = new int[m][n][];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    List<Integer> a = new ArrayList<>();
                    for (int k = 0; k < TYPES; k++) {
                        if (counts(measure, k)) {
                            a.add((i * n + j) * TYPES + k);
                        }
                    }
                    atomOf[i][j] = a.stream().mapToInt(Integer::intValue).toArray();
                }
            }
            qs.add(model.addTable(t, atomOf, hidden.get(t)));
        }
        List<int[]> forms = new ArrayList<>();
        List<long[]> need = new ArrayList<>(); // {wide table, narrow table (or -1), i, j, value}
        for (int t = 0; t < tables.size(); t++) {
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    Linked.Quantity q = qs.get(t)[i][j];
                    if (q.hidden) {
                        forms.add(q.atoms);
                        need.add(new long[] {t, -1, i, j, q.value});
                    }
                }
            }
        }
        int bounded = forms.size();
        for (int[] p : nestedPairs()) {
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    Linked.Quantity wide = qs.get(p[0])[i][j];
                    Linked.Quantity narrow = qs.get(p[1])[i][j];
                    long d = wide.value - narrow.value;
                    if (d >= 1 && d < minimum) {
                        java.util.Set<Integer> in = new java.util.HashSet<>();
                        for (int a : narrow.atoms) {
                            in.add(a);
                        }
                        forms.add(java.util.Arrays.stream(wide.atoms).filter(a -> !in.contains(a)).toArray());
                        need.add(new long[] {p[0], p[1], i, j, d});
                    }
                }
            }
        }
        long[][] b = model.bounds(forms);
        boolean passed = true;
        for (int f = 0; f < forms.size() && passed; f++) {
            long[] nd = need.get(f);
            if (nd[4] < minimum && (b[f][0] > 0 || (b[f][1] != Network.UNBOUNDED && b[f][1] < minimum))) {
                passed = false;
                failing[0] = (int) nd[0];
                failing[1] = (int) nd[1];
                failing[2] = (int) (nd[2] * (n + 1) + nd[3]);
            }
        }
        List<Audit.Bound> bounds = new ArrayList<>();
        for (int f = 0; f < bounded; f++) {
            long[] nd = need.get(f);
            CountTable t = tables.get((int) nd[0]);
            int i = (int) nd[2];
            int j = (int) nd[3];
            bounds.add(new Audit.Bound(t.title(), i < m ? t.rows().get(i) : "total", j < n ? t.columns().get(j) : "total",
                    b[f][0], Linked.upper(b[f][1])));
        }
        return new Audit(minimum, model.publishedCount(), bounds, passed);
    }

    /** The published value of a measure at augmented (i, j), empty when hidden or not recorded. */
    java.util.OptionalLong value(String measure, int i, int j) {
        int t = measures.indexOf(measure);
        return t < 0 || hidden.get(t)[i][j] ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(values.get(t)[i][j]);
    }

    List<String> keys() {
        return keys;
    }

    int groupCount() {
        return groups.size();
    }
}
