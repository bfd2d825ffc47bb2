package io.github.peelmetrics.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bad input fails fast with a message that names the variable, the level and the value. */
class SurveyErrorsTest {

    static SurveySample small() {
        return SurveySample.ofWeights(new double[] {1, 2, 1.5, 3})
                .withIds(List.of("R-1", "R-2", "R-3", "R-4"))
                .withFactor("race", new String[] {"Black", "White", "White", "Black"})
                .withFactor("sex", new String[] {"Female", "Male", "Female", "Male"})
                .withNumeric("approve", new double[] {1, 0, Double.NaN, 1});
    }

    static Map<String, Double> totals(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    static void assertMessage(Throwable t, String... parts) {
        for (String p : parts) {
            assertTrue(t.getMessage().contains(p), "message \"" + t.getMessage() + "\" lacks \"" + p + "\"");
        }
    }

    @Test
    void proportionIntervalsRefuseAMeanOutsideTheUnitInterval() {
        WeightedSample w = SurveySample.ofWeights(new double[] {1, 2, 1})
                .withNumeric("trust", new double[] {40, 55, 70}).design();
        assertMessage(assertThrows(IllegalStateException.class, () -> w.mean("trust").interval(SurveyProportionMethod.LOGIT)),
                "trust", "proportions", "waldInterval");
        var wald = w.mean("trust").toEstimate().waldInterval(0.95);
        assertTrue(wald.lower() < 55 && 55 < wald.upper(), wald.toString());
    }

    @Test
    void nonPositiveOrNonFiniteWeightsNameTheRespondent() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SurveySample.ofWeights(new double[] {1, -0.5})),
                "respondent 2", "-0.5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SurveySample.ofWeights(new double[] {Double.NaN})),
                "respondent 1", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SurveySample.ofWeights(new double[] {1, Double.POSITIVE_INFINITY})),
                "respondent 2", "Infinity");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SurveySample.ofWeights(new double[0])), "at least one");
    }

    @Test
    void aSampleLevelWithoutAPopulationCountIsNamed() {
        Margin m = Margin.of("race", totals("Black", 100, "Hispanic", 50));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> PostStratify.to(m).fit(small())),
                "level White of race", "no population count");
        Margin sex = Margin.of("sex", totals("Female", 75, "Male", 75));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Rake.to(m, sex).fit(small())),
                "level White of race", "no population count");
    }

    @Test
    void aPopulationLevelWithNoRespondentIsAnEmptyCell() {
        Margin m = Margin.of("race", totals("Black", 100, "White", 300, "Asian", 40));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> PostStratify.to(m).fit(small())),
                "population level Asian of race", "no respondents", "empty cell");
    }

    @Test
    void marginsWhoseTotalsDisagreeAreRejected() {
        Margin race = Margin.of("race", totals("Black", 100, "White", 300));
        Margin sex = Margin.of("sex", totals("Female", 200, "Male", 150));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Rake.to(race, sex)),
                "margin totals disagree", "race sums to 400", "sex sums to 350");
    }

    @Test
    void badPopulationCountsNameTheLevel() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Margin.of("race", totals("Black", 0, "White", 3))),
                "race=Black", "positive", "0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Margin.of("race", totals("Black", Double.NaN))),
                "race=Black", "NaN");
    }

    @Test
    void unknownVariablesAreNamed() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> small().design().mean("trust")),
                "no numeric variable trust");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> small().design().meanBy("approve", "beat")),
                "no categorical variable beat");
        Margin m = Margin.of("age_group", totals("18-29", 1));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> PostStratify.to(m).fit(small())),
                "no categorical variable age_group");
    }

    @Test
    void strictRakingFailsWhenNoWeightsCanMeetTheMargins() {
        // two respondents, (Black, Female) and (White, Male): Black must be 10 people and Female 20
        SurveySample s = SurveySample.ofWeights(new double[] {1, 1})
                .withFactor("race", new String[] {"Black", "White"})
                .withFactor("sex", new String[] {"Female", "Male"});
        Rake rake = Rake.to(Margin.of("race", totals("Black", 10, "White", 20)), Margin.of("sex", totals("Female", 20, "Male", 10)));
        WeightedSample lenient = rake.fit(s);
        RakeDiagnostics d = lenient.rakeDiagnostics().orElseThrow();
        // R's rule sees the weights stop changing (they cycle with period one sweep) and calls it converged
        assertEquals(true, d.converged());
        assertEquals(2, d.sweeps());
        assertEquals(1.0, d.largestMarginError(), 1e-15);
        assertTrue(lenient.toString().contains("largest margin error 1.0e+00"), lenient.toString());
        assertMessage(assertThrows(IllegalStateException.class, () -> rake.strict().fit(s)),
                "strict raking cannot meet the margins", "largest margin error 1.0e+00");
    }

    @Test
    void strictRakingFailsWhenItRunsOutOfSweeps() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 1, 1, 1})
                .withFactor("race", new String[] {"Black", "White", "Black", "White"})
                .withFactor("sex", new String[] {"Female", "Male", "Male", "Female"});
        Rake rake = Rake.to(Margin.of("race", totals("Black", 10, "White", 20)), Margin.of("sex", totals("Female", 21, "Male", 9)));
        WeightedSample lenient = rake.maxSweeps(1).fit(s);
        assertEquals(false, lenient.rakeDiagnostics().orElseThrow().converged());
        assertTrue(lenient.toString().contains("not converged after 1 sweep "), lenient.toString());
        assertMessage(assertThrows(IllegalStateException.class, () -> rake.strict().maxSweeps(1).fit(s)),
                "strict raking did not converge", "after 1 sweep ");
    }

    @Test
    void likertAnswersOutOfRangeNameTheRespondentAndItem() {
        SurveySample s = SurveySample.ofWeights(new double[] {1, 1}).withIds(List.of("A", "B"))
                .withNumeric("q1", new double[] {3, 7}).withNumeric("q2", new double[] {2, 2.5});
        LikertScale scale = LikertScale.of("t", List.of("q1", "q2"), Set.of(), 1, 5, 1);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> scale.scores(s)),
                "respondent B", "item q1", "7.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LikertScale.of("t", List.of("q1", "q2"), Set.of("q9"), 1, 5, 1)),
                "reverse item q9");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LikertScale.of("t", List.of("q1", "q2"), Set.of(), 1, 5, 3)),
                "minAnswered", "3");
    }

    @Test
    void intervalLevelsAndTrimBoundsAreChecked() {
        SurveyMean m = small().design().mean("approve");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> m.interval(SurveyProportionMethod.LOGIT, 1.5)), "level", "1.5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Trim.between(5, 2)), "lower 5", "upper 2");
        // four weights of mean 1.875 cannot all be below 1.0
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Trim.between(0.1, 1.0).fit(small().design())),
                "cannot hold the weight total");
        // mean 2.8, bounds [1.4, 5.6]: four weights of 1 are below, the 10 above, none is left to take the rest
        assertMessage(assertThrows(IllegalStateException.class,
                () -> Trim.meanMultiples(0.5, 2).fit(SurveySample.ofWeights(new double[] {1, 1, 1, 1, 10}).design())),
                "every one of the 5 weights is outside", "[1.400, 5.600]", "widen the bounds");
    }

    @Test
    void factorValuesMustBeLevels() {
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> small().withFactor("beat", List.of("B1", "B2"), new String[] {"B1", "B3", "B1", "B2"})),
                "beat", "respondent R-2", "B3");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> small().withFactor("beat", new String[] {"B1", " ", "B1", "B2"})),
                "beat", "respondent R-2", "blank");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> small().withNumeric("q", new double[] {1, 2})), "variable q has 2 values for 4 respondents");
    }
}
