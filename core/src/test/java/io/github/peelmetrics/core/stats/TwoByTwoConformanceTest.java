package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of core/two_by_two.json (R epitools, fisher.test, chisq.test, prop.test; statsmodels). */
class TwoByTwoConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("core/two_by_two.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comparisonsMatchTheReferences(ConformanceCase c) {
        var in = c.input();
        double level = in.get("level").asDouble();
        TwoByTwo t = TwoByTwo.of(in.at("/group/events").asLong(), in.at("/group/nonevents").asLong(),
                in.at("/reference/events").asLong(), in.at("/reference/nonevents").asLong());

        c.assertNumber("risk_group", t.riskGroup());
        c.assertNumber("risk_reference", t.riskReference());
        assertRatio(c, "risk_ratio", t.riskRatio(level));
        assertRatio(c, "odds_ratio", t.oddsRatio(level));
        assertDifference(c, "risk_difference", t.riskDifference(level));
        assertDifference(c, "risk_difference_R_prop_test", t.riskDifference(level).clippedToUnit());
        c.assertNumber("fisher_exact_p.R_fisher.test", t.test(IndependenceTest.FISHER_EXACT).pValue());
        c.informational("fisher_exact_p.scipy_fisher_exact", "second oracle; Peel follows R's fisher.test");
        c.informational("fisher_exact_p.differ", "records whether the two oracles differ");
        c.assertNumber("midp_exact_p_epitools", t.test(IndependenceTest.MID_P_EXACT).pValue());
        c.assertNumber("chi_square.statistic", t.test(IndependenceTest.PEARSON_CHI_SQUARE).statistic());
        c.assertNumber("chi_square.p_value", t.test(IndependenceTest.PEARSON_CHI_SQUARE).pValue());
        c.assertNumber("chi_square_yates.statistic", t.test(IndependenceTest.PEARSON_CHI_SQUARE_YATES).statistic());
        c.assertNumber("chi_square_yates.p_value", t.test(IndependenceTest.PEARSON_CHI_SQUARE_YATES).pValue());
        c.assertBoolean("chi_square_R_warns_small_expected", t.hasSmallExpectedCount());
        if (!c.expectedAt("zero_cell_corrected").isMissingNode()) {
            TwoByTwo h = t.haldaneCorrected();
            assertRatio(c, "zero_cell_corrected.risk_ratio", h.riskRatio(level));
            assertRatio(c, "zero_cell_corrected.odds_ratio", h.oddsRatio(level));
            c.informational("zero_cell_corrected.note", "prose");
            c.informational("zero_cell_statsmodels_shift_zeros",
                    "documented so nobody mistakes statsmodels' shift_zeros for Haldane-Anscombe; Peel offers Haldane only");
        }
        c.assertAllChecked();
    }

    private static void assertRatio(ConformanceCase c, String key, RatioEstimate r) {
        c.assertNumber(key + ".estimate", r.estimate());
        c.assertNumber(key + ".lower", r.interval().lower());
        c.assertNumber(key + ".upper", r.interval().upper());
    }

    private static void assertDifference(ConformanceCase c, String key, DifferenceEstimate d) {
        c.assertNumber(key + ".estimate", d.estimate());
        c.assertNumber(key + ".lower", d.interval().lower());
        c.assertNumber(key + ".upper", d.interval().upper());
    }
}
