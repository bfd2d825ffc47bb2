package io.github.peelmetrics.metrics.vod;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One solar event (sunset or civil dusk) of one local date at one place, or the reason it does
 * not happen that day.
 *
 * <p>The event of a date is the first time after <em>local noon</em> of that date at which the
 * centre of the sun goes down through the event's altitude (the convention of PyEphem's
 * {@code next_setting} and the U.S. Naval Observatory tables). It may fall after local midnight:
 * then {@link #time()} is on the next calendar date and {@link #clockMinutes()} exceeds 1440,
 * while {@link #date()} remains the date whose evening it ends.
 *
 * @param date       the local date the event belongs to
 * @param occurrence whether the event happens, and if not, why
 * @param time       the event in the place's time zone; present exactly when {@code occurrence}
 *                   is {@link Occurrence#OCCURS}
 */
public record SolarEvent(LocalDate date, Occurrence occurrence, Optional<ZonedDateTime> time) {

    /** Whether an event happens on a date. */
    public enum Occurrence {
        /** The sun goes down through the event's altitude within 24 hours after local noon. */
        OCCURS,
        /**
         * The sun stays above the event's altitude for the 24 hours after local noon (summer at
         * high latitude: no civil dusk in Anchorage at the June solstice). The evening is
         * twilight, never dark by this event.
         */
        SUN_STAYS_ABOVE,
        /** The sun stays below the event's altitude for the 24 hours after local noon (polar night). */
        SUN_STAYS_BELOW
    }

    /** Validates: a time exactly when the event occurs. */
    public SolarEvent {
        Objects.requireNonNull(date, "date of solar event must not be null");
        Objects.requireNonNull(occurrence, () -> "occurrence of solar event on " + date + " must not be null");
        Objects.requireNonNull(time, () -> "time of solar event on " + date + " must not be null");
        if ((occurrence == Occurrence.OCCURS) != time.isPresent()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "time of solar event on %s must be present exactly when it occurs: occurrence %s, time %s",
                    date, occurrence, time));
        }
    }

    /** Whether the event happens on its date. */
    public boolean occurs() {
        return occurrence == Occurrence.OCCURS;
    }

    /**
     * The event's local wall-clock time in minutes after midnight of {@link #date()}:
     * {@code hour·60 + minute + second/60}, plus 1440 per local date past {@code date} (so a dusk
     * at 00:08:44 the next morning is 1448.73). Daylight saving time is applied as the time zone
     * rules say at the event. Empty when the event does not occur.
     */
    public OptionalDouble clockMinutes() {
        if (time.isEmpty()) {
            return OptionalDouble.empty();
        }
        ZonedDateTime t = time.get();
        long days = ChronoUnit.DAYS.between(date, t.toLocalDate());
        double m = days * 1440.0 + t.getHour() * 60 + t.getMinute() + t.getSecond() / 60.0 + t.getNano() / 6e10;
        return OptionalDouble.of(m);
    }

    @Override
    public String toString() {
        return time.map(t -> t.truncatedTo(ChronoUnit.MILLIS).toOffsetDateTime().toString()).orElse(occurrence.name().toLowerCase(Locale.ROOT));
    }
}
