package io.github.peelmetrics.core;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A sworn officer.
 *
 * @param id           the officer id (pseudonymize before publishing)
 * @param demographics the officer's race, sex and age group
 * @param hired        the hire (appointment) date, when recorded
 * @param separated    the separation (resignation, retirement, dismissal) date, when the officer
 *                     has left and it was recorded; never before {@code hired}
 */
public record Officer(String id, Demographics demographics, Optional<LocalDate> hired,
                      Optional<LocalDate> separated) {
    /** Validates the fields. */
    public Officer {
        Checks.id("officer", id);
        Checks.notNull("officer " + id, "demographics", demographics);
        Checks.notNull("officer " + id, "hired", hired);
        Checks.notNull("officer " + id, "separated", separated);
        if (hired.isPresent() && separated.isPresent() && separated.get().isBefore(hired.get())) {
            throw new IllegalArgumentException("officer " + id + ": separated " + separated.get()
                    + " is before hired " + hired.get());
        }
    }

    /** An officer still serving (or whose separation was not recorded). */
    public Officer(String id, Demographics demographics, Optional<LocalDate> hired) {
        this(id, demographics, hired, Optional.empty());
    }

    /** An officer whose hire date was not recorded. */
    public Officer(String id, Demographics demographics) {
        this(id, demographics, Optional.empty(), Optional.empty());
    }
}
