package io.github.peelmetrics.metrics.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code metrics/count_evaluation.json}: Poisson / quasi-Poisson difference in
 * differences and event studies with cluster-robust SEs (R 4.2.2 {@code glm}, sandwich 3.0-2,
 * lmtest 0.9-40), Callaway and Sant'Anna group-time effects (R transcription of the paper following
 * did 2.5.1, checked by numpy), Poisson interrupted time series with Newey-West, and the synthetic
 * control with placebo ranks (quadprog 1.5-8 polished to the exact KKT solution). Every expected
 * value is asserted ({@link ConformanceCase#assertAllChecked()}).
 */
class CountEvaluationConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/count_evaluation.json");
    }

    /** The panel rows and adoption periods of a case's CSV, after checking its sha256. */
    record PanelData(List<PanelCount> rows, Map<String, Integer> adoption) {}

    static List<String[]> csv(ConformanceCase c, String key) {
        JsonNode in = c.input();
        Path file = c.dir().resolve(in.get(key).asText());
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(in.get(key + "_sha256").asText(), sha, c + ": " + file + " is not the case's data file");
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(line.split(",", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PanelData panel(ConformanceCase c) {
        List<String[]> lines = csv(c, "panel_csv");
        assertEquals(List.of("area", "period", "pop", "y", "first_period", "treat_post"), List.of(lines.get(0)));
        List<PanelCount> rows = new ArrayList<>();
        Map<String, Integer> adoption = new LinkedHashMap<>();
        for (String[] f : lines.subList(1, lines.size())) {
            rows.add(PanelCount.of(f[0], Integer.parseInt(f[1]), Long.parseLong(f[3]), Double.parseDouble(f[2])));
            int first = Integer.parseInt(f[4]);
            if (first > 0) {
                adoption.put(f[0], first);
            }
        }
        return new PanelData(rows, adoption);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTheReference(ConformanceCase c) {
        switch (c.kind()) {
            case "poisson_did" -> {
                PanelData p = panel(c);
                PoissonDid did = PoissonDid.fit(p.rows(), p.adoption(), c.input().get("level").asDouble());
                assertEquals(p.adoption().size(), did.treated());
                regression(c, did.regression(), List.of(PoissonDid.TERM), true);
            }
            case "event_study" -> {
                PanelData p = panel(c);
                assertEquals(-1, c.input().get("reference_event_time").asInt());
                EventStudy es = EventStudy.fit(p.rows(), p.adoption(), c.input().get("level").asDouble());
                c.assertNumbers("event_times", es.eventTimes().stream().mapToDouble(Integer::doubleValue).toArray());
                regression(c, es.regression(), es.eventTimes().stream().map(EventStudy::term).toList(), true);
            }
            case "its_count" -> its(c);
            case "cs_att" -> callawaySantAnna(c);
            case "synthetic_control" -> synth(c);
            default -> fail("unknown kind " + c.kind() + " in " + c.id());
        }
        c.assertAllChecked();
    }

    private static void regression(ConformanceCase c, CountRegression r, List<String> terms, boolean panel) {
        c.assertTexts("terms", terms);
        c.assertCount("nobs", r.observations());
        c.assertCount("df_residual", r.residualDegreesOfFreedom());
        if (panel) {
            c.assertCount("n_coefficients", r.coefficients());
            c.assertCount("n_clusters", r.clusters().orElseThrow());
        }
        c.assertNumber("deviance", r.deviance());
        c.assertNumber("pearson_chi2", r.pearsonChiSquare());
        c.assertNumber("dispersion", r.dispersion());
        RateRatioTable poisson = r.table(Inference.POISSON);
        c.assertNumbers("estimate", poisson.terms().stream().mapToDouble(RateRatioTerm::estimate).toArray());
        c.assertNumbers("rate_ratio", poisson.terms().stream().mapToDouble(RateRatioTerm::rateRatio).toArray());
        block(c, "poisson", "z", r.table(Inference.POISSON));
        block(c, "quasipoisson", "t", r.table(Inference.QUASI_POISSON));
        if (panel) {
            block(c, "cluster_hc1", "z", r.table(Inference.CLUSTER_HC1));
            block(c, "cluster_hc0", "z", r.table(Inference.CLUSTER_HC0));
        } else {
            block(c, "newey_west", "z", r.table(Inference.NEWEY_WEST));
        }
    }

    private static void block(ConformanceCase c, String name, String stat, RateRatioTable t) {
        List<RateRatioTerm> terms = t.terms();
        c.assertNumbers(name + ".se", terms.stream().mapToDouble(RateRatioTerm::standardError).toArray());
        c.assertNumbers(name + "." + stat, terms.stream().mapToDouble(RateRatioTerm::statistic).toArray());
        c.assertNumbers(name + ".p_value", terms.stream().mapToDouble(RateRatioTerm::pValue).toArray());
        for (int i = 0; i < terms.size(); i++) {
            c.assertNumbers(name + ".rate_ratio_ci95." + i,
                    new double[] {terms.get(i).interval().lower(), terms.get(i).interval().upper()});
        }
        assertEquals(c.expectedAt(name + ".rate_ratio_ci95").size(), terms.size(), name + ".rate_ratio_ci95");
    }

    private static void its(ConformanceCase c) {
        JsonNode in = c.input();
        int n = in.get("y").size();
        long[] y = new long[n];
        double[] pop = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = in.get("y").get(i).asLong();
            pop[i] = in.get("pop").get(i).asDouble();
            assertEquals(i + 1, in.get("t").get(i).asInt());
        }
        int t0 = in.get("intervention_t").asInt();
        CountInterruptedTimeSeries its = CountInterruptedTimeSeries.fit(y, pop, t0, in.get("newey_west_lag").asInt(),
                in.get("level").asDouble());
        for (int i = 0; i < n; i++) {   // the design's post and t_since are the case's
            int t = i + 1;
            assertEquals(in.get("post").get(i).asInt(), t >= t0 ? 1 : 0, "post at t=" + t);
            assertEquals(in.get("t_since").get(i).asInt(), t >= t0 ? t - t0 + 1 : 0, "t_since at t=" + t);
        }
        regression(c, its.regression(), List.of("Intercept", "t", "post", "t_since"), false);
    }

    private static void callawaySantAnna(ConformanceCase c) {
        PanelData p = panel(c);
        AttOutcome outcome = switch (c.input().get("outcome").asText()) {
            case "rate_per_100k" -> AttOutcome.RATE_PER_100K;
            case "log_rate" -> AttOutcome.LOG_RATE;
            default -> throw new AssertionError(c.input().get("outcome"));
        };
        assertEquals("never_treated", c.input().get("control_group").asText());
        assertEquals("varying", c.input().get("base_period").asText());
        CallawaySantAnna cs = CallawaySantAnna.fit(p.rows(), p.adoption(), outcome, c.input().get("level").asDouble());
        c.assertCount("n_units", cs.units());
        c.assertNumbers("groups", cs.groups().stream().mapToDouble(Integer::doubleValue).toArray());
        c.assertNumbers("group_sizes", cs.groupSizes().stream().mapToDouble(Integer::doubleValue).toArray());
        c.assertCount("n_never_treated", cs.neverTreated());
        assertEquals(c.expectedAt("att_gt").size(), cs.groupTime().size(), "att_gt cells");
        for (int i = 0; i < cs.groupTime().size(); i++) {
            GroupTimeAtt g = cs.groupTime().get(i);
            String at = "att_gt." + i;
            c.assertCount(at + ".group", g.group());
            c.assertCount(at + ".time", g.time());
            c.assertCount(at + ".base_period", g.basePeriod());
            c.assertBoolean(at + ".post", g.post());
            att(c, at, "att", "se", g.att());
        }
        att(c, "simple", "att", "se", cs.simple());
        assertEquals(c.expectedAt("dynamic.event_times").size(), cs.dynamic().size(), "dynamic event times");
        for (int i = 0; i < cs.dynamic().size(); i++) {
            EventTimeAtt e = cs.dynamic().get(i);
            c.assertCount("dynamic.event_times." + i + ".e", e.eventTime());
            att(c, "dynamic.event_times." + i, "att", "se", e.att());
        }
        c.assertNumber("dynamic.overall_att", cs.overall().estimate());
        c.assertNumber("dynamic.overall_se", cs.overall().standardError());
    }

    private static void att(ConformanceCase c, String at, String att, String se, AttEstimate a) {
        c.assertNumber(at + "." + att, a.estimate());
        c.assertNumber(at + "." + se, a.standardError());
        c.assertNumbers(at + ".ci95", new double[] {a.interval().lower(), a.interval().upper()});
    }

    private static void synth(ConformanceCase c) {
        JsonNode in = c.input();
        List<String[]> panelLines = csv(c, "panel_csv");
        assertEquals(List.of("unit", "period", "pop", "y"), List.of(panelLines.get(0)));
        List<PanelCount> rows = new ArrayList<>();
        for (String[] f : panelLines.subList(1, panelLines.size())) {
            rows.add(PanelCount.of(f[0], Integer.parseInt(f[1]), Long.parseLong(f[3]), Double.parseDouble(f[2])));
        }
        List<String[]> predLines = csv(c, "predictors_csv");
        List<String> names = new ArrayList<>();
        in.get("predictors").forEach(x -> names.add(x.asText()));
        assertEquals(names, List.of(predLines.get(0)).subList(2, predLines.get(0).length));
        Map<String, double[]> predictors = new LinkedHashMap<>();
        String treated = in.get("treated_unit").asText();
        for (String[] f : predLines.subList(1, predLines.size())) {
            assertEquals(f[0].equals(treated) ? "treated" : "donor", f[1], f[0]);
            double[] x = new double[names.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = Double.parseDouble(f[2 + i]);
            }
            predictors.put(f[0], x);
        }
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.get("v").get(i).asDouble();
        }
        List<Integer> pre = new ArrayList<>();
        in.get("pre_periods").forEach(x -> pre.add(x.asInt()));
        List<Integer> post = new ArrayList<>();
        in.get("post_periods").forEach(x -> post.add(x.asInt()));
        SyntheticControl sc = SyntheticControl.fit(treated, names, predictors, v, rows, pre, post);
        c.assertTexts("donors", sc.donors());
        fit(c, "", sc.fit());
        c.assertNumbers("x_treated", sc.predictorsTreated().stream().mapToDouble(Double::doubleValue).toArray());
        c.assertNumbers("x_synthetic", sc.predictorsSynthetic().stream().mapToDouble(Double::doubleValue).toArray());
        c.assertNumbers("periods", sc.periods().stream().mapToDouble(Integer::doubleValue).toArray());
        c.assertNumbers("synthetic", sc.synthetic().stream().mapToDouble(Double::doubleValue).toArray());
        c.assertNumbers("gap", sc.gap().stream().mapToDouble(Double::doubleValue).toArray());
        c.assertNumber("pre_rmspe", sc.fit().preRmspe());
        c.assertNumber("post_rmspe", sc.fit().postRmspe());
        c.assertNumber("ratio_post_pre_rmspe", sc.fit().ratio());
        assertEquals(c.expectedAt("placebos").size(), sc.placebos().size(), "placebos");
        for (int i = 0; i < sc.placebos().size(); i++) {
            SyntheticFit p = sc.placebos().get(i);
            String at = "placebos." + i + ".";
            c.assertText(at + "unit", p.unit());
            fit(c, at, p);
            c.assertNumber(at + "pre_rmspe", p.preRmspe());
            c.assertNumber(at + "post_rmspe", p.postRmspe());
            c.assertNumber(at + "ratio", p.ratio());
        }
        c.assertCount("rank_of_treated", sc.rank());
        c.assertCount("n_units", sc.units());
        c.assertNumber("p_value", sc.pValue());
    }

    private static void fit(ConformanceCase c, String at, SyntheticFit f) {
        JsonNode weights = c.expectedAt(at + "weights");
        List<String> keys = new ArrayList<>();
        weights.fieldNames().forEachRemaining(keys::add);
        assertEquals(keys, List.copyOf(f.weights().keySet()), at + "weights: donors");
        for (String d : keys) {
            c.assertNumber(at + "weights." + d, f.weights().get(d));
        }
        c.assertTexts(at + "support", f.support());
        c.assertNumber(at + "loss", f.loss());
    }
}
