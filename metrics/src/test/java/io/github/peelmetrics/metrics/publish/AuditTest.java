package io.github.peelmetrics.metrics.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit's intervals against an independent LP (Commons Math's simplex, in the published values). */
class AuditTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(400);
    }

    /** An augmented table (cells, row totals, column totals, grand total) of random small counts. */
    static long[][] randomAugmented(SplittableRandom r, int m, int n) {
        int spread = r.nextInt(3) == 0 ? 6 : r.nextInt(3) == 0 ? 200 : 30;
        long[][] c = new long[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = r.nextInt(5) == 0 ? 0 : r.nextInt(spread);
            }
        }
        return augment(c);
    }

    static long[][] augment(long[][] c) {
        int m = c.length;
        int n = c[0].length;
        long[][] v = new long[m + 1][n + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = c[i][j];
                v[i][n] += c[i][j];
                v[m][j] += c[i][j];
                v[m][n] += c[i][j];
            }
        }
        return v;
    }

    static boolean[][] randomHidden(SplittableRandom r, int m, int n) {
        double p = r.nextInt(3) == 0 ? 0.6 : 0.3;
        boolean[][] h = new boolean[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                h[i][j] = r.nextDouble() < p;
            }
        }
        return h;
    }

    static List<int[]> term(int t, int i, int j) {
        List<int[]> l = new ArrayList<>();
        l.add(new int[] {t, i, j, 1});
        return l;
    }

    static boolean[][] copy(boolean[][] h) {
        boolean[][] c = new boolean[h.length][];
        for (int i = 0; i < h.length; i++) {
            c[i] = h[i].clone();
        }
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void networkAndLpBoundsEqualAnIndependentLp(Seeded seed) {
        SplittableRandom r = seed.random();
        int m = Seeded.edgy(r, 1, 5);
        int n = Seeded.edgy(r, 1, 5);
        long[][] v = randomAugmented(r, m, n);
        boolean[][] h = randomHidden(r, m, n);
        Network net = new Network(v, copy(h), true);
        Network flows = new Network(v, copy(h), false);
        IndependentLp oracle = new IndependentLp();
        oracle.table(v, h);
        // Peel's general LP over atoms (the cells)
        long[] atoms = new long[m * n];
        int[][][] atomOf = new int[m][n][];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                atoms[i * n + j] = v[i][j];
                atomOf[i][j] = new int[] {i * n + j};
            }
        }
        Linked model = new Linked(atoms);
        Linked.Quantity[][] qs = model.addTable(0, atomOf, h);
        List<int[]> forms = new ArrayList<>();
        List<int[]> where = new ArrayList<>();
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                if (h[i][j]) {
                    forms.add(qs[i][j].atoms);
                    where.add(new int[] {i, j});
                }
            }
        }
        long[][] lp = model.bounds(forms);
        for (int x = 0; x < forms.size(); x++) {
            int i = where.get(x)[0];
            int j = where.get(x)[1];
            long[] expected = oracle.bounds(term(0, i, j));
            String msg = seed + ": value " + v[i][j] + " at (" + i + ", " + j + ") of " + m + "x" + n;
            assertArrayEquals(expected, net.bounds(i, j), msg + " (network by hub cuts)");
            assertArrayEquals(expected, flows.bounds(i, j), msg + " (network by augmenting paths)");
            assertArrayEquals(expected, lp[x], msg + " (LP over atoms)");
            assertTrue(expected[0] <= v[i][j] && v[i][j] <= expected[1], msg);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void historyBoundsEqualAnIndependentLp(Seeded seed) {
        SplittableRandom r = seed.random();
        int m = Seeded.edgy(r, 1, 3);
        int n = Seeded.edgy(r, 1, 3);
        long[][] first = new long[m][n];
        long[][] second = new long[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                first[i][j] = r.nextInt(4) == 0 ? 0 : r.nextInt(25);
                second[i][j] = first[i][j] + (r.nextInt(3) == 0 ? 0 : r.nextInt(15));
            }
        }
        long[][] v1 = augment(first);
        long[][] v2 = augment(second);
        boolean[][] h1 = randomHidden(r, m, n);
        boolean[][] h2 = randomHidden(r, m, n);
        IndependentLp oracle = new IndependentLp();
        oracle.table(v1, h1);
        oracle.table(v2, h2);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                oracle.constraint(List.of(new int[] {1, i, j, 1}, new int[] {0, i, j, -1}),
                        org.apache.commons.math3.optim.linear.Relationship.GEQ);
            }
        }
        long[] atoms = new long[2 * m * n];
        int[][][] atom1 = new int[m][n][];
        int[][][] atom2 = new int[m][n][];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                atoms[i * n + j] = first[i][j];
                atoms[m * n + i * n + j] = second[i][j] - first[i][j];
                atom1[i][j] = new int[] {i * n + j};
                atom2[i][j] = new int[] {i * n + j, m * n + i * n + j};
            }
        }
        Linked model = new Linked(atoms);
        Linked.Quantity[][] q1 = model.addTable(0, atom1, h1);
        Linked.Quantity[][] q2 = model.addTable(1, atom2, h2);
        List<int[]> forms = new ArrayList<>();
        List<List<int[]>> terms = new ArrayList<>();
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                if (h1[i][j]) {
                    forms.add(q1[i][j].atoms);
                    terms.add(term(0, i, j));
                }
                if (h2[i][j]) {
                    forms.add(q2[i][j].atoms);
                    terms.add(term(1, i, j));
                }
                // the increment of every value: the month's count by subtraction
                forms.add(java.util.Arrays.stream(q2[i][j].atoms).filter(a -> a >= m * n).toArray());
                terms.add(List.of(new int[] {1, i, j, 1}, new int[] {0, i, j, -1}));
            }
        }
        long[][] lp = model.bounds(forms);
        for (int x = 0; x < forms.size(); x++) {
            assertArrayEquals(oracle.bounds(terms.get(x)), lp[x], seed + ": form " + x);
        }
    }

    @Test
    void boundsSayWhatAReaderCanDerive() {
        Audit.Bound b = new Audit.Bound("stops", "black", "B1", 0, OptionalLong.of(14));
        assertEquals("(black, B1) in stops: [0, 14]", b.toString());
        assertTrue(b.contains(0, 11));
        assertTrue(!b.contains(0, 15));
        assertEquals("(total, total) in stops: [3, unbounded]",
                new Audit.Bound("stops", "total", "total", 3, OptionalLong.empty()).toString());
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Audit.Bound("stops", "a", "b", 5, OptionalLong.of(4)));
        assertEquals("bound of (a, b) in stops must satisfy 0 <= lower <= upper: [5, 4]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Audit(0, 1, List.of(), true));
    }

    /** Every integer table that agrees with what is shown: the hidden cells by enumeration, totals by sum. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void networkBoundsAreAttainedByIntegerTables(Seeded seed) {
        SplittableRandom r = seed.random();
        int m = Seeded.edgy(r, 1, 2);
        int n = Seeded.edgy(r, 1, 3);
        long[][] c = new long[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = r.nextInt(4) == 0 ? 0 : r.nextInt(5);
            }
        }
        long[][] v = augment(c);
        boolean[][] h = randomHidden(r, m, n);
        h[m][n] = false; // a shown grand total bounds every cell, so the enumeration is finite
        long cap = v[m][n];
        long[][] lo = new long[m + 1][n + 1];
        long[][] hi = new long[m + 1][n + 1];
        for (long[] row : lo) {
            java.util.Arrays.fill(row, Long.MAX_VALUE);
        }
        long[][] x = new long[m][n];
        enumerate(0, m, n, cap, v, h, x, lo, hi);
        Network net = new Network(v, copy(h));
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                if (h[i][j]) {
                    assertArrayEquals(new long[] {lo[i][j], hi[i][j]}, net.bounds(i, j),
                            seed + ": (" + i + ", " + j + ") of " + java.util.Arrays.deepToString(v));
                }
            }
        }
    }

    private static void enumerate(int k, int m, int n, long cap, long[][] v, boolean[][] h, long[][] x, long[][] lo,
                                  long[][] hi) {
        if (k == m * n) {
            long[][] a = augment(x);
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    if (!h[i][j] && a[i][j] != v[i][j]) {
                        return;
                    }
                }
            }
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    lo[i][j] = Math.min(lo[i][j], a[i][j]);
                    hi[i][j] = Math.max(hi[i][j], a[i][j]);
                }
            }
            return;
        }
        int i = k / n;
        int j = k % n;
        if (!h[i][j]) {
            x[i][j] = v[i][j];
            enumerate(k + 1, m, n, cap, v, h, x, lo, hi);
            return;
        }
        long most = cap; // no cell exceeds a shown total of its row or column
        if (!h[i][n]) {
            most = Math.min(most, v[i][n]);
        }
        if (!h[m][j]) {
            most = Math.min(most, v[m][j]);
        }
        for (long t = 0; t <= most; t++) {
            x[i][j] = t;
            enumerate(k + 1, m, n, cap, v, h, x, lo, hi);
        }
    }

    @Test
    void countTablesRetitleAndGiveTheirTotals() {
        CountTable t = CountTable.of("stops", List.of("a", "b"), List.of("x", "y"), new long[][] {{3, 40}, {50, 60}});
        assertEquals("by beat", t.withTitle("by beat").title());
        assertEquals(t.counts(), t.withTitle("by beat").counts());
        CountTable city = t.totals("city-wide");
        assertEquals(List.of("all"), city.columns());
        assertEquals(List.of(List.of(43L), List.of(110L)), city.counts());
        assertEquals(153, city.total());
    }
}
