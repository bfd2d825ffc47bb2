package io.github.peelmetrics.metrics.publish;

/**
 * Exact maximum flows of a table's {@link Network} by minimum cuts over its few "hubs", for tables
 * with few rows (or few columns: the table is transposed, which reverses the network and leaves
 * every bound unchanged).
 *
 * <p>The hubs are the source {@code S}, the sink {@code T} and the row nodes; every other node is
 * a column, and columns are joined only to hubs. A maximum flow between two nodes equals the
 * capacity of a minimum cut (Ford and Fulkerson); once the hubs are split into a source side
 * {@code A} and a sink side {@code B}, each column independently takes the cheaper side: on the
 * source side it cuts its arcs into {@code B} (the values of its hidden cells in rows of
 * {@code B}, unbounded if its hidden total leads to {@code T} in {@code B}), on the sink side the
 * arcs from {@code A} (unbounded if a hidden cell joins it to a row in {@code A}, its total if
 * hidden and {@code T} is in {@code A}). So with {@code W(A)} the sum over columns of the cheaper
 * side, kept for all {@code 2^(rows + 2)} splits, a bound is a minimum over splits of
 * {@code W(A)} plus the arcs between hubs, corrected for the column and the arc of the value
 * asked about: {@code O(2^(rows+2) * rows)} per value instead of a flow computation over the
 * whole table. Package-private, not thread-safe.
 */
final class HubCut {

    static final long INF = Long.MAX_VALUE / 8;
    /** The largest number of hubs (rows + 2) for which the splits are enumerated. */
    static final int MAX_HUBS = 12;

    private final boolean transposed;
    private final int m;
    private final int n;
    private final long[][] v;
    private final boolean[][] h;
    private final int[] hiddenRows; // per column: bit mask of rows whose cell is hidden
    private final int sBit;
    private final int tBit;
    private final int masks;
    // W(A) and the hub arcs' cut, each as a finite sum and a count of unbounded terms
    private final long[] w;
    private final int[] wInf;
    private final long[] hub;
    private final int[] hubInf;

    static boolean suitable(long[][] value) {
        return Math.min(value.length - 1, value[0].length - 1) + 2 <= MAX_HUBS;
    }

