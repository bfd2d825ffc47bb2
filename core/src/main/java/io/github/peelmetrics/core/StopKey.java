package io.github.peelmetrics.core;

import java.util.function.Function;

/**
 * A field of a stop by which a tally may key its counts, named so that a reader can hand the key
 * over without building the stop. Each constant is also the function from a stop to its key, so
 * {@code StopTally.byRace(StopKey.BEAT)} counts exactly as {@code StopTally.byRace(Stop::beat)};
 * the difference is that a reader told the key's name can count each row from its
 * {@link StopFacts} (Peel's {@code RecordStream.tally} does), paying only for the fields the
 * tally uses.
 *
 * <p>A stop whose key field was not recorded is under {@link Stop#UNKNOWN_BEAT} ({@code "unknown"}),
 * for the district and precinct as for the beat.
 */
public enum StopKey implements Function<Stop, String> {
    /** The stop's {@linkplain Stop#beat() beat} ({@link Stop#UNKNOWN_BEAT} when not recorded). */
    BEAT {
        @Override
        public String apply(Stop stop) {
            return stop.beat();
        }
    },
    /** The stop's {@linkplain Stop#district() district}, or {@link Stop#UNKNOWN_BEAT} when not recorded. */
    DISTRICT {
        @Override
        public String apply(Stop stop) {
            return stop.district().orElse(Stop.UNKNOWN_BEAT);
        }
    },
    /** The stop's {@linkplain Stop#precinct() precinct}, or {@link Stop#UNKNOWN_BEAT} when not recorded. */
    PRECINCT {
        @Override
        public String apply(Stop stop) {
            return stop.precinct().orElse(Stop.UNKNOWN_BEAT);
        }
    };

    /**
     * The key of {@code stop}.
     *
     * @throws NullPointerException if {@code stop} is null
     */
    @Override
    public abstract String apply(Stop stop);
}
