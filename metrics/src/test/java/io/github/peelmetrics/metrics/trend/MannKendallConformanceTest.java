package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code mann_kendall} case of {@code metrics/trend.json}. */
class MannKendallConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/trend.json").filter(c -> c.kind().equals("mann_kendall"));
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ConformanceCase.number(array.get(i));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mannKendallAndSenAgreeWithTrendPackageFormulas(ConformanceCase c) {
        double[] y = doubles(c.input().get("y"));
        double[] t = doubles(c.input().get("t"));
        for (int i = 1; i < t.length; i++) {
            assertEquals(t[i - 1] + 1, t[i], c.id() + ": the case's time points must be consecutive");
        }
        double level = c.input().get("conf_level").asDouble();
        MannKendall mk = MannKendall.test(y, level);

        c.assertCount("n", mk.n());
        assertEquals(0, mk.missing());
        c.assertCount("S", mk.s());
        c.assertNumber("var_S", mk.varianceS());
        c.assertNumbers("tie_group_sizes", mk.tieGroupSizes().stream().mapToDouble(Integer::doubleValue).toArray());
        c.assertNumber("tau", mk.tau());
        c.assertNumber("z", mk.z());
        c.assertNumber("p_value", mk.pValue());
        c.assertNumber("z_no_continuity", mk.zWithoutContinuity());
        c.assertNumber("p_value_no_continuity", mk.pValueWithoutContinuity());

        SensSlope sen = mk.sensSlope().orElseThrow();
        c.assertNumber("sen_slope", sen.slope());
        c.assertCount("n_slopes", sen.slopes());
        double[] raw = SensSlope.rawRanks(sen.slopes(), mk.varianceS(), level);
        c.assertNumber("C", raw[0]);
        c.assertNumber("sen_ci_rank_lower_raw", raw[1]);
        c.assertNumber("sen_ci_rank_upper_raw", raw[2]);
        c.assertCount("sen_ci_rank_lower", sen.rankLower());
        c.assertCount("sen_ci_rank_upper", sen.rankUpper());
        Interval ci = sen.interval().orElseThrow();
        c.assertNumbers("sen_ci", new double[] {ci.lower(), ci.upper()});
        assertEquals(level, ci.level());

        // the standalone estimator and the implicit selection give the same numbers
        SensSlope alone = SensSlope.of(y, level);
        assertEquals(sen, alone);
        long big = sen.slopes();
        long[] ranks = {1, (big + 1) / 2, sen.rankLower(), sen.rankUpper(), big};
        double[] tt = new double[y.length];
        for (int i = 0; i < tt.length; i++) {
            tt[i] = i + 1;
        }
        assertTrue(java.util.Arrays.equals(SlopeSelection.direct(tt, y, ranks), SlopeSelection.implicit(tt, y, ranks)),
                c.id() + ": implicit slope selection differs from the sort");
        c.assertAllChecked();
    }
}
