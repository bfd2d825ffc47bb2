package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.testing.Seeded;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties of the rate comparison: group swap inverts every ratio, exposure units do not matter. */
class RateComparisonPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    private static void inverse(RatioEstimate a, RatioEstimate b, double tol, String m) {
        reciprocal(a.estimate(), b.estimate(), tol, m + " estimate " + a + " vs " + b);
        reciprocal(a.interval().upper(), b.interval().lower(), tol, m + " upper/lower " + a + " vs " + b);
        reciprocal(a.interval().lower(), b.interval().upper(), tol, m + " lower/upper " + a + " vs " + b);
    }

    /** {@code y = 1/x} within tol relative (exactly when either is 0, infinite or NaN). */
    private static void reciprocal(double x, double y, double tol, String m) {
        double inv = 1 / x;
        if (!Double.isFinite(inv) || !Double.isFinite(y) || inv == 0 || y == 0) {
            assertEquals(inv, y, 0, m);
        } else {
            assertEquals(inv, y, tol * Math.max(1, Math.abs(y)), m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void swappingTheGroupsInvertsTheRatioAndScalingExposureChangesNothing(Seeded s) {
        SplittableRandom r = s.random();
        long a1 = Seeded.edgy(r, 1, 400);
        long a0 = Seeded.edgy(r, 1, 400);
        double pt1 = 1 + r.nextInt(10_000);
        double pt0 = 1 + r.nextInt(10_000);
        RateComparison x = RateComparison.test(a1, pt1, a0, pt0);
        RateComparison y = RateComparison.test(a0, pt0, a1, pt1);
        inverse(x.wald(0.95), y.wald(0.95), 1e-12, s + " wald");
        inverse(x.midP(0.9), y.midP(0.9), 1e-9, s + " mid-p");
        assertEquals(x.exactConditionalTest().pValue(), y.exactConditionalTest().pValue(), 1e-12, s + " exact");
        assertEquals(x.midPTest().pValue(), y.midPTest().pValue(), 1e-12, s + " mid-p test");
        assertEquals(-x.scoreTest().statistic(), y.scoreTest().statistic(), 1e-9, s + " score");
        double k = 1 + r.nextInt(1000);
        RateComparison z = RateComparison.test(a1, pt1 * k, a0, pt0 * k);
        assertEquals(x.rateRatio().estimate(), z.rateRatio().estimate(), 1e-12 * x.rateRatio().estimate(), s + " scaled");
        assertEquals(x.midP(0.95).interval().lower(), z.midP(0.95).interval().lower(),
                1e-9 * x.midP(0.95).interval().lower(), s + " scaled mid-p");
    }

    /** Also with a zero cell (never both): the reciprocal of 0 is infinity and the NaN bound moves with it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void zeroCellsSwapToTheirReciprocalsAndTheMidPIntervalHoldsItsEstimate(Seeded s) {
        SplittableRandom r = s.random();
        long a1 = Seeded.edgy(r, 0, 300);
        long a0 = a1 == 0 ? Seeded.edgy(r, 1, 300) : Seeded.edgy(r, 0, 300);
        double pt1 = 0.5 + r.nextInt(5_000);
        double pt0 = 0.5 + r.nextInt(5_000);
        double level = r.nextBoolean() ? 0.95 : 0.5 + 0.49 * r.nextDouble();
        RateComparison x = RateComparison.testIfDefined(a1, pt1, a0, pt0, level).orElseThrow();
        RateComparison y = RateComparison.testIfDefined(a0, pt0, a1, pt1, level).orElseThrow();
        inverse(x.wald(level), y.wald(level), 1e-12, s + " wald");
        inverse(x.midP(level), y.midP(level), 1e-9, s + " mid-p");
        assertEquals(x.waldStandardError(), y.waldStandardError(), 0, s + " se");
        double k = Math.pow(10, r.nextInt(7) - 3);
        RateComparison z = RateComparison.test(a1, pt1 * k, a0, pt0 * k, level);
        assertEquals(x.rateRatio().estimate(), z.rateRatio().estimate(),
                1e-12 * Math.max(1, x.rateRatio().estimate()), s + " scaled ratio");
        assertEquals(x.midP(level).estimate(), z.midP(level).estimate(),
                1e-9 * Math.max(1, x.midP(level).estimate()), s + " scaled mid-p");
        for (RateComparison c : new RateComparison[] {x, y}) {
            var m = c.midP(level);
            assertTrue(m.interval().lower() <= m.estimate() && m.estimate() <= m.interval().upper(),
                    s + " mid-p interval holds its estimate: " + m);
        }
    }

    @org.junit.jupiter.api.Test
    void noEventsOnEitherSideIsNoComparison() {
        assertTrue(RateComparison.testIfDefined(0, 3.0, 0, 7.0, 0.95).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RateComparison.testIfDefined(0, 0.0, 0, 7.0, 0.95));
    }
}
