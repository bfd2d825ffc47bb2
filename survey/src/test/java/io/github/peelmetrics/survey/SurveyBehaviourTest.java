package io.github.peelmetrics.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.core.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building samples from records, edge cases of the estimates and scales, and what toString prints. */
class SurveyBehaviourTest {

    @Test
    void aSampleFromResponsesEqualsTheSameSampleFromArrays() {
        List<SurveyResponse> rs = new ArrayList<>();
        String[] race = {"black", "white", "white", "black", "hispanic"};
        double[] w = {1.5, 2, 1, 3, 2.5};
        Integer[] approve = {1, 0, null, 1, 0};
        for (int i = 0; i < race.length; i++) {
            SurveyResponse.Builder b = SurveyResponse.builder("R-" + i).wave("2016").weight(w[i])
                    .demographics(Demographics.ofRace(Races.parse(race[i]).orElseThrow())).beat("B" + (i % 2));
            if (approve[i] != null) {
                b.answer("approve", approve[i]);
            }
            rs.add(b.build());
        }
        SurveySample fromRecords = SurveySample.of(rs, "race", "beat");
        SurveySample fromArrays = SurveySample.ofWeights(w)
                .withFactor("race", race).withFactor("beat", new String[] {"B0", "B1", "B0", "B1", "B0"})
                .withNumeric("approve", new double[] {1, 0, Double.NaN, 1, 0});
        assertEquals(List.of("R-0", "R-1", "R-2", "R-3", "R-4"), fromRecords.ids());
        SurveySample collected = rs.stream().collect(SurveySample.collector("race", "beat"));
        assertEquals(fromRecords.ids(), collected.ids());
        assertEquals(fromRecords.counts("race"), collected.counts("race"));
        assertEquals(fromArrays.levels("race"), fromRecords.levels("race"));
        assertEquals(4, fromRecords.nonMissing("approve"));
        SurveyMean a = fromRecords.design().mean("approve");
        SurveyMean b = fromArrays.design().mean("approve");
        assertEquals(b.estimate(), a.estimate(), 0.0);
        assertEquals(b.standardError(), a.standardError(), 0.0);
        // by hand: (1.5 + 3) / (1.5 + 2 + 3 + 2.5)
        assertEquals(4.5 / 9.0, a.estimate(), 1e-15);
    }

