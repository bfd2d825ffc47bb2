package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(1 / a.estimate(), b.estimate(), tol * Math.max(1, b.estimate()), m + " estimate");
        assertEquals(1 / a.interval().upper(), b.interval().lower(), tol * Math.max(1, b.interval().lower()), m);
        assertEquals(1 / a.interval().lower(), b.interval().upper(), tol * Math.max(1, b.interval().upper()), m);
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
}
