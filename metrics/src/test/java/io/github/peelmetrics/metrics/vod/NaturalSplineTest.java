package io.github.peelmetrics.metrics.vod;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the natural spline basis (R's ns values are checked by the conformance test). */
class NaturalSplineTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    private static double[] sample(SplittableRandom r) {
        int n = Seeded.edgy(r, 2, 300);
        double[] x = new double[n];
        boolean integers = r.nextBoolean();
        for (int i = 0; i < n; i++) {
            x[i] = integers ? r.nextInt(40) : r.nextDouble(-5, 5);
        }
        x[0] = integers ? 0 : -5;   // a spread
        x[n - 1] = integers ? 39 : 5;
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void basisIsLinearBeyondTheBoundaryKnotsAndSmoothAcrossThem(Seeded seed) {
        SplittableRandom r = seed.random();
        double[] x = sample(r);
        NaturalSpline ns = NaturalSpline.withDf(x, Seeded.edgy(r, 1, 7));
        double lo = ns.lowerBoundary();
        double hi = ns.upperBoundary();
        double h = (hi - lo) * 1e-3;
        for (double edge : new double[] {lo, hi}) {
            double[] at = ns.basis(edge);
            double[] out1 = ns.basis(edge + (edge == lo ? -h : h));
            double[] out2 = ns.basis(edge + (edge == lo ? -2 * h : 2 * h));
            double[] slope = ns.derivative(edge, 1);
            double[] curvature = ns.derivative(edge, 2);
            double scale = 0;
            for (int j = 0; j < ns.df(); j++) {
                scale = Math.max(scale, Math.abs(ns.derivative(edge, 1)[j]) / (hi - lo));
            }
            for (int j = 0; j < ns.df(); j++) {
                // linear outside, with the slope the spline has at the boundary
                assertEquals(out2[j] - out1[j], out1[j] - at[j], 1e-9, seed + " column " + j);
                assertEquals(slope[j] * (edge == lo ? -h : h), out1[j] - at[j], 1e-9, seed + " column " + j);
                // natural: the second derivative vanishes at the boundary knots
                assertEquals(0, curvature[j], 1e-9 * Math.max(1, scale), seed + " column " + j);
            }
        }
        assertArrayEquals(new double[ns.df()], ns.basis(lo), 1e-12, "R's ns is zero at the lower boundary");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void oneDegreeOfFreedomIsAStraightLine(Seeded seed) {
        SplittableRandom r = seed.random();
        NaturalSpline ns = NaturalSpline.withDf(sample(r), 1);
        double lo = ns.lowerBoundary();
        double hi = ns.upperBoundary();
        double slope = ns.basis(hi)[0] / (hi - lo);
        for (int k = 0; k < 10; k++) {
            double v = r.nextDouble(lo - 3, hi + 3);
            assertEquals(slope * (v - lo), ns.basis(v)[0], 1e-12, seed + " at " + v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void knotsAreRType7QuantilesOfTheSample(Seeded seed) {
        SplittableRandom r = seed.random();
        double[] x = sample(r);
        int df = Seeded.edgy(r, 1, 7);
        NaturalSpline ns = NaturalSpline.withDf(x, df);
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double[] knots = ns.interiorKnots().stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(df - 1, knots.length);
        for (int k = 0; k < knots.length; k++) {
            double p = (k + 1.0) / df;
            // type 7 by its definition: the fraction of the sample strictly below is at most p,
            // and the knot lies between the order statistics around (n - 1) p
            double h = (sorted.length - 1) * p;
            int j = (int) Math.floor(h + 1e-9);
            assertTrue(knots[k] >= sorted[j] - 1e-9 && knots[k] <= sorted[Math.min(j + 1, sorted.length - 1)] + 1e-9,
                    seed + " knot " + k + " = " + knots[k]);
        }
        assertEquals(sorted[0], ns.lowerBoundary());
        assertEquals(sorted[sorted.length - 1], ns.upperBoundary());
    }

    @Test
    void quantilesMatchRsExamples() {
        // R: quantile(c(1, 2, 3, 4, 10), c(0.25, 0.5, 0.9)) = 2, 3, 7.6
        NaturalSpline ns = NaturalSpline.withKnots(new double[0], 0, 1);
        assertEquals(1, ns.df());
        double[] x = {1, 2, 3, 4, 10};
        assertEquals(2.0, NaturalSpline.quantile7(k -> x[(int) k], 5, 0.25), 1e-15);
        assertEquals(3.0, NaturalSpline.quantile7(k -> x[(int) k], 5, 0.5), 1e-15);
        assertEquals(7.6, NaturalSpline.quantile7(k -> x[(int) k], 5, 0.9), 1e-12);
    }

    @Test
    void badInputsAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NaturalSpline.withDf(new double[] {1, 2, Double.NaN}, 3));
        assertTrue(e.getMessage().contains("x[2]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NaturalSpline.withDf(new double[] {4, 4, 4}, 3));
        assertTrue(e.getMessage().contains("constant") && e.getMessage().contains("4.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NaturalSpline.withDf(new double[] {1, 2}, 0));
        assertTrue(e.getMessage().contains("df") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NaturalSpline.withKnots(new double[] {7}, 0, 5));
        assertTrue(e.getMessage().contains("7.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NaturalSpline.withDf(new double[] {1, 2}, 2).basis(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void theSplineIsARecordOfItsKnots() {
        NaturalSpline ns = NaturalSpline.withKnots(new double[] {3, 1}, 0, 5);
        assertEquals(new NaturalSpline(3, java.util.List.of(1.0, 3.0), 0, 5), ns);
        assertArrayEquals(ns.basis(2.5), new NaturalSpline(3, java.util.List.of(1.0, 3.0), 0, 5).basis(2.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NaturalSpline(2, java.util.List.of(1.0, 3.0), 0, 5));
        assertEquals("df of natural spline must be the 2 interior knots + 1: 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NaturalSpline(3, java.util.List.of(3.0, 1.0), 0, 5));
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());
    }
}
