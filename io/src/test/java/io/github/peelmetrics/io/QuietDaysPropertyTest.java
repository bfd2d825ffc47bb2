package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stop binder asks {@link Binders.QuietDays} instead of {@code ZonedDateTime.of} whether a
 * local date and time stand as written: they must agree for every zone, on the dates around its
 * transitions (gaps and overlaps, at any second) and on ordinary dates.
 */
class QuietDaysPropertyTest {
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    private static boolean kept(LocalDate d, LocalTime t, ZoneId zone) {
        return ZonedDateTime.of(d, t, zone).toLocalDateTime().equals(LocalDateTime.of(d, t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void keepsWhatZonedDateTimeKeeps(Seeded s) {
        SplittableRandom r = s.random();
        ZoneId zone = ZoneId.of(ZONES.get(r.nextInt(ZONES.size())));
        Binders.QuietDays days = new Binders.QuietDays(zone);
        for (int i = 0; i < 200; i++) {
            LocalDateTime near = LocalDateTime.of(1900 + r.nextInt(160), 1 + r.nextInt(12), 1 + r.nextInt(28), 0, 0);
            ZoneOffsetTransition t = zone.getRules().nextTransition(near.toInstant(ZoneOffset.UTC));
            LocalDateTime at = t != null && r.nextInt(4) != 0
                    // at, just before or after, or inside a transition's gap or overlap
                    ? t.getDateTimeBefore().plusSeconds(r.nextInt(-7200, 7201))
                    : near.plusSeconds(r.nextInt(86_400));
            LocalTime time = r.nextInt(5) == 0 ? at.toLocalTime().withNano(r.nextInt(1_000_000_000)) : at.toLocalTime();
            assertEquals(kept(at.toLocalDate(), time, zone), days.keeps(at.toLocalDate(), time.toSecondOfDay()),
                    s + " " + zone + " " + at.toLocalDate() + "T" + time);
        }
    }

    @Test
    void aTimeInTheSpringGapIsNotKeptAndOneInTheAutumnOverlapIs() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        Binders.QuietDays days = new Binders.QuietDays(chicago);
        LocalDate spring = LocalDate.of(2021, 3, 14);
        LocalDate autumn = LocalDate.of(2021, 11, 7);
        assertTrue(!days.keeps(spring, LocalTime.of(2, 30).toSecondOfDay()));
        assertTrue(days.keeps(spring, LocalTime.of(1, 59, 59).toSecondOfDay()));
        assertTrue(days.keeps(spring, LocalTime.of(3, 0).toSecondOfDay()));
        assertTrue(days.keeps(autumn, LocalTime.of(1, 30).toSecondOfDay()));
        assertTrue(!days.quiet(autumn));
        assertTrue(days.quiet(LocalDate.of(2021, 6, 1)));
    }
}
