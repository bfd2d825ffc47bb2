package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.stats.Estimate;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every test's result exposes its TestResult; the records hold the figures they print. */
class TrendResultsTest {

    @Test
    void everyTestExposesItsTestResult() {
        MannKendall mk = MannKendall.test(41, 38, 38, 35, 36, 31, 31, 29);
        assertEquals(TestResult.of(mk.z(), mk.pValue(), "mann-kendall"), mk.testResult());

        SeasonalMannKendall smk = SeasonalMannKendall.test(new double[] {1, 5, 2, 6, 3, 8, 4, 9}, 2);
        assertEquals(TestResult.of(smk.z(), smk.pValue(), "seasonal-mann-kendall"), smk.testResult());

        CochranArmitage ca = CochranArmitage.test(new long[] {601, 651, 865}, new long[] {1002, 1001, 1201});
        assertEquals(ca.z() * ca.z(), ca.testResult().statistic());
        assertEquals(1.0, ca.testResult().degreesOfFreedom().orElseThrow());
        assertEquals(ca.pValue(), ca.testResult().pValue(), 1e-15);
        assertEquals(ca.chiSquare(), ca.testResult().statistic());

        ProportionChange pc = ProportionChange.test(601, 1002, 865, 1201);
        assertEquals(TestResult.of(pc.z(), pc.pValue(), "pooled-z"), pc.testResult());
        assertEquals("unpooled-z", ProportionChange.test(601, 1002, 865, 1201, Pooling.UNPOOLED).testResult().method());
        assertEquals("given-se-z", ProportionChange.test(Estimate.of(0.6, 0.02, 1000), Estimate.of(0.7, 0.02, 1000))
                .testResult().method());

        RateComparison rc = RateComparison.test(88, 1.0, 186, 1.0);
        assertEquals(rc.exactConditionalTest(), rc.testResult());
        assertEquals("exact-conditional", rc.testResult().method());
    }

    @Test
    void aRateComparisonPrintsItsOwnLevel() {
        RateComparison rc = RateComparison.test(88, 1.0, 186, 1.0, 0.9);
        assertEquals(rc.wald(0.9), rc.rateRatio());
        assertTrue(rc.toString().contains("] 90% wald, exact p="), rc.toString());
        assertEquals(RateComparison.test(88, 1.0, 186, 1.0).rateRatio(), rc.wald(0.95));
    }

    @Test
    void derivedComponentsMustAgreeWithTheirInputs() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PoissonRate(5, 2.0, 3.0));
        assertEquals("rate of PoissonRate must be events / exposure = 2.5: 3.0", e.getMessage());
        RateComparison rc = RateComparison.test(10, 1.0, 20, 1.0);
        e = assertThrows(IllegalArgumentException.class,
                () -> new RateComparison(rc.group(), rc.reference(), new io.github.peelmetrics.core.stats.RatioEstimate(1.0, rc.rateRatio().interval()), rc.testResult()));
        assertTrue(e.getMessage().startsWith("rateRatio of RateComparison must be 10.0 / 20.0"), e.getMessage());
    }

    @Test
    void regressionResultsAreRecordsThatRecomputeTheirOtherCovariances() {
        double[] y = {10, 11, 12, 11, 13, 20, 21, 23, 22, 24};
        InterruptedTimeSeries its = InterruptedTimeSeries.fit(y, 6);
        assertEquals(10, its.n());
        assertEquals(10, its.series().size());
        assertEquals(its, InterruptedTimeSeries.fit(y, 6));
        assertEquals(its.classic().coefficient("post"), its.levelChange());
        assertEquals(its.classic().coefficients().size(), its.neweyWest(2).coefficients().size());

        List<PanelObservation> panel = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            for (int t = 0; t < 4; t++) {
                panel.add(PanelObservation.of("a" + a, a < 3, t, t >= 2, a + t + (a < 3 && t >= 2 ? 2 : 0) + (a * t % 3) * 0.1));
            }
        }
        DifferenceInDifferences did = DifferenceInDifferences.fit(panel);
        assertEquals(did.clusterRobust().coefficient("treated:post"), did.effect());
        Coefficient robust = did.clusterRobust().coefficient("treated:post");
        Coefficient t = did.clusterRobustT().coefficient("treated:post");
        assertEquals(robust.standardError(), t.standardError());
        assertEquals(5.0, did.clusterRobustT().degreesOfFreedom().orElseThrow());
    }
}
