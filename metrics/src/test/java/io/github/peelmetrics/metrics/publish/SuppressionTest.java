package io.github.peelmetrics.metrics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.metrics.disparity.Benchmark;
import io.github.peelmetrics.metrics.disparity.Disparity;
import io.github.peelmetrics.metrics.stops.RandomStops;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuppressionTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    static CountTable randomTable(SplittableRandom r) {
        int m = Seeded.edgy(r, 1, 7);
        int n = Seeded.edgy(r, 1, 7);
        int spread = r.nextInt(4) == 0 ? 8 : r.nextInt(4) == 0 ? 400 : 40;
        long[][] c = new long[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = r.nextInt(6) == 0 ? 0 : r.nextInt(spread);
            }
        }
        return CountTable.of("t", IntStream.range(0, m).mapToObj(i -> "r" + i).toList(),
                IntStream.range(0, n).mapToObj(j -> "c" + j).toList(), c);
    }

    /** The augmented value at (i, j): cells, row totals in the last column, column totals in the last row. */
    static long value(CountTable t, int i, int j) {
        int m = t.rows().size();
        int n = t.columns().size();
        if (i < m && j < n) {
            return t.count(i, j);
        }
        if (i < m) {
            return t.rowTotal(i);
        }
        return j < n ? t.columnTotal(j) : t.total();
    }

    static OptionalLong shown(SuppressedTable s, int i, int j) {
        int m = s.rows().size();
        int n = s.columns().size();
        if (i < m && j < n) {
            return s.cell(i, j);
        }
        if (i < m) {
            return s.rowTotal(i);
        }
        return j < n ? s.columnTotal(j) : s.total();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void suppressionNeverLeavesAHiddenCellDerivable(Seeded seed) {
        SplittableRandom r = seed.random();
        CountTable t = randomTable(r);
        long k = 1 + r.nextInt(12);
        SuppressedTable s = Suppression.minimumCount(k).apply(t);
        int rows = t.rows().size() + 1;
        int cols = t.columns().size() + 1;
        List<int[]> hidden = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                long v = value(t, i, j);
                OptionalLong shown = shown(s, i, j);
                if (shown.isPresent()) {
                    assertEquals(v, shown.getAsLong(), seed + " shown value");
                    assertTrue(v == 0 || v >= k, seed + ": a count " + v + " under " + k + " is shown at " + i + "," + j);
                } else {
                    hidden.add(new int[] {i, j});
                }
            }
        }
        // The equations: each row of the table balances against its total, each column against its total.
        // Unknowns: the hidden values. A hidden value is derivable iff its unit vector lies in the row space.
        int h = hidden.size();
        List<double[]> equations = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double[] e = new double[h];
            for (int x = 0; x < h; x++) {
                if (hidden.get(x)[0] == i) {
                    e[x] = hidden.get(x)[1] == cols - 1 ? -1 : 1;
                }
            }
            equations.add(e);
        }
        for (int j = 0; j < cols; j++) {
            double[] e = new double[h];
            for (int x = 0; x < h; x++) {
                if (hidden.get(x)[1] == j) {
                    e[x] = hidden.get(x)[0] == rows - 1 ? -1 : 1;
                }
            }
            equations.add(e);
        }
        int rank = rank(equations, h);
        for (int x = 0; x < h; x++) {
            List<double[]> plus = new ArrayList<>(equations);
            double[] unit = new double[h];
            unit[x] = 1;
            plus.add(unit);
            if (rank(plus, h) == rank) {
                fail(seed + ": hidden cell " + hidden.get(x)[0] + "," + hidden.get(x)[1] + " (value "
                        + value(t, hidden.get(x)[0], hidden.get(x)[1]) + ") is determined by the totals; k=" + k
                        + System.lineSeparator() + t + System.lineSeparator() + s);
            }
        }
    }

    /** Rank by Gaussian elimination with partial pivoting (entries are 0 and ±1, so 1e-9 separates zero). */
    static int rank(List<double[]> rowsIn, int n) {
        double[][] a = rowsIn.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int col = 0; col < n && rank < a.length; col++) {
            int pivot = rank;
            for (int i = rank + 1; i < a.length; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) {
                    pivot = i;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-9) {
                continue;
            }
            double[] tmp = a[pivot];
            a[pivot] = a[rank];
            a[rank] = tmp;
            for (int i = 0; i < a.length; i++) {
                if (i != rank && a[i][col] != 0) {
                    double f = a[i][col] / a[rank][col];
                    for (int j = col; j < n; j++) {
                        a[i][j] -= f * a[rank][j];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    @Test
    void aSingleSmallCellHidesAFourCellRectangle() {
        CountTable t = CountTable.of("stops", List.of("black", "white"), List.of("B1", "B2", "B3"),
                new long[][] {{3, 50, 80}, {40, 60, 90}});
        SuppressedTable s = Suppression.minimumCount(5).apply(t);
        assertEquals(4, s.hiddenCount());
        // the cheapest rectangle: the row's and column's smallest partners
        assertTrue(s.cell(0, 0).isEmpty() && s.cell(1, 0).isEmpty() && s.cell(0, 1).isEmpty() && s.cell(1, 1).isEmpty());
        assertTrue(s.audit().passed());
        assertEquals(new Audit.Bound("stops", "black", "B1", 0, OptionalLong.of(43)), s.audit().hidden().get(0));
        assertTrue(s.rowTotal(0).isPresent() && s.columnTotal(0).isPresent() && s.total().isPresent());
        assertEquals(OptionalLong.of(80), s.cell(0, 2));
        String text = s.toString();
        assertTrue(text.contains("*") && !text.contains(" 3 "), text);
    }

    @Test
    void nothingIsHiddenWhenNoCountIsSmall() {
        CountTable t = CountTable.of("stops", List.of("a", "b"), List.of("x", "y"), new long[][] {{0, 50}, {11, 60}});
        SuppressedTable s = Suppression.minimumCount(11).apply(t);
        assertEquals(0, s.hiddenCount());
        assertEquals(List.of(), s.audit().hidden());
        assertEquals(OptionalLong.of(0), s.cell(0, 0));
    }

    @Test
    void aSingleRowHidesTheColumnTotalsThatWouldGiveItAway() {
        CountTable t = CountTable.of("stops", List.of("all"), List.of("black", "white", "other"),
                new long[][] {{2, 50, 70}});
        SuppressedTable s = Suppression.minimumCount(5).apply(t);
        assertTrue(s.cell(0, 0).isEmpty() && s.columnTotal(0).isEmpty());
        assertEquals(2, IntStream.range(0, 3).filter(j -> s.cell(0, j).isEmpty()).count());
        assertTrue(s.rowTotal(0).isPresent());
    }

    @Test
    void aDisparityTableIsSuppressedByGroupAndBeat() {
        SplittableRandom r = new SplittableRandom(7);
        List<Stop> stops = RandomStops.stops(r, 300, 4);
        while (stops.size() < 50) {
            stops = RandomStops.stops(r, 300, 4);
        }
        StopTally tally = stops.stream().collect(StopTally.collector(Stop::beat));
        var table = Disparity.against(Benchmark.of("residents", Map.of(Races.WHITE, 100_000L, Races.BLACK, 50_000L)), Races.WHITE).of(tally);
        SuppressedTable s = Suppression.minimumCount(11).apply(table);
        CountTable c = CountTable.stops(table);
        assertEquals(c.rows(), s.rows());
        assertEquals(tally.keys(), s.columns());
        assertEquals(CountTable.stops(tally).total(), c.total());
        for (int i = 0; i < c.rows().size(); i++) {
            for (int j = 0; j < c.columns().size(); j++) {
                long v = c.count(i, j);
                assertTrue(!(v >= 1 && v < 11) || s.cell(i, j).isEmpty(), v + " shown");
            }
        }
    }

    @Test
    void errorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> Suppression.minimumCount(0));
        assertTrue(e.getMessage().contains("minimum count of suppression must be at least 1: 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CountTable.of("t", List.of("a"), List.of("x"), new long[][] {{-2}}));
        assertTrue(e.getMessage().contains("count of (a, x) in count table t must not be negative: -2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CountTable.of("t", List.of("a", "a"), List.of("x"), new long[][] {{1}, {2}}));
        assertTrue(e.getMessage().contains("unique: \"a\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CountTable.of("t", List.of("a"), List.of("x", "y"), new long[][] {{1}}));
        assertTrue(e.getMessage().contains("row a of count table t has 1 counts, expected 2"), e.getMessage());
        SuppressedTable s = Suppression.minimumCount(3).apply(CountTable.of("t", List.of("a"), List.of("x"),
                new long[][] {{5}}));
        var i = assertThrows(IndexOutOfBoundsException.class, () -> s.cell(1, 0));
        assertTrue(i.getMessage().contains("row 1 of suppressed table t is outside [0, 1)"), i.getMessage());
    }

    @Test
    void tablesAreRecordsWhoseTotalsAreChecked() {
        CountTable t = CountTable.of("t", List.of("a", "b"), List.of("x", "y"), new long[][] {{3, 40}, {50, 60}});
        assertEquals(List.of(43L, 110L), t.rowTotals());
        assertEquals(List.of(53L, 100L), t.columnTotals());
        assertEquals(153, t.total());
        var e = assertThrows(IllegalArgumentException.class, () -> new CountTable("t", t.rows(), t.columns(),
                t.counts(), List.of(43L, 111L), t.columnTotals(), 153));
        assertEquals("total of row b in count table t must be the sum of its counts, 110: 111", e.getMessage());
        SuppressedTable s = Suppression.minimumCount(11).apply(t);
        assertEquals(new SuppressedTable.Cell(OptionalLong.empty()), s.cells().get(0).get(0));
        assertEquals(new SuppressedTable.Cell(OptionalLong.of(153)), s.grandTotal());
        assertEquals(s.total(), s.grandTotal().count());
        e = assertThrows(IllegalArgumentException.class, () -> new SuppressedTable.Cell(OptionalLong.of(-3)));
        assertTrue(e.getMessage().contains("must not be negative: -3"), e.getMessage());
        var i = assertThrows(IndexOutOfBoundsException.class, () -> t.count(0, 2));
        assertEquals("column 2 of count table t is outside [0, 2)", i.getMessage());
    }
}
