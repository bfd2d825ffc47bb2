package io.github.peelmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplaintAllegationsTest {

    private static final LocalDate DAY = LocalDate.of(2020, 5, 1);

    private static Complaint complaint(String id, List<Allegation> allegations) {
        return new Complaint(id, DAY, Optional.empty(), "B1", allegations, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
    }

    @Test
    void anOfficerWithSeveralAllegationTypesIsOneAccusation() {
        Complaint c = complaint("C1", List.of(
                Allegation.of("O1", AllegationType.USE_OF_FORCE, Finding.SUSTAINED),
                Allegation.of("O2", AllegationType.DISCOURTESY, Finding.UNFOUNDED),
                Allegation.of("O1", AllegationType.DISCOURTESY, Finding.NOT_SUSTAINED),
                Allegation.unidentified(AllegationType.OTHER, Finding.PENDING),
                Allegation.unidentified(AllegationType.OTHER, Finding.PENDING)));
        assertEquals(List.of("O1", "O2"), c.officerIds());
        assertEquals(5, c.allegations().size());
        assertTrue(c.sustained());
        assertThrows(UnsupportedOperationException.class, () -> c.allegations().add(c.allegations().get(0)));
    }

    @Test
    void theSameOfficerAndTypeTwiceIsRejectedNamingComplaintOfficerAndType() {
        var e = assertThrows(IllegalArgumentException.class, () -> complaint("C7", List.of(
                Allegation.of("O9", AllegationType.BIAS, Finding.SUSTAINED),
                Allegation.of("O9", AllegationType.BIAS, Finding.UNFOUNDED))));
        assertTrue(e.getMessage().contains("complaint C7") && e.getMessage().contains("O9")
                && e.getMessage().contains("BIAS"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Complaint.of("C8", DAY, Optional.empty(), "B1",
                List.of("O1", "O1"), AllegationType.BIAS, Finding.PENDING, Demographics.UNKNOWN, ComplaintSource.UNKNOWN));
        assertTrue(e.getMessage().contains("complaint C8 lists officer O1 twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Allegation.of(" ", AllegationType.BIAS, Finding.PENDING));
        assertTrue(e.getMessage().contains("officer id of allegation"), e.getMessage());
    }

    @Test
    void ofWithoutOfficersIsOneUnidentifiedAllegation() {
        Complaint c = Complaint.of("C2", DAY, Optional.empty(), "B1", List.of(), AllegationType.OTHER,
                Finding.SUSTAINED, Demographics.UNKNOWN, ComplaintSource.UNKNOWN);
        assertEquals(List.of(Allegation.unidentified(AllegationType.OTHER, Finding.SUSTAINED)), c.allegations());
        assertEquals(List.of(), c.officerIds());
        assertTrue(c.sustained());
        assertFalse(complaint("C3", List.of()).sustained());
    }

    @Test
    void groupJoinsRowsOfOneComplaintAndRejectsRowsThatDisagree() {
        Complaint a = Complaint.of("C1", DAY, Optional.empty(), "B1", List.of("O1"), AllegationType.BIAS,
                Finding.SUSTAINED, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
        Complaint b = Complaint.of("C1", DAY, Optional.empty(), "B1", List.of("O1", "O2"), AllegationType.OTHER,
                Finding.UNFOUNDED, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
        Complaint other = Complaint.of("C2", DAY, Optional.empty(), "B1", List.of("O3"), AllegationType.OTHER,
                Finding.UNFOUNDED, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
        List<Complaint> g = Complaints.group(List.of(a, other, b));
        assertEquals(List.of("C1", "C2"), g.stream().map(Complaint::id).toList());
        assertEquals(3, g.get(0).allegations().size());
        assertEquals(List.of("O1", "O2"), g.get(0).officerIds());
        Complaint elsewhere = Complaint.of("C1", DAY, Optional.empty(), "B2", List.of("O4"), AllegationType.OTHER,
                Finding.UNFOUNDED, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
        var e = assertThrows(IllegalArgumentException.class, () -> Complaints.group(List.of(a, elsewhere)));
        assertTrue(e.getMessage().contains("rows of complaint C1 disagree on beat: B1 and B2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Complaints.group(List.of(a, a)));
        assertTrue(e.getMessage().contains("complaint C1 names officer O1 twice"), e.getMessage());
    }

    @Test
    void anOfficerCannotSeparateBeforeBeingHired() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Officer("O5", Demographics.UNKNOWN, Optional.of(DAY), Optional.of(DAY.minusDays(1))));
        assertTrue(e.getMessage().contains("officer O5: separated 2020-04-30 is before hired 2020-05-01"), e.getMessage());
        assertEquals(Optional.empty(), new Officer("O6", Demographics.UNKNOWN, Optional.of(DAY)).separated());
    }

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    /**
     * Allegations drawn with repeated officers and types on purpose: the complaint is accepted
     * exactly when no (officer, type) pair repeats, and then lists each accused officer once, in
     * first-seen order, whatever the number of allegations naming them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void anOfficerNamedTwiceIsOneAccusationOrARejection(Seeded s) {
        SplittableRandom r = s.random();
        int n = Seeded.edgy(r, 0, 8);
        List<Allegation> list = new ArrayList<>();
        LinkedHashSet<String> pairs = new LinkedHashSet<>();
        LinkedHashSet<String> officers = new LinkedHashSet<>();
        boolean repeated = false;
        for (int i = 0; i < n; i++) {
            AllegationType t = AllegationType.values()[r.nextInt(3)];
            Finding f = Finding.values()[r.nextInt(Finding.values().length)];
            if (r.nextInt(5) == 0) {
                list.add(Allegation.unidentified(t, f));
                continue;
            }
            String o = "O" + r.nextInt(3);
            list.add(Allegation.of(o, t, f));
            officers.add(o);
            repeated |= !pairs.add(o + t);
        }
        if (repeated) {
            assertThrows(IllegalArgumentException.class, () -> complaint("C", list), s.toString());
        } else {
            Complaint c = complaint("C", list);
            assertEquals(List.copyOf(officers), c.officerIds(), s.toString());
            assertEquals(list, c.allegations(), s.toString());
            assertEquals(list.stream().anyMatch(Allegation::sustained), c.sustained(), s.toString());
        }
    }
}
