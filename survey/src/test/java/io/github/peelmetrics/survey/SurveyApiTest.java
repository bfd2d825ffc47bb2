package io.github.peelmetrics.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.stats.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shape of the survey API: results are records, lookups fail loudly, one verb per step, level last. */
class SurveyApiTest {

    static SurveySample sample() {
        return SurveySample.ofWeights(new double[] {1, 2, 1.5, 3, 2, 1})
                .withFactor("race", List.of("Black", "White", "Asian", "Other"),
                        new String[] {"Black", "White", "White", "Black", "White", "Other"})
                .withFactor("sex", new String[] {"F", "M", "F", "F", "M", "M"})
                .withNumeric("approve", new double[] {1, 0, 1, 1, 0, Double.NaN});
    }

    static void assertMessage(Throwable t, String... parts) {
        for (String p : parts) {
            assertTrue(t.getMessage().contains(p), "message \"" + t.getMessage() + "\" lacks \"" + p + "\"");
        }
    }

    @Test
    void everyResultIsARecord() {
        for (Class<?> c : List.of(SurveyMean.class, DomainMeans.class, DomainTable.class, DomainTable.Row.class,
                RakeDiagnostics.class, TrimDiagnostics.class, Kish.class, CronbachAlpha.class, ScaleScores.class)) {
            assertTrue(c.isRecord(), c.getSimpleName());
        }
    }

