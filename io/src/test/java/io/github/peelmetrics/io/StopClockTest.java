package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.core.Stop;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stop's date and time of day as read equal {@code ZonedDateTime.of(date, time, zone)} on every
 * day, also on and around the days a zone changes its offset (the reader skips the zone's rules on
 * the days without a change): a gap moves the time forward, in one zone across midnight, and in
 * Samoa across a whole day that did not exist.
 */
class StopClockTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"America/Chicago", "Europe/London", "America/Santiago", "Pacific/Apia",
        "Australia/Lord_Howe", "America/Havana", "Asia/Kolkata", "UTC"})
    void dateAndTimeAreThoseOfZonedDateTimeOf(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2011, 1, 1); d.isBefore(LocalDate.of(2013, 1, 1)); d = d.plusDays(1)) {
            days.add(d);
        }
        StringBuilder csv = new StringBuilder("stop_id,date,time\n");
        List<ZonedDateTime> expected = new ArrayList<>();
        int id = 0;
        for (LocalDate d : days) {
            for (int minute = 0; minute < 24 * 60; minute += 30) {
                LocalTime t = LocalTime.of(minute / 60, minute % 60);
                csv.append(++id).append(',').append(d).append(',').append(t).append('\n');
                expected.add(ZonedDateTime.of(d, t, zone));
            }
        }
        Mapping<Stop> m = Mapping.generic(RecordType.STOPS).zone(zone);
        List<Stop> stops = RecordReader.of(m).readCsv(new java.io.ByteArrayInputStream(
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "clock.csv").records();
        assertEquals(expected.size(), stops.size());
        for (int i = 0; i < stops.size(); i++) {
            Stop s = stops.get(i);
            assertEquals(expected.get(i).toLocalDate(), s.date(), s.id());
            assertEquals(expected.get(i).toLocalTime(), s.time().orElseThrow(), s.id());
        }
    }
}
