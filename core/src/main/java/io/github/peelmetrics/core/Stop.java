package io.github.peelmetrics.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One police stop, as the Stanford Open Policing Project's standardized schema records it: each
 * decision is its own flag, and a fact an export does not hold stays {@link Flag#UNKNOWN} (never
 * read as "no").
 *
 * <p>Consistency rules checked by the constructor: a stop with no search ({@code searchConducted}
 * {@link Flag#NO}) has basis {@link SearchBasis#NONE} and no contraband finding
 * ({@link Flag#UNKNOWN}); a search that was conducted has a basis other than {@code NONE}
 * ({@link SearchBasis#UNKNOWN} when unrecorded). The contraband kinds ({@code contrabandWeapons},
 * {@code contrabandDrugs}) are recorded as the export records them, with no rule tying them to the
 * search: agencies record weapons found in a frisk as well as in a search. Build one with
 * {@link #builder(String, ZonedDateTime)} or, for a stop whose time of day was not recorded,
 * {@link #builder(String, LocalDate, ZoneId)}.
 *
 * <p><b>The repeated hour.</b> On a fall-back night a zone has two instants at each local time of
 * the repeated hour (01:30 CDT and 01:30 CST). A stop holds which one it is: {@link #offset()} is
 * the later offset when that is the one meant, and empty otherwise (the earlier offset, or the
 * only one), so {@link #dateTime()} gives the instant the source gave. A stop built from a
 * {@code ZonedDateTime} keeps its offset; a local time with no offset takes the earlier one, as
 * {@link ZonedDateTime#of(LocalDate, LocalTime, ZoneId)} does.
 *
 * @param id                the agency's stop id
 * @param date              the local date of the stop
 * @param time              the local time of day the stop began, when recorded
 * @param zone              the zone of the date and time
 * @param offset            the later offset of the zone when the time falls in a repeated hour (a
 *                          fall-back night) and the later of its two instants is meant; empty
 *                          otherwise. The constructor makes it empty when it is the earlier or
 *                          only offset, and rejects one the zone does not have at that time or one
 *                          without a time of day
 * @param beat              the beat id, or {@value #UNKNOWN_BEAT} when unrecorded
 * @param district          the district (OPP's {@code district}), when recorded
 * @param precinct          the precinct, when recorded
 * @param location          where, when recorded
 * @param type              vehicular, pedestrian, ...
 * @param subject           the stopped person's demographics
 * @param reason            the recorded reason, when any
 * @param searchConducted   whether a search was conducted
 * @param searchBasis       the basis of the search; {@link SearchBasis#NONE} when none
 * @param contrabandFound   whether a search found contraband; {@link Flag#UNKNOWN} when there was no search
 * @param contrabandWeapons whether weapons were found (OPP's {@code contraband_weapons})
 * @param contrabandDrugs   whether drugs were found (OPP's {@code contraband_drugs})
 * @param frisk             whether the subject was frisked (OPP's {@code frisk_performed})
 * @param arrest            whether an arrest was made (OPP's {@code arrest_made})
 * @param citation          whether a citation was issued (OPP's {@code citation_issued})
 * @param warning           whether a warning was issued (OPP's {@code warning_issued})
 * @param summons           whether a summons was issued
 * @param useOfForce        whether force was used
 * @param officerId         the officer's id, when recorded
 */
public record Stop(
        String id,
        LocalDate date,
        Optional<LocalTime> time,
        ZoneId zone,
        Optional<ZoneOffset> offset,
        String beat,
        Optional<String> district,
        Optional<String> precinct,
        Optional<GeoPoint> location,
        StopType type,
        Demographics subject,
        Optional<String> reason,
        Flag searchConducted,
        SearchBasis searchBasis,
        Flag contrabandFound,
        Flag contrabandWeapons,
        Flag contrabandDrugs,
        Flag frisk,
        Flag arrest,
        Flag citation,
        Flag warning,
        Flag summons,
        Flag useOfForce,
        Optional<String> officerId) {

    /** The beat of a stop whose beat was not recorded. */
    public static final String UNKNOWN_BEAT = "unknown";

    /** Validates every field and the consistency rules. */
    public Stop {
        Checks.id("stop", id);
        // The record's name is built only when a check fails: readers construct millions of stops.
        Checks.notNull("stop", id, "date", date);
        Checks.notNull("stop", id, "time", time);
        Checks.notNull("stop", id, "zone", zone);
        Checks.notNull("stop", id, "offset", offset);
        if (offset.isPresent()) {
            offset = laterOffset(id, date, time, zone, offset.get());
        }
        Checks.text("stop", id, "beat", beat);
        Checks.notNull("stop", id, "district", district);
        Checks.notNull("stop", id, "precinct", precinct);
        Checks.notNull("stop", id, "location", location);
        Checks.notNull("stop", id, "type", type);
        Checks.notNull("stop", id, "subject", subject);
        Checks.notNull("stop", id, "reason", reason);
        Checks.notNull("stop", id, "searchConducted", searchConducted);
        Checks.notNull("stop", id, "searchBasis", searchBasis);
        Checks.notNull("stop", id, "contrabandFound", contrabandFound);
        Checks.notNull("stop", id, "contrabandWeapons", contrabandWeapons);
        Checks.notNull("stop", id, "contrabandDrugs", contrabandDrugs);
        Checks.notNull("stop", id, "frisk", frisk);
        Checks.notNull("stop", id, "arrest", arrest);
        Checks.notNull("stop", id, "citation", citation);
        Checks.notNull("stop", id, "warning", warning);
        Checks.notNull("stop", id, "summons", summons);
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

    /**
     * The offset as held: {@code offset} when it is the later of the two offsets the zone has at
     * the local time (a repeated hour), else empty.
     */
    private static Optional<ZoneOffset> laterOffset(String id, LocalDate date, Optional<LocalTime> time, ZoneId zone,
            ZoneOffset offset) {
        if (time.isEmpty()) {
            throw new IllegalArgumentException("stop " + id + ": offset " + offset + " is given without a time of day");
        }
        LocalDateTime local = LocalDateTime.of(date, time.get());
        List<ZoneOffset> valid = zone.getRules().getValidOffsets(local);
        if (!valid.contains(offset)) {
            throw new IllegalArgumentException("stop " + id + ": " + zone + " does not have offset " + offset + " at "
                    + local + " (it has " + valid + ")");
        }
        return valid.size() > 1 && !offset.equals(valid.get(0)) ? Optional.of(offset) : Optional.empty();
    }

    /**
     * When the stop began, with its zone (at the {@linkplain #offset() later offset} when the
     * stop holds one); empty when the time of day was not recorded.
     */
    public Optional<ZonedDateTime> dateTime() {
        return time.map(t -> ZonedDateTime.ofLocal(LocalDateTime.of(date, t), zone, offset.orElse(null)));
    }

    /** Whether the stop was searched ({@code false} when unrecorded, see {@link #searchConducted()}). */
    public boolean searched() {
        return searchConducted == Flag.YES;
    }

    /**
     * The most severe outcome recorded, derived from the four decision flags in the order arrest,
     * summons, citation, warning: the most severe flag that is {@link Flag#YES}; {@link StopOutcome#NONE}
     * when all four are {@link Flag#NO}; {@link StopOutcome#UNKNOWN} when none is {@code YES} and
     * any is unrecorded (an export with only an arrest flag cannot say whether a stop without an
     * arrest ended in a citation). Rates of one decision use that decision's own flag, never this.
     */
    public StopOutcome outcome() {
        if (arrest == Flag.YES) {
            return StopOutcome.ARREST;
        }
        if (summons == Flag.YES) {
            return StopOutcome.SUMMONS;
        }
        if (citation == Flag.YES) {
            return StopOutcome.CITATION;
        }
        if (warning == Flag.YES) {
            return StopOutcome.WARNING;
        }
        if (arrest == Flag.NO && summons == Flag.NO && citation == Flag.NO && warning == Flag.NO) {
            return StopOutcome.NONE;
        }
        return StopOutcome.UNKNOWN;
    }

    /**
     * A builder for a stop with a recorded time (in the repeated hour of a fall-back night, the
     * instant {@code dateTime} is: its offset says which); the rest default to unknown or absent.
     */
    public static Builder builder(String id, ZonedDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        return new Builder(id, dateTime.toLocalDate(), Optional.of(dateTime.toLocalTime()), dateTime.getZone(),
                Optional.of(dateTime.getOffset()));
    }

    /** A builder for a stop whose time of day was not recorded; the rest default to unknown or absent. */
    public static Builder builder(String id, LocalDate date, ZoneId zone) {
        return new Builder(id, Objects.requireNonNull(date, "date"), Optional.empty(), Objects.requireNonNull(zone, "zone"),
                Optional.empty());
    }

    /** A builder that starts from this stop. */
    public Builder toBuilder() {
        Builder b = new Builder(id, date, time, zone, offset);
        b.beat = beat;
        b.district = district;
        b.precinct = precinct;
        b.location = location;
        b.type = type;
        b.subject = subject;
        b.reason = reason;
        b.searchConducted = searchConducted;
        b.searchBasis = searchBasis;
        b.contrabandFound = contrabandFound;
        b.contrabandWeapons = contrabandWeapons;
        b.contrabandDrugs = contrabandDrugs;
        b.frisk = frisk;
        b.arrest = arrest;
        b.citation = citation;
        b.warning = warning;
        b.summons = summons;
        b.useOfForce = useOfForce;
        b.officerId = officerId;
        return b;
    }

    /** Builds a {@link Stop}; every setter rejects {@code null}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final LocalDate date;
        private final Optional<LocalTime> time;
        private final ZoneId zone;
        private final Optional<ZoneOffset> offset;
        private String beat = UNKNOWN_BEAT;
        private Optional<String> district = Optional.empty();
        private Optional<String> precinct = Optional.empty();
        private Optional<GeoPoint> location = Optional.empty();
        private StopType type = StopType.UNKNOWN;
        private Demographics subject = Demographics.UNKNOWN;
        private Optional<String> reason = Optional.empty();
        private Flag searchConducted = Flag.UNKNOWN;
        private SearchBasis searchBasis = SearchBasis.NONE;
        private Flag contrabandFound = Flag.UNKNOWN;
        private Flag contrabandWeapons = Flag.UNKNOWN;
        private Flag contrabandDrugs = Flag.UNKNOWN;
        private Flag frisk = Flag.UNKNOWN;
        private Flag arrest = Flag.UNKNOWN;
        private Flag citation = Flag.UNKNOWN;
        private Flag warning = Flag.UNKNOWN;
        private Flag summons = Flag.UNKNOWN;
        private Flag useOfForce = Flag.UNKNOWN;
        private Optional<String> officerId = Optional.empty();

        private Builder(String id, LocalDate date, Optional<LocalTime> time, ZoneId zone, Optional<ZoneOffset> offset) {
            this.id = id;
            this.date = date;
            this.time = time;
            this.zone = zone;
            this.offset = offset;
        }

        /** The beat id. */
        public Builder beat(String value) { this.beat = Objects.requireNonNull(value, "beat"); return this; }
        /** The district. */
        public Builder district(String value) { this.district = Optional.of(value); return this; }
        /** The precinct. */
        public Builder precinct(String value) { this.precinct = Optional.of(value); return this; }
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
        /** Whether weapons were found. */
        public Builder contrabandWeapons(Flag value) { this.contrabandWeapons = Objects.requireNonNull(value, "contrabandWeapons"); return this; }
        /** Whether drugs were found. */
        public Builder contrabandDrugs(Flag value) { this.contrabandDrugs = Objects.requireNonNull(value, "contrabandDrugs"); return this; }
        /** Whether the subject was frisked. */
        public Builder frisk(Flag value) { this.frisk = Objects.requireNonNull(value, "frisk"); return this; }
        /** Whether an arrest was made. */
        public Builder arrest(Flag value) { this.arrest = Objects.requireNonNull(value, "arrest"); return this; }
        /** Whether a citation was issued. */
        public Builder citation(Flag value) { this.citation = Objects.requireNonNull(value, "citation"); return this; }
        /** Whether a warning was issued. */
        public Builder warning(Flag value) { this.warning = Objects.requireNonNull(value, "warning"); return this; }
        /** Whether a summons was issued. */
        public Builder summons(Flag value) { this.summons = Objects.requireNonNull(value, "summons"); return this; }
        /**
         * The decision flags from a most-severe-outcome code, as OPP's {@code outcome} column records
         * it: the outcome's own flag is YES and every more severe flag NO; the less severe flags stay
         * unrecorded (a citation does not say whether a warning was also given). {@link StopOutcome#NONE}
         * sets all four NO; {@link StopOutcome#UNKNOWN} sets all four unrecorded.
         */
        public Builder outcome(StopOutcome value) {
            Objects.requireNonNull(value, "outcome");
            Flag u = Flag.UNKNOWN;
            switch (value) {
                case ARREST -> set(Flag.YES, u, u, u);
                case SUMMONS -> set(Flag.NO, Flag.YES, u, u);
                case CITATION -> set(Flag.NO, Flag.NO, Flag.YES, u);
                case WARNING -> set(Flag.NO, Flag.NO, Flag.NO, Flag.YES);
                case NONE -> set(Flag.NO, Flag.NO, Flag.NO, Flag.NO);
                case UNKNOWN -> set(u, u, u, u);
                default -> throw new AssertionError(value);
            }
            return this;
        }
        private void set(Flag arrest, Flag summons, Flag citation, Flag warning) {
            this.arrest = arrest;
            this.summons = summons;
            this.citation = citation;
            this.warning = warning;
        }
        /** Whether force was used. */
        public Builder useOfForce(Flag value) { this.useOfForce = Objects.requireNonNull(value, "useOfForce"); return this; }
        /** The officer's id. */
        public Builder officerId(String value) { this.officerId = Optional.of(value); return this; }

        /** The stop; fails with a message naming the stop and field if a value is invalid. */
        public Stop build() {
            return new Stop(id, date, time, zone, offset, beat, district, precinct, location, type, subject, reason,
                    searchConducted, searchBasis, contrabandFound, contrabandWeapons, contrabandDrugs, frisk, arrest,
                    citation, warning, summons, useOfForce, officerId);
        }
    }
}
