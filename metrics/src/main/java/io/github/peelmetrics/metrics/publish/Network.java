package io.github.peelmetrics.metrics.publish;

import java.util.Arrays;

/**
 * A two-way table with its totals as a circulation, for exact audits and for choosing
 * complementary cells. Nodes: a source {@code S}, one node per row, one per column, a sink
 * {@code T}. Arcs: {@code S -> row i} carries row total i, {@code row i -> column j} cell (i, j),
 * {@code column j -> T} column total j, {@code T -> S} the grand total. Flow conservation at every
 * node is exactly the set of equations "a row (column, the total row) sums to its total", so the
 * values a reader cannot exclude, given the published arcs, are the non-negative circulations that
 * agree with them. The largest value of a hidden arc {@code u -> v} is its value plus the maximum
 * flow from {@code v} to {@code u} in the residual graph of the other hidden arcs (forward
 * capacity unbounded, backward capacity the arc's value); the smallest is its value minus the
 * maximum flow from {@code u} to {@code v}, at most its value. The constraint matrix of a network
 * is totally unimodular, so these bounds of the linear programme are integers and are attained by
 * integer tables (Cox, "Network models for complementary cell suppression", JASA 90 (1995)).
 *
 * <p>Addressed as the augmented {@code (m+1) x (n+1)} array: row {@code m} holds the column totals,
 * column {@code n} the row totals, {@code (m, n)} the grand total. Not thread-safe (scratch arrays).
 */
final class Network {

    static final long UNBOUNDED = Long.MAX_VALUE;

    final int m;
    final int n;
    final long[][] value;
    final boolean[][] hidden;
    private final int nodes;
    private final HubCut hub;
    // adjacency of hidden arcs by node, rebuilt lazily
    private int[][] adj;
    private int[] adjSize;
    private boolean dirty = true;
    // scratch
    private long[] delta;      // flow change on each arc (index i * (n + 1) + j)
    private int[] touched;
    private int touchedSize;
    private final int[] prevArc;
    private final boolean[] prevForward;
    private final int[] queue;
    private final int[] mark;
    private int stamp;

    /** A network that answers bounds by {@link HubCut} when the table has few rows or few columns. */
    Network(long[][] value, boolean[][] hidden) {
        this(value, hidden, HubCut.suitable(value));
    }

    Network(long[][] value, boolean[][] hidden, boolean hubs) {
        this.hub = hubs ? new HubCut(value, hidden) : null;
        this.value = value;
        this.hidden = hidden;
        this.m = value.length - 1;
        this.n = value[0].length - 1;
        this.nodes = m + n + 2;
        this.delta = new long[(m + 1) * (n + 1)];
        this.touched = new int[16];
        this.prevArc = new int[nodes];
        this.prevForward = new boolean[nodes];
        this.queue = new int[nodes];
        this.mark = new int[nodes];
    }

    int source() {
        return 0;
    }

    int sink() {
        return m + n + 1;
    }

    /** The tail node of the arc of augmented cell (i, j). */
    int tail(int i, int j) {
        return j == n ? (i == m ? sink() : source()) : (i == m ? 1 + m + j : 1 + i);
    }

    /** The head node of the arc of augmented cell (i, j). */
    int head(int i, int j) {
        return j == n ? (i == m ? source() : 1 + i) : (i == m ? sink() : 1 + m + j);
    }

    void hide(int i, int j) {
        if (!hidden[i][j]) {
            hidden[i][j] = true;
            dirty = true;
            if (hub != null) {
                hub.hide(i, j);
            }
        }
    }

