package io.github.peelmetrics.core;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A sworn officer.
 *
 * @param id           the officer id (pseudonymize before publishing)
 * @param demographics the officer's race, sex and age group
 * @param hired        the hire date, when recorded
 */
public record Officer(String id, Demographics demographics, Optional<LocalDate> hired) {
    /** Validates the fields. */
    public Officer {
        Checks.id("officer", id);
        Checks.notNull("officer " + id, "demographics", demographics);
        Checks.notNull("officer " + id, "hired", hired);
    }

    /** An officer whose hire date was not recorded. */
    public Officer(String id, Demographics demographics) {
        this(id, demographics, Optional.empty());
    }
}
