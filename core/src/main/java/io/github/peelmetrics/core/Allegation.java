package io.github.peelmetrics.core;

import java.util.Optional;

/**
 * One allegation of a complaint: the accused officer, the kind of misconduct alleged and the
 * finding on it. Agencies record and publish findings per allegation per accused officer (one
 * complaint may name two officers, one of them with two allegations, each with its own finding).
 *
 * <p>The officer is empty when the complaint did not identify one (an "unknown officer"
 * allegation still has a type and a finding, and still counts in sustained rates; it counts for
 * no officer).
 *
 * @param officerId the accused officer, empty when not identified
 * @param type      the kind of misconduct alleged
 * @param finding   the finding ({@link Finding#PENDING} while open)
 */
public record Allegation(Optional<String> officerId, AllegationType type, Finding finding) {

    /** Validates the fields: a present officer id must not be blank. */
    public Allegation {
        Checks.notNull("allegation", "officerId", officerId);
        officerId.ifPresent(o -> Checks.text("allegation", "officer id", o));
        Checks.notNull("allegation", "type", type);
        Checks.notNull("allegation", "finding", finding);
    }

    /** An allegation against an identified officer. */
    public static Allegation of(String officerId, AllegationType type, Finding finding) {
        return new Allegation(Optional.of(Checks.text("allegation", "officer id", officerId)), type, finding);
    }

    /** An allegation whose officer was not identified. */
    public static Allegation unidentified(AllegationType type, Finding finding) {
        return new Allegation(Optional.empty(), type, finding);
    }

    /** Whether the allegation was sustained. */
    public boolean sustained() {
        return finding == Finding.SUSTAINED;
    }
}
