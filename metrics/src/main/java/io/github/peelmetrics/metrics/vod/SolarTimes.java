package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.core.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Sunset and civil dusk for a place, a local date and a time zone.
 *
 * <p><b>Definitions</b> (those of the U.S. Naval Observatory and of PyEphem 4.1.4, against which
 * the conformance cases were computed, observer at sea level, no atmospheric model):
 * <ul>
 *   <li><b>sunset</b>: the upper limb of the sun 34′ (standard refraction) below the geometric
 *       horizon, i.e. the centre at altitude {@code h0 = −34′ − s}, where {@code s} is the sun's
 *       apparent semidiameter {@code 959.63″ / R} at Earth–sun distance {@code R} (AU);</li>
 *   <li><b>civil dusk</b>: the centre of the sun at altitude −6°;</li>
 *   <li>the event of a date is the first downward crossing of the altitude after <em>local noon</em>
 *       of that date, searched over the following 24 hours; it may fall after local midnight
 *       (see {@link SolarEvent#clockMinutes()}). When there is no crossing the event does not
 *       occur and {@link SolarEvent#occurrence()} says whether the sun stayed above or below.</li>
 * </ul>
 *
 * <p><b>Algorithm.</b> The solar coordinates are NOAA's (the NOAA Solar Calculator, after
 * J. Meeus, <i>Astronomical Algorithms</i>, 2nd ed., 1998, ch. 25 and 28): from Julian
 * centuries {@code T} since J2000.0, the geometric mean longitude {@code L0} and anomaly
 * {@code M}, the equation of centre, the apparent longitude {@code λ} (nutation and aberration
 * −0.00569° − 0.00478° sin Ω), the corrected obliquity {@code ε}, the declination
 * {@code δ = asin(sin ε sin λ)} and the equation of time {@code E}. The altitude at time
 * {@code t} is {@code asin(sin φ sin δ + cos φ cos δ cos H)} with hour angle
 * {@code H = (UTC minutes + E + 4·longitude)/4 − 180} degrees. Unlike the NOAA spreadsheet (and
 * the astral package), the coordinates are <em>re-evaluated at the event time</em>: a first
 * estimate from the sunset hour-angle equation is refined by regula falsi (Illinois) on the altitude
 * itself to a millisecond, which brings the result within a few seconds of PyEphem (the conformance
 * tolerance is 30 s; an algorithm that evaluates the declination once a day misses by up to
 * a minute and a half). Time is treated as UT (ΔT ≈ 69 s moves the sun by 3″ — negligible).
 *
 * <p>Pure functions of their arguments; thread-safe.
 */
public final class SolarTimes {

    /** Altitude of the sun's centre at civil dusk, degrees. */
    public static final double CIVIL_DUSK_ALTITUDE = -6.0;

    /** Refraction at the horizon used for sunset, degrees (34′). */
    public static final double SUNSET_REFRACTION = 34.0 / 60.0;

    static final double SUNSET = Double.NaN; // marker: altitude depends on the semidiameter

    private static final double DEG = Math.PI / 180;
    private static final double SECONDS_PER_DAY = 86400.0;
    /** Coarse scan step of the fallback search, seconds. */
    private static final double SCAN_STEP = 600.0;

    private SolarTimes() {}

    /**
     * Sunset and civil dusk of a local date.
     *
     * @param place where (latitude and longitude in degrees, WGS84)
     * @param zone  the time zone of the local clock (IANA id, daylight saving time applied)
     * @param date  the local date
     * @return both events
     * @throws NullPointerException if an argument is null
     */
    public static SolarDay day(GeoPoint place, ZoneId zone, LocalDate date) {
        return new SolarDay(place, zone, date, sunset(place, zone, date), civilDusk(place, zone, date));
    }

    /**
     * Sunset of a local date: the first time after local noon at which the sun's upper limb
     * goes 34′ below the horizon.
     *
     * @param place where
     * @param zone  the time zone of the local clock
     * @param date  the local date
     * @return the event, or why it does not occur
     */
    public static SolarEvent sunset(GeoPoint place, ZoneId zone, LocalDate date) {
        return event(place, zone, date, SUNSET);
    }

    /**
     * Civil dusk of a local date: the first time after local noon at which the sun's centre goes
     * 6° below the horizon.
     *
     * @param place where
     * @param zone  the time zone of the local clock
     * @param date  the local date
     * @return the event, or why it does not occur (Anchorage, 2019-06-21: the sun stays above)
     */
    public static SolarEvent civilDusk(GeoPoint place, ZoneId zone, LocalDate date) {
        return event(place, zone, date, CIVIL_DUSK_ALTITUDE);
    }

    private static SolarEvent event(GeoPoint place, ZoneId zone, LocalDate date, double altitude) {
        Objects.requireNonNull(place, "place must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(date, "date must not be null");
        double noon = localNoonEpochSeconds(zone, date);
        double t = setting(place.latitude(), place.longitude(), noon, altitude);
        if (t == Double.POSITIVE_INFINITY) {
            return new SolarEvent(date, SolarEvent.Occurrence.SUN_STAYS_ABOVE, Optional.empty());
        }
        if (t == Double.NEGATIVE_INFINITY) {
            return new SolarEvent(date, SolarEvent.Occurrence.SUN_STAYS_BELOW, Optional.empty());
        }
        long s = (long) Math.floor(t);
        long nanos = Math.round((t - s) * 1e9);
        if (nanos >= 1_000_000_000L) {
            s++;
            nanos -= 1_000_000_000L;
        }
        return new SolarEvent(date, SolarEvent.Occurrence.OCCURS,
                Optional.of(ZonedDateTime.ofInstant(Instant.ofEpochSecond(s, nanos), zone)));
    }

    /** Epoch seconds of 12:00 local time on {@code date} (the later instant if 12:00 is ambiguous). */
    static double localNoonEpochSeconds(ZoneId zone, LocalDate date) {
        return date.atTime(LocalTime.NOON).atZone(zone).toEpochSecond();
    }

    /**
     * The first downward crossing of {@code altitude} (degrees, or {@link #SUNSET}) in the 24 hours
     * after {@code from} (epoch seconds): epoch seconds, or +Infinity when the sun stays above,
     * −Infinity when it stays below.
     */
    static double setting(double latitude, double longitude, double from, double altitude) {
        double phi = latitude * DEG;
        double sinPhi = Math.sin(phi);
        double cosPhi = Math.cos(phi);
        double to = from + SECONDS_PER_DAY;
        // First estimate from the hour-angle equation, re-evaluated at the estimate twice.
        double t = from;
        boolean estimated = true;
        for (int k = 0; k < 3; k++) {
            double[] c = coordinates(t);
            double h0 = Double.isNaN(altitude) ? sunsetAltitude(c[2]) : altitude;
            double cosH0 = (Math.sin(h0 * DEG) - sinPhi * Math.sin(c[0])) / (cosPhi * Math.cos(c[0]));
            if (!(cosH0 >= -1 && cosH0 <= 1)) {
                estimated = false;
                break;
            }
            double h0deg = Math.acos(cosH0) / DEG;
            double hAtFrom = hourAngleDegrees(from, c[1], longitude);
            double ahead = ((h0deg - hAtFrom) % 360 + 360) % 360; // degrees of rotation after 'from'
            t = from + ahead * 240.0; // 4 minutes per degree
        }
        if (estimated) {
            double a = Math.max(from, t - 120);
            double b = Math.min(to, t + 120);
            if (a < b && excess(a, sinPhi, cosPhi, longitude, altitude) >= 0
                    && excess(b, sinPhi, cosPhi, longitude, altitude) < 0) {
                return bisect(a, b, sinPhi, cosPhi, longitude, altitude);
            }
        }
        // Fallback: scan the day for the first downward crossing.
        double prev = excess(from, sinPhi, cosPhi, longitude, altitude);
        double first = prev;
        for (double a = from; a < to; a += SCAN_STEP) {
            double b = Math.min(to, a + SCAN_STEP);
            double fb = excess(b, sinPhi, cosPhi, longitude, altitude);
            if (prev >= 0 && fb < 0) {
                return bisect(a, b, sinPhi, cosPhi, longitude, altitude);
            }
            prev = fb;
        }
        return (first >= 0 || prev >= 0) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /**
     * The crossing in {@code [a, b]}, where {@code excess(a) >= 0 > excess(b)}, to 1 ms: the
     * Illinois variant of regula falsi (a handful of evaluations on this smooth function),
     * falling back to bisection steps if it stalls.
     */
    private static double bisect(double a, double b, double sinPhi, double cosPhi, double longitude, double altitude) {
        double fa = excess(a, sinPhi, cosPhi, longitude, altitude);
        double fb = excess(b, sinPhi, cosPhi, longitude, altitude);
        int side = 0;
        for (int k = 0; k < 100 && b - a > 1e-3; k++) {
            double m = (k % 8 == 7) ? 0.5 * (a + b) : (a * fb - b * fa) / (fb - fa);
            if (!(m > a && m < b)) {
                m = 0.5 * (a + b);
            }
            double fm = excess(m, sinPhi, cosPhi, longitude, altitude);
            if (fm == 0) {
                return m;
            }
            if (fm > 0) {
                a = m;
                fa = fm;
                if (side == 1) {
                    fb /= 2;
                }
                side = 1;
            } else {
                b = m;
                fb = fm;
                if (side == -1) {
                    fa /= 2;
                }
                side = -1;
            }
            if (Math.abs(fm) < 1e-10) {   // degrees: about 2e-8 s of the sun's motion
                return m;
            }
        }
        return 0.5 * (a + b);
    }

    /** Altitude of the sun's centre minus the event altitude at {@code t}, degrees. */
    private static double excess(double t, double sinPhi, double cosPhi, double longitude, double altitude) {
        double[] c = coordinates(t);
        double h0 = Double.isNaN(altitude) ? sunsetAltitude(c[2]) : altitude;
        double hour = hourAngleDegrees(t, c[1], longitude) * DEG;
        double sinAlt = sinPhi * Math.sin(c[0]) + cosPhi * Math.cos(c[0]) * Math.cos(hour);
        return Math.asin(Math.max(-1, Math.min(1, sinAlt))) / DEG - h0;
    }

    /** Altitude of the centre at sunset for Earth–sun distance {@code r} (AU), degrees. */
    static double sunsetAltitude(double r) {
        return -SUNSET_REFRACTION - (959.63 / 3600.0) / r;
    }

    /** Hour angle in degrees (not reduced) at {@code t} for equation of time {@code eot} minutes. */
    private static double hourAngleDegrees(double t, double eot, double longitude) {
        double utcMinutes = (t / 60.0) % 1440.0;
        return (utcMinutes + eot + 4 * longitude) / 4.0 - 180.0;
    }

    /**
     * NOAA solar coordinates at epoch seconds {@code t}: {declination (radians), equation of time
     * (minutes), Earth–sun distance (AU)}.
     */
    static double[] coordinates(double t) {
        double jd = 2440587.5 + t / SECONDS_PER_DAY;
        double T = (jd - 2451545.0) / 36525.0;
        double l0 = (280.46646 + T * (36000.76983 + T * 0.0003032)) % 360.0;
        double m = 357.52911 + T * (35999.05029 - 0.0001537 * T);
        double e = 0.016708634 - T * (0.000042037 + 0.0000001267 * T);
        double mr = m * DEG;
        double center = Math.sin(mr) * (1.914602 - T * (0.004817 + 0.000014 * T))
                + Math.sin(2 * mr) * (0.019993 - 0.000101 * T) + Math.sin(3 * mr) * 0.000289;
        double trueLong = l0 + center;
        double trueAnomaly = (m + center) * DEG;
        double r = 1.000001018 * (1 - e * e) / (1 + e * Math.cos(trueAnomaly));
        double omega = (125.04 - 1934.136 * T) * DEG;
        double lambda = (trueLong - 0.00569 - 0.00478 * Math.sin(omega)) * DEG;
        double eps0 = 23 + (26 + (21.448 - T * (46.815 + T * (0.00059 - T * 0.001813))) / 60) / 60;
        double eps = (eps0 + 0.00256 * Math.cos(omega)) * DEG;
        double decl = Math.asin(Math.sin(eps) * Math.sin(lambda));
        double y = Math.tan(eps / 2);
        y *= y;
        double l0r = l0 * DEG;
        double eot = 4 / DEG * (y * Math.sin(2 * l0r) - 2 * e * Math.sin(mr)
                + 4 * e * y * Math.sin(mr) * Math.cos(2 * l0r)
                - 0.5 * y * y * Math.sin(4 * l0r) - 1.25 * e * e * Math.sin(2 * mr));
        return new double[] {decl, eot, r};
    }
}
