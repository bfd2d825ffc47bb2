package io.github.peelmetrics.survey.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.survey.SurveyProportionMethod;
import io.github.peelmetrics.testing.Conformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the survey-designs conformance suite (R 4.2.2, survey 4.1-1), driven by its
 * {@code design.json} alone: data types, factor levels, derived scores, designs and analyses in
 * order; no variable name is written here. Every result of a supported design is asserted at its
 * own tolerance (or its expected error). Results of designs of the kinds in
 * {@link #NOT_YET_SUPPORTED} are skipped, and the number skipped per case is asserted
 * ({@link #SKIPPED}) so that nothing is skipped silently.
 */
class DesignConformanceTest {

    /** Design kinds Peel does not build yet, with the reason; every analysis on them is skipped. */
    static final Map<String, String> NOT_YET_SUPPORTED = Map.of();

    /** Results skipped per case (those on designs of the kinds above); asserted exactly. */
    static final Map<String, Integer> SKIPPED = Map.of(
            "pub-api-strat", 0,
            "pub-api-clus1", 0,
            "pub-city-2stage-s3101", 0,
            "pub-ppcs-brr-s3102", 0,
            "pub-city-lonely-s3103", 0);

    static Stream<Path> cases() {
        return Conformance.caseFolders("survey-designs");
    }

    /** The CSV read as strings, column name → values; an empty field is missing. */
    static Map<String, String[]> csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",", -1);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isEmpty()) {
                    String[] f = line.split(",", -1);
                    assertEquals(header.length, f.length, file + ": " + line);
                    rows.add(f);
                }
            }
            Map<String, String[]> out = new LinkedHashMap<>();
            for (int k = 0; k < header.length; k++) {
                String[] col = new String[rows.size()];
                for (int i = 0; i < col.length; i++) {
                    col[i] = rows.get(i)[k];
                }
                out.put(header[k], col);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] numbers(String[] s) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].isEmpty() ? Double.NaN : Double.parseDouble(s[i]);
        }
        return out;
    }

    static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** A derived score: mean of answered items (reverse items as min + max − x), rescaled to 0-100. */
    static double[] derived(JsonNode rule, Map<String, double[]> numeric, int n) {
        List<String> items = strings(rule.path("items"));
        List<String> reverse = strings(rule.path("reverse_items"));
        double lo = rule.path("scale_min").asDouble();
        double hi = rule.path("scale_max").asDouble();
        int min = rule.path("min_answered").asInt();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int m = 0;
            for (String item : items) {
                double x = numeric.get(item)[i];
                if (!Double.isNaN(x)) {
                    s += reverse.contains(item) ? lo + hi - x : x;
                    m++;
                }
            }
            out[i] = m >= min ? (s / m - lo) / (hi - lo) * 100 : Double.NaN;
        }
        return out;
    }

    static final class Counts {
        int asserted;
        int skipped;
        int values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithRSurvey(Path dir) {
        JsonNode config = Conformance.json(dir.resolve("design.json"));
        JsonNode expected = Conformance.json(dir.resolve("expected.json"));
        String caseId = config.path("case_id").asText();
        assertEquals(caseId, expected.path("case_id").asText());
        assertEquals("4.1.1", expected.path("generated_with").path("survey").asText());
        JsonNode data = config.path("data");
        Map<String, String[]> raw = csv(dir.resolve(data.path("file").asText()));
        int n = data.path("n").asInt();
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (String v : strings(data.path("numeric"))) {
            numeric.put(v, numbers(raw.get(v)));
        }
        for (JsonNode rule : config.path("derived")) {
            numeric.put(rule.path("name").asText(), derived(rule, numeric, n));
        }
        Map<String, Design> designs = new HashMap<>();
        Map<String, String> unsupported = new HashMap<>();
        for (JsonNode spec : config.path("designs")) {
            String name = spec.path("name").asText();
            String kind = spec.path("kind").asText();
            JsonNode exp = expected.path("designs").path(name);
            if (unsupported.containsKey(spec.path("source").asText())) {
                unsupported.put(name, "calibrated replicate design");
                continue;
            }
            if (NOT_YET_SUPPORTED.containsKey(spec.path("type").asText())) {
                unsupported.put(name, spec.path("type").asText());
                continue;
            }
            if (exp.has("error")) {
                SurveyDesign source = (SurveyDesign) designs.get(spec.path("source").asText());
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> replicates(withOptions(source, spec.path("options")), spec), name);
                assertEquals(exp.path("error").asText(), e.getMessage(), name);
                continue;
            }
            Design d = switch (kind) {
                case "svydesign" -> build(spec, data, raw, numeric, n);
                case "as.svrepdesign" -> replicates(withOptions((SurveyDesign) designs.get(spec.path("source").asText()),
                        spec.path("options")), spec);
                case "svrepdesign" -> columns(spec, data, raw, numeric, n);
                case "postStratify", "rake", "calibrate" -> calibrate(designs.get(spec.path("source").asText()), spec,
                        config);
                default -> throw new AssertionError("design kind " + kind);
            };
            if (d instanceof ReplicateDesign r) {
                assertEquals(exp.path("n_replicates").asInt(), r.replicateCount(), name + " replicates");
                close(name + " scale", exp.path("scale").asDouble(), r.scale(), 1e-12, new Counts());
                for (int k = 0; k < r.replicateCount(); k++) {
                    close(name + " rscale " + k, exp.path("rscales").get(k).asDouble(), r.rscales()[k], 1e-12,
                            new Counts());
                }
                assertEquals(exp.path("mse").asBoolean(), r.mse(), name + " mse");
                JsonNode pf = exp.path("psu_factors");
                for (int j = 0; j < pf.path("first_row").size(); j++) {
                    int row = pf.path("first_row").get(j).asInt() - 1;
                    for (int k = 0; k < r.replicateCount(); k++) {
                        close(name + " multiplier of PSU " + (j + 1) + " in replicate " + (k + 1),
                                pf.path("multipliers").get(j).get(k).asDouble(), r.rep[k][row] / r.weights[row],
                                1e-12, new Counts());
                    }
                }
            }
            assertEquals(exp.path("degf").asInt(), d.degreesOfFreedom(), name + " degf");
            if (exp.has("sum_weights")) {
                double sw = 0;
                for (double w : d.weights()) {
                    sw += w;
                }
                close(name + " sum_weights", exp.path("sum_weights").asDouble(), sw, 1e-12, new Counts());
            }
            designs.put(name, d);
        }
        Counts counts = new Counts();
        JsonNode results = expected.path("results");
        for (JsonNode a : config.path("analyses")) {
            String key = a.path("key").asText();
            JsonNode r = results.path(key);
            assertTrue(r.isObject(), "no expected result " + key);
            String designName = a.path("design").asText();
            if (unsupported.containsKey(designName)) {
                counts.skipped++;
                continue;
            }
            Design d = designs.get(designName);
            if (d instanceof SurveyDesign sd) {
                d = withOptions(sd, a.path("options"));
            } else {
                assertTrue(a.path("options").isEmpty(), key + ": options on a replicate design");
            }
            if (!a.path("subset").isNull()) {
                d = d.subset(a.path("subset").path("var").asText(), a.path("subset").path("level").asText());
            }
            Design design = d;
            if (r.has("error")) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(design, a, r, counts),
                        key);
                assertEquals(r.path("error").asText(), e.getMessage(), key);
            } else {
                run(design, a, r, counts);
            }
            counts.asserted++;
        }
        System.out.printf(Locale.ROOT, "%s: %d results asserted (%d values), %d skipped (not yet supported)%n",
                caseId, counts.asserted, counts.values, counts.skipped);
        assertEquals(SKIPPED.get(caseId), counts.skipped, caseId + ": results skipped as not yet supported");
        assertEquals(results.size(), counts.asserted + counts.skipped, caseId + ": every result asserted or skipped");
    }

    static Map<String, Double> doubles(JsonNode o) {
        Map<String, Double> out = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }

    static ReplicateDesign replicates(SurveyDesign source, JsonNode spec) {
        ReplicateType type = switch (spec.path("type").asText()) {
            case "JK1" -> ReplicateType.JK1;
            case "JKn" -> ReplicateType.JKN;
            case "BRR" -> ReplicateType.BRR;
            case "Fay" -> ReplicateType.FAY;
            default -> throw new AssertionError("type " + spec.path("type").asText());
        };
        ReplicateDesign r = type == ReplicateType.FAY ? source.replicates(type, spec.path("fay_rho").asDouble())
                : source.replicates(type);
        return spec.path("mse").asBoolean() ? r.withMse() : r;
    }

    static ReplicateDesign columns(JsonNode spec, JsonNode data, Map<String, String[]> raw,
            Map<String, double[]> numeric, int n) {
        SurveyDesign.Builder b = SurveyDesign.builder(n).weights(numeric.get(spec.path("weights").asText()));
        for (Map.Entry<String, double[]> e : numeric.entrySet()) {
            b.numeric(e.getKey(), e.getValue());
        }
        Iterator<Map.Entry<String, JsonNode>> it = data.path("factors").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            b.factor(e.getKey(), strings(e.getValue()), raw.get(e.getKey()));
        }
        List<double[]> reps = new ArrayList<>();
        for (String c : strings(spec.path("repweights"))) {
            reps.add(numeric.get(c));
        }
        ReplicateType type = switch (spec.path("type").asText()) {
            case "bootstrap" -> ReplicateType.BOOTSTRAP;
            case "successive-difference" -> ReplicateType.SUCCESSIVE_DIFFERENCE;
            case "JK1" -> ReplicateType.JK1;
            default -> throw new AssertionError("type " + spec.path("type").asText());
        };
        if (spec.path("scale").isNull() && spec.path("rscales").isNull() && !spec.path("mse").asBoolean()) {
            return ReplicateDesign.ofColumns(b.build(), reps, type);
        }
        ReplicateDesign dflt = ReplicateDesign.ofColumns(b.build(), reps, type);
        double scale = spec.path("scale").isNull() ? dflt.scale() : spec.path("scale").asDouble();
        double[] rs = dflt.rscales();
        if (!spec.path("rscales").isNull()) {
            java.util.Arrays.fill(rs, spec.path("rscales").asDouble());
        }
        return ReplicateDesign.ofColumns(b.build(), reps, type, scale, rs, spec.path("mse").asBoolean());
    }

    static Design calibrate(Design source, JsonNode spec, JsonNode config) {
        JsonNode margins = config.path("populations").path("margins");
        switch (spec.path("kind").asText()) {
            case "postStratify" -> {
                String v = spec.path("var").asText();
                return source.postStratify(v, doubles(margins.path(v)));
            }
            case "rake" -> {
                List<Map<String, Double>> m = new ArrayList<>();
                for (String v : strings(spec.path("vars"))) {
                    m.add(doubles(margins.path(v)));
                }
                int maxit = spec.path("control").path("maxit").asInt();
                double eps = spec.path("control").path("epsilon").asDouble();
                return source instanceof SurveyDesign s ? s.rake(strings(spec.path("vars")), m, maxit, eps)
                        : ((ReplicateDesign) source).rake(strings(spec.path("vars")), m, maxit, eps);
            }
            default -> {
                CalibrationFunction f = switch (spec.path("calfun").asText()) {
                    case "linear" -> CalibrationFunction.LINEAR;
                    case "logit" -> CalibrationFunction.LOGIT;
                    case "raking" -> CalibrationFunction.RAKING;
                    default -> throw new AssertionError("calfun " + spec.path("calfun").asText());
                };
                JsonNode b = spec.path("bounds");
                double lo = b.isNull() ? Double.NEGATIVE_INFINITY : b.get(0).asDouble();
                double hi = b.isNull() ? Double.POSITIVE_INFINITY : b.get(1).asDouble();
                List<String> terms = strings(spec.path("terms"));
                Map<String, Double> pop = doubles(config.path(spec.path("population").asText()));
                return source instanceof SurveyDesign s
                        ? s.calibrate(terms, pop, f, lo, hi, spec.path("maxit").asInt(), spec.path("epsilon").asDouble())
                        : ((ReplicateDesign) source).calibrate(terms, pop, f, lo, hi, spec.path("maxit").asInt(),
                                spec.path("epsilon").asDouble());
            }
        }
    }

    static SurveyDesign withOptions(SurveyDesign d, JsonNode options) {
        Iterator<Map.Entry<String, JsonNode>> it = options.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "survey.lonely.psu" -> d = d.withLonelyPsu(LonelyPsu.ofR(e.getValue().asText()));
                case "survey.adjust.domain.lonely" -> {
                    if (e.getValue().asBoolean()) {
                        d = d.withAdjustDomainLonely();
                    }
                }
                case "survey.ultimate.cluster" -> {
                    if (e.getValue().asBoolean()) {
                        d = d.withUltimateCluster();
                    }
                }
                default -> throw new AssertionError("unknown option " + e.getKey());
            }
        }
        return d;
    }

    static SurveyDesign build(JsonNode spec, JsonNode data, Map<String, String[]> raw, Map<String, double[]> numeric,
            int n) {
        SurveyDesign.Builder b = SurveyDesign.builder(n);
        if (!spec.path("weights").isNull()) {
            b.weights(numeric.get(spec.path("weights").asText()));
        }
        if (!spec.path("strata").isNull()) {
            b.strata(raw.get(spec.path("strata").asText()));
        }
        List<String> ids = strings(spec.path("ids"));
        List<String> fpc = spec.path("fpc").isNull() ? List.of() : strings(spec.path("fpc"));
        if (ids.isEmpty()) {
            if (!fpc.isEmpty()) {
                b.individuals(numeric.get(fpc.get(0)));
            }
        } else {
            for (int s = 0; s < ids.size(); s++) {
                if (s < fpc.size()) {
                    b.cluster(raw.get(ids.get(s)), numeric.get(fpc.get(s)));
                } else {
                    b.cluster(raw.get(ids.get(s)));
                }
            }
        }
        if (spec.path("nest").asBoolean()) {
            b.nest();
        }
        for (Map.Entry<String, double[]> e : numeric.entrySet()) {
            b.numeric(e.getKey(), e.getValue());
        }
        Iterator<Map.Entry<String, JsonNode>> it = data.path("factors").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            b.factor(e.getKey(), strings(e.getValue()), raw.get(e.getKey()));
        }
        return b.build();
    }

    static void close(String what, double expected, double actual, double tol, Counts c) {
        c.values++;
        double scale = Math.max(Math.abs(expected), expected == 0 ? 1 : 0);
        assertTrue(Math.abs(actual - expected) <= tol * scale,
                String.format(Locale.ROOT, "%s: expected %.17g, got %.17g (relative tolerance %g)", what, expected,
                        actual, tol));
    }

    static double tol(JsonNode r, String field) {
        JsonNode t = r.path("tolerance").path(field);
        assertTrue(t.isNumber(), "tolerance " + field + " of " + r);
        return t.asDouble();
    }

    static void run(Design d, JsonNode a, JsonNode r, Counts c) {
        String key = a.path("key").asText();
        switch (a.path("fun").asText()) {
            case "svymean", "svytotal" -> {
                DesignEstimate e = a.path("fun").asText().equals("svymean") ? d.mean(a.path("var").asText())
                        : d.total(a.path("var").asText());
                close(key + " estimate", r.path("estimate").asDouble(), e.estimate(), tol(r, "estimate"), c);
                close(key + " se", r.path("se").asDouble(), e.standardError(), tol(r, "se"), c);
                assertEquals(r.path("df").asInt(), e.degreesOfFreedom(), key + " df");
            }
            case "svyciprop" -> {
                DesignEstimate e = d.mean(a.path("var").asText());
                SurveyProportionMethod m = method(r.path("method").asText());
                Interval ci = e.interval(m, r.path("level").asDouble());
                close(key + " estimate", r.path("estimate").asDouble(), e.estimate(), tol(r, "estimate"), c);
                close(key + " se", r.path("se").asDouble(), e.standardError(), tol(r, "se"), c);
                close(key + " lower", r.path("lower").asDouble(), ci.lower(), tol(r, "ci"), c);
                close(key + " upper", r.path("upper").asDouble(), ci.upper(), tol(r, "ci"), c);
                assertEquals(r.path("df").asInt(), e.degreesOfFreedom(), key + " df");
                if (r.has("nrow")) {
                    assertEquals(r.path("nrow").asInt(), e.rows(), key + " nrow");
                }
            }
            case "svyby", "svyby_contrast", "svyglm_contrast" -> {
                DesignDomains by = d.meanBy(a.path("var").asText(), a.path("by").asText());
                if (r.has("levels")) {
                    assertEquals(strings(r.path("levels")), by.levels(), key + " levels");
                    for (String level : by.levels()) {
                        close(key + " estimate " + level, r.path("estimate").path(level).asDouble(),
                                by.get(level).estimate(), tol(r, "estimate"), c);
                        close(key + " se " + level, r.path("se").path(level).asDouble(),
                                by.get(level).standardError(), tol(r, "se"), c);
                    }
                }
                if (r.has("vcov")) {
                    double max = 0;
                    for (JsonNode row : r.path("vcov")) {
                        for (JsonNode x : row) {
                            max = Math.max(max, Math.abs(x.asDouble()));
                        }
                    }
                    for (int i = 0; i < by.levels().size(); i++) {
                        for (int j = 0; j < by.levels().size(); j++) {
                            c.values++;
                            double ex = r.path("vcov").get(i).get(j).asDouble();
                            double got = by.covariance().get(i).get(j);
                            assertTrue(Math.abs(got - ex) <= tol(r, "se") * max,
                                    key + " vcov " + i + "," + j + ": expected " + ex + ", got " + got);
                        }
                    }
                }
                if (r.has("contrast")) {
                    JsonNode ct = r.path("contrast");
                    DesignContrast k = by.contrast(ct.path("plus").asText(), ct.path("minus").asText());
                    close(key + " contrast", ct.path("estimate").asDouble(), k.estimate(), tol(r, "estimate"), c);
                    close(key + " contrast se", ct.path("se").asDouble(), k.standardError(), tol(r, "se"), c);
                }
                if (r.has("df_residual")) {
                    assertEquals(r.path("df_residual").asInt(), by.degreesOfFreedom() + 1 - by.levels().size(),
                            key + " df_residual");
                }
            }
            case "svychisq" -> {
                List<String> vars = strings(r.path("vars"));
                DesignChiSquare x = d.chiSquare(vars.get(0), vars.get(1));
                if (r.path("statistic_type").asText().equals("F")) {
                    close(key + " F", r.path("statistic").asDouble(), x.f(), tol(r, "statistic"), c);
                    close(key + " ndf", r.path("parameter").path("ndf").asDouble(), x.numeratorDf(),
                            tol(r, "parameter"), c);
                    close(key + " ddf", r.path("parameter").path("ddf").asDouble(), x.denominatorDf(),
                            tol(r, "parameter"), c);
                    close(key + " p", r.path("p_value").asDouble(), x.pValue(), tol(r, "p_value"), c);
                } else {
                    close(key + " X2", r.path("statistic").asDouble(), x.pearson(), tol(r, "statistic"), c);
                    assertEquals(r.path("parameter").path("df").asInt(), x.df(), key + " df");
                    close(key + " p", r.path("p_value").asDouble(), x.firstOrderPValue(), tol(r, "p_value"), c);
                }
            }
            case "svyttest" -> {
                DesignTTest t = d.tTest(r.path("outcome").asText(), r.path("group").asText());
                close(key + " estimate", r.path("estimate").asDouble(), t.estimate(), tol(r, "estimate"), c);
                close(key + " t", r.path("statistic").asDouble(), t.statistic(), tol(r, "statistic"), c);
                assertEquals(r.path("df").asInt(), t.degreesOfFreedom(), key + " df");
                close(key + " p", r.path("p_value").asDouble(), t.pValue(), tol(r, "p_value"), c);
                close(key + " lower", r.path("conf_int").get(0).asDouble(), t.interval().lower(), tol(r, "conf_int"), c);
                close(key + " upper", r.path("conf_int").get(1).asDouble(), t.interval().upper(), tol(r, "conf_int"), c);
            }
            case "weights" -> {
                double[] w = d.weights();
                for (int i = 0; i < w.length; i++) {
                    close(key + " weight " + (i + 1), r.path("weights").get(i).asDouble(), w[i], tol(r, "weights"), c);
                }
            }
            case "replicates" -> {
                ReplicateDesign rd = (ReplicateDesign) d;
                double[] got = rd.replicateMeans(a.path("var").asText());
                assertEquals(r.path("replicates").size(), got.length, key + " replicates");
                for (int i = 0; i < got.length; i++) {
                    close(key + " replicate " + (i + 1), r.path("replicates").get(i).asDouble(), got[i],
                            tol(r, "replicates"), c);
                }
                close(key + " scale", r.path("scale").asDouble(), rd.scale(), 1e-12, c);
                assertEquals(r.path("mse").asBoolean(), rd.mse(), key + " mse");
            }
            default -> throw new AssertionError(key + ": no runner for " + a.path("fun").asText());
        }
    }

    static SurveyProportionMethod method(String rName) {
        for (SurveyProportionMethod m : SurveyProportionMethod.values()) {
            if (m.rName().equals(rName)) {
                return m;
            }
        }
        throw new AssertionError("unknown svyciprop method " + rName);
    }
}
