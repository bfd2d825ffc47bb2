package io.github.peelmetrics.metrics.publish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * A publication as a linear system, for the general audit: non-negative integer unknowns (the
 * "atoms": the finest counts, e.g. the cells of a by-beat table, or each month's increment of a
 * cumulative table), and published or hidden quantities, each the sum of some atoms. A reader
 * knows the values of the published quantities; the bounds of any sum of atoms are the minimum
 * and maximum of the linear programme {@code {sum over q of atoms = value(q) for published q,
 * atoms >= 0}}, solved by {@link Lp} on each connected component (atoms joined by a published
 * quantity), with atoms of a published zero fixed at 0. Package-private; mutable (hiding).
 */
final class Linked {

    /** One published or hidden quantity: a cell or total of a table. */
    static final class Quantity {
        final int table;
        final int row;
        final int column;
        final int[] atoms;
        final long value;
        boolean hidden;

        Quantity(int table, int row, int column, int[] atoms, long value, boolean hidden) {
            this.table = table;
            this.row = row;
            this.column = column;
            this.atoms = atoms;
            this.value = value;
            this.hidden = hidden;
        }
    }

    /** The largest dense simplex tableau (entries) the audit builds: 200 MB of doubles. */
    static final long MAX_TABLEAU = 25_000_000L;

    final long[] atomValue;
    final List<Quantity> quantities = new ArrayList<>();

    Linked(long[] atomValue) {
        this.atomValue = atomValue;
    }

    Quantity add(int table, int row, int column, int[] atoms, boolean hidden) {
        long v = 0;
        for (int a : atoms) {
            v += atomValue[a];
        }
        Quantity q = new Quantity(table, row, column, atoms, v, hidden);
        quantities.add(q);
        return q;
    }

    /**
     * Adds the quantities of an {@code m x n} table over atoms {@code atomOf[i][j]} (each cell a
     * list of atoms), its totals included, hidden as {@code hidden} (augmented); returns them in
     * augmented order.
     */
    Quantity[][] addTable(int table, int[][][] atomOf, boolean[][] hidden) {
        int m = atomOf.length;
        int n = atomOf[0].length;
        Quantity[][] out = new Quantity[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                List<Integer> atoms = new ArrayList<>();
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < n; c++) {
                        if ((i == m || i == r) && (j == n || j == c)) {
                            for (int a : atomOf[r][c]) {
                                atoms.add(a);
                            }
                        }
                    }
                }
                out[i][j] = add(table, i, j, atoms.stream().mapToInt(Integer::intValue).toArray(), hidden[i][j]);
            }
        }
        return out;
    }

    int publishedCount() {
        int p = 0;
        for (Quantity q : quantities) {
            p += q.hidden ? 0 : 1;
        }
        return p;
    }

    /**
     * The bounds {lower, upper} of each form (a set of atoms), rounded inward to integers;
     * upper {@link Network#UNBOUNDED} when unbounded.
     */
    long[][] bounds(List<int[]> forms) {
        int atoms = atomValue.length;
        int[] parent = new int[atoms];
        for (int a = 0; a < atoms; a++) {
            parent[a] = a;
        }
        boolean[] zero = new boolean[atoms];
        boolean[] constrained = new boolean[atoms];
        List<Quantity> published = new ArrayList<>();
        for (Quantity q : quantities) {
            if (q.hidden) {
                continue;
            }
            if (q.value == 0) {
                for (int a : q.atoms) {
                    zero[a] = true;
                }
                continue;
            }
            published.add(q);
            for (int a : q.atoms) {
                constrained[a] = true;
                union(parent, q.atoms[0], a);
            }
        }
        // components: index of each live atom within its component
        int[] root = new int[atoms];
        int[] local = new int[atoms];
        int[] size = new int[atoms];
        for (int a = 0; a < atoms; a++) {
            root[a] = find(parent, a);
            if (!zero[a]) {
                local[a] = size[root[a]]++;
            }
        }
        // equations of each component
        List<List<Quantity>> equations = new ArrayList<>(atoms);
        for (int a = 0; a < atoms; a++) {
            equations.add(null);
        }
        for (Quantity q : published) {
            int r = root[q.atoms[0]];
            if (equations.get(r) == null) {
                equations.set(r, new ArrayList<>());
            }
            equations.get(r).add(q);
        }
        // per component, the forms' parts
        long[][] out = new long[forms.size()][2];
        double[] lo = new double[forms.size()];
        double[] hi = new double[forms.size()];
        List<List<int[]>> parts = new ArrayList<>(atoms);
        List<List<Integer>> owners = new ArrayList<>(atoms);
        for (int a = 0; a < atoms; a++) {
            parts.add(null);
            owners.add(null);
        }
        for (int f = 0; f < forms.size(); f++) {
            int[] form = forms.get(f);
            int[] roots = Arrays.stream(form).filter(a -> !zero[a]).map(a -> root[a]).distinct().toArray();
            for (int r : roots) {
                if (equations.get(r) == null) { // free atoms: [0, inf)
                    hi[f] = Double.POSITIVE_INFINITY;
                    continue;
                }
                int[] part = Arrays.stream(form).filter(a -> !zero[a] && root[a] == r).map(a -> local[a]).toArray();
                if (parts.get(r) == null) {
                    parts.set(r, new ArrayList<>());
                    owners.set(r, new ArrayList<>());
                }
                parts.get(r).add(part);
                owners.get(r).add(f);
            }
        }
        for (int r = 0; r < atoms; r++) {
            if (parts.get(r) == null) {
                continue;
            }
            List<Quantity> eq = equations.get(r);
            int vars = size[r];
            if ((long) eq.size() * (vars + eq.size() + 1) > MAX_TABLEAU) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "the publication is too large for the dense LP audit: %d published values over %d unknown "
                                + "counts in one linked block (at most %d tableau entries); publish fewer releases or "
                                + "smaller tables together", eq.size(), vars, MAX_TABLEAU));
            }
            double[][] a = new double[eq.size()][vars];
            double[] b = new double[eq.size()];
            for (int e = 0; e < eq.size(); e++) {
                for (int x : eq.get(e).atoms) {
                    if (!zero[x]) {
                        a[e][local[x]] += 1;
                    }
                }
                b[e] = eq.get(e).value;
            }
            double[][] bd = Lp.bounds(a, b, vars, parts.get(r).toArray(int[][]::new));
            for (int p = 0; p < bd.length; p++) {
                int f = owners.get(r).get(p);
                lo[f] += bd[p][0];
                hi[f] += bd[p][1];
            }
        }
        for (int f = 0; f < forms.size(); f++) {
            out[f][0] = Math.max(0, (long) Math.ceil(lo[f] - 1e-6));
            out[f][1] = Double.isInfinite(hi[f]) ? Network.UNBOUNDED : (long) Math.floor(hi[f] + 1e-6);
        }
        return out;
    }

    private static int find(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    static OptionalLong upper(long u) {
        return u == Network.UNBOUNDED ? OptionalLong.empty() : OptionalLong.of(u);
    }
}
