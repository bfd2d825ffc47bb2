package io.github.peelmetrics.metrics.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the evaluations do with incomplete, mistyped or unusual input: they say why, never a number. */
class EvaluationInputsTest {

    private static Panels.Data panel() {
        return Panels.staggered(new SplittableRandom(7), 10, 6, 4, 0.9);
    }

    @Test
    void anUnbalancedPanelIsRejectedNamingTheMissingCell() {
        Panels.Data d = panel();
        List<PanelCount> rows = new ArrayList<>(d.rows());
        PanelCount dropped = rows.remove(7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoissonDid.fit(rows, d.adoption()));
        assertTrue(e.getMessage().contains("balanced") && e.getMessage().contains(dropped.area())
                && e.getMessage().contains(String.valueOf(dropped.period())), e.getMessage());
    }

    @Test
    void aDuplicateCellIsRejected() {
        Panels.Data d = panel();
        List<PanelCount> rows = new ArrayList<>(d.rows());
        rows.add(rows.get(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventStudy.fit(rows, d.adoption()));
        assertTrue(e.getMessage().contains("two rows"), e.getMessage());
    }

    @Test
    void anAdoptingAreaNotInThePanelIsAMisspellingListingTheAreas() {
        Panels.Data d = panel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoissonDid.fit(d.rows(), Map.of("A1", 2012)));
        assertTrue(e.getMessage().contains("\"A1\"") && e.getMessage().contains("A00"), e.getMessage());
    }

    @Test
    void withoutComparisonAreasThereIsNoDifferenceInDifferences() {
        Panels.Data d = panel();
        Map<String, Integer> all = new java.util.HashMap<>();
        d.rows().forEach(r -> all.put(r.area(), 2013));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CallawaySantAnna.fit(d.rows(), all, AttOutcome.RATE_PER_100K));
        assertTrue(e.getMessage().contains("10 of 10 areas are treated"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PoissonDid.fit(d.rows(), Map.of()));
        assertTrue(e.getMessage().contains("0 of 10"), e.getMessage());
    }

    @Test
    void anAreaWithoutAnyEventHasNoFixedEffect() {
        Panels.Data d = panel();
        List<PanelCount> rows = d.rows().stream()
                .map(r -> r.area().equals("A02") ? PanelCount.of(r.area(), r.period(), 0, r.population()) : r).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoissonDid.fit(rows, d.adoption()));
        assertTrue(e.getMessage().contains("A02") && e.getMessage().contains("no event"), e.getMessage());
        // the rate outcome is defined there, the log rate is not
        CallawaySantAnna.fit(rows, d.adoption(), AttOutcome.RATE_PER_100K);
        e = assertThrows(IllegalArgumentException.class, () -> CallawaySantAnna.fit(rows, d.adoption(),
                AttOutcome.LOG_RATE));
        assertTrue(e.getMessage().contains("A02") && e.getMessage().contains("count 0"), e.getMessage());
    }

    @Test
    void aCohortWithoutAPrePeriodHasNoBase() {
        Panels.Data d = panel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CallawaySantAnna.fit(d.rows(), Map.of("A09", 2010), AttOutcome.RATE_PER_100K));
        assertTrue(e.getMessage().contains("no base period"), e.getMessage());
    }

    @Test
    void badCellsAreRejectedWhereTheyAreMade() {
        assertThrows(IllegalArgumentException.class, () -> PanelCount.of("A", 2010, -1, 100));
        assertThrows(IllegalArgumentException.class, () -> PanelCount.of("A", 2010, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> PanelCount.of("A", 2010, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PanelCount.of(" ", 2010, 1, 10));
        assertThrows(IllegalArgumentException.class,
                () -> CountInterruptedTimeSeries.fit(new long[] {1, 2, 3, 4, 5}, new double[] {1, 1, 1, 1, 1}, 2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> CountInterruptedTimeSeries.fit(new long[] {1, 2, 3, 4, 5}, new double[] {1, 1, 1, 1}, 3, 1));
    }

    @Test
    void lookupsOfAbsentTermsListWhatIsHeld() {
        Panels.Data d = panel();
        PoissonDid did = PoissonDid.fit(d.rows(), d.adoption());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> did.effect(Inference.NEWEY_WEST));
        assertTrue(e.getMessage().contains("CLUSTER_HC1"), e.getMessage());
        EventStudy es = EventStudy.fit(d.rows(), d.adoption());
        e = assertThrows(IllegalArgumentException.class, () -> es.at(-1));
        assertTrue(e.getMessage().contains("event time"), e.getMessage());
    }

    @Test
    void theHeadlineIsClusterRobustAndReadsAsPercentFewer() {
        Panels.Data d = Panels.staggered(new SplittableRandom(11), 30, 8, 12, 0.8);
        PoissonDid did = PoissonDid.fit(d.rows(), d.adoption());
        assertEquals(Inference.CLUSTER_HC1, did.regression().table(Inference.CLUSTER_HC1).inference());
        assertEquals(did.effect(Inference.CLUSTER_HC1), did.effect());
        assertTrue(did.effect().percentChange().matches("\\d+\\.\\d percent fewer \\[\\d+\\.\\d, \\d+\\.\\d\\]"),
                did.effect().percentChange());
        assertTrue(did.toString().contains("than comparison areas"), did.toString());
    }
}
