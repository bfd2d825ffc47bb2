package io.github.peelmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The domain records validate their fields and say which record, field and value are wrong. */
class RecordsTest {

    private static final ZonedDateTime T = ZonedDateTime.of(2019, 3, 1, 18, 30, 0, 0, ZoneId.of("America/Los_Angeles"));

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message \"" + e.getMessage() + "\" lacks " + p);
        }
    }

    @Test
    void categoriesAreEqualByCode() {
        assertEquals(Races.BLACK, Category.of("black", "African American"));
        assertNotEquals(Races.BLACK, Races.WHITE);
        assertEquals(Optional.of(Races.HISPANIC), Races.parse("  Hispanic "));
        assertEquals(Optional.empty(), Races.parse("martian"));
        assertTrue(Category.of("unknown", "Not recorded").isUnknown());
        assertMessage(() -> Category.of(" ", "x"), "blank");
        assertEquals(AgeGroups.AGE_45_64, AgeGroups.ofAge(45));
        assertEquals(AgeGroups.AGE_65_PLUS, AgeGroups.ofAge(65));
        assertMessage(() -> AgeGroups.ofAge(-1), "-1");
    }

    @Test
    void stopBuilderDefaultsToUnknownAndChecksSearchConsistency() {
        Stop s = Stop.builder("S1", T).beat("B03").race(Races.BLACK).notSearched().outcome(StopOutcome.WARNING).build();
        assertEquals(Flag.NO, s.searchConducted());
        assertEquals(SearchBasis.NONE, s.searchBasis());
        assertEquals(Flag.UNKNOWN, s.contrabandFound());
        assertEquals(Races.BLACK, s.subject().race());
        assertEquals(Category.UNKNOWN, s.subject().sex());
        assertEquals(Optional.empty(), s.officerId());
        assertMessage(() -> Stop.builder("S2", T).search(Flag.NO, SearchBasis.CONSENT, Flag.UNKNOWN).build(),
                "stop S2", "searchBasis", "CONSENT");
        assertMessage(() -> Stop.builder("S3", T).search(Flag.YES, SearchBasis.NONE, Flag.NO).build(), "stop S3", "NONE");
        assertMessage(() -> Stop.builder("S4", T).search(Flag.NO, SearchBasis.NONE, Flag.YES).build(), "stop S4", "contrabandFound");
        assertMessage(() -> Stop.builder("S5", T).beat("  ").build(), "beat", "stop S5");
        assertMessage(() -> Stop.builder(" ", T).build(), "stop id");
        Stop searched = s.toBuilder().searched(SearchBasis.PROBABLE_CAUSE, Flag.YES).build();
        assertTrue(searched.searched());
        assertEquals(s.beat(), searched.beat());
    }

    @Test
    void aStopInTheRepeatedHourHoldsWhichOfItsTwoInstantsItWasGiven() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        ZonedDateTime earlier = ZonedDateTime.of(2021, 11, 7, 1, 30, 0, 0, chicago);
        ZonedDateTime later = earlier.withLaterOffsetAtOverlap();
        Stop a = Stop.builder("a", earlier).build();
        Stop b = Stop.builder("b", later).build();
        assertEquals(Optional.empty(), a.offset()); // the earlier offset is the default, held as empty
        assertEquals(Optional.of(java.time.ZoneOffset.ofHours(-6)), b.offset());
        assertEquals(earlier, a.dateTime().orElseThrow());
        assertEquals(later, b.dateTime().orElseThrow());
        assertEquals(b, b.toBuilder().build());
        assertNotEquals(a.toBuilder().build(), Stop.builder("a", later).build());
        // outside a repeated hour the offset is the only one and is not held
        assertEquals(Optional.empty(), Stop.builder("c", earlier.plusHours(3)).build().offset());
        Stop c = Stop.builder("c", earlier).build();
        assertMessage(() -> new Stop("d", c.date(), c.time(), chicago, Optional.of(java.time.ZoneOffset.ofHours(-7)),
                c.beat(), c.district(), c.precinct(), c.location(), c.type(), c.subject(), c.reason(),
                c.searchConducted(), c.searchBasis(), c.contrabandFound(), c.contrabandWeapons(), c.contrabandDrugs(),
                c.frisk(), c.arrest(), c.citation(), c.warning(), c.summons(), c.useOfForce(), c.officerId()),
                "stop d", "does not have offset -07:00");
        assertMessage(() -> new Stop("e", c.date(), Optional.empty(), chicago, Optional.of(java.time.ZoneOffset.ofHours(-6)),
                c.beat(), c.district(), c.precinct(), c.location(), c.type(), c.subject(), c.reason(),
                c.searchConducted(), c.searchBasis(), c.contrabandFound(), c.contrabandWeapons(), c.contrabandDrugs(),
                c.frisk(), c.arrest(), c.citation(), c.warning(), c.summons(), c.useOfForce(), c.officerId()),
                "stop e", "without a time of day");
    }

    @Test
    void surveyResponsesKeepMissingAnswersAbsentAndRejectBadWeights() {
        SurveyResponse r = SurveyResponse.builder("R-7").wave("2016").beat("B1")
                .demographics(Demographics.of(Races.WHITE, Sexes.FEMALE, AgeGroups.AGE_30_44))
                .answer("approve", 1).answer("q1", 4).attribute("language", "es").weight(2.5).build();
        assertEquals(Optional.of(1.0), r.answer("approve"));
        assertEquals(Optional.of("2016"), r.variable("wave"));
        assertEquals(Optional.empty(), r.answer("q2"));
        assertEquals(Optional.of("white"), r.variable("race"));
        assertEquals(Optional.of("30-44"), r.variable("age_group"));
        assertEquals(Optional.of("es"), r.variable("language"));
        assertEquals(Optional.empty(), r.variable("income"));
        assertMessage(() -> SurveyResponse.builder("R-1042").weight(-0.5).build(), "R-1042", "weight", "-0.5");
        assertMessage(() -> SurveyResponse.builder("R-1043").weight(Double.NaN).build(), "R-1043", "NaN");
        assertThrows(UnsupportedOperationException.class, () -> r.answers().put("q9", 1.0));
    }

    @Test
    void surveyResponsesTakeContinuousAnswersAndNoWave() {
        SurveyResponse r = SurveyResponse.builder("R-8").answer("trust", 72.5).answer("safety", 100).answer("z", -0.0).build();
        assertEquals(Optional.empty(), r.wave());
        assertEquals(Optional.empty(), r.variable("wave"));
        assertEquals(Optional.of(72.5), r.answer("trust"));
        assertEquals(Optional.of(100.0), r.answer("safety"));
        assertEquals(0L, Double.doubleToRawLongBits(r.answer("z").orElseThrow()), "-0.0 is stored as 0.0");
        assertMessage(() -> SurveyResponse.builder("R-9").answer("trust", Double.NaN).build(), "R-9", "trust", "NaN", "finite");
        assertMessage(() -> SurveyResponse.builder("R-10").answer("trust", Double.POSITIVE_INFINITY).build(),
                "R-10", "trust", "Infinity");
        assertMessage(() -> SurveyResponse.builder("R-11").wave(" ").build(), "R-11", "wave");
    }

    @Test
    void groupingByWaveNamesAResponseWithoutOne() {
        SurveyResponse a = SurveyResponse.builder("R-1").wave("2015").build();
        SurveyResponse b = SurveyResponse.builder("R-2").wave("2016").build();
        SurveyResponse c = SurveyResponse.builder("R-3").wave("2015").build();
        assertEquals(java.util.Map.of("2015", List.of(a, c), "2016", List.of(b)), SurveyResponse.byWave(List.of(a, b, c)));
        assertEquals(List.of("2015", "2016"), List.copyOf(SurveyResponse.byWave(List.of(a, b, c)).keySet()));
        SurveyResponse none = SurveyResponse.builder("R-4").build();
        assertMessage(() -> SurveyResponse.byWave(List.of(a, none)), "respondent R-4", "no wave", "2 of 2");
    }

    @Test
    void complaintsBeatsAndAssignmentsValidate() {
        LocalDate d = LocalDate.of(2020, 5, 1);
        Complaint c = Complaint.of("C1", d, Optional.of(d.plusDays(40)), "B2", List.of("O1", "O2"),
                AllegationType.DISCOURTESY, Finding.NOT_SUSTAINED, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
        assertEquals(Optional.of(40L), c.daysToClose());
        assertTrue(Finding.NOT_SUSTAINED.isDecided());
        assertMessage(() -> Complaint.of("C2", d, Optional.of(d.minusDays(1)), "B2", List.of(),
                AllegationType.OTHER, Finding.PENDING, Demographics.UNKNOWN, ComplaintSource.UNKNOWN), "complaint C2", "before");
        Beat b = Beat.of("B1", "North", Map.of(Races.BLACK, 100L, Races.WHITE, 300L));
        assertEquals(400, b.totalPopulation());
        assertMessage(() -> Beat.of("B9", "North", Map.of(Races.BLACK, -3L)), "beat B9", "black", "-3");
        assertMessage(() -> new BeatAssignment("O1", "", d, Shift.DAY), "officer O1", "beat");
        assertMessage(() -> new GeoPoint(91, 0), "latitude", "91");
    }
}
