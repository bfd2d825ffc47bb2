package io.github.peelmetrics.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of the core.stats API: records for results, level last, 95% without a level, loud checks. */
class StatsApiTest {

    @Test
    void everyResultTypeIsARecord() {
        for (Class<?> c : List.of(Estimate.class, Interval.class, TestResult.class, RatioEstimate.class,
                DifferenceEstimate.class, TwoByTwo.class)) {
            assertTrue(c.isRecord(), c.getSimpleName());
        }
    }

    @Test
    void withoutALevelMeans95Percent() {
        TwoByTwo t = TwoByTwo.of(312, 3898, 402, 9468);
        assertEquals(t.riskRatio(0.95), t.riskRatio());
        assertEquals(t.oddsRatio(0.95), t.oddsRatio());
        assertEquals(t.riskDifference(0.95), t.riskDifference());
        for (ProportionMethod m : ProportionMethod.values()) {
            assertEquals(Proportions.interval(49, 100, m, 0.95), Proportions.interval(49, 100, m));
        }
        Estimate e = Estimate.of(0.49, 0.05, 100);
        assertEquals(e.waldInterval(0.95), e.waldInterval());
        assertEquals(0.95, Interval.DEFAULT_LEVEL);
    }

    @Test
    void aTwoByTwoIsItsEventsAndTotals() {
        TwoByTwo t = TwoByTwo.of(312, 3898, 402, 9468);
        assertEquals(new TwoByTwo(312, 4210, 402, 9870), t);
        assertEquals(t, TwoByTwo.ofTotals(312, 4210, 402, 9870));
        assertEquals(3898.0, t.groupNonevents());
        assertEquals(9468.0, t.referenceNonevents());
        assertEquals("TwoByTwo[group 312 of 4210, reference 402 of 9870]", t.toString());
        assertEquals(new TwoByTwo(402, 9870, 312, 4210), t.swapped());
        assertEquals(new TwoByTwo(312.5, 4211, 402.5, 9871), t.haldaneCorrected());
        assertEquals("fisher-exact", t.test(IndependenceTest.FISHER_EXACT).method());
        for (IndependenceTest m : IndependenceTest.values()) {
            assertEquals(m.label(), t.test(m).method());
        }
    }

    @Test
    void badTablesAreRefusedNamingTheFieldAndValue() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(Double.NaN, 10, 1, 10)),
                "groupEvents", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(11, 10, 1, 10)),
                "groupEvents 11", "groupTotal 10");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TwoByTwo.of(0, 0, 1, 1)),
                "groupTotal", "no observations");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TwoByTwo.of(1, -2, 1, 1)),
                "groupNonevents", "-2");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TwoByTwo.ofTotals(1, 5, 7, 6)),
                "referenceEvents 7", "referenceTotal 6");
        TwoByTwo corrected = TwoByTwo.of(0, 10, 4, 6).haldaneCorrected();
        assertMessage(assertThrows(IllegalStateException.class, () -> corrected.test(IndependenceTest.FISHER_EXACT)),
                "whole counts", "0.5");
        assertTrue(Double.isFinite(corrected.test(IndependenceTest.PEARSON_CHI_SQUARE).statistic()));
    }

    @Test
    void levelsAndEstimatesAreChecked() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Interval.of(0, 1, "wald", Double.NaN)),
                "level", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Interval.of(0, 1, " ", 0.9)), "method");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new Estimate(0.5, 0.1, 10, Double.NaN)),
                "effectiveN", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Proportions.interval(1, 10, ProportionMethod.WILSON, 1.0)), "level", "1.0");
        assertThrows(NullPointerException.class, () -> Proportions.interval(1, 10, null, 0.9));
        assertThrows(NullPointerException.class, () -> TwoByTwo.of(1, 2, 3, 4).test(null));
    }

    @Test
    void theLevelIsTheLastComponentOfAnInterval() {
        List<String> names = Arrays.stream(Interval.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertEquals(List.of("lower", "upper", "method", "level"), names);
        names = Arrays.stream(Estimate.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertEquals(List.of("estimate", "standardError", "n", "effectiveN"), names);
    }

    private static void assertMessage(Throwable t, String... parts) {
        for (String p : parts) {
            assertTrue(t.getMessage().contains(p), "message \"" + t.getMessage() + "\" lacks \"" + p + "\"");
        }
    }
}
