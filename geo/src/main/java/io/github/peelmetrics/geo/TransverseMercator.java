package io.github.peelmetrics.geo;

import io.github.peelmetrics.core.internal.Format;

/**
 * The transverse Mercator projection on the WGS 84 ellipsoid by Krüger's series to sixth order in
 * the third flattening {@code n}, as given by C. F. F. Karney (2011), "Transverse Mercator with an
 * accuracy of a few nanometers", <i>Journal of Geodesy</i> 85, 475-485, eqs. (7)-(11) and (35)
 * (also J. P. Snyder (1987), <i>Map Projections: A Working Manual</i>, USGS PP 1395, §8 for the
 * UTM conventions). This is the algorithm of PROJ's {@code utm} / {@code tmerc} since PROJ 6
 * (Poder/Engsager, "exact" transverse Mercator): within a few nanometres of PROJ 9.1 in a UTM
 * zone, not the classic Snyder series that proj4j registers for {@code +proj=utm}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransverseMercator {

    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257223563;

    private final double lon0;
    private final double k0;
    private final double falseEasting;
    private final double falseNorthing;
    private final String name;

    private static final double N = F / (2 - F);
    private static final double E = Math.sqrt(F * (2 - F));
    private static final double RECTIFYING;
    private static final double[] ALPHA = new double[7];

    static {
        double n = N;
        double n2 = n * n;
        double n3 = n2 * n;
        double n4 = n3 * n;
        double n5 = n4 * n;
        double n6 = n5 * n;
        RECTIFYING = A / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
        ALPHA[1] = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800;
        ALPHA[2] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360;
        ALPHA[3] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
        ALPHA[4] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
        ALPHA[5] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
        ALPHA[6] = 212378941 * n6 / 319334400;
    }

    private TransverseMercator(double lon0, double k0, double falseEasting, double falseNorthing, String name) {
        this.lon0 = lon0;
        this.k0 = k0;
        this.falseEasting = falseEasting;
        this.falseNorthing = falseNorthing;
        this.name = name;
    }

    /**
     * WGS 84 / UTM zone {@code zone} north (EPSG:326zz): central meridian {@code -183 + 6·zone},
     * scale 0.9996, false easting 500 000 m.
     *
     * @throws IllegalArgumentException if the zone is not in 1..60
     */
    public static TransverseMercator utmNorth(int zone) {
        return utm(zone, true);
    }

    /** WGS 84 / UTM zone {@code zone} south (EPSG:327zz): as {@link #utmNorth} with false northing 10 000 000 m. */
    public static TransverseMercator utmSouth(int zone) {
        return utm(zone, false);
    }

    /** The UTM zone (north) whose central meridian is nearest a longitude. */
    public static TransverseMercator utmNorthFor(double longitude) {
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be in [-180, 180]: " + longitude);
        }
        return utmNorth(Math.min(60, (int) Math.floor((longitude + 180) / 6) + 1));
    }

    private static TransverseMercator utm(int zone, boolean north) {
        if (zone < 1 || zone > 60) {
            throw new IllegalArgumentException("UTM zone must be in 1..60: " + zone);
        }
        return new TransverseMercator(-183 + 6.0 * zone, 0.9996, 500000, north ? 0 : 10000000,
                Format.f("EPSG:%d (WGS 84 / UTM zone %d%s)", (north ? 32600 : 32700) + zone, zone, north ? "N" : "S"));
    }

    /**
     * {@code {easting, northing}} in metres of a point.
     *
     * @throws IllegalArgumentException if the latitude is outside [-90, 90] or either is not finite
     */
    public double[] forward(double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90) || !Double.isFinite(longitude)) {
            throw new IllegalArgumentException("cannot project latitude " + latitude + ", longitude " + longitude);
        }
        double phi = Math.toRadians(latitude);
        double lam = Math.toRadians(Math.IEEEremainder(longitude - lon0, 360));
        double tau = Math.tan(phi);
        double sigma = Math.sinh(E * atanh(E * tau / Math.hypot(1, tau)));
        double taup = tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
        double cl = Math.cos(lam);
        double xip = Math.atan2(taup, cl);
        double etap = asinh(Math.sin(lam) / Math.hypot(taup, cl));
        double xi = xip;
        double eta = etap;
        for (int j = 1; j <= 6; j++) {
            xi += ALPHA[j] * Math.sin(2 * j * xip) * Math.cosh(2 * j * etap);
            eta += ALPHA[j] * Math.cos(2 * j * xip) * Math.sinh(2 * j * etap);
        }
        return new double[] {falseEasting + k0 * RECTIFYING * eta, falseNorthing + k0 * RECTIFYING * xi};
    }

    private static double atanh(double x) {
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }

    private static double asinh(double x) {
        double a = Math.abs(x);
        double r = Math.log1p(a + a * a / (1 + Math.hypot(1, a)));
        return x < 0 ? -r : r;
    }

    /** E.g. {@code EPSG:32610 (WGS 84 / UTM zone 10N)}, as sf prints a CRS. */
    @Override
    public String toString() {
        return name;
    }
}
