package io.github.peelmetrics.metrics.officers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code metrics/officer_comparison.json} (R 4.2.2 and FunnelPlotR 0.6.0's own code):
 * standardised ratios, Poisson tails with BH, Pearson dispersion, the Spiegelhalter funnel and
 * FunnelPlotR's SHMI and CQC figures. The {@code cpdp_percentile} block is asserted by
 * {@code CpdpPercentileConformanceTest}.
 */
class OfficerComparisonConformanceTest {

    private static final Map<String, FunnelModel> MODELS = Map.of("unadjusted", FunnelModel.UNADJUSTED,
            "multiplicative", FunnelModel.MULTIPLICATIVE, "additive", FunnelModel.ADDITIVE_RANDOM_EFFECTS);
    private static final Map<String, Double> LEVELS = Map.of("95", 0.95, "998", 0.998);

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/officer_comparison.json");
    }

    /** The case's exposure rows, after checking the data file is the one the case was computed from. */
    static List<ExposureRecord> records(ConformanceCase c) {
        JsonNode in = c.input();
        Path csv = c.dir().resolve(in.get("exposure_csv").asText());
        try {
            byte[] bytes = Files.readAllBytes(csv);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(in.get("exposure_csv_sha256").asText(), sha, c + ": " + csv + " is not the case's data file");
            List<String> lines = Files.readAllLines(csv);
            List<String> header = List.of(lines.get(0).split(","));
            int officer = header.indexOf("officer_id");
            int stratum = header.indexOf(in.get("stratum_column").asText());
            int exposure = header.indexOf(in.get("exposure_column").asText());
            int count = header.indexOf(in.get("count_column").asText());
            List<ExposureRecord> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                out.add(ExposureRecord.of(f[officer], f[stratum], Double.parseDouble(f[exposure]),
                        Long.parseLong(f[count])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithRAndFunnelPlotR(ConformanceCase c) {
        JsonNode in = c.input();
        assertEquals(0.95, in.get("ci_level").asDouble());
        assertEquals(0.1, in.get("trim").asDouble());
        PeerComparison ratios = PeerComparison.of(records(c), in.get("ci_level").asDouble());
        standardisation(c, ratios);
        SpiegelhalterFunnel funnel = Funnel.spiegelhalter(ratios, in.get("trim").asDouble());
        spiegelhalter(c, funnel);
        funnelPlotR(c, "funnelplotr_shmi", Funnel.funnelPlotR(ratios, FunnelPlotRMethod.SHMI));
        funnelPlotR(c, "funnelplotr_cqc", Funnel.funnelPlotR(ratios, FunnelPlotRMethod.CQC));
        if (!c.expectedAt("cpdp_percentile").isMissingNode()) {
            c.informational("cpdp_percentile", "asserted by CpdpPercentileConformanceTest (metrics.officers.CpdpPercentile)");
        }
        c.assertAllChecked();
    }

    private static void standardisation(ConformanceCase c, PeerComparison r) {
        c.assertCount("n_officers", r.officers().size());
        c.assertCount("total_observed", r.totalObserved());
        c.assertNumber("total_exposure", r.totalExposure());
        c.assertNumber("overall_rate", r.overallRate());
        assertEquals(c.expectedAt("strata").size(), r.strata().size(), c + " strata");
        for (int i = 0; i < r.strata().size(); i++) {
            StratumRate s = r.strata().get(i);
            String p = "strata." + i + ".";
            c.assertText(p + "stratum", s.stratum());
            c.assertCount(p + "observed", s.observed());
            c.assertNumber(p + "exposure", s.exposure());
            c.assertNumber(p + "rate", s.rate());
        }
        c.assertNumber("pearson.chi2", r.pearson().chiSquare());
        c.assertCount("pearson.df", r.pearson().df());
        c.assertNumber("pearson.dispersion", r.pearson().dispersion());
        assertEquals(c.expectedAt("officers").size(), r.officers().size(), c + " officers");
        for (int i = 0; i < r.officers().size(); i++) {
            OfficerRatio o = r.officers().get(i);
            String p = "officers." + i + ".";
            c.assertText(p + "officer_id", o.officer());
            c.assertCount(p + "observed", o.observed());
            c.assertNumber(p + "exposure", o.exposure());
            c.assertNumber(p + "expected", o.expected());
            c.assertNumber(p + "ratio", o.estimate());
            c.assertNumbers(p + "ratio_ci95_exact", new double[] {o.interval().lower(), o.interval().upper()});
            c.assertNumber(p + "p_poisson_upper", o.pUpper());
            c.assertNumber(p + "p_poisson_upper_bh", o.pUpperBh());
        }
    }

    private static void spiegelhalter(ConformanceCase c, SpiegelhalterFunnel f) {
        String b = "spiegelhalter.";
        c.assertText(b + "scale", "sqrt"); // the scale SpiegelhalterFunnel implements (y = sqrt(O/E))
        c.assertNumber(b + "target", 1.0); // and its target
        c.assertNumber(b + "trim", f.trim());
        c.assertNumbers(b + "winsor_bounds", new double[] {f.lowerBound(), f.upperBound()});
        c.assertCount(b + "n_winsorized", f.winsorized());
        c.assertNumber(b + "phi", f.phi());
        c.assertNumber(b + "phi_used", f.phiUsed());
        c.assertNumber(b + "tau2", f.tau2());
        LEVELS.forEach((k, level) -> c.assertNumber(b + "z_quantiles." + k, SpiegelhalterFunnel.criticalValue(level)));
        for (int i = 0; i < f.officers().size(); i++) {
            FunnelPoint o = f.officers().get(i);
            String p = b + "officers." + i + ".";
            c.assertText(p + "officer_id", o.officer());
            c.assertNumber(p + "y", o.y());
            c.assertNumber(p + "s", o.s());
            c.assertNumber(p + "z", o.z());
            c.assertNumber(p + "z_winsorized", o.zWinsorized());
            c.assertNumber(p + "z_multiplicative", o.zMultiplicative());
            c.assertNumber(p + "z_additive", o.zAdditive());
            c.assertNumber(p + "p_upper_multiplicative", o.pUpperMultiplicative());
            c.assertNumber(p + "p_upper_multiplicative_bh", o.pUpperMultiplicativeBh());
            c.assertNumber(p + "p_upper_additive", o.pUpperAdditive());
            c.assertNumber(p + "p_upper_additive_bh", o.pUpperAdditiveBh());
            c.assertNumber(p + "p_two_sided_additive", o.pTwoSidedAdditive());
            c.assertNumber(p + "p_two_sided_additive_bh", o.pTwoSidedAdditiveBh());
            MODELS.forEach((name, model) -> LEVELS.forEach((k, level) -> {
                Interval l = f.limits(model, o.expected(), level);
                c.assertNumbers(p + "limits." + name + "_" + k, new double[] {l.lower(), l.upper()});
            }));
        }
        assertEquals(c.expectedAt(b + "officers").size(), f.officers().size(), c + " funnel officers");
        MODELS.forEach((name, model) -> LEVELS.forEach((k, level) -> {
            Outside out = f.outside(model, level);
            c.assertTexts(b + "outside." + name + "_" + k + ".high", out.high());
            c.assertTexts(b + "outside." + name + "_" + k + ".low", out.low());
        }));
    }

    private static void funnelPlotR(ConformanceCase c, String b, FunnelPlotRFunnel f) {
        c.assertText(b + ".method", f.method().name());
        c.assertNumber(b + ".phi", f.phi());
        c.assertNumber(b + ".tau2", f.tau2());
        c.assertBoolean(b + ".draw_adjusted", f.drawAdjusted());
        c.assertCount(b + ".n_used_for_phi", f.usedForPhi());
        assertEquals(c.expectedAt(b + ".officers").size(), f.officers().size(), c + " " + b);
        for (int i = 0; i < f.officers().size(); i++) {
            FunnelPlotRPoint o = f.officers().get(i);
            String p = b + ".officers." + i + ".";
            c.assertText(p + "officer_id", o.officer());
            c.assertNumber(p + "denominator", o.denominator());
            c.assertNumber(p + "rr", o.rr());
            c.assertNumber(p + "z", o.z());
            c.assertBoolean(p + "excluded_from_phi", o.excludedFromPhi());
            limits(c, p + "od_limits_95", o.odLimits95());
            limits(c, p + "od_limits_998", o.odLimits998());
            limits(c, p + "poisson_limits_95", o.poissonLimits95());
            limits(c, p + "poisson_limits_998", o.poissonLimits998());
            c.assertCount(p + "outlier_998", o.outlier998() ? 1 : 0);
            c.assertCount(p + "outlier_95", o.outlier95() ? 1 : 0);
        }
        c.assertTexts(b + ".outliers_998", f.outliers998());
        c.assertTexts(b + ".outliers_95", f.outliers95());
    }

    private static void limits(ConformanceCase c, String path, Interval l) {
        c.assertNumbers(path, new double[] {l.lower(), l.upper()});
    }
}
