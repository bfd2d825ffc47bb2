package io.github.peelmetrics.metrics.publish;

import java.util.Arrays;
import java.util.Locale;

/**
 * Chooses complementary cells of one two-way table (a {@link Network}) until every hidden value
 * that needs protection can move far enough both ways: down by {@code needDown} and up by
 * {@code needUp}. For a value that fails, it hides the cheapest set of published cells that opens
 * a further augmenting path in the residual network (Dijkstra over the table's cells: hidden cells
 * with residual capacity cost nothing, a published cell costs its count, a zero much more, totals
 * far more), and checks again; each round hides at least one cell, so it ends. Hiding a cell only
 * removes an equation, so an interval never narrows and one sweep that hides nothing proves every
 * requirement met. Package-private, not thread-safe.
 */
final class Protector {

    static final long ZERO_COST = 1_000_000L;
    static final long TOTAL_COST = 1_000_000_000L;
    static final long GRAND_TOTAL_COST = 1_000_000_000_000L;

    private final Network net;
    private final long k;
    private final long[][] cost;
    /** Requirements beyond "a hidden count under k can be 0 and k": {down, up} of value (i, j), or null. */
    private final long[][][] extra;
    // Dijkstra scratch
    private final long[] dist;
    private final int[] prevArc;
    private final boolean[] done;
    private final long[] heapKey;
    private final int[] heapNode;

