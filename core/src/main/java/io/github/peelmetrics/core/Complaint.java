package io.github.peelmetrics.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A complaint against one or more officers.
 *
 * @param id          the complaint id
 * @param received    when it was received
 * @param closed      when it was closed, if it is; never before {@code received}
 * @param beat        the beat of the incident, or {@value Stop#UNKNOWN_BEAT}
 * @param officerIds  the officers complained of (unmodifiable; may be empty when unidentified)
 * @param allegation  the kind of allegation
 * @param finding     the finding ({@link Finding#PENDING} while open)
 * @param complainant the complainant's demographics
 * @param source      who filed it
 */
public record Complaint(
        String id,
        LocalDate received,
        Optional<LocalDate> closed,
        String beat,
        List<String> officerIds,
        AllegationType allegation,
        Finding finding,
        Demographics complainant,
        ComplaintSource source) {

    /** Validates the fields. */
    public Complaint {
        Checks.id("complaint", id);
        String r = "complaint " + id;
        Checks.notNull(r, "received", received);
        Checks.notNull(r, "closed", closed);
        Checks.text(r, "beat", beat);
        Checks.notNull(r, "officerIds", officerIds);
        officerIds = List.copyOf(officerIds);
        for (String o : officerIds) {
            Checks.text(r, "officer id", o);
        }
        Checks.notNull(r, "allegation", allegation);
        Checks.notNull(r, "finding", finding);
        Checks.notNull(r, "complainant", complainant);
        Checks.notNull(r, "source", source);
        if (closed.isPresent() && closed.get().isBefore(received)) {
            throw new IllegalArgumentException(r + ": closed " + closed.get() + " is before received " + received);
        }
    }

    /** Days from receipt to closure, if closed. */
    public Optional<Long> daysToClose() {
        return closed.map(c -> java.time.temporal.ChronoUnit.DAYS.between(received, c));
    }
}
