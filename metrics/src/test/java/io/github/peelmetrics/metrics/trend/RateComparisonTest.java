package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.testing.Seeded;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties and errors of the rate comparison. */
class RateComparisonTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(150);
    }

    static void close(double expected, double actual, String why) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, why);
        } else {
            assertEquals(expected, actual, 1e-8 * Math.max(1, Math.abs(expected)), why);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void swappingGroupAndReferenceInvertsTheRatio(Seeded seed) {
        SplittableRandom r = seed.random();
        long a1 = Seeded.edgy(r, 0, 300);
        long a0 = Math.max(a1 == 0 ? 1 : 0, Seeded.edgy(r, 0, 300));
        double t1 = 0.5 + r.nextDouble() * 1000;
        double t0 = 0.5 + r.nextDouble() * 1000;
        RateComparison forward = RateComparison.test(a1, t1, a0, t0);
        RateComparison backward = RateComparison.test(a0, t0, a1, t1);
        RatioEstimate f = forward.midP(0.95);
        RatioEstimate b = backward.midP(0.95).inverse();
        String why = seed + " " + forward;
        close(f.estimate(), b.estimate(), why);
        close(f.interval().lower(), b.interval().lower(), why);
        close(f.interval().upper(), b.interval().upper(), why);
        close(forward.exactConditionalTest().pValue(), backward.exactConditionalTest().pValue(), why);
        close(forward.midPTest().pValue(), backward.midPTest().pValue(), why);
        close(-forward.scoreTest().statistic(), backward.scoreTest().statistic(), why);
        // the mid-p interval holds its estimate, and the exact interval is wider than mid-p's
        assertTrue(f.interval().lower() <= f.estimate() && f.estimate() <= f.interval().upper(), why);
        var exact = forward.exactConditionalInterval(0.95);
        assertTrue(exact.lower() <= f.interval().lower() * (1 + 1e-12) && f.interval().upper() <= exact.upper() * (1 + 1e-12), why);
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateComparison.test(-1, 10, 3, 10));
        assertEquals("events of PoissonRate must not be negative: -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateComparison.test(1, 10, 3, 0));
        assertEquals("exposure of PoissonRate must be positive and finite: 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PoissonRate.of(1, Double.NaN));
        assertEquals("exposure of PoissonRate must be positive and finite: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateComparison.test(0, 10, 0, 10));
        assertTrue(e.getMessage().startsWith("RateComparison: no events"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateComparison.test(1, 10, 3, 10).wald(1.5));
        assertEquals("confidence level of RateComparison must be in (0, 1): 1.5", e.getMessage());
    }

    @Test
    void toStringReadsLikeAReport() {
        assertEquals("RateComparison[88/1 = 88 vs 186/1 = 186, ratio=0.4731 [0.3671, 0.6097] 95% wald, exact p=3.18e-09]",
                RateComparison.test(88, 1, 186, 1).toString());
    }
}