    Protector(Network net, long k, long[][][] extra) {
        this.net = net;
        this.k = k;
        this.extra = extra;
        int m = net.m;
        int n = net.n;
        cost = new long[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                long v = net.value[i][j];
                boolean rowTotal = j == n;
                boolean colTotal = i == m;
                cost[i][j] = (v == 0 ? ZERO_COST : v)
                        + (rowTotal && colTotal ? GRAND_TOTAL_COST : rowTotal || colTotal ? TOTAL_COST : 0);
            }
        }
        int nodes = m + n + 2;
        dist = new long[nodes];
        prevArc = new int[nodes];
        done = new boolean[nodes];
        int arcs = (m + 1) * (n + 1) * 2 + nodes;
        heapKey = new long[arcs];
        heapNode = new int[arcs];
    }

    long needDown(int i, int j) {
        long d = net.hidden[i][j] && net.value[i][j] < k ? net.value[i][j] : 0;
        return extra != null && extra[i][j] != null ? Math.max(d, extra[i][j][0]) : d;
    }

    long needUp(int i, int j) {
        long u = net.hidden[i][j] && net.value[i][j] < k ? k - net.value[i][j] : 0;
        return extra != null && extra[i][j] != null ? Math.max(u, extra[i][j][1]) : u;
    }

    /** Hides cells until every requirement holds. */
    void protect() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i <= net.m; i++) {
                for (int j = 0; j <= net.n; j++) {
                    if (net.hidden[i][j]) {
                        changed |= ensure(i, j);
                    }
                }
            }
        }
    }

    /** Whether every hidden value meets its requirement (a check only). */
    boolean satisfied() {
        for (int i = 0; i <= net.m; i++) {
            for (int j = 0; j <= net.n; j++) {
                if (net.hidden[i][j]) {
                    long up = needUp(i, j);
                    long down = needDown(i, j);
                    if ((up > 0 && net.up(i, j, up) < up) || (down > 0 && net.down(i, j, down) < down)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private boolean ensure(int i, int j) {
        boolean changed = false;
        int e = i * (net.n + 1) + j;
        for (int direction = 0; direction < 2; direction++) {
            long need = direction == 0 ? needUp(i, j) : needDown(i, j);
            if (need <= 0) {
                continue;
            }
            // up: flow from head to tail; down: from tail to head
            if ((direction == 0 ? net.up(i, j, need) : net.down(i, j, need)) >= need) {
                continue; // the common case, answered without a flow computation when the network has hubs
            }
            int from = direction == 0 ? net.head(i, j) : net.tail(i, j);
            int to = direction == 0 ? net.tail(i, j) : net.head(i, j);
            while (true) {
                long got = net.maxFlow(from, to, e, need);
                if (got >= need) {
                    net.reset();
                    break;
                }
                boolean found = cheapestPath(from, to, e);
                net.reset();
                if (!found) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "cannot protect the value at (%d, %d): the table is too small for complementary cells",
                            i, j));
                }
                changed = true;
            }
        }
        return changed;
    }

    /** Dijkstra from {@code from} to {@code to} over all arcs but {@code excluded}; hides the published arcs on the path. */
    private boolean cheapestPath(int from, int to, int excluded) {
        int m = net.m;
        int n = net.n;
        Arrays.fill(dist, Long.MAX_VALUE);
        Arrays.fill(done, false);
        Arrays.fill(prevArc, -1);
        dist[from] = 0;
        int size = 0;
        heapKey[0] = 0;
        heapNode[0] = from;
        size = 1;
        while (size > 0) {
            long d = heapKey[0];
            int x = heapNode[0];
            size = pop(size);
            if (done[x] || d > dist[x]) {
                continue;
            }
            done[x] = true;
            if (x == to) {
                break;
            }
            // incident arcs of x
            if (x == net.source()) {
                for (int i = 0; i < m; i++) {
                    size = relax(x, i, n, size, excluded);
                }
                size = relax(x, m, n, size, excluded);
            } else if (x == net.sink()) {
                for (int j = 0; j < n; j++) {
                    size = relax(x, m, j, size, excluded);
                }
                size = relax(x, m, n, size, excluded);
            } else if (x <= m) {
                int i = x - 1;
                for (int j = 0; j <= n; j++) {
                    size = relax(x, i, j, size, excluded);
                }
            } else {
                int j = x - 1 - m;
                for (int i = 0; i <= m; i++) {
                    size = relax(x, i, j, size, excluded);
                }
            }
        }
        if (!done[to]) {
            return false;
        }
        for (int x = to; x != from; ) {
            int a = prevArc[x];
            int i = a / (n + 1);
            int j = a % (n + 1);
            net.hide(i, j);
            x = net.tail(i, j) == x ? net.head(i, j) : net.tail(i, j);
        }
        return true;
    }

    private int relax(int x, int i, int j, int size, int excluded) {
        int a = i * (net.n + 1) + j;
        if (a == excluded) {
            return size;
        }
        int tail = net.tail(i, j);
        boolean forward = tail == x;
        int y = forward ? net.head(i, j) : tail;
        if (done[y]) {
            return size;
        }
        long w;
        if (net.hidden[i][j]) {
            if (!forward && net.residualBackward(i, j) <= 0) {
                return size;
            }
            w = 0;
        } else {
            if (!forward && net.value[i][j] <= 0) {
                return size;
            }
            w = cost[i][j];
        }
        long nd = dist[x] + w;
        if (nd < dist[y]) {
            dist[y] = nd;
            prevArc[y] = a;
            return push(size, nd, y);
        }
        return size;
    }

    private int push(int size, long key, int node) {
        int c = size;
        heapKey[c] = key;
        heapNode[c] = node;
        while (c > 0) {
            int p = (c - 1) / 2;
            if (heapKey[p] <= heapKey[c]) {
                break;
            }
            swap(p, c);
            c = p;
        }
        return size + 1;
    }

    private int pop(int size) {
        size--;
        heapKey[0] = heapKey[size];
        heapNode[0] = heapNode[size];
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int s = l + 1 < size && heapKey[l + 1] < heapKey[l] ? l + 1 : l;
            if (heapKey[c] <= heapKey[s]) {
                break;
            }
            swap(c, s);
            c = s;
        }
        return size;
    }

    private void swap(int a, int b) {
        long k1 = heapKey[a];
        heapKey[a] = heapKey[b];
        heapKey[b] = k1;
        int n1 = heapNode[a];
        heapNode[a] = heapNode[b];
        heapNode[b] = n1;
    }
}
