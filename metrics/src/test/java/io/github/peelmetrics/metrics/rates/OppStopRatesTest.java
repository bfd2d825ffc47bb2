package io.github.peelmetrics.metrics.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour of OPP's stop rates on small hand-made data. */
class OppStopRatesTest {

    private static void add(List<Stop> out, LocalDate d, Category race, StopType type, int n) {
        for (int i = 0; i < n; i++) {
            out.add(Stop.builder("S" + out.size(), d, ZoneOffset.UTC).type(type).race(race).build());
        }
    }

    /** Two months: white 60 and 60, Hispanic 30 in the second month only, no Black stop. */
    private static List<Stop> stops() {
        List<Stop> s = new ArrayList<>();
        add(s, LocalDate.of(2016, 1, 5), Races.WHITE, StopType.VEHICULAR, 60);
        add(s, LocalDate.of(2016, 2, 5), Races.WHITE, StopType.VEHICULAR, 60);
        add(s, LocalDate.of(2016, 2, 6), Races.HISPANIC, StopType.VEHICULAR, 30);
        add(s, LocalDate.of(2016, 2, 6), Races.HISPANIC, StopType.PEDESTRIAN, 7);
        add(s, LocalDate.of(2016, 2, 7), Races.WHITE, StopType.UNKNOWN, 3);
        return s;
    }

    private static final Map<Category, Long> RESIDENTS = Map.of(Races.WHITE, 1000L, Races.BLACK, 500L, Races.HISPANIC, 20L);

    @Test
    void aRaceWithoutStopsHasNoOppRowButAPoissonComparison() {
        StopRateTable t = OppStopRates.per(RESIDENTS).of(stops());
        StopRate black = t.row(Races.BLACK);
        assertFalse(black.oppRowPresent());
        assertTrue(black.annualStopRate().isEmpty() && black.annualStopsPer1000().isEmpty());
        assertTrue(black.oppAnnualRateRatio().isEmpty());
        assertEquals(0.0, black.stopsPer1000PerYear().getAsDouble());
        assertEquals(0.0, black.vsReference().orElseThrow().rateRatio().estimate());
        assertEquals(List.of("init", "keep_only_highway_patrol_if_state", "filter_to_vehicular_stops"),
                t.steps().subList(0, 3).stream().map(s -> s.rule().oppFunction()).toList());
        assertEquals(10, t.steps().get(2).rowsDropped());
    }

    @Test
    void oppAveragesOverMonthsWithStopsAndStopsMayOutnumberResidents() {
        StopRateTable t = OppStopRates.per(RESIDENTS).of(stops());
        StopRate h = t.row(Races.HISPANIC);
        assertEquals(30.0, h.averageMonthlyStops().getAsDouble());          // one month with stops, not 15
        assertEquals(30.0 * 12 / 20, h.annualStopRate().getAsDouble(), 1e-12); // 18 stops per resident per year
        assertEquals(30 / (20 * 2 / 12.0) * 1000, h.stopsPer1000PerYear().getAsDouble(), 1e-9);
        assertTrue(h.vsReference().orElseThrow().rateRatio().estimate() > 1);
        assertTrue(t.toString().startsWith("Stops per 1,000 residents per year, 2016-01..2016-02 (2 months"), t::toString);
    }

    @Test
    void misspeltOrMissingSettingsFailSayingWhy() {
        var e = assertThrows(IllegalArgumentException.class, () -> OppStopRates.per(Map.of(Races.WHITE, 10L)));
        assertTrue(e.getMessage().contains("black"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> OppStopRates.per(Map.of(Races.WHITE, 0L)));
        assertThrows(IllegalArgumentException.class, () -> OppStopRates.per(RESIDENTS).reference(Races.OTHER));
        var t = OppStopRates.per(RESIDENTS).of(stops());
        var m = assertThrows(IllegalArgumentException.class, () -> t.row(Races.OTHER));
        assertTrue(m.getMessage().contains("white"), m::getMessage);
    }

    @Test
    void noStopSurvivingIsEmptyNeverZero() {
        StopRateTable t = OppStopRates.per(RESIDENTS).of(List.of());
        assertEquals("no months", t.period());
        for (StopRate r : t.rows()) {
            assertTrue(r.stopsPer1000PerYear().isEmpty() && r.vsReference().isEmpty() && !r.oppRowPresent(), r::toString);
        }
    }
}