    HubCut(long[][] value, boolean[][] hidden) {
        int rows = value.length - 1;
        int cols = value[0].length - 1;
        transposed = rows > cols;
        m = transposed ? cols : rows;
        n = transposed ? rows : cols;
        v = new long[m + 1][n + 1];
        h = new boolean[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                v[i][j] = transposed ? value[j][i] : value[i][j];
                h[i][j] = transposed ? hidden[j][i] : hidden[i][j];
            }
        }
        sBit = 1 << m;
        tBit = 1 << (m + 1);
        masks = 1 << (m + 2);
        hiddenRows = new int[n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < m; r++) {
                if (h[r][c]) {
                    hiddenRows[c] |= 1 << r;
                }
            }
        }
        w = new long[masks];
        wInf = new int[masks];
        hub = new long[masks];
        hubInf = new int[masks];
        for (int a = 0; a < masks; a++) {
            for (int c = 0; c < n; c++) {
                long x = contribution(c, a);
                if (x >= INF) {
                    wInf[a]++;
                } else {
                    w[a] += x;
                }
            }
            for (int r = 0; r <= m; r++) {
                long x = hubArc(r, a);
                if (x >= INF) {
                    hubInf[a]++;
                } else {
                    hub[a] += x;
                }
            }
        }
    }

    private static long add(long x, long y) {
        return Math.min(INF, x + y);
    }

    /** The cheaper side of column {@code c} for split {@code a}. */
    private long contribution(int c, int a) {
        return Math.min(out(c, a, -1, true), in(c, a, -1, true));
    }

    /** Column c on the source side: its arcs into B; skipping row {@code skip}'s cell, and its total unless {@code total}. */
    private long out(int c, int a, int skip, boolean total) {
        long s = 0;
        int rows = hiddenRows[c] & ~a;
        if (skip >= 0) {
            rows &= ~(1 << skip);
        }
        while (rows != 0) {
            int r = Integer.numberOfTrailingZeros(rows);
            rows &= rows - 1;
            s = add(s, v[r][c]);
        }
        if (total && h[m][c] && (a & tBit) == 0) {
            s = INF;
        }
        return s;
    }

    /** Column c on the sink side: the arcs from A into it; skipping row {@code skip}'s cell, and its total unless {@code total}. */
    private long in(int c, int a, int skip, boolean total) {
        int rows = hiddenRows[c] & a;
        if (skip >= 0) {
            rows &= ~(1 << skip);
        }
        long s = rows != 0 ? INF : 0;
        if (total && h[m][c] && (a & tBit) != 0) {
            s = add(s, v[m][c]);
        }
        return s;
    }

    /** The cut capacity of hub arc r (a row total, or the grand total when r == m) for split a. */
    private long hubArc(int r, int a) {
        if (!h[r][n]) {
            return 0;
        }
        boolean sIn = (a & sBit) != 0;
        if (r < m) { // S -> R_r forward unbounded; R_r -> S backward, the row total
            boolean rIn = (a >> r & 1) != 0;
            return sIn && !rIn ? INF : rIn && !sIn ? v[r][n] : 0;
        }
        boolean tIn = (a & tBit) != 0; // T -> S forward unbounded; S -> T backward, the grand total
        return tIn && !sIn ? INF : sIn && !tIn ? v[m][n] : 0;
    }

    /** Hides value (i, j), in the table's own coordinates. */
    void hide(int i, int j) {
        int oi = transposed ? j : i;
        int oj = transposed ? i : j;
        if (h[oi][oj]) {
            return;
        }
        if (oj < n) {
            for (int a = 0; a < masks; a++) {
                long x = contribution(oj, a);
                if (x >= INF) {
                    wInf[a]--;
                } else {
                    w[a] -= x;
                }
            }
            h[oi][oj] = true;
            if (oi < m) {
                hiddenRows[oj] |= 1 << oi;
            }
            for (int a = 0; a < masks; a++) {
                long x = contribution(oj, a);
                if (x >= INF) {
                    wInf[a]++;
                } else {
                    w[a] += x;
                }
            }
        } else {
            h[oi][oj] = true; // a hub arc was not hidden before: it added nothing
            for (int a = 0; a < masks; a++) {
                long x = hubArc(oi, a);
                if (x >= INF) {
                    hubInf[a]++;
                } else {
                    hub[a] += x;
                }
            }
        }
    }

    /**
     * The maximum flow that can rise ({@code up}) or fall the value (i, j) in the table's own
     * coordinates: {@link Network#UNBOUNDED} when unbounded. The value must be hidden.
     */
    long flow(int i, int j, boolean up) {
        int oi = transposed ? j : i;
        int oj = transposed ? i : j;
        long best = INF;
        if (oi < m && oj < n) { // a cell: arc R_i -> C_j
            int bit = 1 << oi;
            for (int a = 0; a < masks; a++) {
                boolean iIn = (a & bit) != 0;
                if (up == iIn) {
                    continue; // up: C_j source, R_i sink (i in B); down: R_i source (i in A), C_j sink
                }
                long base = rest(oj, a);
                long special = up ? out(oj, a, oi, true) : in(oj, a, oi, true);
                best = Math.min(best, add(base, special));
            }
        } else if (oi == m && oj < n) { // a column total: arc C_j -> T
            for (int a = 0; a < masks; a++) {
                boolean tIn = (a & tBit) != 0;
                if (up != tIn) {
                    continue; // up: T source (in A), C_j sink; down: C_j source, T sink (not in A)
                }
                long base = rest(oj, a);
                long special = up ? in(oj, a, -1, false) : out(oj, a, -1, false);
                best = Math.min(best, add(base, special));
            }
        } else { // a hub arc: a row total S -> R_i, or the grand total T -> S
            int tailBit = oi < m ? sBit : tBit;
            int headBit = oi < m ? 1 << oi : sBit;
            for (int a = 0; a < masks; a++) {
                // up: from head to tail (head in A, tail in B); down: from tail to head
                int from = up ? headBit : tailBit;
                int to = up ? tailBit : headBit;
                if ((a & from) == 0 || (a & to) != 0) {
                    continue;
                }
                long own = hubArc(oi, a);
                int inf = hubInf[a] - (own >= INF ? 1 : 0) + wInf[a];
                long cut = inf > 0 ? INF : add(hub[a] - (own >= INF ? 0 : own), w[a]);
                best = Math.min(best, cut);
            }
        }
        return best >= INF ? Network.UNBOUNDED : best;
    }

    /** Every column but c at its cheaper side, plus the arcs between hubs. */
    private long rest(int c, int a) {
        long own = contribution(c, a);
        int inf = wInf[a] - (own >= INF ? 1 : 0) + hubInf[a];
        return inf > 0 ? INF : add(w[a] - (own >= INF ? 0 : own), hub[a]);
    }
}
