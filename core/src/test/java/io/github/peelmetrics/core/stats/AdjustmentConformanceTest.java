package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of core/multiple_comparisons.json (statsmodels multipletests holm / fdr_bh). */
class AdjustmentConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("core/multiple_comparisons.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void adjustedPValuesMatchStatsmodels(ConformanceCase c) {
        double[] p = StreamSupport.stream(c.input().get("p_values").spliterator(), false)
                .mapToDouble(n -> n.asDouble()).toArray();
        check(c, "holm", Adjustment.HOLM, p);
        check(c, "benjamini_hochberg", Adjustment.BENJAMINI_HOCHBERG, p);
        c.assertAllChecked();
    }

    private static void check(ConformanceCase c, String key, Adjustment a, double[] p) {
        c.assertNumbers(key + ".adjusted", a.adjust(p));
        boolean[] rejected = a.reject(p, 0.05);
        for (int i = 0; i < rejected.length; i++) {
            c.assertBoolean(key + ".rejected_at_0.05." + i, rejected[i]);
        }
    }
}
