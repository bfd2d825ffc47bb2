package io.github.peelmetrics.metrics.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.optim.linear.Relationship;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attacks, tried against what Suppression publishes: every bound is recomputed by an
 * independent LP ({@link IndependentLp}) from the public view alone plus the owner's true counts.
 */
class ProtectionTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    static boolean[][] hiddenOf(SuppressedTable s) {
        int m = s.rows().size();
        int n = s.columns().size();
        boolean[][] h = new boolean[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                h[i][j] = s.augmented(i, j).isEmpty();
            }
        }
        return h;
    }

    /**
     * Shown values are the true ones and never from 1 to k-1; every hidden value's audited bound
     * equals the oracle's; every hidden count under k can be 0 and k.
     */
    static void assertProtected(String seed, long k, CountTable truth, SuppressedTable s, IndependentLp oracle,
                                int table) {
        long[][] v = Suppression.augmented(truth);
        int m = truth.rows().size();
        int n = truth.columns().size();
        assertTrue(s.audit().passed(), seed + ": audit fails" + System.lineSeparator() + s);
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                OptionalLong shown = s.augmented(i, j);
                String where = seed + ": (" + i + ", " + j + ") value " + v[i][j] + ", k " + k + " of "
                        + System.lineSeparator() + truth + System.lineSeparator() + s;
                if (shown.isPresent()) {
                    assertEquals(v[i][j], shown.getAsLong(), where);
                    assertTrue(v[i][j] == 0 || v[i][j] >= k, where);
                    continue;
                }
                long[] b = oracle.bounds(List.of(new int[] {table, i, j, 1}));
                String row = i < m ? truth.rows().get(i) : "total";
                String column = j < n ? truth.columns().get(j) : "total";
                Audit.Bound audited = s.audit().bound(truth.title(), row, column).orElseThrow();
                assertEquals(b[0], audited.lower(), where);
                assertEquals(b[1] == IndependentLp.UNBOUNDED ? OptionalLong.empty() : OptionalLong.of(b[1]),
                        audited.upper(), where);
                if (v[i][j] < k) {
                    assertTrue(b[0] == 0 && b[1] >= k, where + System.lineSeparator() + "bounds [" + b[0] + ", "
                            + b[1] + "]");
                }
            }
        }
    }

    @Test
    void aRowOfOneOneAndFortyIsNoLongerGivenAwayByItsTotal() {
        // the issue: k = 11, the printed total 42 and the shown 40 gave the two hidden cells a sum of 2
        CountTable t = CountTable.of("stops", List.of("black", "white", "hispanic"), List.of("B1", "B2", "B3"),
                new long[][] {{1, 1, 40}, {30, 25, 60}, {45, 38, 52}});
        SuppressedTable s = Suppression.minimumCount(11).apply(t);
        IndependentLp oracle = new IndependentLp();
        oracle.table(Suppression.augmented(t), hiddenOf(s));
        assertProtected("black=[1,1,40]", 11, t, s, oracle, 0);
        // the hidden cells of the black row can no longer be summed to 2
        long[] sum = oracle.bounds(List.of(new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1}));
        assertTrue(sum[0] == 0 && sum[1] >= 11, sum[0] + ".." + sum[1]);
        String text = s.toString();
        assertFalse(text.contains("PRIMARY") || text.contains("COMPLEMENTARY") || text.contains("primary"), text);
        assertTrue(text.contains("protected"), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void noHiddenSmallCountCanBeNarrowedAndTheAuditIsTheOraclesLp(Seeded seed) {
        SplittableRandom r = seed.random();
        CountTable t = SuppressionTest.randomTable(r);
        long k = 1 + r.nextInt(12);
        SuppressedTable s = Suppression.minimumCount(k).apply(t);
        IndependentLp oracle = new IndependentLp();
        oracle.table(Suppression.augmented(t), hiddenOf(s));
        assertProtected(seed.toString(), k, t, s, oracle, 0);
    }

    static CountTable cityWide(CountTable byKey) {
        long[][] c = new long[byKey.rows().size()][1];
        for (int i = 0; i < c.length; i++) {
            c[i][0] = byKey.rowTotal(i);
        }
        return CountTable.of("stops city-wide", byKey.rows(), List.of("all"), c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aCityWideTableAndItsByBeatTableReadTogetherRevealNoSmallCount(Seeded seed) {
        SplittableRandom r = seed.random();
        CountTable byBeat = SuppressionTest.randomTable(r);
        CountTable city = cityWide(byBeat);
        long k = 2 + r.nextInt(11);
        List<SuppressedTable> both = Suppression.minimumCount(k).apply(byBeat, city);
        IndependentLp oracle = new IndependentLp();
        oracle.table(Suppression.augmented(byBeat), hiddenOf(both.get(0)));
        oracle.table(Suppression.augmented(city), hiddenOf(both.get(1)));
        int m = byBeat.rows().size();
        int n = byBeat.columns().size();
        for (int i = 0; i <= m; i++) { // the link: a city-wide count is the group's by-beat total
            oracle.constraint(List.of(new int[] {1, i, 0, 1}, new int[] {0, i, n, -1}), Relationship.EQ);
        }
        assertEquals(both.get(0).audit(), both.get(1).audit());
        assertProtected(seed.toString(), k, byBeat, both.get(0), oracle, 0);
        assertProtected(seed.toString(), k, city, both.get(1), oracle, 1);
    }

    @Test
    void cityWideAndByBeatSuppressedApartGaveACountAwayAndTogetherDoNot() {
        // suppressed apart, the city-wide table shows black = 45 while the by-beat table hides its row total
        CountTable byBeat = CountTable.of("stops by beat", List.of("black", "white"), List.of("B1", "B2", "B3"),
                new long[][] {{3, 20, 22}, {40, 50, 60}});
        CountTable city = cityWide(byBeat);
        List<SuppressedTable> both = Suppression.minimumCount(11).apply(byBeat, city);
        IndependentLp oracle = new IndependentLp();
        oracle.table(Suppression.augmented(byBeat), hiddenOf(both.get(0)));
        oracle.table(Suppression.augmented(city), hiddenOf(both.get(1)));
        for (int i = 0; i <= 2; i++) {
            oracle.constraint(List.of(new int[] {1, i, 0, 1}, new int[] {0, i, 3, -1}), Relationship.EQ);
        }
        assertProtected("linked", 11, byBeat, both.get(0), oracle, 0);
        assertProtected("linked", 11, city, both.get(1), oracle, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Suppression.minimumCount(11).apply(byBeat,
                CountTable.of("city", List.of("black", "white"), List.of("all"), new long[][] {{44}, {150}})));
        assertTrue(e.getMessage().contains("one column of their totals [45, 150]"), e.getMessage());
    }

    static SuppressedTable withAudit(SuppressedTable t, Audit audit) {
        return new SuppressedTable(t.title(), t.rows(), t.columns(), t.minimumCount(), t.cells(), t.rowTotals(),
                t.columnTotals(), t.grandTotal(), audit);
    }

    static IndependentLp historyOracle(List<CountTable> releases, List<SuppressedTable> published) {
        IndependentLp oracle = new IndependentLp();
        for (int t = 0; t < releases.size(); t++) {
            oracle.table(Suppression.augmented(releases.get(t)), hiddenOf(published.get(t)));
        }
        int m = releases.get(0).rows().size();
        int n = releases.get(0).columns().size();
        for (int t = 1; t < releases.size(); t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) { // cumulative: no cell falls
                    oracle.constraint(List.of(new int[] {t, i, j, 1}, new int[] {t - 1, i, j, -1}), Relationship.GEQ);
                }
            }
        }
        return oracle;
    }

    static void assertIncrementsProtected(String seed, long k, List<CountTable> releases, IndependentLp oracle) {
        int m = releases.get(0).rows().size();
        int n = releases.get(0).columns().size();
        for (int t = 1; t < releases.size(); t++) {
            long[][] a = Suppression.augmented(releases.get(t - 1));
            long[][] b = Suppression.augmented(releases.get(t));
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= n; j++) {
                    long inc = b[i][j] - a[i][j];
                    if (inc >= 1 && inc < k) {
                        long[] bd = oracle.bounds(List.of(new int[] {t, i, j, 1}, new int[] {t - 1, i, j, -1}));
                        assertTrue(bd[0] == 0 && bd[1] >= k, seed + ": the increment " + inc + " of (" + i + ", " + j
                                + ") in release " + t + " is bounded to [" + bd[0] + ", " + bd[1] + "]");
                    }
                }
            }
        }
    }

    static List<CountTable> randomHistory(SplittableRandom r, int releases) {
        int m = Seeded.edgy(r, 1, 4);
        int n = Seeded.edgy(r, 1, 4);
        long[][] c = new long[m][n];
        List<CountTable> out = new ArrayList<>();
        List<String> rows = IntStream.range(0, m).mapToObj(i -> "r" + i).toList();
        List<String> columns = IntStream.range(0, n).mapToObj(j -> "c" + j).toList();
        for (int t = 0; t < releases; t++) {
            long[][] next = new long[m][n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    next[i][j] = c[i][j] + (r.nextInt(4) == 0 ? 0 : r.nextInt(r.nextBoolean() ? 8 : 40));
                }
            }
            c = next;
            out.add(CountTable.of("stops to month " + (t + 1), rows, columns, c));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void cumulativeReleasesAMonthApartRevealNoMonthsSmallCount(Seeded seed) {
        SplittableRandom r = seed.random();
        List<CountTable> releases = randomHistory(r, 2);
        long k = 2 + r.nextInt(11);
        Suppression sup = Suppression.minimumCount(k);
        List<SuppressedTable> published = sup.applyCumulative(releases);
        // release 1 is what it was when it was published alone
        assertEquals(sup.applyCumulative(releases.subList(0, 1)).get(0), published.get(0));
        IndependentLp oracle = historyOracle(releases, published);
        assertProtected(seed.toString(), k, releases.get(1), published.get(1), oracle, 1);
        assertIncrementsProtected(seed.toString(), k, releases, oracle);
        // release 2's audit covers release 1 read with it
        assertProtected(seed.toString(), k, releases.get(0), withAudit(published.get(0), published.get(1).audit()),
                oracle, 0);
        // release 1's hidden values, read with release 2
        long[][] v = Suppression.augmented(releases.get(0));
        boolean[][] h = hiddenOf(published.get(0));
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[0].length; j++) {
                if (h[i][j] && v[i][j] < k) {
                    long[] b = oracle.bounds(List.of(new int[] {0, i, j, 1}));
                    assertTrue(b[0] == 0 && b[1] >= k, seed + ": release 1 (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void aMonthsThreeStopsAreNotGivenByTwoCumulativeReleases() {
        List<String> rows = List.of("black", "white");
        List<String> columns = List.of("B1", "B2");
        CountTable january = CountTable.of("stops to January", rows, columns, new long[][] {{40, 52}, {61, 70}});
        CountTable february = CountTable.of("stops to February", rows, columns, new long[][] {{43, 80}, {90, 95}});
        List<SuppressedTable> published = Suppression.minimumCount(11).applyCumulative(List.of(january, february));
        assertEquals(0, published.get(0).hiddenCount()); // nothing small in January alone
        assertTrue(published.get(1).cell(0, 0).isEmpty(), published.get(1).toString());
        IndependentLp oracle = historyOracle(List.of(january, february), published);
        assertIncrementsProtected("jan-feb", 11, List.of(january, february), oracle);
        assertProtected("jan-feb", 11, february, published.get(1), oracle, 1);
        assertTrue(published.get(1).audit().passed());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Suppression.minimumCount(11).applyCumulative(List.of(february, january)));
        assertTrue(e.getMessage().contains("has 40 at (black, B1), fewer than 43"), e.getMessage());
    }

    @Test
    void theAuditListsEveryHiddenValueAndSaysNothingOfWhichAreSmall() {
        CountTable t = CountTable.of("stops", List.of("black", "white"), List.of("B1", "B2", "B3"),
                new long[][] {{3, 50, 80}, {40, 60, 90}});
        SuppressedTable s = Suppression.minimumCount(5).apply(t);
        assertEquals(s.hiddenCount(), s.audit().hidden().size());
        assertEquals(12 - s.hiddenCount(), s.audit().published());
        assertEquals("audit: 4 hidden of 12 values; bounds by linear programming over every published number with "
                + "non-negative counts; every hidden count under 5 could be 0 and could be 5 or more: protected",
                s.audit().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void stopsSearchesAndHitsPublishedTogetherRevealNoSmallDifference(Seeded seed) {
        SplittableRandom r = seed.random();
        List<CountTable> narrowFirst = randomHistory(r, 3); // hits <= searches <= stops, cell by cell
        List<CountTable> measures = List.of(narrowFirst.get(2), narrowFirst.get(1), narrowFirst.get(0));
        long k = 2 + r.nextInt(11);
        List<SuppressedTable> published = Suppression.minimumCount(k).applyNested(measures);
        List<SuppressedTable> narrowPublished = List.of(published.get(2), published.get(1), published.get(0));
        IndependentLp oracle = historyOracle(narrowFirst, narrowPublished);
        for (int t = 0; t < 3; t++) {
            assertProtected(seed.toString(), k, narrowFirst.get(t), narrowPublished.get(t), oracle, t);
        }
        assertIncrementsProtected(seed.toString(), k, narrowFirst, oracle);
        assertEquals(published.get(0).audit(), published.get(2).audit());
    }
}
