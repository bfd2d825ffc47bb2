package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of core/proportions.json (statsmodels 0.13.5 proportion_confint). */
class ProportionsConformanceTest {

    private static final Map<String, ProportionMethod> METHODS = Map.of(
            "wilson", ProportionMethod.WILSON,
            "beta", ProportionMethod.CLOPPER_PEARSON,
            "agresti_coull", ProportionMethod.AGRESTI_COULL,
            "jeffreys", ProportionMethod.JEFFREYS,
            "normal", ProportionMethod.WALD);

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("core/proportions.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void intervalsMatchStatsmodels(ConformanceCase c) {
        long x = c.input().get("x").asLong();
        long n = c.input().get("n").asLong();
        c.assertNumber("p_hat", Proportions.estimate(x, n).estimate());
        for (var level : c.input().get("levels")) {
            String key = level.asDouble() == 0.95 ? "0.95" : "0.90";
            if (c.expectedAt(key).isMissingNode()) {
                key = level.asText();
            }
            for (var m : METHODS.entrySet()) {
                Interval ci = Proportions.interval(x, n, m.getValue(), level.asDouble());
                c.assertNumbers(key + "." + m.getKey(), new double[] {ci.lower(), ci.upper()});
            }
        }
        c.assertAllChecked();
    }
}
