package io.github.peelmetrics.metrics.vod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sunset and civil dusk against PyEphem 4.1.4 (conformance file metrics/veil_of_darkness.json,
 * kind solar_times, and the daily calendar of every vod_test case). Provenance: see the oracle of
 * each case and the file's software block.
 */
class SolarTimesConformanceTest {

    static final String FILE = "metrics/veil_of_darkness.json";

    static Stream<ConformanceCase> solarCases() {
        return Conformance.cases(FILE).filter(c -> c.kind().equals("solar_times"));
    }

    static Stream<ConformanceCase> calendarCases() {
        return Conformance.cases(FILE).filter(c -> c.kind().equals("vod_test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solarCases")
    void sunsetAndDuskAgreeWithEphem(ConformanceCase c) {
        JsonNode in = c.input();
        GeoPoint place = GeoPoint.of(in.get("latitude").asDouble(), in.get("longitude").asDouble());
        ZoneId zone = ZoneId.of(in.get("timezone").asText());
        LocalDate date = LocalDate.parse(in.get("date").asText());
        assertEquals(0, in.get("elevation_m").asDouble(), "cases are at sea level");
        SolarDay day = SolarTimes.day(place, zone, date);
        check(c, "sunset", day.sunset());
        check(c, "civil_dusk", day.civilDusk());
        c.assertAllChecked();
    }

    private static void check(ConformanceCase c, String key, SolarEvent event) {
        JsonNode e = c.expectedAt(key);
        if (e.isNull()) {
            c.assertUndefined(key, event.time());
            assertEquals(SolarEvent.Occurrence.SUN_STAYS_ABOVE, event.occurrence(), c.id() + " " + key);
            assertTrue(event.clockMinutes().isEmpty());
            return;
        }
        assertTrue(event.occurs(), c.id() + " " + key + " should occur, got " + event);
        var t = event.time().orElseThrow();
        double epoch = t.toEpochSecond() + t.getNano() / 1e9;
        c.assertNumber(key + ".epoch_seconds", epoch);
        c.assertNumber(key + ".local_clock_minutes", event.clockMinutes().getAsDouble());
        c.assertCount(key + ".utc_offset_minutes", t.getOffset().getTotalSeconds() / 60);
        c.informational(key + ".utc", "the same instant as epoch_seconds, as text");
        c.informational(key + ".local", "the same instant as epoch_seconds, as text in the local zone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendarCases")
    void everyDayOfTheBundledCalendarIsWithin30Seconds(ConformanceCase c) throws IOException {
        JsonNode in = c.input();
        GeoPoint place = GeoPoint.of(in.get("latitude").asDouble(), in.get("longitude").asDouble());
        ZoneId zone = ZoneId.of(in.get("timezone").asText());
        Path csv = c.dir().resolve(in.get("daily_solar_csv").asText());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("date,sunset_utc,civil_dusk_utc,sunset_local,civil_dusk_local,sunset_clock_minutes,"
                + "civil_dusk_clock_minutes,utc_offset_minutes", lines.get(0));
        int days = 0;
        double worst = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            LocalDate date = LocalDate.parse(f[0]);
            SolarDay day = SolarTimes.day(place, zone, date);
            worst = Math.max(worst, compare(date, "sunset", f[1], f[5], day.sunset()));
            worst = Math.max(worst, compare(date, "civil dusk", f[2], f[6], day.civilDusk()));
            days++;
        }
        assertEquals(in.get("year").asInt() % 4 == 0 ? 366 : 365, days, "a whole year of days");
        assertTrue(worst <= 30, "worst difference " + worst + " s");
        // the contract is 30 s; NOAA coordinates re-evaluated at the event stay far closer (3.3 s
        // here), and a drift towards the contract would mean the event is no longer re-evaluated
        assertTrue(worst <= 10, "worst difference " + worst + " s, expected a few seconds");
    }

    private static double compare(LocalDate date, String what, String utc, String clock, SolarEvent event) {
        assertFalse(utc.isEmpty(), "the bundled calendar has every event");
        assertTrue(event.occurs(), date + " " + what);
        Instant expected = Instant.parse(utc);
        Instant actual = event.time().orElseThrow().toInstant();
        double diff = Math.abs((actual.getEpochSecond() - expected.getEpochSecond())
                + (actual.getNano() - expected.getNano()) / 1e9);
        assertTrue(diff <= 30, String.format(Locale.ROOT, "%s %s: expected %s, got %s (%.1f s)",
                date, what, expected, actual, diff));
        double minutes = Double.parseDouble(clock);
        assertEquals(minutes, event.clockMinutes().getAsDouble(), 0.5, date + " " + what + " clock minutes");
        return diff;
    }

    @Test
    void duskAfterMidnightFallsOnTheNextDateAndEndsTheEveningAskedFor() {
        // Anchorage, 2018-07-25: ephem's civil dusk is 00:08:44 on the 26th (README-metrics §6).
        SolarEvent dusk = SolarTimes.civilDusk(GeoPoint.of(61.2181, -149.9003), ZoneId.of("America/Anchorage"),
                LocalDate.of(2018, 7, 25));
        assertTrue(dusk.occurs(), dusk.toString());
        assertEquals(LocalDate.of(2018, 7, 25), dusk.date());
        assertEquals(LocalDate.of(2018, 7, 26), dusk.time().orElseThrow().toLocalDate());
        assertEquals(1440 + 8 + 44 / 60.0, dusk.clockMinutes().getAsDouble(), 0.5);
    }

    @Test
    void polarNightHasNoSunsetAndTheSunStaysBelow() {
        GeoPoint tromso = GeoPoint.of(69.6492, 18.9553);
        SolarDay day = SolarTimes.day(tromso, ZoneId.of("Europe/Oslo"), LocalDate.of(2019, 12, 21));
        assertEquals(SolarEvent.Occurrence.SUN_STAYS_BELOW, day.sunset().occurrence());
        assertTrue(day.civilDusk().occurs(), "Tromsø has civil twilight at midwinter: " + day);
        SolarDay summer = SolarTimes.day(tromso, ZoneId.of("Europe/Oslo"), LocalDate.of(2019, 6, 21));
        assertEquals(SolarEvent.Occurrence.SUN_STAYS_ABOVE, summer.sunset().occurrence());
        assertEquals(SolarEvent.Occurrence.SUN_STAYS_ABOVE, summer.civilDusk().occurrence());
    }
}
