package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties of Mann-Kendall and Sen's slope. */
class MannKendallPropertiesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    /**
     * A series with ties on purpose: values on a grid of quarters (exact in binary, so adding an
     * integer constant is exact arithmetic), drawn from few or many levels, sometimes constant.
     */
    static double[] series(SplittableRandom r, int n) {
        int levels = Seeded.edgy(r, 1, 60);
        double trend = r.nextInt(5) - 2;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(levels) * 0.25 + Math.floor(trend * i / 8.0);
        }
        return y;
    }

    static double[] reversed(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[y.length - 1 - i];
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mergeSortScoreEqualsTheDoubleLoop(Seeded seed) {
        SplittableRandom r = seed.random();
        double[] y = series(r, Seeded.edgy(r, 1, 700));
        assertEquals(KendallScore.naive(y), KendallScore.of(y).s(), seed.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void scoreFlipsSignWhenTheSeriesIsReversed(Seeded seed) {
        SplittableRandom r = seed.random();
        double[] y = series(r, Seeded.edgy(r, 3, 300));
        MannKendall forward = MannKendall.test(y);
        MannKendall backward = MannKendall.test(reversed(y));
        assertEquals(-forward.s(), backward.s(), seed.toString());
        assertEquals(forward.varianceS(), backward.varianceS(), seed.toString());
        assertEquals(-forward.z(), backward.z(), 0.0, seed.toString());
        assertEquals(forward.pValue(), backward.pValue(), 0.0, seed.toString());
        assertEquals(-forward.sensSlope().orElseThrow().slope(), backward.sensSlope().orElseThrow().slope(), 0.0,
                seed.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void addingAConstantChangesNothing(Seeded seed) {
        SplittableRandom r = seed.random();
        double[] y = series(r, Seeded.edgy(r, 3, 300));
        double c = r.nextInt(2001) - 1000; // an integer: y + c is exact on the quarter grid
        double[] shifted = Arrays.stream(y).map(v -> v + c).toArray();
        MannKendall a = MannKendall.test(y);
        MannKendall b = MannKendall.test(shifted);
        assertEquals(a.s(), b.s(), seed.toString());
        assertEquals(a.varianceS(), b.varianceS(), seed.toString());
        assertEquals(a.z(), b.z(), seed.toString());
        assertEquals(a.pValue(), b.pValue(), seed.toString());
        assertEquals(a.tieGroupSizes(), b.tieGroupSizes(), seed.toString());
        SensSlope sa = a.sensSlope().orElseThrow();
        SensSlope sb = b.sensSlope().orElseThrow();
        assertEquals(sa.slope(), sb.slope(), seed.toString());
        assertEquals(sa.interval(), sb.interval(), seed.toString());
        assertEquals(sa.intercept() + c, sb.intercept(), 1e-9, seed.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void multiplyingByAPositiveConstantScalesSensSlope(Seeded seed) {
        SplittableRandom r = seed.random();
        double[] y = series(r, Seeded.edgy(r, 3, 300));
        double k = 0.1 + r.nextDouble() * 50;
        double[] scaled = Arrays.stream(y).map(v -> v * k).toArray();
        MannKendall a = MannKendall.test(y);
        MannKendall b = MannKendall.test(scaled);
        assertEquals(a.s(), b.s(), seed.toString());
        SensSlope sa = a.sensSlope().orElseThrow();
        SensSlope sb = b.sensSlope().orElseThrow();
        double tol = 1e-12 * Math.max(1, Math.abs(k * sa.slope()));
        assertEquals(k * sa.slope(), sb.slope(), tol, seed.toString());
        assertEquals(sa.interval().isPresent(), sb.interval().isPresent(), seed.toString());
        sa.interval().ifPresent(ia -> {
            double lo = k * ia.lower();
            double hi = k * ia.upper();
            assertEquals(lo, sb.interval().orElseThrow().lower(), 1e-12 * Math.max(1, Math.abs(lo)), seed.toString());
            assertEquals(hi, sb.interval().orElseThrow().upper(), 1e-12 * Math.max(1, Math.abs(hi)), seed.toString());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void implicitSlopeSelectionEqualsTheSort(Seeded seed) {
        SplittableRandom r = seed.random();
        int n = Seeded.edgy(r, 2, 500);
        double[] y = r.nextBoolean() ? series(r, n) : r.doubles(n, -100, 100).toArray();
        double[] t = new double[n];
        double pos = 0;
        for (int i = 0; i < n; i++) {
            pos += 1 + (r.nextInt(10) == 0 ? r.nextInt(5) : 0); // gaps, as missing values leave
            t[i] = pos;
        }
        long big = (long) n * (n - 1) / 2;
        long[] ranks = new long[12];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i == 0 ? 1 : i == 1 ? big : 1 + r.nextLong(big);
        }
        assertArrayEquals(SlopeSelection.direct(t, y, ranks), SlopeSelection.implicit(t, y, ranks), seed.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void missingValuesAreSkippedAndKeepTheirPositions(Seeded seed) {
        SplittableRandom r = seed.random();
        double[] y = series(r, Seeded.edgy(r, 6, 200));
        double[] holed = y.clone();
        int holes = 1 + r.nextInt(3);
        for (int h = 0; h < holes; h++) {
            holed[r.nextInt(y.length)] = Double.NaN;
        }
        int missing = (int) Arrays.stream(holed).filter(Double::isNaN).count();
        double[] kept = Arrays.stream(holed).filter(v -> !Double.isNaN(v)).toArray();
        if (kept.length < 3) {
            return;
        }
        MannKendall mk = MannKendall.test(holed);
        assertEquals(missing, mk.missing(), seed.toString());
        assertEquals(kept.length, mk.n(), seed.toString());
        assertEquals(KendallScore.naive(kept), mk.s(), seed.toString());
        // Sen's slope by brute force over the pairs, positions taken from the original index
        double[] slopes = new double[kept.length * (kept.length - 1) / 2];
        int k = 0;
        for (int i = 0; i < holed.length; i++) {
            for (int j = i + 1; j < holed.length; j++) {
                if (!Double.isNaN(holed[i]) && !Double.isNaN(holed[j])) {
                    slopes[k++] = (holed[j] - holed[i]) / (j - i);
                }
            }
        }
        Arrays.sort(slopes);
        int m = slopes.length;
        double median = m % 2 == 1 ? slopes[m / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
        assertEquals(median, mk.sensSlope().orElseThrow().slope(), seed.toString());
        assertTrue(mk.toString().contains(missing + " missing"), mk.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void hoareSelectionEqualsTheSort(Seeded seed) {
        SplittableRandom r = seed.random();
        int n = Seeded.edgy(r, 1, 3000);
        int levels = Seeded.edgy(r, 1, 5000);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(levels) - levels / 2.0;
        }
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int t = 0; t < 5; t++) {
            int k = t == 0 ? 0 : t == 1 ? n - 1 : r.nextInt(n);
            assertEquals(sorted[k], SlopeSelection.nth(a.clone(), k), seed + " k=" + k);
        }
    }
}
