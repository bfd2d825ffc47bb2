package io.github.peelmetrics.core;

import java.time.LocalDate;

/**
 * One officer working one beat on one shift of one day.
 *
 * @param officerId the officer
 * @param beat      the beat id
 * @param date      the day
 * @param shift     the shift
 */
public record BeatAssignment(String officerId, String beat, LocalDate date, Shift shift) {
    /** Validates the fields. */
    public BeatAssignment {
        Checks.id("officer", officerId);
        String r = "assignment of officer " + officerId;
        Checks.text(r, "beat", beat);
        Checks.notNull(r, "date", date);
        Checks.notNull(r, "shift", shift);
    }
}
