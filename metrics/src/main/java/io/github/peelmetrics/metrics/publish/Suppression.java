package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.metrics.disparity.DisparityTable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Small-cell suppression of a two-way count table, with complementary suppression so that no
 * hidden cell can be recovered from the published cells and totals.
 *
 * <pre>{@code
 * SuppressedTable safe = Suppression.minimumCount(11).apply(table);   // never a count from 1 to 10
 * }</pre>
 *
 * <p><b>Primary suppression</b>: every cell or total whose count is at least 1 and under the
 * minimum {@code k} is hidden (a zero is shown: it names nobody). <b>Complementary
 * suppression</b>: the published row, column and grand totals are linear equations in the hidden
 * cells; a hidden cell can be recovered exactly when these equations determine it. Write the
 * table with its totals as an (m+1)×(n+1) array in which every row and column balances; then the
 * hidden values are determined up to the cycle space of the bipartite graph whose nodes are the
 * rows and columns and whose edges are the hidden cells, so a hidden cell is recoverable exactly
 * when its edge lies on no cycle (is a bridge). While some hidden cell is a bridge, Peel hides the
 * cheapest set of further cells that closes a cycle through it (a shortest path in the graph of
 * the other cells, costed by their counts, zeros and totals last), which also covers the single
 * row or column case by hiding the totals that would give the cell away. This is the classical
 * network-flow view of the problem (Cox, "Network models for complementary cell suppression",
 * JASA 90 (1995)); like τ-ARGUS's hypercube heuristic it is not guaranteed to hide the fewest
 * cells, and it protects against exact recovery, not against the bounds a reader can derive from
 * non-negativity.
 *
 * <p>Immutable and thread-safe.
 */
public final class Suppression {

    private static final double ZERO_COST = 1e6;
    private static final double TOTAL_COST = 1e9;
    private static final double GRAND_TOTAL_COST = 1e12;

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

    /** A count table, suppressed. */
    public SuppressedTable apply(CountTable table) {
        Objects.requireNonNull(table, "count table must not be null");
        int m = table.rows().size();
        int n = table.columns().size();
        int rNodes = m + 1;
        int cNodes = n + 1;
        long[][] v = new long[rNodes][cNodes];
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

        CellStatus[][] status = new CellStatus[rNodes][cNodes];
        double[][] cost = new double[rNodes][cNodes];
        for (int i = 0; i < rNodes; i++) {
            for (int j = 0; j < cNodes; j++) {
                status[i][j] = v[i][j] >= 1 && v[i][j] < minimum ? CellStatus.PRIMARY : CellStatus.PUBLISHED;
                boolean rowTotal = j == n;
                boolean colTotal = i == m;
                cost[i][j] = (v[i][j] == 0 ? ZERO_COST : v[i][j])
                        + (rowTotal && colTotal ? GRAND_TOTAL_COST : rowTotal || colTotal ? TOTAL_COST : 0);
            }
        }
        int[] bridge;
        while ((bridge = findBridge(status)) != null) {
            closeCycle(status, cost, bridge[0], bridge[1]);
        }
        return SuppressedTable.of(table.title(), table.rows(), table.columns(), minimum, v, status);
    }

    /** A hidden cell whose removal disconnects its row from its column, or null when none. */
    static int[] findBridge(CellStatus[][] status) {
        for (int i = 0; i < status.length; i++) {
            for (int j = 0; j < status[i].length; j++) {
                if (status[i][j].hidden() && !connectedWithout(status, i, j)) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    /** Whether row node {@code r} reaches column node {@code c} over hidden cells other than (r, c). */
    private static boolean connectedWithout(CellStatus[][] status, int r, int c) {
        int rows = status.length;
        int cols = status[0].length;
        boolean[] seenRow = new boolean[rows];
        boolean[] seenCol = new boolean[cols];
        int[] queue = new int[rows + cols];
        int head = 0;
        int tail = 0;
        queue[tail++] = r;
        seenRow[r] = true;
        while (head < tail) {
            int node = queue[head++];
            if (node < rows) {
                for (int j = 0; j < cols; j++) {
                    if (!seenCol[j] && status[node][j].hidden() && !(node == r && j == c)) {
                        if (j == c) {
                            return true;
                        }
                        seenCol[j] = true;
                        queue[tail++] = rows + j;
                    }
                }
            } else {
                int j = node - rows;
                for (int i = 0; i < rows; i++) {
                    if (!seenRow[i] && status[i][j].hidden() && !(i == r && j == c)) {
                        seenRow[i] = true;
                        queue[tail++] = i;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Hides the cheapest path of cells from row {@code r} to column {@code c} (hidden cells cost
     * nothing, the bridge itself is excluded), which puts (r, c) on a cycle. Dijkstra on the
     * complete bipartite graph of rows and columns.
     */
    private static void closeCycle(CellStatus[][] status, double[][] cost, int r, int c) {
        int rows = status.length;
        int cols = status[0].length;
        int nodes = rows + cols;
        double[] dist = new double[nodes];
        int[] prev = new int[nodes];
        boolean[] done = new boolean[nodes];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(prev, -1);
        dist[r] = 0;
        int target = rows + c;
        while (true) {
            int u = -1;
            for (int x = 0; x < nodes; x++) {
                if (!done[x] && dist[x] < Double.POSITIVE_INFINITY && (u < 0 || dist[x] < dist[u])) {
                    u = x;
                }
            }
            if (u < 0) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "cannot protect cell (%d, %d): the table needs at least two rows and two columns with totals",
                        r, c));
            }
            if (u == target) {
                break;
            }
            done[u] = true;
            if (u < rows) {
                for (int j = 0; j < cols; j++) {
                    if (u == r && j == c) {
                        continue;
                    }
                    relax(dist, prev, done, u, rows + j, status[u][j].hidden() ? 0 : cost[u][j]);
                }
            } else {
                int j = u - rows;
                for (int i = 0; i < rows; i++) {
                    if (i == r && j == c) {
                        continue;
                    }
                    relax(dist, prev, done, u, i, status[i][j].hidden() ? 0 : cost[i][j]);
                }
            }
        }
        for (int x = target; prev[x] >= 0; x = prev[x]) {
            int a = Math.min(x, prev[x]);
            int b = Math.max(x, prev[x]) - rows;
            if (!status[a][b].hidden()) {
                status[a][b] = CellStatus.COMPLEMENTARY;
            }
        }
    }

    private static void relax(double[] dist, int[] prev, boolean[] done, int u, int w, double weight) {
        if (!done[w] && dist[u] + weight < dist[w]) {
            dist[w] = dist[u] + weight;
            prev[w] = u;
        }
    }

    /** E.g. {@code Suppression[counts 1 to 10 hidden, with complementary cells]}. */
    @Override
    public String toString() {
        return minimum <= 1 ? "Suppression[nothing under 1 to hide]"
                : String.format(Locale.ROOT, "Suppression[counts 1 to %d hidden, with complementary cells]", minimum - 1);
    }
}
