package io.github.peelmetrics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of area weighting over seeded random layouts: blocks are the cells of a jittered
 * mesh, beats are vertical strips (cut at random longitudes, not at block edges) reaching beyond
 * the blocks north and south, so that the beats cover every block.
 */
class ArealInterpolationPropertiesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(40);
    }

    static String feature(String idKey, String id, String props, String ring) {
        return "{\"type\": \"Feature\", \"properties\": {\"" + idKey + "\": \"" + id + "\"" + props
                + "}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}}";
    }

    static String ring(double[][] pts) {
        List<String> s = new ArrayList<>();
        for (double[] p : pts) {
            s.add("[" + p[0] + ", " + p[1] + "]");
        }
        s.add("[" + pts[0][0] + ", " + pts[0][1] + "]");
        return "[" + String.join(", ", s) + "]";
    }

    static String collection(List<String> features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",\n", features) + "]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void extensiveTotalsOverBeatsCoveringEveryBlockEqualTheBlocksTotal(Seeded s) {
        SplittableRandom r = s.random();
        int nx = 2 + r.nextInt(6);
        int ny = 2 + r.nextInt(6);
        double[][] x = new double[nx + 1][ny + 1];
        double[][] y = new double[nx + 1][ny + 1];
        for (int i = 0; i <= nx; i++) {
            for (int j = 0; j <= ny; j++) {
                x[i][j] = -122.4 + i * 0.004 + (i == 0 || i == nx ? 0 : (r.nextDouble() - 0.5) * 0.002);
                y[i][j] = 47.6 + j * 0.003 + (j == 0 || j == ny ? 0 : (r.nextDouble() - 0.5) * 0.0015);
            }
        }
        List<String> blocks = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                long pop = Seeded.poisson(r, r.nextInt(4) == 0 ? 0 : 300);
                total += pop;
                blocks.add(feature("block", "b" + i + "_" + j, ", \"pop\": " + pop,
                        ring(new double[][] {{x[i][j], y[i][j]}, {x[i + 1][j], y[i + 1][j]}, {x[i + 1][j + 1], y[i + 1][j + 1]},
                                {x[i][j + 1], y[i][j + 1]}})));
            }
        }
        int strips = 1 + r.nextInt(5);
        double west = -122.4 - 0.001;
        double east = -122.4 + nx * 0.004 + 0.001;
        double[] cuts = new double[strips + 1];
        cuts[0] = west;
        cuts[strips] = east;
        for (int k = 1; k < strips; k++) {
            cuts[k] = west + (east - west) * (k + r.nextDouble() * 0.8 - 0.4) / strips;
        }
        List<String> beats = new ArrayList<>();
        for (int k = 0; k < strips; k++) {
            beats.add(feature("beat", "T" + k, "", ring(new double[][] {{cuts[k], 47.59}, {cuts[k + 1], 47.59},
                    {cuts[k + 1], 47.6 + ny * 0.003 + 0.01}, {cuts[k], 47.6 + ny * 0.003 + 0.01}})));
        }
        CensusBlocks cb = CensusBlocks.fromGeoJson(collection(blocks), "block");
        BeatMap bm = BeatMap.fromGeoJson(collection(beats), "beat");
        for (ArealInterpolation ai : List.of(ArealInterpolation.projected(cb, bm, TransverseMercator.utmNorth(10)),
                ArealInterpolation.planar(cb, bm))) {
            Interpolated pop = ai.extensive("pop");
            double sum = 0;
            for (String b : bm.ids()) {
                sum += pop.value(b, "pop").orElseThrow();
            }
            assertTrue(Math.abs(sum - total) <= 1e-9 * Math.max(1, total),
                    String.format(Locale.ROOT, "%s %s: beats %.12g, blocks %.12g", s, ai.system(), sum, total));
            long rounded = pop.roundedCounts().values().stream().mapToLong(m -> m.get("pop")).sum();
            assertTrue(Math.abs(rounded - total) <= strips, s + ": rounding moves each beat by at most 1/2");
            for (String b : cb.ids()) {
                double w = ai.pieces().stream().filter(p -> p.block().equals(b)).mapToDouble(Piece::weight).sum();
                assertEquals(1, w, 1e-9, s + " block " + b + " is covered");
            }
        }
    }

    private static final String BLOCKS = "{\"type\": \"FeatureCollection\", \"features\": ["
            + "{\"type\": \"Feature\", \"properties\": {\"block\": \"a\", \"pop\": 100, \"income\": 50000}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]]}},"
            + "{\"type\": \"Feature\", \"properties\": {\"block\": \"b\", \"pop\": 40, \"income\": null}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]]}}]}";
    private static final String BEATS = "{\"type\": \"FeatureCollection\", \"features\": ["
            + "{\"type\": \"Feature\", \"properties\": {\"beat\": \"W\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}},"
            + "{\"type\": \"Feature\", \"properties\": {\"beat\": \"E\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[1, 0], [3, 0], [3, 2], [1, 2], [1, 0]]]}},"
            + "{\"type\": \"Feature\", \"properties\": {\"beat\": \"T\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 1], [1, 1], [1, 2], [0, 2], [0, 1]]]}},"
            + "{\"type\": \"Feature\", \"properties\": {\"beat\": \"F\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]]}}]}";

    @Test
    void touchingMissingAndFarBeatsAreToldApart() {
        ArealInterpolation ai = ArealInterpolation.planar(CensusBlocks.fromGeoJson(BLOCKS, "block"),
                BeatMap.fromGeoJson(BEATS, "beat"));
        assertEquals("ArealInterpolation[2 blocks x 4 beats in planar coordinates: 3 pieces, 1 touching pairs]", ai.toString());
        Interpolated pop = ai.extensive("pop");
        assertEquals(OptionalDouble.of(50), pop.value("W", "pop"));
        assertEquals(OptionalDouble.of(90), pop.value("E", "pop"));
        assertEquals(OptionalDouble.of(0), pop.value("T", "pop")); // touches block a along an edge
        assertEquals(OptionalDouble.empty(), pop.value("F", "pop")); // meets no block
        Interpolated income = ai.intensive("income");
        assertEquals(OptionalDouble.of(50000), income.value("W", "income"));
        assertEquals(OptionalDouble.empty(), income.value("E", "income")); // block b's income is missing
        assertTrue(Double.isNaN(income.value("T", "income").getAsDouble())); // 0/0, as sf
        Interpolated dropped = ai.interpolate(AreaWeighting.INTENSIVE, MissingValues.DROP_BLOCKS, "income");
        assertEquals(OptionalDouble.of(50000), dropped.value("E", "income"));
        assertEquals(String.join("\n",
                "Extensive area-weighted interpolation to 4 beats in planar coordinates",
                "  beat        pop",
                "  W         50.00",
                "  E         90.00",
                "  T         0.000",
                "  F             -"), pop.toString().replace("\r\n", "\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class, pop::roundedCounts);
        assertEquals("beat F has no value of pop (it meets no block, or a block it meets has the value missing)", e.getMessage());
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> ai.extensive("popp"));
        assertEquals("census blocks in GeoJSON has no variable \"popp\"; it holds 3: block, pop, income", v.getMessage());
    }
}
