package io.github.peelmetrics.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tails and quantiles where the digits are hard to keep: large degrees of freedom, far tails,
 * skewed beta distributions. Expected values from mpmath 1.3.0 at 40 significant digits (the
 * regularized incomplete beta solved by Newton steps to a residual below 1e-30), for the double
 * arguments as written.
 */
class DistributionsAccuracyTest {

    private static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, tolerance * Math.abs(expected));
    }

    @Test
    void normalQuantilesKeepTheirDigitsInFarTails() {
        assertRelative(-37.04709629936119923654704, Distributions.normalQuantile(1e-300), 1e-15);
        assertRelative(-9.262340089798407579572095, Distributions.normalQuantile(1e-20), 1e-15);
        assertRelative(7.956038125481530962217997, Distributions.normalQuantile(1 - 0x1p-50), 1e-15);
    }

    @Test
    void tTailsAtLargeDfKeepTheirDigits() {
        // Near the centre the tail is computed as the complement directly, not as 0.5 - 0.5·I.
        assertRelative(0.001350230442032359595, Distributions.tSf(3.0, 100000), 1e-14);
        assertRelative(3.4747553277964917687e-6, Distributions.tCdf(-4.5, 5000), 1e-14);
        assertRelative(1.0000000827403721344e-10, Distributions.tSf(6.588591800015887593932186, 299), 1e-14);
    }

    @Test
    void tQuantilesAreExactAtLargeDfAndInFarTails() {
        assertRelative(1.960438646661524521091241, Distributions.tQuantile(0.975, 4999), 1e-15);
        assertRelative(1.959966356814106655337607, Distributions.tQuantile(0.975, 1e6), 1e-15);
        assertRelative(0.2533471705378416220033414, Distributions.tQuantile(0.6, 1e6), 2e-15);
        assertRelative(4.104681255500090364531078, Distributions.tQuantile(0.9999, 39), 1e-15);
        assertRelative(6.588591800015887593932186, Distributions.tQuantile(0.9999999999, 299), 1e-15);
        assertRelative(4113.964588804173843824601, Distributions.tQuantile(0.995, 0.5), 1e-14);
        assertRelative(-4113.964588804173843824601, Distributions.tQuantile(0.005, 0.5), 1e-14);
    }

    @Test
    void betaQuantilesAreExactForSkewedShapes() {
        assertRelative(2.467401100272339834474017e-20, Distributions.betaQuantile(1e-10, 0.5, 0.5), 1e-14);
        assertRelative(0.3188346355941714892687959, Distributions.betaQuantile(0.995, 0.5, 10.5), 1e-14);
        assertRelative(0.9998734189721329816338016, Distributions.betaQuantile(0.975, 200, 1), 1e-15);
        assertRelative(0.1890284380957136993020517, Distributions.betaQuantile(0.025, 1000, 4000), 1e-14);
        assertRelative(0.1492140463653386382463357, Distributions.betaQuantile(0.005, 2.5, 0.7), 1e-14);
    }

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    /** A probability in (0, 1): half uniform, half far out in a tail down to {@code 10^-maxDigits}. */
    private static double probability(SplittableRandom r, double maxDigits) {
        double q = r.nextBoolean() ? r.nextDouble(0x1p-53, 0.5) : Math.pow(10, -r.nextDouble(0.302, maxDigits));
        return r.nextBoolean() || q < 1e-15 ? q : 1 - q;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void tQuantileInvertsTheTail(Seeded s) {
        SplittableRandom r = s.random();
        double df = Math.exp(r.nextDouble(Math.log(0.5), Math.log(1e12)));
        // below df = 2 a tail under 1e-12 needs a beta quantile under the smallest double
        double p = probability(r, df < 2 ? 12 : 300);
        double x = Distributions.tQuantile(p, df);
        double tail = p < 0.5 ? p : 1 - p;
        double got = p < 0.5 ? Distributions.tCdf(x, df) : Distributions.tSf(x, df);
        assertTrue(Double.isFinite(x) && (x > 0) == (p > 0.5), s + ": p=" + p + " df=" + df + " x=" + x);
        assertEquals(tail, got, 1e-12 * tail, s + ": p=" + p + " df=" + df + " x=" + x);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void betaQuantileInvertsTheCdf(Seeded s) {
        SplittableRandom r = s.random();
        double p = probability(r, 300);
        double a = Math.exp(r.nextDouble(Math.log(0.5), Math.log(1e4)));
        double b = Math.exp(r.nextDouble(Math.log(0.5), Math.log(1e4)));
        double x = Distributions.betaQuantile(p, a, b);
        String what = s + ": p=" + p + " a=" + a + " b=" + b + " x=" + x;
        assertTrue(x >= 0 && x <= 1, what);
        // x is where the cdf crosses p on the grid of doubles (the cdf can jump by more than 1e-13
        // from one double to the next near 1; 0 when it crosses below the smallest double); the cdf
        // is good to ~1e-14 absolute near 1.
        double tol = p < 0.5 ? 1e-12 * p : 1e-13;
        assertTrue(x == 0 || Distributions.betaCdf(Math.nextDown(x), a, b) <= p + tol, what);
        assertTrue(x == 1 || Distributions.betaCdf(Math.nextUp(x), a, b) >= p - tol, what);
    }
}
