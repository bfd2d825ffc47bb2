package io.github.peelmetrics.metrics.vod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public "was this stop dark?" answer agrees with the solar times and names every exclusion. */
class ClassificationTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final GeoPoint OAKLAND = GeoPoint.of(37.8044, -122.2712);

    private static Stop stop(String id, int month, int day, int hour, int minute, boolean known) {
        Stop.Builder b = Stop.builder(id, ZonedDateTime.of(2019, month, day, hour, minute, 0, 0, ZONE));
        return (known ? b.race(Races.BLACK) : b).build();
    }

    @Test
    void eachStopIsDarkLightOrExcludedWithItsReason() {
        // 18:30 is after dusk in January (dusk ~17:30) and before sunset in June (sunset ~20:35)
        Stop winterEvening = stop("W", 1, 15, 18, 30, true);
        Stop summerEvening = stop("S", 6, 15, 18, 30, true);
        Stop noon = stop("N", 3, 1, 12, 0, true);
        Stop unknown = stop("U", 1, 15, 18, 30, false);
        List<Stop> stops = List.of(winterEvening, summerEvening, noon, unknown);
        VeilOfDarknessTally tally = VeilOfDarkness.at(OAKLAND, ZONE, Races.BLACK).tally();
        stops.forEach(tally::add);
        List<VeilOfDarknessTally.Classification> c = tally.classify(stops);
        assertEquals(Optional.of(true), c.get(0).dark());
        assertEquals(Optional.of(false), c.get(1).dark());
        assertEquals(Optional.of(Exclusion.OUTSIDE_WINDOW), c.get(2).exclusion());
        assertEquals(Optional.of(Exclusion.UNKNOWN_RACE), c.get(3).exclusion());
        assertEquals(Optional.empty(), c.get(3).dark());
    }

    @Test
    void aClassificationIsEitherDarkOrLightOrExcluded() {
        Stop s = stop("X", 1, 15, 18, 30, true);
        assertThrows(IllegalArgumentException.class,
                () -> new VeilOfDarknessTally.Classification(s, Optional.of(true), Optional.of(Exclusion.TWILIGHT)));
        assertThrows(IllegalArgumentException.class,
                () -> new VeilOfDarknessTally.Classification(s, Optional.empty(), Optional.empty()));
    }
}
