package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code metrics/rates.json}. */
class RatesConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/rates.json");
    }

    static void assertRatio(ConformanceCase c, String key, RatioEstimate r) {
        c.assertNumber(key + ".estimate", r.estimate());
        c.assertNumber(key + ".lower", r.interval().lower());
        c.assertNumber(key + ".upper", r.interval().upper());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rateComparisonAgreesWithEpitoolsRAndStatsmodels(ConformanceCase c) {
        JsonNode g = c.input().get("group");
        JsonNode r = c.input().get("reference");
        double level = c.input().get("level").asDouble();
        RateComparison rc = RateComparison.test(g.get("events").asLong(), g.get("exposure").asDouble(),
                r.get("events").asLong(), r.get("exposure").asDouble());

        c.assertNumber("rate_group", rc.group().rate());
        c.assertNumber("rate_reference", rc.reference().rate());
        c.assertNumber("rate_ratio", rc.rateRatio().estimate());
        assertRatio(c, "wald", rc.wald(level));
        RatioEstimate midp = rc.midP(level);
        assertRatio(c, "midp", midp);
        assertRatio(c, "midp_epitools_default_tol", midp); // same equations, epitools' loose root (tolerance 1e-3)
        c.assertNumber("p_midp_exact_epitools", rc.midPTest().pValue());
        c.assertNumber("p_score_epitools", rc.scoreTest().pValue());
        c.assertNumber("exact_conditional.p_value_statsmodels", rc.exactConditionalTest().pValue());
        c.assertNumber("exact_conditional.p_value_R_poisson.test", rc.exactConditionalTest().pValue());
        Interval ci = rc.exactConditionalInterval(level);
        c.assertNumber("exact_conditional.ratio_ci_R_poisson.test.0", ci.lower());
        c.assertNumber("exact_conditional.ratio_ci_R_poisson.test.1", ci.upper());
        c.assertNumber("score.statistic", rc.scoreTest().statistic());
        c.assertNumber("score.p_value", rc.scoreTest().pValue());
        Interval gi = rc.group().exactInterval(level);
        c.assertNumbers("group_rate_exact_ci", new double[] {gi.lower(), gi.upper()});
        Interval ri = rc.reference().exactInterval(level);
        c.assertNumbers("reference_rate_exact_ci", new double[] {ri.lower(), ri.upper()});
        assertEquals(level, ci.level());
        c.assertAllChecked();
    }
}
