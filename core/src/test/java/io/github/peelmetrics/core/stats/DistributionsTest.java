package io.github.peelmetrics.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known values from R 4.2 ({@code qnorm}, {@code qt}, {@code pchisq}), printed with 17 digits. */
class DistributionsTest {

    @Test
    void quantilesAgreeWithRToTheLastDigits() {
        assertEquals(1.959963984540054, Distributions.normalQuantile(0.975), 1e-15);
        assertEquals(-2.326347874040841, Distributions.normalQuantile(0.01), 1e-15);
        assertEquals(12.706204736174707, Distributions.tQuantile(0.975, 1), 1e-13);
        assertEquals(2.228138851986274, Distributions.tQuantile(0.975, 10), 1e-14);
        // ciprop_t_quantile of the survey conformance cases (R qt(0.975, df))
        assertEquals(2.0226909200367604, Distributions.tQuantile(0.975, 39), 1e-15);
        assertEquals(1.9679296690656691, Distributions.tQuantile(0.975, 299), 1e-14); // 3e-15 relative: the incomplete beta at large df
        assertEquals(0.0, Distributions.tQuantile(0.5, 7), 0);
    }

    @Test
    void tailsKeepTheirDigitsFarOut() {
        // pchisq(68.30762483845567, 1, lower.tail = FALSE) = 1.3987906557082524e-16 (two_by_two.json)
        assertEquals(1.3987906557082524e-16, Distributions.chiSquareSf(68.30762483845567, 1), 1e-25);
        assertTrue(Distributions.normalSf(10) > 0, "upper tail at 10 sd must not underflow to 0");
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Distributions.tQuantile(1.5, 3));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Distributions.tQuantile(0.5, -2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Proportions.interval(11, 10, ProportionMethod.WILSON, 0.95));
        assertTrue(e.getMessage().contains("11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Proportions.interval(1, 10, ProportionMethod.WILSON, 1.0));
        assertTrue(e.getMessage().contains("1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Adjustment.HOLM.adjust(new double[] {0.1, Double.NaN}));
        assertTrue(e.getMessage().contains("p-value 1") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void resultsPrintCompactly() {
        Interval ci = Proportions.interval(49, 100, ProportionMethod.WILSON, 0.95);
        assertEquals("[0.3942, 0.5865] 95% wilson", ci.toString());
        assertEquals("pearson-chi-square[stat=68.31, df=1, p=1.40e-16]",
                TwoByTwo.of(312, 3898, 402, 9468).test(IndependenceTest.PEARSON_CHI_SQUARE).toString());
    }
}
