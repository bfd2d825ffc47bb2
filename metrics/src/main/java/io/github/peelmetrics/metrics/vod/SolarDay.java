package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.core.GeoPoint;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Sunset and civil dusk of one local date at one place; see {@link SolarTimes}.
 *
 * @param place     where
 * @param zone      the time zone of the local clock
 * @param date      the local date
 * @param sunset    the upper limb of the sun 34′ below the horizon (centre at about −0.83°)
 * @param civilDusk the centre of the sun 6° below the horizon
 */
public record SolarDay(GeoPoint place, ZoneId zone, LocalDate date, SolarEvent sunset, SolarEvent civilDusk) {

    /** Validates that no field is null. */
    public SolarDay {
        Objects.requireNonNull(place, "place of solar day must not be null");
        Objects.requireNonNull(zone, "zone of solar day must not be null");
        Objects.requireNonNull(date, "date of solar day must not be null");
        Objects.requireNonNull(sunset, () -> "sunset of solar day " + date + " must not be null");
        Objects.requireNonNull(civilDusk, () -> "civilDusk of solar day " + date + " must not be null");
    }

    @Override
    public String toString() {
        return date + " at " + place + " " + zone + ": sunset " + sunset + ", civil dusk " + civilDusk;
    }
}
