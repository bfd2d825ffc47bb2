package io.github.peelmetrics.metrics.officers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.ComplaintSource;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.testing.Seeded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CpdpPercentileTest {

    private static final LocalDate FROM = LocalDate.of(2014, 1, 1);
    private static final LocalDate TO = LocalDate.of(2018, 12, 31);

    private static Officer officer(String id, String hired, String separated) {
        return new Officer(id, Demographics.UNKNOWN, Optional.ofNullable(hired).map(LocalDate::parse),
                Optional.ofNullable(separated).map(LocalDate::parse));
    }

    @Test
    void pythonRoundsTheBinaryValueHalfToEvenAndPostgresRoundsDecimalsHalfUp() {
        // the README's ties: 100 * 79 / 128 and 100 * 93 / 128 are exact in binary
        assertEquals(61.71875, 100.0 * 79 / 128);
        assertEquals(61.7188, CpdpPercentile.pythonRound4(61.71875));
        assertEquals(72.6562, CpdpPercentile.pythonRound4(72.65625));
        assertEquals(0.7812, CpdpPercentile.pythonRound4(0.78125));
        // 0.1 + a tiny bit is not a tie: the binary value of 33.33335 lies below the decimal
        assertEquals(new BigDecimal(33.33335).setScale(4, java.math.RoundingMode.HALF_EVEN).doubleValue(),
                CpdpPercentile.pythonRound4(33.33335));
        // PostgreSQL numeric: exact decimal ties round away from zero
        assertEquals(new BigDecimal("0.0001"), CpdpPercentile.postgresRound4(BigDecimal.ONE, new BigDecimal(20000)));
        assertEquals(new BigDecimal("0.6250"), CpdpPercentile.postgresRound4(new BigDecimal(5), new BigDecimal(8)));
        assertEquals(new BigDecimal("0.0002"), CpdpPercentile.postgresRound4(new BigDecimal(3), new BigDecimal(20000)));
        assertEquals(new BigDecimal("2.7397"), CpdpPercentile.postgresRound4(new BigDecimal(1000), new BigDecimal(365)));
    }

    @Test
    void windowsAndTiesFollowCpdp() {
        List<Officer> roster = List.of(
                officer("A", "2010-03-01", null),          // whole window: 1825 days, 5 years
                officer("B", "2016-06-01", "2017-09-09"),  // 465 days
                officer("C", "2018-02-28", null),          // 306 days: not ranked
                officer("D", null, null),                  // no appointment date: not ranked
                officer("E", "2012-01-01", "2015-01-01"),  // exactly 365 days: ranked
                officer("F", "2010-01-01", null));
        CpdpPercentile p = CpdpPercentile.ofCounts(Map.of("A", 4L, "B", 0L, "C", 3L, "D", 9L, "E", 1L, "F", 4L),
                roster, FROM, TO);
        assertEquals(4, p.ranked());
        CpdpOfficer a = p.officer("A");
        assertEquals(1825, a.serviceDays().getAsLong());
        assertEquals(5.0, a.serviceYears().getAsDouble());
        assertEquals(0.8, a.metric().getAsDouble());
        assertEquals(1, a.officersBelow().getAsInt(), "only B (0 a year) is below; F ties");
        assertEquals(25.0, a.percentile().getAsDouble());
        CpdpOfficer e = p.officer("E");
        assertEquals(365, e.serviceDays().getAsLong());
        assertEquals(1.0, e.metric().getAsDouble());
        assertEquals(3, e.officersBelow().getAsInt());
        assertEquals(75.0, e.percentile().getAsDouble());
        assertEquals(p.officer("F").percentile(), a.percentile(), "ties share the first position");
        assertFalse(p.officer("C").ranked());
        assertTrue(p.officer("C").metric().isEmpty());
        assertTrue(p.officer("D").start().isEmpty() && p.officer("D").serviceDays().isEmpty());
        assertEquals(TO, p.officer("D").end());
        assertEquals(List.of("E", "A"), p.top(2).stream().map(CpdpOfficer::officerId).toList());
        var ex = assertThrows(IllegalArgumentException.class, () -> p.officer("Z"));
        assertTrue(ex.getMessage().contains("has no officer \"Z\""), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
                () -> CpdpPercentile.ofCounts(Map.of("X", 1L), roster, FROM, TO));
        assertTrue(ex.getMessage().contains("\"X\""), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> CpdpPercentile.ofCounts(Map.of(), roster, TO, FROM));
        assertTrue(ex.getMessage().contains("ends (2014-01-01) before it starts (2018-12-31)"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
                () -> CpdpPercentile.ofCounts(Map.of(), List.of(roster.get(0), roster.get(0)), FROM, TO));
        assertTrue(ex.getMessage().contains("officer A appears twice"), ex.getMessage());
        assertTrue(p.toString().startsWith("CPDP allegation percentiles 2014-01-01..2018-12-31: 4 of 6 officers ranked"),
                p.toString());
    }

    @Test
    void fromComplaintsCountsEachAllegationInTheWindow() {
        List<Officer> roster = List.of(officer("O1", "2010-01-01", null), officer("O2", "2010-01-01", null));
        List<Complaint> complaints = List.of(
                complaint("C1", "2014-01-01", List.of("O1", "O2")),
                complaint("C2", "2018-12-31", List.of("O1")),
                complaint("C3", "2013-12-31", List.of("O2")),
                complaint("C4", "2015-05-05", List.of("O3")),
                complaint("C5", "2015-05-05", List.of()));
        CpdpPercentile p = CpdpPercentile.of(complaints, roster, FROM, TO);
        assertEquals(2, p.officer("O1").allegations());
        assertEquals(1, p.officer("O2").allegations());
        assertEquals(1, p.allegationsOfUnlistedOfficers());
        assertTrue(p.toString().contains("1 allegations against officers not on the roster"), p.toString());
    }

    private static Complaint complaint(String id, String received, List<String> officers) {
        return Complaint.of(id, LocalDate.parse(received), Optional.empty(), "B1", officers, AllegationType.OTHER,
                Finding.PENDING, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
    }

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    /** Relabelling the officers permutes the rows and changes no figure. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void relabellingOfficersPermutesThePercentiles(Seeded s) {
        SplittableRandom r = s.random();
        int n = Seeded.edgy(r, 1, 60);
        List<Officer> roster = new ArrayList<>();
        List<Officer> relabelled = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> relabelledCounts = new HashMap<>();
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perm.add(i);
        }
        java.util.Collections.shuffle(perm, new java.util.Random(s.seed()));
        for (int i = 0; i < n; i++) {
            Optional<LocalDate> hired = r.nextInt(8) == 0 ? Optional.empty()
                    : Optional.of(LocalDate.of(2008, 1, 1).plusDays(r.nextInt(4000)));
            Optional<LocalDate> separated = hired.isEmpty() || r.nextBoolean() ? Optional.empty()
                    : Optional.of(hired.get().plusDays(r.nextInt(3000)));
            long k = r.nextInt(4) == 0 ? 0 : r.nextInt(12);   // many zeros: ties on purpose
            String id = String.format("P%03d", i);
            String other = String.format("Q%03d", perm.get(i));
            roster.add(new Officer(id, Demographics.UNKNOWN, hired, separated));
            relabelled.add(new Officer(other, Demographics.UNKNOWN, hired, separated));
            counts.put(id, k);
            relabelledCounts.put(other, k);
        }
        CpdpPercentile p = CpdpPercentile.ofCounts(counts, roster, FROM, TO);
        CpdpPercentile q = CpdpPercentile.ofCounts(relabelledCounts, relabelled, FROM, TO);
        assertEquals(p.ranked(), q.ranked(), s.toString());
        for (int i = 0; i < n; i++) {
            CpdpOfficer a = p.officer(String.format("P%03d", i));
            CpdpOfficer b = q.officer(String.format("Q%03d", perm.get(i)));
            assertEquals(new CpdpOfficer(b.officerId(), a.allegations(), a.start(), a.end(), a.serviceDays(), a.ranked(),
                    a.serviceYears(), a.metric(), a.officersBelow(), a.percentileUnrounded(), a.percentile()), b,
                    s.toString());
            if (a.ranked()) {
                // the percentile counts the ranked officers strictly below
                long below = p.officers().stream().filter(CpdpOfficer::ranked)
                        .filter(o -> o.metric().getAsDouble() < a.metric().getAsDouble()).count();
                assertEquals(below, a.officersBelow().getAsInt(), s.toString());
            }
        }
    }
}
