package io.github.peelmetrics.examples.data;

import java.time.Instant;

/**
 * The sun's elevation, after the NOAA Global Monitoring Laboratory's solar calculator (its spreadsheet
 * formulas, from Meeus, <i>Astronomical Algorithms</i>, 1991), without refraction. Accurate to a few
 * hundredths of a degree, which is plenty to decide whether a synthetic stop happened in daylight; the
 * metrics module has the exact sunset and dusk times for the veil of darkness test itself.
 */
final class Solar {
    private Solar() {}

    /** The elevation of the sun's centre above the horizon, in degrees, at {@code instant} and the given place. */
    static double elevationDegrees(Instant instant, double latitude, double longitude) {
        double epochSeconds = instant.getEpochSecond();
        double jd = epochSeconds / 86400.0 + 2440587.5;
        double t = (jd - 2451545.0) / 36525.0;
        double l0 = mod360(280.46646 + t * (36000.76983 + t * 0.0003032));
        double m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
        double e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        double mr = StrictMath.toRadians(m);
        double center = StrictMath.sin(mr) * (1.914602 - t * (0.004817 + 0.000014 * t))
                + StrictMath.sin(2 * mr) * (0.019993 - 0.000101 * t)
                + StrictMath.sin(3 * mr) * 0.000289;
        double trueLong = l0 + center;
        double omega = StrictMath.toRadians(125.04 - 1934.136 * t);
        double apparentLong = trueLong - 0.00569 - 0.00478 * StrictMath.sin(omega);
        double meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        double obliquity = StrictMath.toRadians(meanObliquity + 0.00256 * StrictMath.cos(omega));
        double declination = StrictMath.asin(StrictMath.sin(obliquity) * StrictMath.sin(StrictMath.toRadians(apparentLong)));
        double y = StrictMath.tan(obliquity / 2) * StrictMath.tan(obliquity / 2);
        double l0r = StrictMath.toRadians(l0);
        double equationOfTimeMinutes = 4 * StrictMath.toDegrees(y * StrictMath.sin(2 * l0r)
                - 2 * e * StrictMath.sin(mr)
                + 4 * e * y * StrictMath.sin(mr) * StrictMath.cos(2 * l0r)
                - 0.5 * y * y * StrictMath.sin(4 * l0r)
                - 1.25 * e * e * StrictMath.sin(2 * mr));
        double utcMinutes = Math.floorMod((long) epochSeconds, 86400L) / 60.0;
        double trueSolarMinutes = utcMinutes + equationOfTimeMinutes + 4 * longitude;
        trueSolarMinutes = trueSolarMinutes - 1440 * StrictMath.floor(trueSolarMinutes / 1440);
        double hourAngle = trueSolarMinutes / 4 < 0 ? trueSolarMinutes / 4 + 180 : trueSolarMinutes / 4 - 180;
        double lat = StrictMath.toRadians(latitude);
        double cosZenith = StrictMath.sin(lat) * StrictMath.sin(declination)
                + StrictMath.cos(lat) * StrictMath.cos(declination) * StrictMath.cos(StrictMath.toRadians(hourAngle));
        cosZenith = StrictMath.max(-1, StrictMath.min(1, cosZenith));
        return 90 - StrictMath.toDegrees(StrictMath.acos(cosZenith));
    }

    private static double mod360(double x) {
        return x - 360 * StrictMath.floor(x / 360);
    }
}
