package io.github.peelmetrics.metrics.complaints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.ComplaintSource;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.stats.Adjustment;
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import io.github.peelmetrics.testing.Seeded;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplaintsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    private static Complaint complaint(String id, AllegationType a, Finding f, Integer daysToClose, String... officers) {
        return Complaint.of(id, DAY, Optional.ofNullable(daysToClose).map(d -> DAY.plusDays(d)), "B1",
                List.of(officers), a, f, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
    }

    @Test
    void summaryFollowsItsFormulas() {
        List<Complaint> cs = List.of(
                complaint("1", AllegationType.USE_OF_FORCE, Finding.SUSTAINED, 1, "o1"),
                complaint("2", AllegationType.USE_OF_FORCE, Finding.NOT_SUSTAINED, 2, "o1", "o2"),
                complaint("3", AllegationType.DISCOURTESY, Finding.UNFOUNDED, 3, "o2"),
                complaint("4", AllegationType.DISCOURTESY, Finding.WITHDRAWN, 4, "o3"),
                complaint("5", AllegationType.BIAS, Finding.PENDING, null, "o3"),
                complaint("6", AllegationType.BIAS, Finding.EXONERATED, 10));
        ComplaintSummary s = ComplaintSummary.of(cs, 40, 12_000);
        assertEquals(6, s.complaints());
        assertEquals(6.0 / 40 * 100, s.per100Officers().getAsDouble(), 1e-12);
        assertEquals(6.0 / 12_000 * 1000, s.per1000Contacts().getAsDouble(), 1e-12);
        assertEquals(2.0 / 40 * 100, s.per100Officers(AllegationType.BIAS).getAsDouble(), 1e-12);
        // complaint 2 names two officers: two allegations; complaint 6 one against an unidentified officer
        assertEquals(7, s.allegations());
        assertEquals(6, s.identifiedAllegations());
        assertEquals(3, s.allegations(AllegationType.USE_OF_FORCE));
        assertEquals(1.0 / 40 * 100, s.per100Officers(Finding.SUSTAINED).getAsDouble(), 1e-12);
        assertEquals(1.0 / 12_000 * 1000, s.per1000Contacts(Finding.WITHDRAWN).getAsDouble(), 1e-12);
        assertEquals(2.0 / 12_000 * 1000, s.per1000Contacts(AllegationType.DISCOURTESY).getAsDouble(), 1e-12);
        assertEquals(1, s.allegations(AllegationType.DISCOURTESY, Finding.WITHDRAWN));
        assertEquals(5, s.decided(), "withdrawn and pending are not decided");
        assertEquals(0.2, s.sustainedRate().getAsDouble(), 1e-15);
        assertEquals(Proportions.interval(1, 5, ProportionMethod.WILSON, 0.95), s.sustainedInterval().orElseThrow());
        assertEquals(Proportions.interval(1, 5, ProportionMethod.CLOPPER_PEARSON, 0.9),
                ComplaintSummary.of(cs, 40, 12_000, ProportionMethod.CLOPPER_PEARSON, 0.9).sustainedInterval()
                        .orElseThrow());
        assertEquals(1.0 / 3, s.sustainedRate(AllegationType.USE_OF_FORCE).getAsDouble(), 1e-15);
        assertTrue(s.sustainedRate(AllegationType.INTEGRITY).isEmpty());
        assertEquals(4, s.decidedComplaints());
        assertEquals(1, s.sustainedComplaints());
        assertEquals(0.25, s.complaintSustainedRate().getAsDouble(), 1e-15);
        assertEquals(Proportions.interval(1, 4, ProportionMethod.WILSON, 0.95), s.complaintSustainedInterval().orElseThrow());
        assertTrue(s.serviceYears().isEmpty() && s.allegationsPerServiceYear().isEmpty());
        assertTrue(s.toString().contains("allegations per officer-year of service: not recorded"), s.toString());
        // days 1, 2, 3, 4, 10: R quantile(type 7) gives median 3, p90 = 4 + 0.6 * 6 = 7.6, p25 = 2
        assertEquals(5, s.closed());
        assertEquals(3.0, s.medianDaysToClose().getAsDouble(), 1e-12);
        assertEquals(7.6, s.daysToClose(0.9).getAsDouble(), 1e-12);
        assertEquals(2.0, s.daysToClose(0.25).getAsDouble(), 1e-12);
        assertEquals(10.0, s.daysToClose(1).getAsDouble(), 1e-12);
        assertEquals(7L, s.byFinding().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(s.toString().startsWith("6 complaints; 15.000 per 100 officers, 0.500 per 1,000 contacts"),
                s.toString());
    }

    @Test
    void allegationsPerServiceYearComeFromTheRosterOrTheCaller() {
        List<Complaint> cs = List.of(
                complaint("1", AllegationType.USE_OF_FORCE, Finding.SUSTAINED, 1, "o1", "o2"),
                complaint("2", AllegationType.BIAS, Finding.PENDING, null));
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        // o1 serves the whole year (366 days), o2 from July 1 (184 days), o3 left on Jan 31 (31 days)
        List<io.github.peelmetrics.core.Officer> roster = List.of(
                new io.github.peelmetrics.core.Officer("o1", Demographics.UNKNOWN, Optional.of(LocalDate.of(2010, 1, 1))),
                new io.github.peelmetrics.core.Officer("o2", Demographics.UNKNOWN, Optional.of(LocalDate.of(2024, 7, 1))),
                new io.github.peelmetrics.core.Officer("o3", Demographics.UNKNOWN, Optional.of(LocalDate.of(2001, 1, 1)),
                        Optional.of(LocalDate.of(2024, 1, 31))),
                new io.github.peelmetrics.core.Officer("o4", Demographics.UNKNOWN, Optional.of(LocalDate.of(2001, 1, 1)),
                        Optional.of(LocalDate.of(2023, 1, 31))));
        ComplaintSummary s = ComplaintSummary.of(cs, roster, from, to, 500);
        assertEquals(4, s.officers());
        assertEquals((366 + 184 + 31) / 365.25, s.serviceYears().getAsDouble(), 1e-12);
        assertEquals(2 / ((366 + 184 + 31) / 365.25), s.allegationsPerServiceYear().getAsDouble(), 1e-12);
        assertTrue(s.toString().contains("allegations per officer-year of service: 1.257 (2 identified over 1.6 years)"),
                s.toString());
        List<io.github.peelmetrics.core.Officer> unrecorded = new ArrayList<>(roster);
        unrecorded.add(new io.github.peelmetrics.core.Officer("o5", Demographics.UNKNOWN));
        assertTrue(ComplaintSummary.of(cs, unrecorded, from, to, 500).allegationsPerServiceYear().isEmpty(),
                "a missing hire date is not recorded, never a shorter exposure");
        assertEquals(0.5, ComplaintSummary.ofServiceYears(cs, 4, 4.0, 500).allegationsPerServiceYear().getAsDouble());
        assertTrue(ComplaintSummary.ofServiceYears(cs, 4, 0.0, 500).allegationsPerServiceYear().isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> ComplaintSummary.ofServiceYears(cs, 4, Double.NaN, 5));
        assertTrue(e.getMessage().contains("serviceYears of complaint summary must be finite and not negative: NaN"),
                e.getMessage());
    }

    /**
     * Complaints with one to four allegations each, repeated officers across complaints and every
     * finding: the per-allegation sustained rate is sustained / decided over all allegations, the
     * per-complaint rate counts a complaint sustained when any allegation is, and the counts add up.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void sustainedRatesPerAllegationAndPerComplaintFollowTheirDefinitions(Seeded seed) {
        SplittableRandom r = seed.random();
        int n = Seeded.edgy(r, 0, 40);
        List<Complaint> cs = new ArrayList<>();
        long sustained = 0;
        long decided = 0;
        long allegations = 0;
        long complaintsSustained = 0;
        long complaintsDecided = 0;
        for (int i = 0; i < n; i++) {
            List<io.github.peelmetrics.core.Allegation> list = new ArrayList<>();
            int k = Seeded.edgy(r, 0, 4);
            for (int j = 0; j < k; j++) {
                Finding f = Finding.values()[r.nextInt(Finding.values().length)];
                AllegationType t = AllegationType.values()[j];   // distinct types: never a repeated pair
                list.add(r.nextInt(6) == 0 ? io.github.peelmetrics.core.Allegation.unidentified(t, f)
                        : io.github.peelmetrics.core.Allegation.of("o" + r.nextInt(3), t, f));
                sustained += f == Finding.SUSTAINED ? 1 : 0;
                decided += f.isDecided() ? 1 : 0;
            }
            allegations += k;
            complaintsSustained += list.stream().anyMatch(a -> a.finding() == Finding.SUSTAINED) ? 1 : 0;
            complaintsDecided += list.stream().anyMatch(a -> a.finding().isDecided()) ? 1 : 0;
            cs.add(new Complaint("c" + i, DAY, Optional.empty(), "B1", list, Demographics.UNKNOWN,
                    ComplaintSource.CIVILIAN));
        }
        ComplaintSummary s = ComplaintSummary.of(cs, 3, 100);
        assertEquals(allegations, s.allegations(), seed.toString());
        assertEquals(sustained, s.sustained(), seed.toString());
        assertEquals(decided, s.decided(), seed.toString());
        assertEquals(decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sustained / decided),
                s.sustainedRate(), seed.toString());
        assertEquals(complaintsSustained, s.sustainedComplaints(), seed.toString());
        assertEquals(complaintsDecided, s.decidedComplaints(), seed.toString());
        assertEquals(allegations, s.byAllegation().values().stream().mapToLong(Long::longValue).sum(), seed.toString());
        assertEquals(allegations, s.byFinding().values().stream().mapToLong(Long::longValue).sum(), seed.toString());
        for (AllegationType t : AllegationType.values()) {
            long d = 0;
            for (Finding f : Finding.values()) {
                d += f.isDecided() ? s.allegations(t, f) : 0;
            }
            assertEquals(d == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) s.allegations(t, Finding.SUSTAINED) / d), s.sustainedRate(t), seed.toString());
        }
    }

    @Test
    void anEmptySummaryHasNoRates() {
        ComplaintSummary s = ComplaintSummary.of(List.of(), 0, 0);
        assertTrue(s.per100Officers().isEmpty() && s.per1000Contacts().isEmpty() && s.sustainedRate().isEmpty()
                && s.sustainedInterval().isEmpty() && s.medianDaysToClose().isEmpty());
    }

    static Stream<Seeded> seeds() {
        return Seeded.cases(100);
    }

    @Test
    void errorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> ComplaintSummary.of(List.of(), -1, 0));
        assertTrue(e.getMessage().contains("officers of complaint summary must not be negative: -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ComplaintSummary.of(List.of(), 1, 1).daysToClose(1.5));
        assertTrue(e.getMessage().contains("percentile of days to close must be in [0, 1]: 1.5"), e.getMessage());
        assertTrue(Arrays.asList(Finding.values()).contains(Finding.PENDING));
    }

    @Test
    void theSummaryHoldsWhatItPrints() {
        List<Complaint> cs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cs.add(complaint("c" + i, AllegationType.BIAS, Finding.SUSTAINED, null, "o1"));
        }
        cs.add(complaint("x", AllegationType.BIAS, Finding.PENDING, null, "o2"));
        ComplaintSummary s = ComplaintSummary.of(cs, 3, 100, ProportionMethod.JEFFREYS, 0.9);
        assertEquals(ProportionMethod.JEFFREYS, s.method());
        assertEquals(0.9, s.sustainedInterval().orElseThrow().level());
        assertEquals(30, s.sustained());
        assertEquals(1.0, s.sustainedRateByAllegation().get(AllegationType.BIAS).getAsDouble());
        assertTrue(s.sustainedRateByAllegation().get(AllegationType.INTEGRITY).isEmpty());
        var e = assertThrows(IllegalArgumentException.class,
                () -> ComplaintSummary.of(cs, 3, 100, ProportionMethod.WILSON, 95));
        assertEquals("confidence level of complaint summary must be in (0, 1): 95.0", e.getMessage());
    }
}
