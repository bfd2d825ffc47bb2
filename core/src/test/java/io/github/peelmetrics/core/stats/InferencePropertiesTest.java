package io.github.peelmetrics.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property tests of the inference primitives. */
class InferencePropertiesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    private static long[] counts(SplittableRandom r) {
        long n = Seeded.edgy(r, 1, r.nextBoolean() ? 30 : 5000);
        long x = Seeded.edgy(r, 0, (int) n);
        return new long[] {x, n};
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void intervalsLieInTheUnitIntervalAndContainTheEstimate(Seeded s) {
        long[] xn = counts(s.random());
        double p = (double) xn[0] / xn[1];
        for (ProportionMethod m : ProportionMethod.values()) {
            Interval ci = Proportions.interval(xn[0], xn[1], m, 0.95);
            assertTrue(ci.lower() >= -1e-15 && ci.upper() <= 1 + 1e-15, s + " " + m + " " + ci);
            boolean edge = xn[0] == 0 || xn[0] == xn[1];
            // Jeffreys without the boundary rule excludes p at x = 0 and x = n (statsmodels 0.13.5).
            if (!(m == ProportionMethod.JEFFREYS && edge)) {
                assertTrue(ci.lower() <= p + 1e-15 && p <= ci.upper() + 1e-15, s + " " + m + " " + ci + " p=" + p);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aHigherLevelGivesAWiderInterval(Seeded s) {
        SplittableRandom r = s.random();
        long[] xn = counts(r);
        double lo = 0.5 + 0.4 * r.nextDouble();
        double hi = lo + (0.999 - lo) * (0.05 + 0.95 * r.nextDouble());
        for (ProportionMethod m : ProportionMethod.values()) {
            Interval narrow = Proportions.interval(xn[0], xn[1], m, lo);
            Interval wide = Proportions.interval(xn[0], xn[1], m, hi);
            assertTrue(wide.lower() <= narrow.lower() + 1e-15 && wide.upper() >= narrow.upper() - 1e-15,
                    s + " " + m + " " + narrow + " vs " + wide);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void swappingTheGroupsInvertsRatiosAndTheirIntervals(Seeded s) {
        SplittableRandom r = s.random();
        TwoByTwo t = TwoByTwo.of(1 + r.nextInt(500), 1 + r.nextInt(500), 1 + r.nextInt(500), 1 + r.nextInt(500));
        for (boolean odds : new boolean[] {false, true}) {
            RatioEstimate a = odds ? t.oddsRatio(0.95) : t.riskRatio(0.95);
            RatioEstimate b = odds ? t.swapped().oddsRatio(0.95) : t.swapped().riskRatio(0.95);
            assertEquals(1 / a.estimate(), b.estimate(), 1e-12 * b.estimate(), s.toString());
            assertEquals(1 / a.interval().upper(), b.interval().lower(), 1e-12 * b.interval().lower(), s.toString());
            assertEquals(1 / a.interval().lower(), b.interval().upper(), 1e-12 * b.interval().upper(), s.toString());
        }
        assertEquals(t.test(IndependenceTest.FISHER_EXACT).pValue(), t.swapped().test(IndependenceTest.FISHER_EXACT).pValue(), 1e-12, s.toString());
        assertEquals(t.test(IndependenceTest.PEARSON_CHI_SQUARE).statistic(), t.swapped().test(IndependenceTest.PEARSON_CHI_SQUARE).statistic(), 1e-9, s.toString());
        assertEquals(-t.riskDifference(0.95).estimate(), t.swapped().riskDifference(0.95).estimate(), 1e-15, s.toString());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void adjustedPValuesAreMonotoneAndNeverBelowTheRawOnes(Seeded s) {
        SplittableRandom r = s.random();
        double[] p = new double[1 + r.nextInt(40)];
        for (int i = 0; i < p.length; i++) {
            // ties on purpose: a coarse grid half of the time
            p[i] = r.nextBoolean() ? r.nextInt(20) / 20.0 : Math.pow(r.nextDouble(), 4);
        }
        double[] holm = Adjustment.HOLM.adjust(p);
        double[] bh = Adjustment.BENJAMINI_HOCHBERG.adjust(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(holm[i] >= p[i] && holm[i] <= 1, s + " holm below raw at " + i);
            assertTrue(bh[i] >= p[i] && bh[i] <= 1, s + " bh below raw at " + i);
            assertTrue(bh[i] <= holm[i] + 1e-15, s + " bh above holm at " + i);
            for (int j = 0; j < p.length; j++) {
                if (p[i] < p[j]) {
                    assertTrue(holm[i] <= holm[j], s + " holm not monotone at " + i + "," + j);
                    assertTrue(bh[i] <= bh[j], s + " bh not monotone at " + i + "," + j);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void quantilesInvertTheirDistributionFunctions(Seeded s) {
        SplittableRandom r = s.random();
        double p = 1e-6 + (1 - 2e-6) * r.nextDouble();
        double df = r.nextBoolean() ? 1 + r.nextInt(200) : 0.5 + 50 * r.nextDouble();
        assertEquals(p, Distributions.normalCdf(Distributions.normalQuantile(p)), 4e-16 + 1e-14 * p, s.toString());
        assertEquals(p, Distributions.tCdf(Distributions.tQuantile(p, df), df), 1e-14, s + " df=" + df);
        double a = 0.2 + 50 * r.nextDouble();
        double b = 0.2 + 50 * r.nextDouble();
        assertEquals(p, Distributions.betaCdf(Distributions.betaQuantile(p, a, b), a, b), 1e-13, s + " a=" + a + " b=" + b);
    }
}
