package io.github.peelmetrics.survey.smallarea;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of geo/small_area.json: Fay-Herriot REML and ML (Rao and Molina 2015 §6.1-6.2, sae
 * 1.3 conventions), written out in R and, independently, in Python; tolerance 1e-10.
 */
class FayHerriotConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("geo/small_area.json");
    }

    /** Reads the areas CSV (area,n,direct,vardir,covariates...) into a model. */
    static FayHerriot model(ConformanceCase c) {
        Path csv = c.inputFile("areas_csv");
        List<String> covs = new ArrayList<>();
        c.input().get("covariates").forEach(n -> covs.add(n.asText()));
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String> header = Arrays.asList(lines.get(0).strip().split(",", -1));
            FayHerriot.Builder b = FayHerriot.covariates(covs.toArray(String[]::new));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                double[] x = new double[covs.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = Double.parseDouble(f[header.indexOf(covs.get(j))]);
                }
                String area = f[header.indexOf("area")];
                String direct = f[header.indexOf(c.input().get("response").asText())];
                String vardir = f[header.indexOf(c.input().get("sampling_variance").asText())];
                if (Integer.parseInt(f[header.indexOf("n")]) == 0) {
                    assertEquals("", direct + vardir, area + ": an unsampled area has no direct estimate");
                    b.unsampled(area, x);
                } else {
                    b.sampled(area, Double.parseDouble(direct), Double.parseDouble(vardir), x);
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fayHerriotMatchesTheReference(ConformanceCase c) {
        FayHerriot model = model(c);
        c.assertTexts("terms", model.terms());
        for (VarianceMethod method : VarianceMethod.values()) {
            FayHerriotFit fit = model.fit(method);
            String m = method.name();
            if (method == VarianceMethod.REML) {
                c.assertCount("m_sampled", fit.sampledAreas());
                c.assertCount("m_unsampled", fit.unsampledAreas());
                c.assertCount("p", fit.terms().size());
            }
            c.assertNumber(m + ".sigma2_v", fit.sigma2v());
            c.assertBoolean(m + ".truncated_at_zero", fit.truncatedAtZero());
            c.assertNumber(m + ".sigma2_v_unconstrained_root", fit.unconstrainedRoot().orElseThrow());
            c.assertNumber(m + ".score_at_zero", fit.scoreAtZero());
            c.assertNumber(m + ".score_at_estimate", fit.scoreAtEstimate());
            c.assertNumber(m + ".fisher_information_at_estimate", fit.fisherInformation());
            c.assertNumber(m + ".var_sigma2_v_asymptotic", fit.varSigma2v());
            c.assertNumber(m + ".b_ml", fit.bMl());
            for (Coefficient k : fit.coefficients()) {
                c.assertNumber(m + ".beta." + k.term(), k.estimate());
                c.assertNumber(m + ".beta_se." + k.term(), k.se());
                c.assertNumber(m + ".beta_z." + k.term(), k.z());
                c.assertNumber(m + ".beta_p_value." + k.term(), k.pValue());
            }
            c.assertNumber(m + ".loglik", fit.loglik());
            c.assertNumber(m + ".aic", fit.aic());
            c.assertNumber(m + ".bic", fit.bic());
            c.assertNumber(m + ".reml_loglik", fit.remlLoglik());
            assertEquals(c.expectedAt(m + ".areas").size(), fit.areas().size());
            for (AreaEstimate a : fit.areas()) {
                String p = m + ".areas." + a.area();
                c.assertBoolean(p + ".sampled", a.sampled());
                c.assertOptional(p + ".direct", a.direct());
                c.assertOptional(p + ".vardir", a.vardir());
                c.assertNumber(p + ".gamma", a.gamma());
                c.assertNumber(p + ".synthetic", a.synthetic());
                c.assertNumber(p + ".eblup", a.estimate());
                c.assertOptional(p + ".g1", a.g1());
                c.assertNumber(p + ".g2", a.g2());
                c.assertOptional(p + ".g3", a.g3());
                c.assertNumber(p + ".mse", a.mse());
                c.assertNumber(p + ".rmse", a.rmse());
                c.assertNumber(p + ".cv_eblup", a.cvEstimate());
                c.assertOptional(p + ".cv_direct", a.cvDirect());
            }
            c.informational(m + ".fisher_scoring_informational", "sae's stopping rule and the path, for information");
        }
        c.assertAllChecked();
    }
}
