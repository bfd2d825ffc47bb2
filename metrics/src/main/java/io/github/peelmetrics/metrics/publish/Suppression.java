package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.metrics.disparity.DisparityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Small-cell suppression of count tables that passes its own {@link Audit}: no hidden count under
 * the minimum can be narrowed, from everything published with it, to an interval that excludes
 * 0 or the minimum.
 *
 * <pre>{@code
 * SuppressedTable safe = Suppression.minimumCount(11).apply(table);   // never a count from 1 to 10
 * safe.audit();                                                       // what a reader can derive
 * }</pre>
 *
 * <p><b>Primary suppression</b>: every cell or total whose count is at least 1 and under the
 * minimum {@code k} is hidden (a zero is shown: it names nobody). <b>Complementary
 * suppression</b>: the published row, column and grand totals are linear equations in the hidden
 * values, and counts are non-negative, so a reader can bound each hidden value by linear
 * programming (the {@link Audit}). Peel hides further cells until every hidden count under
 * {@code k} can be anywhere from 0 to {@code k} (the protection levels of Cox, JASA 90 (1995), with
 * lower level the count and upper level {@code k} minus the count). A table with its totals is a
 * network (a circulation through rows and columns), so the bounds are maximum flows; while a value
 * cannot move far enough, Peel hides the cheapest path of published cells (costed by their counts,
 * zeros and totals last) that opens a further augmenting path, and checks again. Like τ-ARGUS's
 * network heuristic it is not guaranteed to hide the fewest cells; unlike a test for exact
 * recovery only, it protects against the bounds that non-negativity gives.
 *
 * <p><b>Linked publications.</b> {@link #apply(CountTable, CountTable)} publishes a by-key table
 * with its city-wide table (the same counts by group); {@link #applyCumulative(List)} a history of
 * cumulative releases, each suppressed so that, read with every earlier release, neither its
 * values nor any period's increment (the difference of two releases) under {@code k} can be
 * narrowed. Each result carries the audit of everything published with it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Suppression {

    private final long minimum;

    private Suppression(long minimum) {
        this.minimum = minimum;
    }

    /**
     * Hides counts from 1 to {@code k - 1} (e.g. 11: counts 1 to 10, the threshold of CMS and many
     * public-health agencies), and whatever else is needed to protect them.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static Suppression minimumCount(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("minimum count of suppression must be at least 1: " + k);
        }
        return new Suppression(k);
    }

    /** The minimum count that may be shown. */
    public long minimumCount() {
        return minimum;
    }

    /** The stops of a disparity table by group and key ({@link CountTable#stops(DisparityTable)}), suppressed. */
    public SuppressedTable apply(DisparityTable table) {
        return apply(CountTable.stops(table));
    }

    /**
     * The public view of a disparity table: its stops, searches, hits and arrests by group and key
     * (city-wide and for every key), suppressed together so that the audit of all of them passes,
     * with every rate and ratio derived from the published counts alone. See
     * {@link PublishedDisparity}. The joint audit is a dense LP over every cell's stops split six
     * ways (by search, hit and arrest), meant for tables of up to a few hundred cells.
     *
     * @throws IllegalStateException if the tables are too large for the dense audit
     */
    public PublishedDisparity publish(DisparityTable table) {
        Objects.requireNonNull(table, "disparity table must not be null");
        return PublishedDisparity.of(table, new DisparityPublication(this, table));
    }

    /**
     * The public view of a complaint summary: allegations by type and finding, suppressed and
     * audited, with the sustained rates derived from the published cells alone. See
     * {@link PublishedComplaints}.
     */
    public PublishedComplaints publish(io.github.peelmetrics.metrics.complaints.ComplaintSummary summary) {
        Objects.requireNonNull(summary, "complaint summary must not be null");
        return PublishedComplaints.of(apply(PublishedComplaints.table(summary)));
    }

    /**
     * A count table, suppressed, with its audit.
     *
     * @throws IllegalStateException if the table is too small to protect a small count (a single
     *                               cell whose only partners are its own totals)
     */
    public SuppressedTable apply(CountTable table) {
        Objects.requireNonNull(table, "count table must not be null");
        long[][] v = augmented(table);
        Network net = new Network(v, primary(v));
        new Protector(net, minimum, null).protect();
        return SuppressedTable.of(table.title(), table.rows(), table.columns(), minimum, v, net.hidden,
                networkAudit(net, List.of(table), List.<boolean[][]>of(net.hidden)));
    }

    /**
     * A by-key table (groups by beat, say) and its city-wide table (the same groups, one column),
     * suppressed together: a city-wide count is hidden exactly when the by-key table's row total
     * for its group is, so reading the two tables together gives a reader nothing that either
     * alone does not. Both results carry the same audit, over both tables.
     *
     * @throws IllegalArgumentException if the city-wide table does not have the by-key table's
     *                                  rows and a single column holding its row totals
     */
    public List<SuppressedTable> apply(CountTable byKey, CountTable cityWide) {
        Objects.requireNonNull(byKey, "by-key table must not be null");
        Objects.requireNonNull(cityWide, "city-wide table must not be null");
        if (!cityWide.rows().equals(byKey.rows()) || cityWide.columns().size() != 1
                || !cityWide.rowTotals().equals(byKey.rowTotals())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "city-wide table %s must have the rows %s of by-key table %s and one column of their totals %s: "
                            + "rows %s, columns %s, totals %s", cityWide.title(), byKey.rows(), byKey.title(),
                    byKey.rowTotals(), cityWide.rows(), cityWide.columns(), cityWide.rowTotals()));
        }
        if (cityWide.title().equals(byKey.title())) {
            throw new IllegalArgumentException("tables published together need different titles: " + byKey.title());
        }
        long[][] v = augmented(byKey);
        Network net = new Network(v, primary(v));
        new Protector(net, minimum, null).protect();
        int m = byKey.rows().size();
        int n = byKey.columns().size();
        long[][] cv = augmented(cityWide);
        boolean[][] ch = new boolean[m + 1][2];
        for (int i = 0; i <= m; i++) {
            ch[i][0] = net.hidden[i][n]; // a city-wide cell is the group's by-key total
            ch[i][1] = net.hidden[i][n];
        }
        Audit audit = networkAudit(net, List.of(byKey, cityWide), List.<boolean[][]>of(net.hidden, ch));
        return List.of(SuppressedTable.of(byKey.title(), byKey.rows(), byKey.columns(), minimum, v, net.hidden, audit),
                SuppressedTable.of(cityWide.title(), cityWide.rows(), cityWide.columns(), minimum, cv, ch, audit));
    }

    /**
     * A history of cumulative releases of one table (the same rows and columns; each release's
     * counts at least the previous one's, e.g. stops from January to the end of each month),
     * suppressed in order: release {@code t} is chosen knowing what releases 1 to {@code t - 1}
     * published, and never changes them, so suppressing a longer history gives the same earlier
     * tables. Release {@code t} hides, besides its own small counts, every value hidden in release
     * {@code t - 1} and every value whose increment over release {@code t - 1} is from 1 to
     * {@code k - 1}; complementary cells are added until the audit of all releases up to {@code t}
     * together (an LP over each period's increments) passes: no hidden count under {@code k} and no
     * period's increment under {@code k}, of any cell or total, can be narrowed below [0, k].
     *
     * <p>The audit of a history is a dense simplex over every release's increments, re-run after
     * each further complementary cell: meant for tables of up to a few hundred cells per release
     * (two releases of 6 groups by 100 keys take about half a second, by 300 keys about 7 s),
     * not for 6 x 5,000.
     *
     * @return one suppressed table per release, each with the audit of the releases up to it
     * @throws IllegalArgumentException if the list is empty, titles repeat, the labels differ, or
     *                                  a count falls from one release to the next
     * @throws IllegalStateException    if the linked LP is too large for the dense audit
     */
    public List<SuppressedTable> applyCumulative(List<CountTable> releases) {
        Objects.requireNonNull(releases, "releases must not be null");
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("releases must not be empty");
        }
        CountTable first = releases.get(0);
        int m = first.rows().size();
        int n = first.columns().size();
        List<long[][]> values = new ArrayList<>();
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (int t = 0; t < releases.size(); t++) {
            CountTable r = Objects.requireNonNull(releases.get(t), "release " + t + " must not be null");
            if (!titles.add(r.title())) {
                throw new IllegalArgumentException("releases need different titles: " + r.title() + " repeats");
            }
            if (!r.rows().equals(first.rows()) || !r.columns().equals(first.columns())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "release %s must have the rows %s and columns %s of release %s: %s, %s", r.title(),
                        first.rows(), first.columns(), first.title(), r.rows(), r.columns()));
            }
            long[][] v = augmented(r);
            if (t > 0) {
                long[][] p = values.get(t - 1);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        if (v[i][j] < p[i][j]) {
                            throw new IllegalArgumentException(String.format(Locale.ROOT,
                                    "cumulative release %s has %d at (%s, %s), fewer than %d in release %s",
                                    r.title(), v[i][j], r.rows().get(i), r.columns().get(j), p[i][j],
                                    releases.get(t - 1).title()));
                        }
                    }
                }
            }
            values.add(v);
        }
        // atoms: each release's increment of each cell
        int cells = m * n;
        long[] atomValue = new long[cells * releases.size()];
        for (int t = 0; t < releases.size(); t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    atomValue[t * cells + i * n + j] = values.get(t)[i][j] - (t == 0 ? 0 : values.get(t - 1)[i][j]);
                }
            }
        }
        List<boolean[][]> hidden = new ArrayList<>();
        List<SuppressedTable> out = new ArrayList<>();
        for (int t = 0; t < releases.size(); t++) {
            long[][] v = values.get(t);
            boolean[][] h = primary(v);
            long[][][] extra = new long[m + 1][n + 1][];
            if (t > 0) {
                long[][] p = values.get(t - 1);
                boolean[][] ph = hidden.get(t - 1);
                for (int i = 0; i <= m; i++) {
                    for (int j = 0; j <= n; j++) {
                        long inc = v[i][j] - p[i][j];
                        if (ph[i][j]) {
                            h[i][j] = true;
                        }
                        if (inc >= 1 && inc < minimum) {
                            h[i][j] = true;
                            extra[i][j] = new long[] {inc, minimum - inc};
                        }
                    }
                }
            }
            Network net = new Network(v, h);
            Protector protector = new Protector(net, minimum, extra);
            protector.protect();
            hidden.add(h);
            Audit audit;
            while (true) {
                long[] failing = new long[2];
                audit = historyAudit(releases.subList(0, t + 1), values, hidden, atomValue, m, n, failing);
                if (audit.passed()) {
                    break;
                }
                // hide the cheapest published value of this release in the failing value's row or column
                int fi = (int) failing[0];
                int fj = (int) failing[1];
                int bi = -1;
                int bj = -1;
                long best = Long.MAX_VALUE;
                for (int i = 0; i <= m; i++) {
                    for (int j = 0; j <= n; j++) {
                        if (!h[i][j]) {
                            long c = cost(v, i, j, m, n) + (i == fi || j == fj ? 0 : Protector.GRAND_TOTAL_COST * 10);
                            if (c < best) {
                                best = c;
                                bi = i;
                                bj = j;
                            }
                        }
                    }
                }
                if (bi < 0) {
                    throw new IllegalStateException("cannot protect release " + releases.get(t).title()
                            + " even with every value hidden");
                }
                net.hide(bi, bj);
                protector.protect();
            }
            CountTable r = releases.get(t);
            out.add(SuppressedTable.of(r.title(), r.rows(), r.columns(), minimum, v, h, audit));
        }
        return List.copyOf(out);
    }

    /**
     * Several measures of the same records, each counting a subset of the one before (stops, then
     * searches, then hits), published together: a reader knows each cell of a narrower measure is
     * at most the wider one's, so a difference such as "stops not searched" is as much a count as
     * the published ones. The LP is that of {@link #applyCumulative(List)} read backwards (hits,
     * searches beyond hits, stops beyond searches), and so is the choice: the narrowest measure is
     * suppressed first, then each wider one, until no hidden count and no difference between
     * neighbouring measures from 1 to {@code k - 1} can be narrowed below [0, k].
     *
     * @param measures the tables from the widest to the narrowest, with the same rows and columns
     * @return the suppressed tables in the same order, each with the audit of all of them
     * @throws IllegalArgumentException if the list is empty, titles repeat, the labels differ, or
     *                                  a narrower measure exceeds a wider one in some cell
     */
    public List<SuppressedTable> applyNested(List<CountTable> measures) {
        Objects.requireNonNull(measures, "measures must not be null");
        List<CountTable> narrowFirst = new ArrayList<>(measures);
        java.util.Collections.reverse(narrowFirst);
        List<SuppressedTable> suppressed = applyCumulative(narrowFirst);
        Audit joint = suppressed.get(suppressed.size() - 1).audit(); // published together: one audit of all
        List<SuppressedTable> out = new ArrayList<>();
        for (int t = suppressed.size() - 1; t >= 0; t--) {
            SuppressedTable x = suppressed.get(t);
            out.add(new SuppressedTable(x.title(), x.rows(), x.columns(), x.minimumCount(), x.cells(), x.rowTotals(),
                    x.columnTotals(), x.grandTotal(), joint));
        }
        return List.copyOf(out);
    }

    private static long cost(long[][] v, int i, int j, int m, int n) {
        long c = v[i][j] == 0 ? Protector.ZERO_COST : v[i][j];
        return c + (i == m && j == n ? Protector.GRAND_TOTAL_COST : i == m || j == n ? Protector.TOTAL_COST : 0);
    }

    /**
     * The audit of releases 0..t by LP over the increments; {@code failing} receives the position of
     * the first failing value when it does not pass.
     */
    private Audit historyAudit(List<CountTable> releases, List<long[][]> values, List<boolean[][]> hidden,
                               long[] atomValue, int m, int n, long[] failing) {
        int cells = m * n;
        int releaseCount = releases.size();
        Linked model = new Linked(java.util.Arrays.copyOf(atomValue, cells * releaseCount));
        List<Linked.Quantity[][]> qs = new ArrayList<>();
        for (int t = 0; t < releaseCount; t++) {
            int[][][] atomOf = new int[m][n][];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int[] a = new int[t + 1];
                    for (int s = 0; s <= t; s++) {
                        a[s] = s * cells + i * n + j;
                    }
                    atomOf[i][j] = a;
                }
            }
            qs.add(model.addTable(t, atomOf, hidden.get(t)));
        }
        List<int[]> forms = new ArrayList<>();
        List<long[]> need = new ArrayList<>(); // {release, i, j, value, isIncrement}
        for (int t = 0; t < releaseCount; t++) {
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    Linked.Quantity q = qs.get(t)[i][j];
                    if (q.hidden) {
                        forms.add(q.atoms);
                        need.add(new long[] {t, i, j, q.value, 0});
                    }
                    if (t > 0) { // the increment over the previous release
                        long inc = q.value - qs.get(t - 1)[i][j].value;
                        if (inc >= 1 && inc < minimum) {
                            final int release = t;
                            forms.add(java.util.Arrays.stream(q.atoms).filter(x -> x / cells == release).toArray());
                            need.add(new long[] {t, i, j, inc, 1});
                        }
                    }
                }
            }
        }
        long[][] b = model.bounds(forms);
        boolean passed = true;
        for (int f = 0; f < forms.size() && passed; f++) {
            long[] nd = need.get(f);
            long value = nd[3];
            if (value < minimum && (b[f][0] > 0 || (b[f][1] != Network.UNBOUNDED && b[f][1] < minimum))) {
                passed = false;
                failing[0] = nd[1];
                failing[1] = nd[2];
            }
        }
        List<Audit.Bound> bounds = new ArrayList<>();
        for (int f = 0; f < forms.size(); f++) {
            long[] nd = need.get(f);
            if (nd[4] == 0) {
                CountTable r = releases.get((int) nd[0]);
                bounds.add(bound(r, (int) nd[1], (int) nd[2], b[f][0], b[f][1]));
            }
        }
        return new Audit(minimum, model.publishedCount(), bounds, passed);
    }

    private static Audit.Bound bound(CountTable t, int i, int j, long lower, long upper) {
        int m = t.rows().size();
        int n = t.columns().size();
        return new Audit.Bound(t.title(), i < m ? t.rows().get(i) : "total", j < n ? t.columns().get(j) : "total",
                lower, Linked.upper(upper));
    }

    /** The exact audit of a network's hidden values, listed under each table that shows them. */
    private Audit networkAudit(Network net, List<CountTable> tables, List<boolean[][]> hidden) {
        List<Audit.Bound> bounds = new ArrayList<>();
        long[][][] bd = new long[net.m + 1][net.n + 1][];
        boolean passed = true;
        for (int i = 0; i <= net.m; i++) {
            for (int j = 0; j <= net.n; j++) {
                if (net.hidden[i][j]) {
                    bd[i][j] = net.bounds(i, j);
                    long v = net.value[i][j];
                    if (v < minimum && (bd[i][j][0] > 0 || bd[i][j][1] < minimum)) {
                        passed = false;
                    }
                }
            }
        }
        int published = 0;
        for (int t = 0; t < tables.size(); t++) {
            CountTable table = tables.get(t);
            boolean[][] h = hidden.get(t);
            int m = table.rows().size();
            int n = table.columns().size();
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    if (!h[i][j]) {
                        published++;
                        continue;
                    }
                    // the network value this table's value equals: the same cell, or (city-wide) a row total
                    long[] b = t == 0 ? bd[i][j] : bd[i][net.n];
                    bounds.add(bound(table, i, j, b[0], b[1]));
                }
            }
        }
        return new Audit(minimum, published, bounds, passed);
    }

    /** The table with its totals: row {@code m} the column totals, column {@code n} the row totals. */
    static long[][] augmented(CountTable table) {
        int m = table.rows().size();
        int n = table.columns().size();
        long[][] v = new long[m + 1][n + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = table.count(i, j);
            }
            v[i][n] = table.rowTotal(i);
        }
        for (int j = 0; j < n; j++) {
            v[m][j] = table.columnTotal(j);
        }
        v[m][n] = table.total();
        return v;
    }

    private boolean[][] primary(long[][] v) {
        boolean[][] h = new boolean[v.length][v[0].length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[0].length; j++) {
                h[i][j] = v[i][j] >= 1 && v[i][j] < minimum;
            }
        }
        return h;
    }

    /** E.g. {@code Suppression[counts 1 to 10 hidden, with complementary cells]}. */
    @Override
    public String toString() {
        return minimum <= 1 ? "Suppression[nothing under 1 to hide]"
                : String.format(Locale.ROOT, "Suppression[counts 1 to %d hidden, with complementary cells]", minimum - 1);
    }
}
