package io.github.peelmetrics.survey.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.survey.DomainMeans;
import io.github.peelmetrics.survey.SurveyMean;
import io.github.peelmetrics.survey.SurveyProportionMethod;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.survey.WeightedSample;
import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property tests of the designs; the seed is in each case's name. */
class DesignPropertiesTest {

    static final List<String> RACES = List.of("Black", "Hispanic", "White");

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    static void close(double expected, double actual, double rel, String what, Seeded s) {
        assertTrue(Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), 1e-12)
                        || (Double.isNaN(expected) && Double.isNaN(actual)),
                () -> s + " " + what + ": expected " + expected + ", got " + actual);
    }

    /** Weights (some huge, some tiny), a 0/1 outcome with missing values, a factor with an empty level at times. */
    record Data(double[] w, double[] y, String[] race) {
        static Data of(SplittableRandom r, int n) {
            double[] w = new double[n];
            double[] y = new double[n];
            String[] race = new String[n];
            boolean huge = r.nextInt(6) == 0;
            int races = Seeded.edgy(r, 1, RACES.size());
            for (int i = 0; i < n; i++) {
                w[i] = huge && i == 0 ? 1e6 : 0.5 + r.nextDouble() * 20;
                y[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextInt(2);
                race[i] = RACES.get(r.nextInt(races));
            }
            y[0] = 1;
            y[n - 1] = 0;
            return new Data(w, y, race);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void singleStratumSingleStageDesignGivesTheWeightedSampleResults(Seeded s) {
        SplittableRandom r = s.random();
        int n = Seeded.edgy(r, 2, 60);
        Data d = Data.of(r, n);
        WeightedSample ws = SurveySample.ofWeights(d.w).withNumeric("y", d.y).withFactor("race", RACES, d.race).design();
        SurveyDesign design = SurveyDesign.builder(n).weights(d.w).numeric("y", d.y).factor("race", RACES, d.race)
                .build();
        SurveyMean m = ws.mean("y");
        DesignEstimate e = design.mean("y");
        close(m.estimate(), e.estimate(), 1e-12, "mean", s);
        close(m.standardError(), e.standardError(), 1e-9, "se", s);
        assertEquals(m.degreesOfFreedom(), e.degreesOfFreedom(), s + " df");
        for (SurveyProportionMethod method : List.of(SurveyProportionMethod.MEAN, SurveyProportionMethod.XLOGIT,
                SurveyProportionMethod.LOGIT, SurveyProportionMethod.BETA, SurveyProportionMethod.ASIN)) {
            if (m.interval(method).method().contains("undefined")) {
                // the asin interval (R's) wraps round when asin(√p) ± h leaves [0, π/2] (tiny samples):
                // NaN bounds that say so, for both
                assertEquals(SurveyProportionMethod.ASIN, method, s + " " + m.interval(method));
                assertTrue(Double.isNaN(e.interval(method).lower()), s + " " + e.interval(method));
                assertEquals(m.interval(method).method(), e.interval(method).method(), s.toString());
                continue;
            }
            close(m.interval(method).lower(), e.interval(method).lower(), 1e-9, method + " lower", s);
            close(m.interval(method).upper(), e.interval(method).upper(), 1e-9, method + " upper", s);
        }
        DomainMeans by = ws.meanBy("y", "race");
        DesignDomains dby = design.meanBy("y", "race");
        assertEquals(by.levels(), dby.levels(), s + " levels");
        for (String level : by.levels()) {
            close(by.get(level).orElseThrow().estimate(), dby.get(level).estimate(), 1e-12, level + " mean", s);
            close(by.get(level).orElseThrow().standardError(), dby.get(level).standardError(), 1e-9, level + " se", s);
            close(dby.get(level).standardError(), Math.sqrt(dby.covariance(level, level)), 1e-9, level + " vcov", s);
        }
        sameDomainIntervals(by, dby, s);
        // post-stratified: R keeps every row in a domain of a calibrated design (nrow = n), so the
        // Korn-Graubard n* has the factor (qt(α/2, n − 1)/qt(α/2, n_domain − 1))²
        java.util.Map<String, Double> pop = new java.util.LinkedHashMap<>();
        ws.sample().counts("race").forEach((level, count) -> {
            if (count > 0) {
                pop.put(level, 1000.0 * (1 + level.length()));
            }
        });
        WeightedSample ps = io.github.peelmetrics.survey.PostStratify.to(io.github.peelmetrics.survey.Margin.of("race", pop))
                .fit(SurveySample.ofWeights(d.w).withNumeric("y", d.y).withFactor("race", List.copyOf(pop.keySet()), d.race));
        SurveyDesign psDesign = SurveyDesign.builder(n).weights(d.w).numeric("y", d.y)
                .factor("race", List.copyOf(pop.keySet()), d.race).build().postStratify("race", pop);
        sameDomainIntervals(ps.meanBy("y", "race"), psDesign.meanBy("y", "race"), s);
    }

    /**
     * The single-stage domain intervals are R's {@code svyby(~y, ~race, des, svyciprop, method = M)}
     * as the design module computes them: df of the domain (its respondents − 1), nrow of its design.
     */
    static void sameDomainIntervals(DomainMeans by, DesignDomains dby, Seeded s) {
        for (String level : by.levels()) {
            SurveyMean m = by.get(level).orElseThrow();
            DesignEstimate e = dby.get(level);
            assertEquals(e.degreesOfFreedom(), m.degreesOfFreedom(), s + " " + level + " df");
            assertEquals(e.rows(), m.rows(), s + " " + level + " rows");
            for (SurveyProportionMethod method : List.of(SurveyProportionMethod.MEAN, SurveyProportionMethod.XLOGIT,
                    SurveyProportionMethod.LOGIT, SurveyProportionMethod.BETA, SurveyProportionMethod.ASIN)) {
                var a = m.interval(method);
                var b = e.interval(method);
                if (a.method().contains("undefined") || b.method().contains("undefined")) {
                    assertTrue(Double.isNaN(a.lower()) && Double.isNaN(b.lower()), s + " " + level + " " + a + " vs " + b);
                    continue;
                }
                close(b.lower(), a.lower(), 1e-9, level + " " + method + " lower", s);
                close(b.upper(), a.upper(), 1e-9, level + " " + method + " upper", s);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void permutingPsusWithinAStratumChangesNothing(Seeded s) {
        SplittableRandom r = s.random();
        int strata = Seeded.edgy(r, 1, 5);
        List<String> stratum = new ArrayList<>();
        List<String> psu = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int h = 0; h < strata; h++) {
            int psus = 2 + r.nextInt(4);
            for (int p = 0; p < psus; p++) {
                stratum.add("S" + h);
                psu.add(Integer.toString(p + 1));
                sizes.add(1 + r.nextInt(5));
            }
        }
        int n = sizes.stream().mapToInt(Integer::intValue).sum();
        Data d = Data.of(r, n);
        double[] fpc = new double[n];
        String[] st = new String[n];
        String[] id = new String[n];
        int[] unitOf = new int[n];
        int i = 0;
        for (int u = 0; u < sizes.size(); u++) {
            for (int k = 0; k < sizes.get(u); k++, i++) {
                st[i] = stratum.get(u);
                id[i] = psu.get(u);
                fpc[i] = 10 + stratum.get(u).hashCode() % 7;
                unitOf[i] = u;
            }
        }
        // the PSUs in another order within each stratum: new labels, rows regrouped
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < sizes.size(); u++) {
            order.add(u);
        }
        Collections.shuffle(order, new java.util.Random(r.nextLong()));
        order.sort((a, b) -> stratum.get(a).compareTo(stratum.get(b)));
        int[] rows = new int[n];
        int j = 0;
        for (int u : order) {
            for (int k = 0; k < n; k++) {
                if (unitOf[k] == u) {
                    rows[j++] = k;
                }
            }
        }
        SurveyDesign a = design(d, st, id, fpc, null);
        SurveyDesign b = design(d, st, id, fpc, rows);
        for (SurveyDesign[] pair : List.of(new SurveyDesign[] {a, b},
                new SurveyDesign[] {a.subset("race", "Black"), b.subset("race", "Black")})) {
            DesignEstimate x = pair[0].mean("y");
            DesignEstimate y = pair[1].mean("y");
            close(x.estimate(), y.estimate(), 1e-12, "mean " + x.subset(), s);
            close(x.standardError(), y.standardError(), 1e-9, "se " + x.subset(), s);
            assertEquals(x.degreesOfFreedom(), y.degreesOfFreedom(), s + " df");
            close(pair[0].total("y").standardError(), pair[1].total("y").standardError(), 1e-9, "total se", s);
        }
    }

    static SurveyDesign design(Data d, String[] st, String[] id, double[] fpc, int[] rows) {
        int n = st.length;
        int[] p = rows == null ? java.util.stream.IntStream.range(0, n).toArray() : rows;
        double[] w = new double[n];
        double[] y = new double[n];
        double[] f = new double[n];
        String[] s2 = new String[n];
        String[] i2 = new String[n];
        String[] race = new String[n];
        for (int k = 0; k < n; k++) {
            w[k] = d.w[p[k]];
            y[k] = d.y[p[k]];
            f[k] = fpc[p[k]];
            s2[k] = st[p[k]];
            i2[k] = rows == null ? id[p[k]] : "P" + id[p[k]];
            race[k] = d.race[p[k]];
        }
        return SurveyDesign.builder(n).weights(w).strata(s2).cluster(i2, f).nest().numeric("y", y)
                .factor("race", RACES, race).lonelyPsu(LonelyPsu.ADJUST).build();
    }
}
