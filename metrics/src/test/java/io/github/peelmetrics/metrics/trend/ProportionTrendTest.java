package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.stats.Estimate;
import io.github.peelmetrics.testing.Seeded;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour, properties and errors of Cochran-Armitage and the two-wave change. */
class ProportionTrendTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    @Test
    void seattleWavesReadLikeAReport() {
        CochranArmitage ca = CochranArmitage.test(new long[] {601, 651, 865}, new long[] {1002, 1001, 1201}, 2013, 2015, 2016);
        assertEquals("CochranArmitage[60.0% 65.0% 72.0%, z=5.78, chi2=33.38, p=7.58e-09,"
                + " departure chi2=2.67 (df 1, p=0.1025)]", ca.toString());
        ProportionChange change = ProportionChange.test(601, 1002, 865, 1201);
        assertEquals("ProportionChange[pooled-z: 0.5998 -> 0.7202, change=+0.1204, z=5.97, p=2.44e-09]", change.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void twoGroupTrendEqualsPearsonAndDepartureAddsUp(Seeded seed) {
        SplittableRandom r = seed.random();
        int k = Seeded.edgy(r, 2, 7);
        long[] n = new long[k];
        long[] x = new long[k];
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            n[i] = Seeded.edgy(r, 1, 500);
            x[i] = Seeded.edgy(r, 0, (int) n[i]);
            s[i] = i == 0 ? r.nextInt(5) : s[i - 1] + 1 + r.nextInt(3);
        }
        x[0] = Math.max(1, x[0]);
        n[k - 1] = Math.max(n[k - 1], x[k - 1] + 1); // neither all successes nor all failures
        CochranArmitage ca = CochranArmitage.test(x, n, s);
        double pearson = ca.homogeneity().statistic();
        if (k == 2) {
            assertEquals(pearson, ca.chiSquare(), 1e-9 * Math.max(1, pearson), seed.toString());
            assertTrue(ca.departureFromLinearTrend().isEmpty(), seed.toString());
        } else {
            double dep = ca.departureFromLinearTrend().orElseThrow().statistic();
            assertEquals(pearson, ca.chiSquare() + dep, 1e-9 * Math.max(1, pearson), seed.toString());
        }
        // reversing the scores flips z; an affine change of scores leaves it
        double[] neg = new double[k];
        double[] affine = new double[k];
        for (int i = 0; i < k; i++) {
            neg[i] = -s[i];
            affine[i] = 3 * s[i] + 2000;
        }
        assertEquals(-ca.z(), CochranArmitage.test(x, n, neg).z(), 1e-9, seed.toString());
        assertEquals(ca.z(), CochranArmitage.test(x, n, affine).z(), 1e-9, seed.toString());
        // pooled two-wave z squared is the two-group trend chi-square
        ProportionChange pc = ProportionChange.test(x[0], n[0], x[k - 1], n[k - 1]);
        CochranArmitage two = CochranArmitage.test(new long[] {x[0], x[k - 1]}, new long[] {n[0], n[k - 1]});
        assertEquals(two.z(), pc.z(), 1e-9 * Math.max(1, Math.abs(pc.z())), seed.toString());
    }

    @Test
    void badCountsAreRejectedWithTheGroup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CochranArmitage.test(new long[] {3, 12}, new long[] {10, 11}));
        assertEquals("CochranArmitage: successes of group 2 must be in 0..11: 12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CochranArmitage.test(new long[] {3, 0}, new long[] {10, 0}));
        assertEquals("CochranArmitage: total of group 2 must be positive: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CochranArmitage.test(new long[] {3}, new long[] {10}));
        assertTrue(e.getMessage().contains("at least 2 groups"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CochranArmitage.test(new long[] {3, 4}, new long[] {10, 10}, 2, 2));
        assertEquals("CochranArmitage: all scores are equal, there is no order to test: [2.0, 2.0]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProportionChange.test(-1, 10, 3, 10));
        assertEquals("ProportionChange: count x of wave1 must be in 0..10: -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProportionChange.test(1, 10, 3, 0, Pooling.UNPOOLED));
        assertEquals("ProportionChange: size n of wave2 must be positive: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProportionChange.test(Estimate.of(0.5, Double.NaN, 10), Estimate.of(0.6, 0.1, 10)));
        assertEquals("ProportionChange: standard error of wave1 must be finite: NaN", e.getMessage());
    }

    @Test
    void noSuccessesAtAllGivesNaNAsR() {
        CochranArmitage ca = CochranArmitage.test(new long[] {0, 0, 0}, new long[] {5, 6, 7});
        assertTrue(Double.isNaN(ca.z()) && Double.isNaN(ca.pValue()), ca.toString());
    }

    @Test
    void givenSeIntervalIsWald() {
        ProportionChange c = ProportionChange.test(Estimate.of(0.6012, 0.0173, 1002), Estimate.of(0.7208, 0.0151, 1201));
        var ci = c.interval(0.95);
        assertEquals(c.difference() - 1.959963984540054 * c.standardError(), ci.lower(), 1e-12);
        assertEquals(c.difference() + 1.959963984540054 * c.standardError(), ci.upper(), 1e-12);
        assertEquals(c.pValue() / 2, c.pValue(Alternative.INCREASING), 1e-15);
    }
}