    private void rebuild() {
        int[] deg = new int[nodes];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                if (hidden[i][j]) {
                    deg[tail(i, j)]++;
                    deg[head(i, j)]++;
                }
            }
        }
        adj = new int[nodes][];
        adjSize = new int[nodes];
        for (int x = 0; x < nodes; x++) {
            adj[x] = new int[deg[x]];
        }
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                if (hidden[i][j]) {
                    int a = i * (n + 1) + j;
                    int u = tail(i, j);
                    int v = head(i, j);
                    adj[u][adjSize[u]++] = a;
                    adj[v][adjSize[v]++] = a;
                }
            }
        }
        dirty = false;
    }

    /**
     * The largest flow, up to {@code cap}, from {@code from} to {@code to} over the hidden arcs other
     * than {@code excluded}; {@code cap} when a path of unbounded capacity exists. Leaves the
     * flow in {@link #delta} until {@link #reset()}.
     */
    long maxFlow(int from, int to, int excluded, long cap) {
        if (dirty) {
            rebuild();
        }
        long total = 0;
        while (total < cap) {
            long b = augmentingPath(from, to, excluded);
            if (b == 0) {
                break;
            }
            if (b == UNBOUNDED) {
                return cap; // a path of unbounded capacity: any amount up to the cap
            }
            b = Math.min(b, cap - total);
            for (int x = to; x != from; ) {
                int a = prevArc[x];
                if (prevForward[x]) {
                    addDelta(a, b);
                    x = tail(a / (n + 1), a % (n + 1));
                } else {
                    addDelta(a, -b);
                    x = head(a / (n + 1), a % (n + 1));
                }
            }
            total += b;
        }
        return total;
    }

    private void addDelta(int a, long d) {
        if (delta[a] == 0) {
            if (touchedSize == touched.length) {
                touched = Arrays.copyOf(touched, touchedSize * 2);
            }
            touched[touchedSize++] = a;
        }
        delta[a] += d;
    }

    void reset() {
        for (int x = 0; x < touchedSize; x++) {
            delta[touched[x]] = 0;
        }
        touchedSize = 0;
    }

    /** Breadth-first search of the residual graph; the bottleneck of the path found, 0 when none. */
    private long augmentingPath(int from, int to, int excluded) {
        stamp++;
        int qh = 0;
        int qt = 0;
        queue[qt++] = from;
        mark[from] = stamp;
        while (qh < qt) {
            int x = queue[qh++];
            int[] arcs = adj[x];
            for (int k = 0, s = adjSize[x]; k < s; k++) {
                int a = arcs[k];
                if (a == excluded) {
                    continue;
                }
                int i = a / (n + 1);
                int j = a % (n + 1);
                int u = tail(i, j);
                int y;
                boolean forward;
                if (u == x) { // forward arc: unbounded residual
                    y = head(i, j);
                    forward = true;
                } else { // backward: the arc's value plus what was pushed on it
                    if (value[i][j] + delta[a] <= 0) {
                        continue;
                    }
                    y = u;
                    forward = false;
                }
                if (mark[y] == stamp) {
                    continue;
                }
                mark[y] = stamp;
                prevArc[y] = a;
                prevForward[y] = forward;
                if (y == to) {
                    return bottleneck(from, to);
                }
                queue[qt++] = y;
            }
        }
        return 0;
    }

    private long bottleneck(int from, int to) {
        long b = UNBOUNDED;
        for (int x = to; x != from; ) {
            int a = prevArc[x];
            int i = a / (n + 1);
            int j = a % (n + 1);
            if (prevForward[x]) {
                x = tail(i, j);
            } else {
                b = Math.min(b, value[i][j] + delta[a]);
                x = head(i, j);
            }
        }
        return b;
    }

    /** The backward residual capacity of hidden arc (i, j) under the current flow. */
    long residualBackward(int i, int j) {
        return value[i][j] + delta[i * (n + 1) + j];
    }

    /** How far the hidden value (i, j) can rise, up to {@code cap} ({@link #UNBOUNDED} possible). */
    long up(int i, int j, long cap) {
        if (hub != null) {
            return Math.min(cap, hub.flow(i, j, true));
        }
        long f = maxFlow(head(i, j), tail(i, j), i * (n + 1) + j, cap);
        reset();
        return f;
    }

    /** How far the hidden value (i, j) can fall, up to {@code cap}. */
    long down(int i, int j, long cap) {
        if (hub != null) {
            return Math.min(Math.min(cap, value[i][j]), hub.flow(i, j, false));
        }
        long f = maxFlow(tail(i, j), head(i, j), i * (n + 1) + j, Math.min(cap, value[i][j]));
        reset();
        return f;
    }

    /** The exact interval {lower, upper} of hidden value (i, j); upper {@link #UNBOUNDED} when unbounded. */
    long[] bounds(int i, int j) {
        long up = up(i, j, UNBOUNDED);
        long down = down(i, j, UNBOUNDED);
        return new long[] {value[i][j] - down, up == UNBOUNDED ? UNBOUNDED : value[i][j] + up};
    }
}
