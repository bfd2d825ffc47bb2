package io.github.peelmetrics.core;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One police stop, after the Stanford Open Policing Project's standardized schema.
 *
 * <p>Consistency rules checked by the constructor: a stop with no search ({@code searchConducted}
 * {@link Flag#NO}) has basis {@link SearchBasis#NONE} and no contraband finding
 * ({@link Flag#UNKNOWN}); a search that was conducted has a basis other than {@code NONE}
 * ({@link SearchBasis#UNKNOWN} when unrecorded). Build one with {@link #builder(String, ZonedDateTime)}.
 *
 * @param id              the agency's stop id
 * @param dateTime        when the stop began, with its zone
 * @param beat            the beat id, or {@value #UNKNOWN_BEAT} when unrecorded
 * @param location        where, when recorded
 * @param type            vehicular, pedestrian, ...
 * @param subject         the stopped person's demographics
 * @param reason          the recorded reason, when any
 * @param searchConducted whether a search was conducted
 * @param searchBasis     the basis of the search; {@link SearchBasis#NONE} when none
 * @param contrabandFound whether a search found contraband; {@link Flag#UNKNOWN} when there was no search
 * @param outcome         the most severe outcome
 * @param useOfForce      whether force was used
 * @param officerId       the officer's id, when recorded
 */
public record Stop(
        String id,
        ZonedDateTime dateTime,
        String beat,
        Optional<GeoPoint> location,
        StopType type,
        Demographics subject,
        Optional<String> reason,
        Flag searchConducted,
        SearchBasis searchBasis,
        Flag contrabandFound,
        StopOutcome outcome,
        Flag useOfForce,
        Optional<String> officerId) {

    /** The beat of a stop whose beat was not recorded. */
    public static final String UNKNOWN_BEAT = "unknown";

    /** Validates every field and the consistency rules. */
    public Stop {
        Checks.id("stop", id);
        // The record's name is built only when a check fails: readers construct millions of stops.
        Checks.notNull("stop", id, "dateTime", dateTime);
        Checks.text("stop", id, "beat", beat);
        Checks.notNull("stop", id, "location", location);
        Checks.notNull("stop", id, "type", type);
        Checks.notNull("stop", id, "subject", subject);
        Checks.notNull("stop", id, "reason", reason);
        Checks.notNull("stop", id, "searchConducted", searchConducted);
        Checks.notNull("stop", id, "searchBasis", searchBasis);
        Checks.notNull("stop", id, "contrabandFound", contrabandFound);
        Checks.notNull("stop", id, "outcome", outcome);
        Checks.notNull("stop", id, "useOfForce", useOfForce);
        Checks.notNull("stop", id, "officerId", officerId);
        if (searchConducted == Flag.NO && searchBasis != SearchBasis.NONE) {
            throw new IllegalArgumentException("stop " + id + ": searchBasis is " + searchBasis + " but no search was conducted");
        }
        if (searchConducted == Flag.YES && searchBasis == SearchBasis.NONE) {
            throw new IllegalArgumentException("stop " + id + ": a search was conducted but searchBasis is NONE (use UNKNOWN)");
        }
        if (searchConducted == Flag.NO && contrabandFound != Flag.UNKNOWN) {
            throw new IllegalArgumentException("stop " + id + ": contrabandFound is " + contrabandFound + " but no search was conducted");
        }
    }

    /** Whether the stop was searched ({@code false} when unrecorded, see {@link #searchConducted()}). */
    public boolean searched() {
        return searchConducted == Flag.YES;
    }

    /** A builder with the required fields; the rest default to unknown or absent. */
    public static Builder builder(String id, ZonedDateTime dateTime) {
        return new Builder(id, dateTime);
    }

    /** A builder that starts from this stop. */
    public Builder toBuilder() {
        Builder b = new Builder(id, dateTime);
        b.beat = beat;
        b.location = location;
        b.type = type;
        b.subject = subject;
        b.reason = reason;
        b.searchConducted = searchConducted;
        b.searchBasis = searchBasis;
        b.contrabandFound = contrabandFound;
        b.outcome = outcome;
        b.useOfForce = useOfForce;
        b.officerId = officerId;
        return b;
    }

    /** Builds a {@link Stop}; every setter rejects {@code null}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final ZonedDateTime dateTime;
        private String beat = UNKNOWN_BEAT;
        private Optional<GeoPoint> location = Optional.empty();
        private StopType type = StopType.UNKNOWN;
        private Demographics subject = Demographics.UNKNOWN;
        private Optional<String> reason = Optional.empty();
        private Flag searchConducted = Flag.UNKNOWN;
        private SearchBasis searchBasis = SearchBasis.NONE;
        private Flag contrabandFound = Flag.UNKNOWN;
        private StopOutcome outcome = StopOutcome.UNKNOWN;
        private Flag useOfForce = Flag.UNKNOWN;
        private Optional<String> officerId = Optional.empty();

        private Builder(String id, ZonedDateTime dateTime) {
            this.id = id;
            this.dateTime = dateTime;
        }

        /** The beat id. */
        public Builder beat(String value) { this.beat = Objects.requireNonNull(value, "beat"); return this; }
        /** The location. */
        public Builder location(GeoPoint value) { this.location = Optional.of(value); return this; }
        /** The stop type. */
        public Builder type(StopType value) { this.type = Objects.requireNonNull(value, "type"); return this; }
        /** The subject's demographics. */
        public Builder subject(Demographics value) { this.subject = Objects.requireNonNull(value, "subject"); return this; }
        /** The subject's race, keeping the other demographics. */
        public Builder race(Category value) { this.subject = subject.withRace(value); return this; }
        /** The recorded reason. */
        public Builder reason(String value) { this.reason = Optional.of(value); return this; }
        /** No search conducted (basis NONE, contraband UNKNOWN). */
        public Builder notSearched() {
            this.searchConducted = Flag.NO;
            this.searchBasis = SearchBasis.NONE;
            this.contrabandFound = Flag.UNKNOWN;
            return this;
        }
        /** A search with its basis and whether it found contraband. */
        public Builder searched(SearchBasis basis, Flag contraband) {
            this.searchConducted = Flag.YES;
            this.searchBasis = Objects.requireNonNull(basis, "searchBasis");
            this.contrabandFound = Objects.requireNonNull(contraband, "contrabandFound");
            return this;
        }
        /** Search facts as recorded (checked by the constructor). */
        public Builder search(Flag conducted, SearchBasis basis, Flag contraband) {
            this.searchConducted = Objects.requireNonNull(conducted, "searchConducted");
            this.searchBasis = Objects.requireNonNull(basis, "searchBasis");
            this.contrabandFound = Objects.requireNonNull(contraband, "contrabandFound");
            return this;
        }
        /** The outcome. */
        public Builder outcome(StopOutcome value) { this.outcome = Objects.requireNonNull(value, "outcome"); return this; }
        /** Whether force was used. */
        public Builder useOfForce(Flag value) { this.useOfForce = Objects.requireNonNull(value, "useOfForce"); return this; }
        /** The officer's id. */
        public Builder officerId(String value) { this.officerId = Optional.of(value); return this; }

        /** The stop; fails with a message naming the stop and field if a value is invalid. */
        public Stop build() {
            return new Stop(id, dateTime, beat, location, type, subject, reason, searchConducted, searchBasis,
                    contrabandFound, outcome, useOfForce, officerId);
        }
    }
}
