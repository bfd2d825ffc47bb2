package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code its} and {@code did} case of {@code metrics/trend.json}. */
class RegressionConformanceTest {

    static Stream<ConformanceCase> its() {
        return Conformance.cases("metrics/trend.json").filter(c -> c.kind().equals("its"));
    }

    static Stream<ConformanceCase> did() {
        return Conformance.cases("metrics/trend.json").filter(c -> c.kind().equals("did"));
    }

    static void assertTable(ConformanceCase c, String key, CoefficientTable t) {
        for (int i = 0; i < t.coefficients().size(); i++) {
            Coefficient k = t.coefficients().get(i);
            c.assertText("terms." + i, k.term());
            c.assertNumber(key + ".params." + i, k.estimate());
            c.assertNumber(key + ".se." + i, k.standardError());
            c.assertNumber(key + ".statistic." + i, k.statistic());
            c.assertNumber(key + ".p_value." + i, k.pValue());
        }
        assertEquals(c.expectedAt(key + ".params").size(), t.coefficients().size(), c.id() + " " + key + ": terms");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("its")
    void segmentedRegressionAgreesWithStatsmodels(ConformanceCase c) {
        double[] y = MannKendallConformanceTest.doubles(c.input().get("y"));
        int month = c.input().get("intervention_month").asInt();
        int lags = c.input().get("hac_maxlags").asInt();
        InterruptedTimeSeries its = InterruptedTimeSeries.fit(y, month);
        // the design the fit builds is the one the case lists
        double[] post = MannKendallConformanceTest.doubles(c.input().get("post"));
        double[] since = MannKendallConformanceTest.doubles(c.input().get("t_since"));
        double[] t = MannKendallConformanceTest.doubles(c.input().get("t"));
        for (int i = 0; i < y.length; i++) {
            assertEquals(i + 1, t[i]);
            assertEquals(i + 1 >= month ? 1 : 0, post[i]);
            assertEquals(i + 1 >= month ? i + 1 - month + 1 : 0, since[i]);
        }
        c.assertCount("nobs", its.n());
        c.assertNumber("df_resid", its.residualDegreesOfFreedom());
        c.assertNumber("rsquared", its.rSquared());
        c.assertNumber("sigma", its.sigma());
        assertTable(c, "classic", its.classic());
        assertTable(c, "hac", its.neweyWest(lags));
        assertTable(c, "hac_use_correction_true", its.neweyWestCorrected(lags));
        c.assertAllChecked();
    }

    static List<PanelObservation> panel(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            assertEquals("area,treated,period,post,rate", lines.get(0));
            List<PanelObservation> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                out.add(PanelObservation.of(f[0], f[1].equals("1"), Integer.parseInt(f[2]), f[3].equals("1"),
                        Double.parseDouble(f[4])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("did")
    void differenceInDifferencesAgreesWithStatsmodels(ConformanceCase c) {
        List<PanelObservation> rows = panel(c.dir().resolve(c.input().get("panel_csv").asText()));
        DifferenceInDifferences did = DifferenceInDifferences.fit(rows);
        assertEquals(c.input().get("n_areas").asInt(), did.clusters());
        c.assertCount("nobs", did.n());
        c.assertNumber("df_resid", did.residualDegreesOfFreedom());
        c.assertCount("n_clusters", did.clusters());
        c.assertNumber("did_estimate", did.effect().estimate());
        assertTable(c, "classic", did.classic());
        assertTable(c, "cluster", did.clusterRobust());
        CoefficientTable t = did.clusterRobustT();
        c.assertCount("cluster_t_df_G_minus_1.df", (long) t.degreesOfFreedom().orElseThrow());
        c.assertNumbers("cluster_t_df_G_minus_1.p_value",
                t.coefficients().stream().mapToDouble(Coefficient::pValue).toArray());
        c.assertAllChecked();
    }

    @Test
    void everyKindOfTheTrendFileHasATest() {
        Set<String> tested = Set.of("mann_kendall", "cochran_armitage", "two_wave", "its", "did");
        Conformance.cases("metrics/trend.json").forEach(c ->
                assertEquals(true, tested.contains(c.kind()), c.id() + " has kind " + c.kind() + " that no test runs"));
    }
}
