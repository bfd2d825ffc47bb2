package io.github.peelmetrics.metrics.opp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of OPP's base rules on a hand-made location: what it drops and the months it names. */
class OppBaseRulesTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final OppBaseRules OPP = OppBaseRules.of(LocalDate.of(2011, 1, 1), LocalDate.of(2018, 12, 31), 50,
            0.5, List.of(Races.WHITE, Races.BLACK, Races.HISPANIC));

    private static void add(List<Stop> out, int n, LocalDate date, StopType type, Category race, Flag searched) {
        for (int i = 0; i < n; i++) {
            out.add(Stop.builder("s" + out.size(), date, ZONE).type(type).race(race).search(searched, searched == Flag.YES ? SearchBasis.CONSENT : SearchBasis.NONE, searched == Flag.YES ? Flag.NO : Flag.UNKNOWN).build());
        }
    }

    private static List<Stop> stops() {
        List<Stop> s = new ArrayList<>();
        add(s, 50, LocalDate.of(2016, 1, 5), StopType.VEHICULAR, Races.WHITE, Flag.NO);
        add(s, 10, LocalDate.of(2016, 1, 6), StopType.VEHICULAR, Races.BLACK, Flag.YES);
        add(s, 5, LocalDate.of(2016, 1, 7), StopType.PEDESTRIAN, Races.WHITE, Flag.YES);   // not vehicular
        add(s, 3, LocalDate.of(2010, 1, 7), StopType.VEHICULAR, Races.WHITE, Flag.NO);     // before the range
        add(s, 10, LocalDate.of(2016, 2, 7), StopType.VEHICULAR, Races.WHITE, Flag.NO);    // a month of 10 stops
        add(s, 29, LocalDate.of(2016, 3, 7), StopType.VEHICULAR, Races.WHITE, Flag.NO);    // 31 of 60 without race:
        add(s, 31, LocalDate.of(2016, 3, 8), StopType.VEHICULAR, Category.UNKNOWN, Flag.NO); // coverage 0.4833
        add(s, 50, LocalDate.of(2016, 4, 7), StopType.VEHICULAR, Races.WHITE, Flag.NO);
        add(s, 10, LocalDate.of(2016, 4, 8), StopType.VEHICULAR, Category.of("asian"), Flag.NO); // not an analysis race
        return s;
    }

    @Test
    void eachRuleDropsWhatOppDrops() {
        OppBaseRules.Applied a = OPP.apply(stops());
        List<EligibilityRule> rules = a.steps().stream().map(EligibilityStep::rule).toList();
        assertEquals(List.of(EligibilityRule.INIT, EligibilityRule.HIGHWAY_PATROL_ONLY, EligibilityRule.VEHICULAR,
                EligibilityRule.DATE_RANGE, EligibilityRule.MONTHS_WITH_TOO_FEW_STOPS, EligibilityRule.RACE_COVERAGE,
                EligibilityRule.RACES, EligibilityRule.SUBGEOGRAPHY, EligibilityRule.ANOMALOUS_SUBGEOGRAPHIES), rules);
        assertEquals(List.of(198L, 198L, 193L, 190L, 180L, 120L, 110L, 110L, 110L),
                a.steps().stream().map(EligibilityStep::rowsAfter).toList());
        assertEquals(List.of(0L, 0L, 5L, 3L, 10L, 60L, 10L, 0L, 0L),
                a.steps().stream().map(EligibilityStep::rowsDropped).toList());
        assertEquals(List.of(15L, 15L, 10L, 10L, 10L, 10L, 10L, 10L, 10L),
                a.steps().stream().map(EligibilityStep::searchesAfter).toList());
        assertEquals(List.of(YearMonth.of(2016, 2)), a.steps().get(4).removedMonths());
        assertEquals(List.of(YearMonth.of(2016, 3)), a.steps().get(5).removedMonths());
        assertEquals(110, a.stops().size());
        assertEquals("s0", a.stops().get(0).id());   // input order kept
    }

    @Test
    void coverageIsRoundedAsOpp() {
        assertEquals(1 - 0.5167, OppBaseRules.coverageOf(31, 60), 0);
        assertEquals(0.5, OppBaseRules.coverageOf(1, 2), 0);
    }

    @Test
    void badSettingsThrow() {
        LocalDate d = LocalDate.of(2016, 1, 1);
        List<Category> races = List.of(Races.WHITE);
        assertThrows(IllegalArgumentException.class, () -> OppBaseRules.of(d, d.minusDays(1), 50, 0.5, races));
        assertThrows(IllegalArgumentException.class, () -> OppBaseRules.of(d, d, -1, 0.5, races));
        assertThrows(IllegalArgumentException.class, () -> OppBaseRules.of(d, d, 50, 1.5, races));
        assertThrows(IllegalArgumentException.class, () -> OppBaseRules.of(d, d, 50, 0.5, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> OppBaseRules.of(d, d, 50, 0.5, List.of(Races.WHITE, Races.WHITE)));
    }
}
