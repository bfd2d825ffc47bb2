package io.github.peelmetrics.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts of one stop that a tally of stops counts: the subject's race, the stop's keys, its
 * date and its flags, without the rest of a {@link Stop} (its id, time of day, location, the
 * subject's age and sex, texts). A reader that knows the tally it fills needs only these, so a
 * tally that is a {@link Counter} can count a row of a file without the reader building a
 * {@code Stop} for it ("pay only for what is used"); the reader still checks every cell the
 * mapping reads, so the rows accepted and rejected are those of a read into stops.
 *
 * <p>A reader's facts are a view of the row it is reading, valid only during the call they are
 * passed to: a {@code Counter} reads them and keeps nothing. {@link #of(Stop)} views a built stop.
 * Every value is what the stop built from the same row would return.
 */
public interface StopFacts {

    /** The subject's race ({@code subject().race()}); {@link Category#UNKNOWN} when not recorded. */
    Category race();

    /** The stop's key ({@code key.apply(stop)}): its beat, district or precinct, {@link Stop#UNKNOWN_BEAT} when not recorded. */
    String key(StopKey key);

    /** The stop's local date ({@link Stop#date()}). */
    LocalDate date();

    /** As {@link Stop#searchConducted()}. */
    Flag searchConducted();

    /** As {@link Stop#searchBasis()}. */
    SearchBasis searchBasis();

    /** As {@link Stop#contrabandFound()}. */
    Flag contrabandFound();

    /** As {@link Stop#contrabandWeapons()}. */
    Flag contrabandWeapons();

    /** As {@link Stop#contrabandDrugs()}. */
    Flag contrabandDrugs();

    /** As {@link Stop#frisk()}. */
    Flag frisk();

    /** As {@link Stop#arrest()}. */
    Flag arrest();

    /** As {@link Stop#citation()}. */
    Flag citation();

    /** As {@link Stop#warning()}. */
    Flag warning();

    /** As {@link Stop#summons()}. */
    Flag summons();

    /** As {@link Stop#useOfForce()}. */
    Flag useOfForce();

    /**
     * The facts of a built stop.
     *
     * @throws NullPointerException if {@code stop} is null
     */
    static StopFacts of(Stop stop) {
        Objects.requireNonNull(stop, "stop must not be null");
        return new StopFacts() {
            @Override
            public Category race() {
                return stop.subject().race();
            }

            @Override
            public String key(StopKey key) {
                return key.apply(stop);
            }

            @Override
            public LocalDate date() {
                return stop.date();
            }

            @Override
            public Flag searchConducted() {
                return stop.searchConducted();
            }

            @Override
            public SearchBasis searchBasis() {
                return stop.searchBasis();
            }

            @Override
            public Flag contrabandFound() {
                return stop.contrabandFound();
            }

            @Override
            public Flag contrabandWeapons() {
                return stop.contrabandWeapons();
            }

            @Override
            public Flag contrabandDrugs() {
                return stop.contrabandDrugs();
            }

            @Override
            public Flag frisk() {
                return stop.frisk();
            }

            @Override
            public Flag arrest() {
                return stop.arrest();
            }

            @Override
            public Flag citation() {
                return stop.citation();
            }

            @Override
            public Flag warning() {
                return stop.warning();
            }

            @Override
            public Flag summons() {
                return stop.summons();
            }

            @Override
            public Flag useOfForce() {
                return stop.useOfForce();
            }

            @Override
            public String toString() {
                return "StopFacts.of(stop " + stop.id() + ")";
            }
        };
    }

    /**
     * A tally of stops that can count a stop from its {@link StopFacts} alone, as
     * {@link Tally#add} counts the built stop. A reader filling such a tally asks
     * {@link #countsFacts()} once, and when it says yes hands over each row's facts instead of a
     * {@code Stop}.
     */
    interface Counter {
        /**
         * Whether {@link #addFacts} counts a stop exactly as adding the built stop would: true when
         * every function the tally applies to a stop reads only its facts (a tally grouped by race
         * and keyed by a {@link StopKey}, or by nothing), false when it needs the whole stop (a
         * key such as {@code s -> s.officerId().orElse("-")}), and the reader must then build it.
         *
         * @return whether the tally counts facts
         */
        boolean countsFacts();

        /**
         * Counts one stop from its facts.
         *
         * @param facts the stop's facts, read during the call and not kept
         * @throws NullPointerException  if {@code facts} is null
         * @throws IllegalStateException if the tally does not {@linkplain #countsFacts count facts}
         */
        void addFacts(StopFacts facts);
    }
}
