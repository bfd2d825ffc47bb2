package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Behaviour and errors of Mann-Kendall and Sen's slope. */
class MannKendallTest {

    @Test
    void toStringReadsLikeAReport() {
        MannKendall mk = MannKendall.test(412, 398, 371, 366, 340);
        assertEquals("MannKendall[S=-10, z=-2.20, p=0.0275, sen=-17/step [-27, -5]]", mk.toString());
    }

    @Test
    void constantSeriesHasNoTrend() {
        MannKendall mk = MannKendall.test(5, 5, 5, 5);
        assertEquals(0, mk.s());
        assertEquals(0.0, mk.varianceS());
        assertEquals(0.0, mk.z());
        assertEquals(1.0, mk.pValue());
        assertTrue(Double.isNaN(mk.tau()), "tau is 0/0 for a constant series");
        assertEquals(0.0, mk.sensSlope().orElseThrow().slope());
    }

    @Test
    void oneSidedPValuesSplitTheTwoSided() {
        MannKendall mk = MannKendall.test(41, 38, 38, 35, 36, 31, 31, 29);
        assertEquals(mk.pValue() / 2, mk.pValue(Alternative.DECREASING), 1e-15);
        assertEquals(1 - mk.pValue() / 2, mk.pValue(Alternative.INCREASING), 1e-15);
        assertEquals(mk.pValue(), mk.pValue(Alternative.TWO_SIDED));
    }

    @Test
    void testWithoutSlopeOmitsSen() {
        MannKendall mk = MannKendall.testWithoutSlope(1, 3, 2, 5);
        assertTrue(mk.sensSlope().isEmpty());
        assertEquals("MannKendall[S=4, z=1.02, p=0.3082]", mk.toString());
    }

    @Test
    void tooShortSeriesIsRejectedWithTheCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MannKendall.test(1.0, Double.NaN, 2.0));
        assertEquals("MannKendall: series too short: 2 non-missing values, at least 3 needed", e.getMessage());
    }

    @Test
    void allMissingIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MannKendall.test(Double.NaN, Double.NaN, Double.NaN));
        assertEquals("MannKendall: all 3 values are missing (NaN)", e.getMessage());
    }

    @Test
    void infiniteValueIsRejectedWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensSlope.of(1, 2, Double.POSITIVE_INFINITY));
        assertEquals("SensSlope: value at index 2 must be finite or NaN (missing): Infinity", e.getMessage());
    }

    @Test
    void levelOutsideTheUnitIntervalIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MannKendall.test(new double[] {1, 2, 3}, 95));
        assertEquals("confidence level of MannKendall must be in (0, 1): 95.0", e.getMessage());
    }

    @Test
    void nullSeriesIsRejected() {
        assertThrows(NullPointerException.class, () -> MannKendall.test((double[]) null));
    }

    @Test
    void twoPointsHaveASlopeButNoInterval() {
        SensSlope s = SensSlope.of(1, 3);
        assertEquals(2.0, s.slope());
        assertTrue(s.interval().isEmpty());
        assertEquals("2/step [interval undefined]", s.toString());
    }

    @Test
    void longSeriesAgreeWithTheDefinitions() {
        // past the direct limit: the merge-sort S and the implicit slope selection on 3,000
        // counts with ties and gaps, against the double loop and the full sort of 4.5 million slopes
        java.util.SplittableRandom r = new java.util.SplittableRandom(20261124L);
        int n = 3000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(12) + i / 500;
            if (r.nextInt(50) == 0) {
                y[i] = Double.NaN;
            }
        }
        double[] kept = java.util.Arrays.stream(y).filter(v -> !Double.isNaN(v)).toArray();
        double[] t = new double[kept.length];
        for (int i = 0, k = 0; i < n; i++) {
            if (!Double.isNaN(y[i])) {
                t[k++] = i + 1;
            }
        }
        MannKendall mk = MannKendall.test(y);
        assertEquals(KendallScore.naive(kept), mk.s());
        SensSlope sen = mk.sensSlope().orElseThrow();
        long big = sen.slopes();
        long[] ranks = {big / 2, big / 2 + 1, sen.rankLower(), sen.rankUpper()};
        double[] sorted = SlopeSelection.direct(t, kept, ranks);
        double median = big % 2 == 1 ? SlopeSelection.direct(t, kept, (big + 1) / 2)[0] : (sorted[0] + sorted[1]) / 2;
        assertEquals(median, sen.slope());
        assertEquals(sorted[2], sen.interval().orElseThrow().lower());
        assertEquals(sorted[3], sen.interval().orElseThrow().upper());
    }
}
