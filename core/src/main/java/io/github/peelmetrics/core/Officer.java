package io.github.peelmetrics.core;

/**
 * A sworn officer.
 *
 * @param id           the officer id (pseudonymize before publishing)
 * @param demographics the officer's race, sex and age group
 */
public record Officer(String id, Demographics demographics) {
    /** Validates the fields. */
    public Officer {
        Checks.id("officer", id);
        Checks.notNull("officer " + id, "demographics", demographics);
    }
}
