package io.github.peelmetrics.metrics.trend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Estimate;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code cochran_armitage} and {@code two_wave} case of {@code metrics/trend.json}. */
class ProportionTrendConformanceTest {

    static Stream<ConformanceCase> cochranArmitage() {
        return Conformance.cases("metrics/trend.json").filter(c -> c.kind().equals("cochran_armitage"));
    }

    static Stream<ConformanceCase> twoWave() {
        return Conformance.cases("metrics/trend.json").filter(c -> c.kind().equals("two_wave"));
    }

    static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cochranArmitage")
    void cochranArmitageAgreesWithPropTrendTest(ConformanceCase c) {
        CochranArmitage ca = CochranArmitage.test(longs(c.input().get("x")), longs(c.input().get("n")),
                MannKendallConformanceTest.doubles(c.input().get("scores")));
        c.assertNumber("chi_square", ca.testResult().statistic());
        c.assertNumber("p_value", ca.testResult().pValue());
        c.assertNumber("z", ca.z());
        c.assertNumber("p_value_z", ca.pValue());
        c.assertNumbers("proportions", ca.proportions().stream().mapToDouble(Double::doubleValue).toArray());
        c.assertNumber("z_linear_by_linear_statsmodels", ca.zPermutation());
        c.assertNumber("p_value_linear_by_linear_statsmodels", Distributions.normalTwoSided(ca.zPermutation()));
        if (c.expected().has("R_prop.test_chi_square_k2")) {
            c.assertNumber("R_prop.test_chi_square_k2", ca.homogeneity().statistic());
        }
        c.assertAllChecked();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoWave")
    void twoWaveChangeAgreesWithStatsmodels(ConformanceCase c) {
        JsonNode w1 = c.input().get("wave1");
        JsonNode w2 = c.input().get("wave2");
        ProportionChange pooled = ProportionChange.test(w1.get("x").asLong(), w1.get("n").asLong(),
                w2.get("x").asLong(), w2.get("n").asLong());
        ProportionChange unpooled = ProportionChange.test(w1.get("x").asLong(), w1.get("n").asLong(),
                w2.get("x").asLong(), w2.get("n").asLong(), Pooling.UNPOOLED);
        ProportionChange given = ProportionChange.test(
                Estimate.of(w1.get("estimate").asDouble(), w1.get("se").asDouble(), w1.get("n").asLong()),
                Estimate.of(w2.get("estimate").asDouble(), w2.get("se").asDouble(), w2.get("n").asLong()));
        c.assertNumber("difference", pooled.difference());
        c.assertNumber("pooled.z", pooled.z());
        c.assertNumber("pooled.p_value", pooled.pValue());
        c.assertNumber("unpooled_counts.z", unpooled.z());
        c.assertNumber("unpooled_counts.p_value", unpooled.pValue());
        c.assertNumber("given_se.difference", given.difference());
        c.assertNumber("given_se.se_difference", given.standardError());
        c.assertNumber("given_se.z", given.z());
        c.assertNumber("given_se.p_value", given.pValue());
        c.assertNumber("R_prop.test_chi_square", pooled.z() * pooled.z());
        c.assertAllChecked();
    }
}