    @Test
    void aDomainWithOneAnswerHasADegeneratePointIntervalThatSaysSoAndABetaBound() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 2, 3, 4})
                .withFactor("g", new String[] {"a", "a", "a", "b"})
                .withNumeric("y", new double[] {1, 0, 1, 1});
        SurveyMean b = s.design().meanBy("y", "g").get("b").orElseThrow();
        assertEquals(1.0, b.estimate(), 0.0);
        assertEquals(0.0, b.standardError(), 1e-17);
        Interval ci = b.interval(SurveyProportionMethod.LOGIT);
        assertEquals(1.0, ci.lower(), 0.0);
        assertEquals(1.0, ci.upper(), 0.0);
        assertEquals("[1, 1] 95% svyciprop-logit (degenerate: p = 1, se 0; the beta (Korn-Graubard) method gives "
                + "a bound)", ci.toString());
        // Korn-Graubard with n* = n = 1: [qbeta(0.025, 1, 1), 1]
        Interval beta = b.interval(SurveyProportionMethod.BETA);
        assertEquals(0.025, beta.lower(), 1e-12);
        assertEquals(1.0, beta.upper(), 0.0);
        assertEquals("[0.02500, 1] 95% svyciprop-beta (p = 1: n* = n = 1)", beta.toString());
        String table = s.design().meanBy("y", "g").interval(SurveyProportionMethod.LOGIT).toString();
        assertTrue(table.endsWith("\n  degenerate (every answer the same, se 0): b (p = 1); the beta (Korn-Graubard) "
                + "method gives a bound"), table);
    }

    @Test
    void anAsinIntervalWhoseAngleWrapsRoundIsUndefinedNotAnError() {
        // tiny samples: R returns inverted asin bounds; Peel NaN bounds that say so (no exception)
        java.util.SplittableRandom r = new java.util.SplittableRandom(16);
        int undefined = 0;
        for (int k = 0; k < 2000; k++) {
            int n = 2 + r.nextInt(3);
            double[] w = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = 0.5 + r.nextDouble() * 20;
                y[i] = r.nextInt(2);
            }
            Interval ci = SurveySample.ofWeights(w).withNumeric("y", y).design().mean("y")
                    .interval(SurveyProportionMethod.ASIN);
            if (ci.method().contains("undefined")) {
                undefined++;
                assertTrue(Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()), ci.toString());
                assertTrue(ci.method().startsWith("svyciprop-asin (undefined: asin(sqrt(p)) +/- h leaves [0, pi/2]; "
                        + "R returns the inverted bounds ["), ci.method());
            }
        }
        assertTrue(undefined > 0, "no wrapped asin interval met");
    }

    @Test
    void aProportionOfZeroGetsTheNchsKornGraubardUpperBound() {
        double[] y = new double[30];
        double[] w = new double[30];
        java.util.Arrays.fill(w, 2);
        SurveyMean m = SurveySample.ofWeights(w).withNumeric("y", y).design().mean("y");
        Interval beta = m.interval(SurveyProportionMethod.BETA);
        assertEquals(0.0, beta.lower(), 0.0);
        // Clopper-Pearson's upper bound for 0 of 30: 1 - 0.025^(1/30)
        assertEquals(1 - Math.pow(0.025, 1 / 30.0), beta.upper(), 1e-12);
        assertTrue(m.interval(SurveyProportionMethod.MEAN).method().contains("degenerate: p = 0"));
    }

    @Test
    void aVariableWithNoAnswerHasAnUndefinedMean() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 2}).withNumeric("y", new double[] {Double.NaN, Double.NaN});
        SurveyMean m = s.design().mean("y");
        assertTrue(Double.isNaN(m.estimate()) && Double.isNaN(m.standardError()));
        assertEquals(0, m.n());
        assertTrue(Double.isNaN(m.interval(SurveyProportionMethod.LOGIT).lower()));
    }

    @Test
    void intervalsOrderAsTheirMethodsPromise() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 2, 1, 3, 1, 2, 2, 1})
                .withNumeric("y", new double[] {1, 0, 1, 1, 0, 1, 0, 1});
        SurveyMean m = s.design().mean("y");
        for (SurveyProportionMethod method : SurveyProportionMethod.values()) {
            Interval ci = m.interval(method, 0.9);
            assertTrue(ci.lower() < m.estimate() && m.estimate() < ci.upper(), method + " " + ci);
            Interval wider = m.interval(method, 0.99);
            assertTrue(wider.lower() < ci.lower() && ci.upper() < wider.upper(), method + " " + wider + " vs " + ci);
            assertEquals("svyciprop-" + method.rName(), ci.method());
        }
        // logit and xlogit are the same interval (the converged glm)
        assertEquals(m.interval(SurveyProportionMethod.XLOGIT).lower(), m.interval(SurveyProportionMethod.LOGIT).lower(), 0.0);
    }

    @Test
    void scoresFollowTheMinimumAnsweredRuleAndReverseCoding() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 1, 1})
                .withNumeric("a", new double[] {5, 1, Double.NaN})
                .withNumeric("b", new double[] {1, Double.NaN, Double.NaN})
                .withNumeric("c", new double[] {5, 1, 3});
        LikertScale scale = LikertScale.of("t", List.of("a", "b", "c"), Set.of("b"), 1, 5, 2);
        ScaleScores sc = scale.scores(s);
        assertEquals(100.0, sc.score(0).orElseThrow(), 0.0);        // 5, 6-1=5, 5
        assertEquals(0.0, sc.score(1).orElseThrow(), 0.0);          // 1, 1 (b missing)
        assertTrue(sc.score(2).isEmpty());                           // one answer < 2
        assertEquals(2, sc.scored());
        assertEquals(List.of(3, 2, 1), List.of(sc.answered(0), sc.answered(1), sc.answered(2)));
        LikertScale renamed = Scales.TRUST.withItems(List.of("t1", "t2", "t3", "t4", "t5"));
        assertEquals(Set.of("t3"), renamed.reversed());
        assertTrue(Scales.TRUST.source().contains("Sunshine"));
    }

    @Test
    void alphaOfParallelItemsIsOneAndOfIndependentItemsNearZero() {
        double[][] rows = {{1, 1, 1}, {2, 2, 2}, {4, 4, 4}, {5, 5, 5}};
        CronbachAlpha a = CronbachAlpha.of(List.of("x", "y", "z"), rows);
        assertEquals(1.0, a.rawAlpha(), 1e-15);
        assertEquals(1.0, a.standardizedAlpha(), 1e-15);
        assertEquals(1.0, a.rDrop().get("x"), 1e-15);
        // orthogonal items: covariances 0, so alpha = k/(k-1)·(1 - 1) = 0
        double[][] orth = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        assertEquals(0.0, CronbachAlpha.of(List.of("p", "q"), orth).rawAlpha(), 1e-15);
    }

    @Test
    void toStringReadsLikeTheDesignBrief() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 2, 1, 3, 1, 2})
                .withFactor("race", new String[] {"Black", "White", "White", "Black", "White", "Black"})
                .withFactor("sex", new String[] {"F", "M", "F", "F", "M", "M"})
                .withNumeric("approve", new double[] {1, 0, 1, 1, 0, Double.NaN});
        WeightedSample rk = Rake.to(Margin.of("race", Map.of("Black", 40.0, "White", 60.0)),
                Margin.of("sex", Map.of("F", 52.0, "M", 48.0))).strict().fit(s);
        String text = rk.toString();
        assertTrue(text.matches("raked to 2 margins in \\d+ sweeps, largest margin error \\d\\.\\de-\\d+; Kish n_eff \\d+\\.\\d, deff \\d\\.\\d+"), text);
        String table = rk.meanBy("approve", "race").interval(SurveyProportionMethod.LOGIT).toString();
        assertTrue(table.lines().findFirst().orElseThrow().contains("95% CI (logit)"), table);
        // header, two races, and the note that Black's approval (1) has a degenerate interval
        assertEquals(4, table.lines().count(), table);
        assertTrue(table.endsWith("degenerate (every answer the same, se 0): Black (p = 1); the beta "
                + "(Korn-Graubard) method gives a bound"), table);
    }

    @Test
    void rakingWithMoreCellsThanTheDirectTableHoldsAgreesWithTheRowReplica() {
        // 3 variables of 200 levels: 8,000,000 possible cells, more than the direct index table
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int n = 2000;
        double[] w = new double[n];
        String[][] values = new String[3][n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 + r.nextDouble();
            for (int v = 0; v < 3; v++) {
                values[v][i] = "L" + (i < 200 ? i : r.nextInt(200));
            }
        }
        SurveySample s = SurveySample.ofWeights(w);
        List<Margin> margins = new ArrayList<>();
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = 10 * (0.5 + r.nextDouble());
        }
        for (int v = 0; v < 3; v++) {
            s = s.withFactor("v" + v, values[v]);
            Map<String, Double> t = new java.util.LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                t.merge(values[v][i], truth[i], Double::sum);
            }
            margins.add(Margin.of("v" + v, t));
        }
        double eps = 1e-9 * margins.get(0).total();
        WeightedSample rk = Rake.to(margins).epsilon(Math.max(1, eps)).maxSweeps(500).fit(s);
        SurveyPropertiesTest.RowReplica replica = new SurveyPropertiesTest.RowReplica(s, margins, Math.max(1, eps), 500);
        double[] got = rk.weights();
        for (int i = 0; i < n; i++) {
            assertEquals(replica.w[i], got[i], 1e-10 * replica.w[i], "weight " + i);
        }
        assertEquals(replica.sweeps, rk.rakeDiagnostics().orElseThrow().sweeps(), 1);
    }

    @Test
    void postStratificationToACrossingReproducesEveryCrossCell() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 2, 1, 3, 1, 2})
                .withFactor("race", new String[] {"Black", "White", "White", "Black", "White", "Black"})
                .withFactor("sex", new String[] {"F", "M", "F", "F", "M", "M"})
                .withCrossing("race_sex", "race", "sex");
        assertEquals(List.of("Black:F", "Black:M", "White:F", "White:M"), s.levels("race_sex"));
        Map<String, Double> cells = Map.of("Black:F", 21.0, "Black:M", 19.0, "White:F", 31.0, "White:M", 29.0);
        WeightedSample ps = PostStratify.to(Margin.of("race_sex", new java.util.TreeMap<>(cells))).fit(s);
        cells.forEach((cell, total) -> assertEquals(total, ps.weightedTotals("race_sex").get(cell), 1e-13 * total, cell));
        // Black:F holds respondents 1 and 4 (weights 1 and 3): 21 people shared 1:3
        assertEquals(21.0 / 4, ps.weights()[0], 1e-14);
        assertEquals(21.0 * 3 / 4, ps.weights()[3], 1e-14);
    }

    @Test
    void kishEffectiveSizeTimesDesignEffectIsN() {
        Kish k = Kish.of(new double[] {1, 1, 4});
        assertEquals(36.0 / 18.0, k.effectiveN(), 1e-15);
        assertEquals(3 * 18.0 / 36.0, k.designEffect(), 1e-15);
        assertEquals(3.0, k.effectiveN() * k.designEffect(), 1e-14);
        SurveyMean m = SurveySample.ofWeights(new double[] {1, 1, 4}).withNumeric("y", new double[] {1, 0, 1}).design().mean("y");
        assertEquals(k.effectiveN(), m.toEstimate().effectiveN(), 1e-15);
        assertEquals(3, m.toEstimate().n());
    }

    @Test
    void aSampleByWaveNamesTheResponseWithoutAWave() {
        List<SurveyResponse> rs = List.of(SurveyResponse.builder("R-1").wave("2016").answer("trust", 72.5).build(),
                SurveyResponse.builder("R-2").answer("trust", 40).build());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SurveySample.of(rs, "wave"));
        assertEquals("respondent R-2 has no wave: a sample with a wave variable needs the wave of every response "
                + "(read a wave column, or set the wave of a one-wave file)", e.getMessage());
        SurveySample s = SurveySample.of(rs); // no wave asked for: fine
        assertEquals(56.25, s.design().mean("trust").estimate(), 0.0);
    }

    @Test
    void aScaleOfContinuousAnswersScoresZeroToHundredItemsAndLikertPointsStayWhole() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 2, 1, 1})
                .withNumeric("a", new double[] {72.5, 10, 100, Double.NaN})
                .withNumeric("b", new double[] {60.25, 0, 90, 50});
        LikertScale whole = LikertScale.of("respect", List.of("a", "b"), Set.of(), 0, 100, 2);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> whole.scores(s));
        assertEquals("answer of respondent 1 to item a of scale respect must be a whole number in [0, 100]: 72.5 "
                + "(for answers between the points use withAnswers(Answers.CONTINUOUS))", e.getMessage());
        LikertScale scale = whole.withAnswers(LikertScale.Answers.CONTINUOUS);
        ScaleScores sc = scale.scores(s);
        assertEquals((72.5 + 60.25) / 2 / 100 * 100, sc.score(0).orElseThrow(), 0.0);
        assertTrue(sc.score(3).isEmpty()); // one answer < 2
        assertEquals(3, CronbachAlpha.of(scale, s).completeCases());
        SurveySample out = SurveySample.ofWeights(new double[] {1, 1}).withNumeric("a", new double[] {101, 1})
                .withNumeric("b", new double[] {1, 1});
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> scale.scores(out));
        assertEquals("answer of respondent 1 to item a of scale respect must be a number in [0, 100]: 101.0", e.getMessage());
    }
}
