package io.github.peelmetrics.core;

import java.util.Locale;

/**
 * A WGS84 location.
 *
 * @param latitude  degrees north, in [-90, 90]
 * @param longitude degrees east, in [-180, 180]
 */
public record GeoPoint(double latitude, double longitude) {
    /** Validates the coordinates. */
    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90]: " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be in [-180, 180]: " + longitude);
        }
    }

    /** A point from latitude and longitude in degrees. */
    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "(%.6f, %.6f)", latitude, longitude);
    }
}
