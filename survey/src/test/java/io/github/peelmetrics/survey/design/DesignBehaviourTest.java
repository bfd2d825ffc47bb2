package io.github.peelmetrics.survey.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the designs do on unusual or wrong input. */
class DesignBehaviourTest {

    static SurveyDesign.Builder small() {
        return SurveyDesign.builder(6).weights(new double[] {10, 10, 20, 20, 15, 15})
                .strata(new String[] {"A", "A", "A", "B", "B", "B"})
                .numeric("y", new double[] {1, 0, 1, 1, Double.NaN, 1})
                .factor("g", List.of("x", "z"), new String[] {"x", "z", "x", "z", "x", ""});
    }

    @Test
    void aDomainWhoseProportionIsOneSaysItsIntervalIsDegenerate() {
        DesignEstimate e = small().build().subset("g", "x").mean("y");
        assertEquals(1.0, e.estimate(), 0.0);
        assertEquals("[1, 1] 95% svyciprop-xlogit (degenerate: p = 1, se 0; the beta (Korn-Graubard) method gives "
                + "a bound)", e.interval(io.github.peelmetrics.survey.SurveyProportionMethod.XLOGIT).toString());
        io.github.peelmetrics.core.stats.Interval beta = e.interval(
                io.github.peelmetrics.survey.SurveyProportionMethod.BETA);
        assertEquals(1.0, beta.upper(), 0.0);
        assertTrue(beta.lower() < 1, beta.toString());
        assertTrue(beta.method().startsWith("svyciprop-beta (p = 1: n* = "), beta.method());
    }

    @Test
    void clustersRepeatedAcrossStrataNeedNest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small().cluster(new String[] {"1", "1", "2", "1", "2", "3"}).build());
        assertTrue(e.getMessage().startsWith("Clusters not nested in strata at top level"), e.getMessage());
        assertEquals(3, small().cluster(new String[] {"1", "1", "2", "1", "2", "3"}).nest().build()
                .degreesOfFreedom());
    }

    @Test
    void fpcMixingSizesAndFractionsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small().individuals(new double[] {10, 10, 10, 0.5, 0.5, 0.5}).build());
        assertTrue(e.getMessage().startsWith("Must have all fpc>=1 or all fpc<=1"), e.getMessage());
    }

    @Test
    void fpcAsFractionAndAsSizeGiveTheSameStandardError() {
        SurveyDesign size = small().individuals(new double[] {30, 30, 30, 12, 12, 12}).build();
        SurveyDesign fraction = small().individuals(new double[] {0.1, 0.1, 0.1, 0.25, 0.25, 0.25}).build();
        assertEquals(size.mean("y").standardError(), fraction.mean("y").standardError(), 1e-15);
    }

    @Test
    void aPopulationBelowTheSampleIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small().individuals(new double[] {2, 2, 2, 12, 12, 12}).build());
        assertTrue(e.getMessage().startsWith("FPC implies >100% sampling"), e.getMessage());
    }

    @Test
    void aLonelyPsuFailsAsRDoesUnlessARuleIsChosen() {
        SurveyDesign d = small().cluster(new String[] {"1", "1", "1", "1", "2", "3"}).nest().build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.mean("y"));
        assertEquals("Stratum (A) has only one PSU at stage 1", e.getMessage());
        assertTrue(d.withLonelyPsu(LonelyPsu.ADJUST).mean("y").standardError() > 0);
        assertEquals(d.withLonelyPsu(LonelyPsu.CERTAINTY).mean("y").standardError(),
                d.withLonelyPsu(LonelyPsu.REMOVE).mean("y").standardError());
    }

    @Test
    void unknownNamesListWhatIsHeld() {
        SurveyDesign d = small().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.mean("q"));
        assertTrue(e.getMessage().contains("y"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.subset("g", "w"));
        assertTrue(e.getMessage().contains("x") && e.getMessage().contains("z"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.meanBy("y", "g").get("w"));
    }

    @Test
    void aDomainWithoutObservedValuesHasNoEstimateNotAZero() {
        SurveyDesign d = SurveyDesign.builder(4).weights(new double[] {1, 2, 3, 4})
                .numeric("y", new double[] {1, 0, Double.NaN, Double.NaN})
                .factor("g", List.of("a", "b"), new String[] {"a", "a", "b", "b"}).build();
        DesignEstimate b = d.subset("g", "b").mean("y");
        assertTrue(Double.isNaN(b.estimate()) && Double.isNaN(b.standardError()), b.toString());
        DesignDomains by = d.meanBy("y", "g");
        assertEquals(List.of("a"), by.levels());
        assertEquals(List.of("b"), by.emptyLevels());
    }

    @Test
    void calibratingADomainIsRefused() {
        SurveyDesign d = small().build();
        assertThrows(IllegalStateException.class,
                () -> d.subset("g", "x").postStratify("g", Map.of("x", 50.0, "z", 40.0)));
        assertThrows(IllegalArgumentException.class, () -> d.postStratify("g", Map.of("x", 50.0, "z", 40.0)),
                "a missing level of g cannot be post-stratified");
    }

    @Test
    void weightsAreDerivedFromTheFpcWhenNotGiven() {
        SurveyDesign d = SurveyDesign.builder(4).strata(new String[] {"A", "A", "B", "B"})
                .individuals(new double[] {10, 10, 4, 4}).numeric("y", new double[] {1, 2, 3, 4}).build();
        assertEquals(List.of(5.0, 5.0, 2.0, 2.0), java.util.Arrays.stream(d.weights()).boxed().toList());
    }
}
