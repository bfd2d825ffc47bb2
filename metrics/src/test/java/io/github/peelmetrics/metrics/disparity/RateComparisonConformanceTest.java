package io.github.peelmetrics.metrics.disparity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of metrics/rates.json: epitools rateratio.wald / rateratio.midp / rate2by2.test,
 * R poisson.test, statsmodels test_poisson_2indep.
 */
class RateComparisonConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/rates.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rateComparisonsMatchTheReferences(ConformanceCase c) {
        JsonNode in = c.input();
        double level = in.get("level").asDouble();
        RateComparison r = RateComparison.of(in.at("/group/events").asLong(), in.at("/group/exposure").asDouble(),
                in.at("/reference/events").asLong(), in.at("/reference/exposure").asDouble());
        c.assertNumber("rate_group", r.groupRate());
        c.assertNumber("rate_reference", r.referenceRate());
        c.assertNumber("rate_ratio", r.ratio());
        ratio(c, "wald", r.wald(level));
        RatioEstimate midp = r.midP(level);
        ratio(c, "midp", midp);
        // epitools' own numbers stop at uniroot's default tolerance; the file's override (1e-3) applies
        ratio(c, "midp_epitools_default_tol", midp);
        c.assertNumber("p_midp_exact_epitools", r.midPExact().pValue());
        c.assertNumber("p_score_epitools", r.score().pValue());
        c.assertNumber("exact_conditional.p_value_R_poisson.test", r.exactConditional().pValue());
        c.assertNumber("exact_conditional.p_value_statsmodels", r.exactConditional().pValue());
        interval(c, "exact_conditional.ratio_ci_R_poisson.test", r.exactConditionalInterval(level));
        c.assertNumber("score.statistic", r.score().statistic());
        c.assertNumber("score.p_value", r.score().pValue());
        interval(c, "group_rate_exact_ci", r.groupRateInterval(level));
        interval(c, "reference_rate_exact_ci", r.referenceRateInterval(level));
        c.assertAllChecked();
    }

    private static void ratio(ConformanceCase c, String key, RatioEstimate r) {
        c.assertNumber(key + ".estimate", r.estimate());
        c.assertNumber(key + ".lower", r.interval().lower());
        c.assertNumber(key + ".upper", r.interval().upper());
    }

    private static void interval(ConformanceCase c, String key, Interval i) {
        c.assertNumbers(key, new double[] {i.lower(), i.upper()});
    }

    @Test
    void errorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> RateComparison.of(1, 0, 1, 1));
        assertTrue(e.getMessage().contains("group exposure of rate comparison must be positive and finite: 0.0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateComparison.of(0, 1, 0, 1));
        assertTrue(e.getMessage().contains("at least one event"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateComparison.of(1, 1, -1, 1));
        assertTrue(e.getMessage().contains("reference events of rate comparison must not be negative: -1"));
        e = assertThrows(IllegalArgumentException.class, () -> RateComparison.of(1, 1, 1, 1).wald(95));
        assertTrue(e.getMessage().contains("confidence level of rate comparison must be in (0, 1): 95.0"));
    }
}