    @Test
    void aLevelWithoutAnObservedValueIsEmptyAndAMisspeltLevelAnError() {
        DomainMeans by = sample().design().meanBy("approve", "race");
        assertEquals(List.of("Black", "White"), by.levels());
        // Asian: no respondent; Other: one respondent who did not answer
        assertEquals(List.of("Asian", "Other"), by.emptyLevels());
        assertEquals(Optional.empty(), by.get("Asian"));
        assertEquals(Optional.empty(), by.get("Other"));
        assertTrue(by.get("Black").isPresent());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> by.get("Blak")),
                "Blak", "race", "Black", "White", "Asian", "Other");
        assertEquals(4, by.toString().lines().count(), by.toString());   // header, Black, White, the note
        assertTrue(by.toString().endsWith("no observed approve: Asian, Other"), by.toString());
        DomainTable t = by.interval(SurveyProportionMethod.LOGIT);
        assertEquals(2, t.rows().size());
        assertEquals(by.get("White").orElseThrow(), t.row("White").orElseThrow().mean());
        assertEquals(Optional.empty(), t.row("Asian"));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.row("white")), "white", "White");
        assertTrue(t.toString().endsWith("no observed approve: Asian, Other"), t.toString());
        assertFalse(t.toString().endsWith("\n"));
    }

    @Test
    void aDomainTableOfAMeanOnAnotherScalePrints() {
        WeightedSample w = SurveySample.ofWeights(new double[] {1, 2, 1, 3})
                .withFactor("g", new String[] {"a", "b", "a", "b"})
                .withNumeric("trust", new double[] {40, 55, 70, 60}).design();
        String table = w.meanBy("trust", "g").toString();
        assertTrue(table.contains("55.0000"), table);
    }

    @Test
    void withoutALevelMeans95Percent() {
        SurveyMean m = sample().design().mean("approve");
        for (SurveyProportionMethod method : SurveyProportionMethod.values()) {
            assertEquals(m.interval(method, 0.95), m.interval(method));
            assertEquals(method.label(), m.interval(method).method());
            assertEquals("svyciprop-" + method.rName(), method.label());
        }
        DomainMeans by = sample().design().meanBy("approve", "sex");
        assertEquals(by.interval(SurveyProportionMethod.BETA, Interval.DEFAULT_LEVEL), by.interval(SurveyProportionMethod.BETA));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> by.interval(SurveyProportionMethod.BETA, 0)),
                "level", "0.0");
    }

    @Test
    void aSurveyMeanConvertsToTheCoreEstimateFieldByField() {
        SurveyMean m = sample().design().mean("approve");
        assertEquals(5, m.n());
        assertEquals(6, m.sampleSize());
        assertEquals(6, m.domainSize());
        assertEquals(5, m.degreesOfFreedom());
        var e = m.toEstimate();
        assertEquals(m.estimate(), e.estimate());
        assertEquals(m.standardError(), e.standardError());
        assertEquals(m.n(), e.n());
        assertEquals(m.effectiveN(), e.effectiveN());
    }

    @Test
    void settingsMadeBeforeStrictAreKept() {
        Rake r = Rake.to(Margin.of("race", List.of("Black", "White", "Other"), new double[] {40, 50, 10}));
        assertEquals(r.epsilon(1e-6).maxSweeps(50).strict().toString(), r.strict().epsilon(1e-6).maxSweeps(50).toString());
        assertTrue(r.epsilon(1e-6).strict().toString().contains("epsilon 1e-06, maxSweeps 1000, strict"),
                r.epsilon(1e-6).strict().toString());
        assertTrue(r.strict().toString().contains("epsilon 1e-12, maxSweeps 1000, strict"), r.strict().toString());
        assertTrue(r.toString().contains("epsilon 1, maxSweeps 10]"), r.toString());
    }

    @Test
    void everyWeightingStepFits() {
        SurveySample s = sample();
        WeightedSample ps = PostStratify.to(Margin.of("sex", List.of("F", "M"), new double[] {52, 48})).fit(s);
        WeightedSample tr = Trim.meanMultiples(0.5, 1.5).fit(ps);
        TrimDiagnostics d = tr.trimDiagnostics().orElseThrow();
        assertTrue(tr.toString().contains(d.toString()), tr.toString());
        assertEquals(d.sumWeightsBefore(), d.sumWeightsAfter(), 1e-12 * d.sumWeightsBefore());
    }

    @Test
    void rakeDiagnosticsHoldTheLargestMarginErrorTheyPrint() {
        WeightedSample rk = Rake.to(Margin.of("race", List.of("Black", "White", "Other"), new double[] {40, 50, 10}),
                Margin.of("sex", List.of("F", "M"), new double[] {52, 48})).fit(sample());
        RakeDiagnostics d = rk.rakeDiagnostics().orElseThrow();
        double max = d.maxRelativeError().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(max, d.largestMarginError(), 0.0);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new RakeDiagnostics(d.marginCount(), d.sweeps(),
                d.converged(), d.maxSweeps(), d.epsilon(), d.epsilonAbsolute(), d.cells(), d.deltas(), d.maxAbsoluteError(),
                d.maxRelativeError(), max + 1, d.kish())), "largestMarginError");
    }

    @Test
    void scaleScoresAreARecordOfEveryRespondent() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 1, 1})
                .withNumeric("a", new double[] {5, 1, Double.NaN})
                .withNumeric("b", new double[] {4, Double.NaN, Double.NaN});
        LikertScale scale = LikertScale.of("t", List.of("a", "b"), Set.of(), 1, 5, 1);
        ScaleScores sc = scale.scores(s);
        assertEquals(List.of(87.5, 0.0, Double.NaN), sc.scores());
        assertEquals(List.of(2, 1, 0), sc.answered());
        assertEquals(2, sc.scored());
        assertEquals("t scores: 2 of 3 respondents scored", sc.toString());
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new ScaleScores(scale, List.of(50.0), List.of(1), 0)), "scored is 0", "1 respondents");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new ScaleScores(scale, List.of(150.0), List.of(1), 1)), "respondent 1", "150.0");
    }

    @Test
    void longListsInMessagesAreCapped() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 2});
        for (int k = 0; k < 25; k++) {
            s = s.withNumeric("q" + k, new double[] {1, 2});
        }
        SurveySample many = s;
        assertMessage(assertThrows(IllegalArgumentException.class, () -> many.design().mean("trust")),
                "no numeric variable trust", "q0, q1", "q19, ... and 5 more");
    }

    @Test
    void theLevelIsLastAndTheEstimateIsCalledEstimate() {
        List<String> names = Arrays.stream(DomainTable.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertEquals("level", names.get(names.size() - 1));
        names = Arrays.stream(SurveyMean.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertTrue(names.contains("estimate") && !names.contains("mean"), names.toString());
    }
}
