package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.metrics.opp.EligibilityRule;
import io.github.peelmetrics.metrics.opp.EligibilityStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.testing.Conformance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link OutcomeTest} and its result beyond the conformance cases. */
class OutcomeTestTest {

    static Map<String, List<Stop>> baseline() {
        return OppCsv.stops(Conformance.file("metrics/outcome/opp-outcome-pub-s5101-baseline.stops.csv"));
    }

    @Test
    void oneLocationHasOneOmnibusKptTest() {
        OutcomeTestResult r = OutcomeTest.opp().test(baseline());
        assertEquals(r.testResult(), r.testResult("Springfield, XX"));
        assertEquals(2.0, r.testResult().degreesOfFreedom().getAsDouble());
        assertEquals(0.014684632946766262, r.testResult().pValue(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.testResult("Springfield"));
        assertTrue(e.getMessage().contains("Springfield, XX"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.searches().orElseThrow().of("Springfield, XX", Races.OTHER));
    }

    @Test
    void severalLocationsHaveNoSingleTest() {
        Map<String, List<Stop>> three = OppCsv.stops(
                Conformance.file("metrics/outcome/opp-outcome-pub-s5103-three-cities.stops.csv"));
        OutcomeTestResult r = OutcomeTest.opp().test(three);
        IllegalStateException e = assertThrows(IllegalStateException.class, r::testResult);
        assertTrue(e.getMessage().contains("Alpha, YY"), e.getMessage());
        // an eliminated location is not analysed: asking for it lists the analysed ones
        assertTrue(r.eligibility().get("Gamma, YY").eliminated());
        assertThrows(IllegalArgumentException.class, () -> r.testResult("Gamma, YY"));
        assertTrue(r.toString().contains("Gamma, YY: eliminated by remove_locations_with_too_few_subgeographies"),
                r.toString());
    }

    @Test
    void theDiscretionaryRuleCanBeChangedOrTurnedOff() {
        Map<String, List<Stop>> stops = baseline();
        OutcomeTestResult opp = OutcomeTest.opp().test(stops);
        OutcomeTestResult all = OutcomeTest.opp().searchBasisCoverage(1.0).test(stops);
        // basis coverage 0.842 < 1: the rule does not apply, no stop dropped by it
        EligibilityStep step = all.eligibility().get("Springfield, XX").step(EligibilityRule.DISCRETIONARY_SEARCHES);
        assertEquals(0, step.rowsDropped());
        assertEquals(307, opp.eligibility().get("Springfield, XX").step(EligibilityRule.DISCRETIONARY_SEARCHES)
                .rowsDropped());
        OutcomeTestResult withOther = OutcomeTest.opp().discretionaryBases(Set.of(SearchBasis.values()).stream()
                .filter(b -> b != SearchBasis.NONE).collect(java.util.stream.Collectors.toSet())).test(stops);
        // every basis discretionary: no search is dropped, only the stops that do not record whether there was one
        assertEquals(0, withOther.eligibility().get("Springfield, XX").step(EligibilityRule.DISCRETIONARY_SEARCHES)
                .searchesDropped());
        assertThrows(IllegalArgumentException.class, () -> OutcomeTest.opp().discretionaryBases(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> OutcomeTest.opp().coverage(1.5));
        assertThrows(IllegalArgumentException.class, () -> OutcomeTest.opp().races(Races.WHITE, Races.WHITE));
    }

    @Test
    void coverageIsRoundedToFourPlacesAsOppDoes() {
        assertEquals(0.5, OutcomeTest.coverageOf(1, 2));
        assertEquals(1 - 0.3333, OutcomeTest.coverageOf(1, 3));
        // 0.49996 of stops missing: rounded to 0.5, so coverage 0.5 is not below 0.5
        assertEquals(0.5, OutcomeTest.coverageOf(49996, 100000));
    }

    @Test
    void printsEligibilityHitRatesAndTests() {
        OutcomeTestResult r = OutcomeTest.opp().test(baseline());
        String s = r.toString();
        assertTrue(s.startsWith("OPP outcome test\n  Springfield, XX: 6759 of 12925 stops eligible, 911 searches\n"), s);
        assertTrue(s.contains("Frisks: contraband_weapons per frisk_performed"), s);
        assertTrue(r.eligibility().get("Springfield, XX").toString().contains("months [2016-02]"), r.eligibility().toString());
    }
}
