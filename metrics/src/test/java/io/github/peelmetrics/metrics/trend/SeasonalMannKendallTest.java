package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.peelmetrics.testing.Seeded;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seasonal test has no conformance case (R {@code trend} is not installed where the
 * references were made); it is checked against its definition through the plain test.
 */
class SeasonalMannKendallTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void oneSeasonIsThePlainTest(Seeded seed) {
        SplittableRandom r = seed.random();
        double[] y = MannKendallPropertiesTest.series(r, Seeded.edgy(r, 3, 200));
        MannKendall mk = MannKendall.test(y);
        SeasonalMannKendall smk = SeasonalMannKendall.test(y, 1);
        assertEquals(mk.s(), smk.s(), seed.toString());
        assertEquals(mk.varianceS(), smk.varianceS(), seed.toString());
        assertEquals(mk.z(), smk.z(), seed.toString());
        assertEquals(mk.pValue(), smk.pValue(), seed.toString());
        assertEquals(mk.sensSlope().orElseThrow().slope(), smk.slope().orElseThrow(), seed.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void scoreAndVarianceAreSumsOverSeasons(Seeded seed) {
        SplittableRandom r = seed.random();
        int period = Seeded.edgy(r, 2, 12);
        double[] y = MannKendallPropertiesTest.series(r, period * Seeded.edgy(r, 3, 15) + r.nextInt(period));
        long s = 0;
        double var = 0;
        for (int g = 0; g < period; g++) {
            int len = (y.length - 1 - g) / period + 1;
            double[] season = new double[len];
            for (int c = 0; c < len; c++) {
                season[c] = y[g + c * period];
            }
            MannKendall mk = MannKendall.testWithoutSlope(season);
            s += mk.s();
            var += mk.varianceS();
        }
        SeasonalMannKendall smk = SeasonalMannKendall.test(y, period);
        assertEquals(s, smk.s(), seed.toString());
        assertEquals(var, smk.varianceS(), 1e-9 * var, seed.toString());
        // reversing whole cycles flips the score
        double[] reversed = new double[(y.length / period) * period];
        int cycles = reversed.length / period;
        for (int c = 0; c < cycles; c++) {
            System.arraycopy(y, c * period, reversed, (cycles - 1 - c) * period, period);
        }
        double[] trimmed = java.util.Arrays.copyOf(y, reversed.length);
        assertEquals(-SeasonalMannKendall.test(trimmed, period).s(), SeasonalMannKendall.test(reversed, period).s(),
                seed.toString());
    }

    @Test
    void monthlySeriesReadsLikeAReport() {
        double[] y = new double[36];
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 - i / 12 * 5 + (i % 12) * 2; // falls 5 a year, with a seasonal pattern
        }
        y[7] = Double.NaN;
        SeasonalMannKendall smk = SeasonalMannKendall.test(y, 12);
        assertEquals(-5.0, smk.slope().orElseThrow());
        // z = -33/sqrt(11·11/3 + 1) = -5.133, p = 2.853e-07 by hand
        assertEquals(-34, smk.s()); // 11 seasons of 3 cycles give -3 each, season 7 has 2 values: -1
        assertEquals("SeasonalMannKendall[period=12, n=35 (1 missing), S=-34, z=-5.13, p=2.85e-07, slope=-5/cycle]",
                smk.toString());
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeasonalMannKendall.test(new double[] {1, 2, 3}, 0));
        assertEquals("SeasonalMannKendall: period must be positive: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SeasonalMannKendall.test(new double[] {1, 2, 3}, 12));
        assertEquals("SeasonalMannKendall: series too short: no season of the 12 has 2 non-missing values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SeasonalMannKendall.test(new double[] {Double.NaN, Double.NaN}, 1));
        assertEquals("SeasonalMannKendall: all 2 values are missing (NaN)", e.getMessage());
    }
}
