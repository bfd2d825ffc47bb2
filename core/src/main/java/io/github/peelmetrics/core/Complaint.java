package io.github.peelmetrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A complaint: who complained, when and where, and its allegations, each naming an accused
 * officer, a type and its own finding (as agencies record them: one row per allegation per
 * accused officer).
 *
 * <p><b>One accusation per officer.</b> A complaint that names one officer in several
 * allegations of different types is one accusation of that officer with several allegations:
 * {@link #officerIds()} lists each accused officer once. The same officer with the same
 * allegation type twice in one complaint is rejected (it is a duplicated row, not a second
 * allegation). Allegations against an unidentified officer are not checked for duplicates (two
 * of them may be two officers).
 *
 * <p><b>Unidentified officers.</b> A complaint whose officer was not identified has allegations
 * with an empty {@link Allegation#officerId()}, so that its type and finding still count in
 * sustained rates. A complaint may also have no allegation at all (nothing recorded); it then
 * counts as a complaint and for no allegation.
 *
 * @param id          the complaint id
 * @param received    when it was received
 * @param closed      when it was closed, if it is; never before {@code received}
 * @param beat        the beat of the incident, or {@value Stop#UNKNOWN_BEAT}
 * @param allegations the allegations (unmodifiable; in the order given)
 * @param complainant the complainant's demographics
 * @param source      who filed it
 */
public record Complaint(
        String id,
        LocalDate received,
        Optional<LocalDate> closed,
        String beat,
        List<Allegation> allegations,
        Demographics complainant,
        ComplaintSource source) {

    /** Validates the fields and rejects an officer accused twice of the same allegation type. */
    public Complaint {
        Checks.id("complaint", id);
        String r = "complaint " + id;
        Checks.notNull(r, "received", received);
        Checks.notNull(r, "closed", closed);
        Checks.text(r, "beat", beat);
        Checks.notNull(r, "allegations", allegations);
        allegations = List.copyOf(allegations);
        Set<String> seen = new HashSet<>();
        for (Allegation a : allegations) {
            if (a.officerId().isPresent() && !seen.add(a.officerId().get() + '\u0000' + a.type())) {
                throw new IllegalArgumentException(r + " names officer " + a.officerId().get()
                        + " twice with allegation type " + a.type()
                        + ": one accusation of an officer has at most one allegation of each type");
            }
        }
        Checks.notNull(r, "complainant", complainant);
        Checks.notNull(r, "source", source);
        if (closed.isPresent() && closed.get().isBefore(received)) {
            throw new IllegalArgumentException(r + ": closed " + closed.get() + " is before received " + received);
        }
    }

    /**
     * The common case of one allegation per accused officer, all of one type and finding; an empty
     * {@code officerIds} gives one allegation against an unidentified officer.
     *
     * @throws IllegalArgumentException if an officer id is blank or appears twice
     */
    public static Complaint of(String id, LocalDate received, Optional<LocalDate> closed, String beat,
                               List<String> officerIds, AllegationType type, Finding finding,
                               Demographics complainant, ComplaintSource source) {
        Checks.id("complaint", id);
        Checks.notNull("complaint " + id, "officerIds", officerIds);
        List<Allegation> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String o : officerIds) {
            Checks.text("complaint " + id, "officer id", o);
            if (!seen.add(o)) {
                throw new IllegalArgumentException("complaint " + id + " lists officer " + o
                        + " twice: an officer is accused once per complaint");
            }
            list.add(Allegation.of(o, type, finding));
        }
        if (list.isEmpty()) {
            list.add(Allegation.unidentified(type, finding));
        }
        return new Complaint(id, received, closed, beat, list, complainant, source);
    }

    /** The accused officers, each once, in the order of their first allegation. */
    public List<String> officerIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Allegation a : allegations) {
            a.officerId().ifPresent(ids::add);
        }
        return List.copyOf(ids);
    }

    /** Whether any allegation was sustained (a complaint is sustained when any of its allegations is). */
    public boolean sustained() {
        for (Allegation a : allegations) {
            if (a.sustained()) {
                return true;
            }
        }
        return false;
    }

    /** Days from receipt to closure, if closed. */
    public Optional<Long> daysToClose() {
        return closed.map(c -> java.time.temporal.ChronoUnit.DAYS.between(received, c));
    }
}
