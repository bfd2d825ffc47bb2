package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.core.GeoPoint;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * The inter-twilight window of a place: the local clock times between the earliest and the latest
 * civil dusk over every day of one or more calendar years (Grogger and Ridgeway 2006, "Testing for
 * racial profiling in traffic stops from behind a veil of darkness", JASA 101(475); Pierson et al.
 * 2020, Nature Human Behaviour 4). Inside the window the same clock time is light on some days of
 * the year and dark on others, which is what the test compares.
 *
 * <p>Clock times are in minutes after local midnight with daylight saving time applied, as
 * {@link SolarEvent#clockMinutes()}; a window whose latest dusk falls after midnight has
 * {@code latestDusk > 1440}. Days without a civil dusk (the sun stays above −6°) do not enter
 * the window; {@link #daysWithoutDusk()} counts them.
 *
 * @param earliestDusk    the earliest civil dusk, clock minutes
 * @param latestDusk      the latest civil dusk, clock minutes
 * @param daysWithoutDusk the number of days of the years with no civil dusk
 */
public record InterTwilightWindow(double earliestDusk, double latestDusk, int daysWithoutDusk) {

    /** Validates: finite, {@code earliestDusk <= latestDusk}, count not negative. */
    public InterTwilightWindow {
        if (!(Double.isFinite(earliestDusk) && Double.isFinite(latestDusk) && earliestDusk <= latestDusk)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "inter-twilight window needs finite earliestDusk <= latestDusk: [%s, %s]", earliestDusk, latestDusk));
        }
        if (daysWithoutDusk < 0) {
            throw new IllegalArgumentException("daysWithoutDusk of inter-twilight window must not be negative: "
                    + daysWithoutDusk);
        }
    }

    /**
     * The window over every day of the calendar years {@code firstYear} to {@code lastYear}.
     *
     * @param place     where
     * @param zone      the local time zone
     * @param firstYear the first year
     * @param lastYear  the last year, not before {@code firstYear}
     * @return the window
     * @throws IllegalArgumentException if {@code lastYear < firstYear}, or no day of the years has a civil dusk
     */
    public static InterTwilightWindow of(GeoPoint place, ZoneId zone, int firstYear, int lastYear) {
        Objects.requireNonNull(place, "place must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        if (lastYear < firstYear) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lastYear of inter-twilight window must not be before firstYear: %d < %d", lastYear, firstYear));
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int none = 0;
        for (LocalDate d = LocalDate.of(firstYear, 1, 1); d.getYear() <= lastYear; d = d.plusDays(1)) {
            SolarEvent dusk = SolarTimes.civilDusk(place, zone, d);
            if (dusk.occurs()) {
                double m = dusk.clockMinutes().getAsDouble();
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            } else {
                none++;
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no civil dusk at %s in %d-%d: the inter-twilight window is not defined", place, firstYear, lastYear));
        }
        return new InterTwilightWindow(lo, hi, none);
    }

    /** The window over every day of one calendar year. */
    public static InterTwilightWindow of(GeoPoint place, ZoneId zone, Year year) {
        Objects.requireNonNull(year, "year must not be null");
        return of(place, zone, year.getValue(), year.getValue());
    }

    /** Whether a clock time (minutes, fractional) lies in {@code [earliestDusk, latestDusk]}. */
    public boolean contains(double clockMinutes) {
        return earliestDusk <= clockMinutes && clockMinutes <= latestDusk;
    }

    /**
     * Whether the whole clock minute {@code [minute, minute + 1)} (a stop time {@code HH:MM}
     * with its seconds dropped) overlaps the window: {@code ⌊earliestDusk⌋ <= minute <= ⌊latestDusk⌋}.
     * This is the Stanford Open Policing Project's rule, which compares whole minutes
     * ({@code time_to_minute} of the stop, the earliest and the latest dusk), and it keeps the
     * window's edge minutes insensitive to solar-time differences of a few seconds.
     */
    public boolean containsMinute(int minute) {
        return Math.floor(earliestDusk) <= minute && minute <= Math.floor(latestDusk);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "inter-twilight window [%s, %s]%s", clock(earliestDusk), clock(latestDusk),
                daysWithoutDusk == 0 ? "" : " (" + daysWithoutDusk + " days without civil dusk)");
    }

    static String clock(double minutes) {
        long s = Math.round(minutes * 60);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
