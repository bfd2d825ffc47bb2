package io.github.peelmetrics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.testing.Seeded;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the assignment over seeded random maps: a jittered mesh with dyadic vertices
 * (so that edge midpoints are exact), beats made of column ranges of mesh cells, stops on vertices,
 * on edge midpoints, one ulp off them and at random.
 */
class BeatMapPropertiesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(60);
    }

    /** A mesh: vertices x[i][j], y[i][j] for i in 0..nx, j in 0..ny; beats = column cuts. */
    record Mesh(double[][] x, double[][] y, int[] cuts) {
        int nx() { return x.length - 1; }
        int ny() { return x[0].length - 1; }

        static Mesh random(SplittableRandom r) {
            int nx = 4 + r.nextInt(6);
            int ny = 3 + r.nextInt(5);
            double[][] x = new double[nx + 1][ny + 1];
            double[][] y = new double[nx + 1][ny + 1];
            for (int i = 0; i <= nx; i++) {
                for (int j = 0; j <= ny; j++) {
                    // dyadic: multiples of 2^-12 around (-122.5, 47.5)
                    x[i][j] = -122.5 + i * 0.0625 + (r.nextInt(41) - 20) * 0x1p-12;
                    y[i][j] = 47.5 + j * 0.0625 + (r.nextInt(41) - 20) * 0x1p-12;
                }
            }
            List<Integer> cuts = new ArrayList<>(List.of(0, nx));
            for (int i = 1; i < nx; i++) {
                if (r.nextInt(2) == 0) {
                    cuts.add(i);
                }
            }
            Collections.sort(cuts);
            return new Mesh(x, y, cuts.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The ring of cells [c0, c1) x [r0, r1), counter-clockwise, as GeoJSON positions. */
        String ring(int c0, int c1, int r0, int r1) {
            List<String> pts = new ArrayList<>();
            for (int i = c0; i <= c1; i++) {
                pts.add(pos(i, r0));
            }
            for (int j = r0 + 1; j <= r1; j++) {
                pts.add(pos(c1, j));
            }
            for (int i = c1 - 1; i >= c0; i--) {
                pts.add(pos(i, r1));
            }
            for (int j = r1 - 1; j >= r0; j--) {
                pts.add(pos(c0, j));
            }
            return "[[" + String.join(", ", pts) + "]]";
        }

        String pos(int i, int j) {
            return "[" + x[i][j] + ", " + y[i][j] + "]";
        }

        /** GeoJSON of the beats; beat {@code split} (if >= 0) written as two features cut at row {@code row}. */
        String geoJson(int split, int row) {
            List<String> fs = new ArrayList<>();
            for (int b = 0; b + 1 < cuts.length; b++) {
                if (b == split) {
                    fs.add(feature("B" + b, ring(cuts[b], cuts[b + 1], 0, row)));
                    fs.add(feature("B" + b, ring(cuts[b], cuts[b + 1], row, ny())));
                } else {
                    fs.add(feature("B" + b, ring(cuts[b], cuts[b + 1], 0, ny())));
                }
            }
            return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",\n", fs) + "]}";
        }

        static String feature(String id, String rings) {
            return "{\"type\": \"Feature\", \"properties\": {\"beat\": \"" + id
                    + "\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": " + rings + "}}";
        }

        /** Stops on vertices, edge midpoints, one ulp off them, at random and some without a beat. */
        List<double[]> stops(SplittableRandom r, int n) {
            List<double[]> out = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int i = r.nextInt(nx() + 1);
                int j = r.nextInt(ny() + 1);
                double lng = x[i][j];
                double lat = y[i][j];
                switch (r.nextInt(7)) {
                    case 0: break; // a vertex
                    case 1: { // midpoint of a horizontal edge
                        int i2 = i < nx() ? i + 1 : i - 1;
                        lng = (x[i][j] + x[i2][j]) / 2;
                        lat = (y[i][j] + y[i2][j]) / 2;
                        break;
                    }
                    case 2: { // midpoint of a vertical edge, then one ulp off
                        int j2 = j < ny() ? j + 1 : j - 1;
                        lng = (x[i][j] + x[i][j2]) / 2;
                        lat = (y[i][j] + y[i][j2]) / 2;
                        lng = r.nextBoolean() ? Math.nextUp(lng) : Math.nextDown(lng);
                        break;
                    }
                    case 3: lat = Double.NaN; break;
                    case 4: lng = -123.5 + r.nextDouble(); lat = 47 + r.nextDouble(); break;
                    default:
                        lng = x[0][0] + r.nextDouble() * (x[nx()][0] - x[0][0]);
                        lat = y[0][0] + r.nextDouble() * (y[0][ny()] - y[0][0]);
                }
                out.add(new double[] {lat, lng});
            }
            return out;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void splittingABeatIntoTwoFeaturesWithItsIdChangesNoAssignment(Seeded s) {
        SplittableRandom r = s.random();
        Mesh mesh = Mesh.random(r);
        int beats = mesh.cuts().length - 1;
        int split = r.nextInt(beats);
        int row = 1 + r.nextInt(mesh.ny() - 1);
        BeatMap whole = BeatMap.fromGeoJson(mesh.geoJson(-1, 0), "beat");
        BeatMap cut = BeatMap.fromGeoJson(mesh.geoJson(split, row), "beat");
        assertEquals(whole.ids(), cut.ids(), s.toString());
        assertEquals(2, cut.features("B" + split), s.toString());
        for (double[] p : mesh.stops(r, 1000)) {
            String at = s + " stop (" + p[0] + ", " + p[1] + ")";
            assertEquals(whole.place(p[0], p[1]), cut.place(p[0], p[1]), at);
            assertEquals(whole.intersecting(p[0], p[1]), cut.intersecting(p[0], p[1]), at);
            assertEquals(whole.within(p[0], p[1]), cut.within(p[0], p[1]), at);
            // The grid (and its whole-cell shortcut) agrees with testing every beat.
            List<String> all = whole.intersecting(p[0], p[1]);
            assertEquals(all.stream().findFirst(), whole.place(p[0], p[1]).beat(), at);
            assertEquals(all.size() > 1, whole.place(p[0], p[1]).onSharedBoundary(), at);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void shufflingTheStopsChangesNothing(Seeded s) {
        SplittableRandom r = s.random();
        Mesh mesh = Mesh.random(r);
        BeatMap map = BeatMap.fromGeoJson(mesh.geoJson(-1, 0), "beat");
        List<Stop> stops = new ArrayList<>();
        int k = 0;
        for (double[] p : mesh.stops(r, 300)) {
            Stop.Builder b = Stop.builder("S" + k++, LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
            if (!Double.isNaN(p[0])) {
                b.location(GeoPoint.of(p[0], p[1]));
            }
            stops.add(b.build());
        }
        AssignmentSummary before = stops.stream().map(map::place).collect(map.summarizing());
        java.util.Map<String, Placement> placed = new java.util.HashMap<>();
        stops.forEach(st -> placed.put(st.id(), map.place(st)));
        List<Stop> shuffled = new ArrayList<>(stops);
        Collections.shuffle(shuffled, new Random(s.seed()));
        AssignmentSummary after = shuffled.parallelStream().map(map::place).collect(map.summarizing());
        assertEquals(before, after, s.toString());
        for (Stop st : shuffled) {
            assertEquals(placed.get(st.id()), map.place(st), s + " " + st.id());
            assertEquals(placed.get(st.id()).beat().orElse(Stop.UNKNOWN_BEAT), map.reassign(st).beat());
        }
        assertEquals(stops.size(), after.stops());
        assertTrue(after.count(NoBeat.MISSING_COORDINATES) > 0 || stops.stream().allMatch(st -> st.location().isPresent()));
    }

    private static final String SMALL = "{\"type\": \"FeatureCollection\", \"features\": ["
            + "{\"type\": \"Feature\", \"properties\": {\"beat\": \"A\", \"sector\": \"N\", \"pop\": null}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
            + "[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]}},"
            + "{\"type\": \"Feature\", \"properties\": {\"beat\": \"B\"}, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": "
            + "[[[[4, 0], [8, 0], [8, 4], [4, 4], [4, 0]]], [[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]]]}}]}";

    @Test
    void everyStopWithoutABeatSaysWhy() {
        BeatMap map = BeatMap.fromGeoJson(SMALL, "beat");
        assertEquals("no beat: in a hole of a beat", map.place(1.5, 1.5).toString());
        assertEquals("A", map.place(1, 1.5).toString()); // on the hole's ring
        assertEquals("A (on a shared boundary)", map.place(2, 4).toString());
        assertEquals("B", map.place(0.5, 10.5).toString());
        assertEquals("no beat: outside every beat", map.place(0, -1).toString());
        assertEquals("no beat: outside every beat", map.place(0.5, 9).toString());
        assertEquals("no beat: coordinates out of range", map.place(-122.37, 47.6).toString());
        assertEquals("no beat: no coordinates", map.place(Double.NaN, 1).toString());
        assertEquals(java.util.Optional.of("N"), map.properties("A").get("sector"));
        assertEquals(java.util.Optional.empty(), map.properties("A").get("pop"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.properties("C"));
        assertEquals("beat map has no beat \"C\"; it holds 2: A, B", e.getMessage());
        AssignmentSummary sum = Stream.of(map.place(1.5, 1.5), map.place(2, 4), map.place(2, 6), map.place(Double.NaN, 0))
                .collect(map.summarizing());
        assertEquals(String.join("\n",
                "4 stops: 2 assigned to 2 beats (1 on a shared boundary, first beat in file order), 2 without a beat",
                "  beat                    stops",
                "  A                           1",
                "  B                           1",
                "  no coordinates              1",
                "  in a hole of a beat         1"), sum.toString());
    }

    @Test
    void badGeoJsonNamesTheFeatureAndTheValue() {
        String open = SMALL.replace("[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]", "[0, 0], [4, 0], [4, 4], [0, 4], [0, 1]");
        assertEquals("GeoJSON feature 1 (id \"A\") exterior ring is not closed: first position [0,0], last [0,1]",
                assertThrows(IllegalArgumentException.class, () -> BeatMap.fromGeoJson(open, "beat")).getMessage());
        String point = SMALL.replace("\"type\": \"MultiPolygon\"", "\"type\": \"Point\"");
        assertEquals("GeoJSON feature 2 (id \"B\"): geometry type must be Polygon or MultiPolygon, got \"Point\"",
                assertThrows(IllegalArgumentException.class, () -> BeatMap.fromGeoJson(point, "beat")).getMessage());
        String text = SMALL.replace("[10, 0], [11, 0]", "[10, 0], [\"11\", 0]");
        assertEquals("GeoJSON feature 2 (id \"B\") part 2 exterior ring position 2 is not [x, y] numbers: [\"11\",0]",
                assertThrows(IllegalArgumentException.class, () -> BeatMap.fromGeoJson(text, "beat")).getMessage());
        String noId = SMALL.replace("\"beat\": \"B\"", "\"name\": \"B\"");
        assertEquals("GeoJSON feature 2: id property \"beat\" is missing, blank or not a text or integer: (absent) (properties: {\"name\":\"B\"})",
                assertThrows(IllegalArgumentException.class, () -> BeatMap.fromGeoJson(noId, "beat")).getMessage());
        assertTrue(BeatMap.fromGeoJson(SMALL, "beat").toString().startsWith("BeatMap[2 beats from 2 features in GeoJSON: A, B]"),
                String.format(Locale.ROOT, "%s", BeatMap.fromGeoJson(SMALL, "beat")));
    }
}
