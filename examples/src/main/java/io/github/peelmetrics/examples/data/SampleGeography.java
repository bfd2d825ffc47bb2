package io.github.peelmetrics.examples.data;

import io.github.peelmetrics.geo.BeatMap;
import io.github.peelmetrics.geo.CensusBlocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample city's geography, for the {@code geo} examples: its eight beats as GeoJSON polygons
 * (the boxes of {@code beats.csv}'s README, which its stops fall in) and <b>synthetic</b> census
 * blocks that cut across them.
 *
 * <p>Blocks: a grid of 0.01° x 0.01° squares over the city (14 x 8 = 112 blocks), whose
 * east-west edges do not follow the beats' (beats are 0.035° wide), so that blocks straddle beat
 * lines. Each block holds adult residents by race ({@code white}, {@code black},
 * {@code hispanic}, {@code asian/pacific islander}, {@code other}, as {@code beats.csv}), spread
 * evenly over each beat's box (in degrees) and rounded to whole people; {@code adults} is their
 * sum. Area weighting in UTM metres then gives back about the residents of {@code beats.csv}, not
 * exactly (rounding, and metres are not degrees).
 *
 * <p>Coordinates are written from exact decimals, so adjacent beats share identical vertices.
 * Stateless and thread-safe.
 */
public final class SampleGeography {
    private SampleGeography() {}

    private static final BigDecimal BLOCK = new BigDecimal("0.01");
    private static final BigDecimal BEAT_W = new BigDecimal("0.035");
    private static final BigDecimal BEAT_H = new BigDecimal("0.04");
    private static final BigDecimal LNG0 = new BigDecimal("-122.31");
    private static final BigDecimal LAT0 = new BigDecimal("37.76");
    private static final String[] RACES = {"white", "black", "hispanic", "asian/pacific islander", "other"};

    /** One box: west, south, east, north. */
    private record Box(BigDecimal w, BigDecimal s, BigDecimal e, BigDecimal n) {
        BigDecimal overlap(Box o) {
            BigDecimal dx = e.min(o.e).subtract(w.max(o.w));
            BigDecimal dy = n.min(o.n).subtract(s.max(o.s));
            return dx.signum() <= 0 || dy.signum() <= 0 ? BigDecimal.ZERO : dx.multiply(dy);
        }

        BigDecimal area() {
            return e.subtract(w).multiply(n.subtract(s));
        }

        String ring() {
            return "[[" + pos(w, s) + ", " + pos(e, s) + ", " + pos(e, n) + ", " + pos(w, n) + ", " + pos(w, s) + "]]";
        }

        private static String pos(BigDecimal x, BigDecimal y) {
            return "[" + x.toPlainString() + ", " + y.toPlainString() + "]";
        }
    }

    private static Box beatBox(CityModel.BeatSpec b) {
        // the same grid as CityModel (two rows of four boxes), from exact decimals
        int row = (int) Math.round((b.latMin() - CityModel.GRID_LAT) / 0.04);
        int col = (int) Math.round((b.lngMin() - CityModel.GRID_LNG) / 0.035);
        BigDecimal w = LNG0.add(BEAT_W.multiply(BigDecimal.valueOf(col)));
        BigDecimal s = LAT0.add(BEAT_H.multiply(BigDecimal.valueOf(row)));
        return new Box(w, s, w.add(BEAT_W), s.add(BEAT_H));
    }

    /** The eight beats as a GeoJSON FeatureCollection (property {@code beat}, and {@code district}). */
    public static String beatsGeoJson() {
        List<String> features = new ArrayList<>();
        for (CityModel.BeatSpec b : CityModel.BEATS) {
            features.add("{\"type\": \"Feature\", \"properties\": {\"beat\": \"" + b.id() + "\", \"district\": \""
                    + b.district() + "\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": " + beatBox(b).ring() + "}}");
        }
        return "{\"type\": \"FeatureCollection\", \"features\": [\n" + String.join(",\n", features) + "\n]}\n";
    }

    /** The census blocks as a GeoJSON FeatureCollection (property {@code block}, adults by race, {@code adults}). */
    public static String censusBlocksGeoJson() {
        List<String> features = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            for (int i = 0; i < 14; i++) {
                BigDecimal w = LNG0.add(BLOCK.multiply(BigDecimal.valueOf(i)));
                BigDecimal s = LAT0.add(BLOCK.multiply(BigDecimal.valueOf(j)));
                Box block = new Box(w, s, w.add(BLOCK), s.add(BLOCK));
                long[] pop = new long[RACES.length];
                for (int r = 0; r < RACES.length; r++) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (CityModel.BeatSpec b : CityModel.BEATS) {
                        Box box = beatBox(b);
                        BigDecimal share = block.overlap(box).divide(box.area(), 20, RoundingMode.HALF_EVEN);
                        sum = sum.add(share.multiply(BigDecimal.valueOf(b.population()[r])));
                    }
                    pop[r] = sum.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                }
                StringBuilder props = new StringBuilder(String.format(java.util.Locale.ROOT, "\"block\": \"K%d%02d\"", j + 1, i + 1));
                long adults = 0;
                for (int r = 0; r < RACES.length; r++) {
                    props.append(", \"").append(RACES[r]).append("\": ").append(pop[r]);
                    adults += pop[r];
                }
                props.append(", \"adults\": ").append(adults);
                features.add("{\"type\": \"Feature\", \"properties\": {" + props + "}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                        + block.ring() + "}}");
            }
        }
        return "{\"type\": \"FeatureCollection\", \"features\": [\n" + String.join(",\n", features) + "\n]}\n";
    }

    /** The beats, read by {@link BeatMap#fromGeoJson(String, String)}. */
    public static BeatMap beats() {
        return BeatMap.fromGeoJson(beatsGeoJson(), "beat");
    }

    /** The census blocks, read by {@link CensusBlocks#fromGeoJson(String, String)}. */
    public static CensusBlocks censusBlocks() {
        return CensusBlocks.fromGeoJson(censusBlocksGeoJson(), "block");
    }
}
