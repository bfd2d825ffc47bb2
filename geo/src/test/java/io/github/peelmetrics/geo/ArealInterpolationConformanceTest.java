package io.github.peelmetrics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of geo/areal_interpolation.json: sf 1.0-9 st_interpolate_aw, st_intersection and
 * st_area (GEOS 3.11, PROJ 9.1 UTM zone 10N), in metres through Peel's own transverse Mercator and
 * in lon/lat treated as planar; square-degree areas compared relatively, as the README says.
 */
class ArealInterpolationConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("geo/areal_interpolation.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void interpolationMatchesSf(ConformanceCase c) {
        JsonNode in = c.input();
        String blockId = in.get("block_id_property").asText();
        String beatId = in.get("beat_id_property").asText();
        CensusBlocks blocks = CensusBlocks.fromGeoJson(c.inputFile("blocks_geojson"), blockId);
        BeatMap beats = BeatMap.fromGeoJson(c.inputFile("beats_geojson"), beatId);
        c.inputFile("blocks_projected_geojson");
        c.inputFile("beats_projected_geojson");
        assertEquals("EPSG:32610", in.get("projected_crs").asText());
        TransverseMercator utm = TransverseMercator.utmNorth(10);
        ArealInterpolation m = ArealInterpolation.projected(blocks, beats, utm);
        ArealInterpolation d = ArealInterpolation.planar(blocks, beats);

        c.assertText("projected_crs", m.system());
        c.assertCount("n_blocks", blocks.size());
        c.assertCount("n_beats", beats.size());
        c.assertCount("n_pieces", m.pieces().size());
        assertEquals(m.pieces().size(), d.pieces().size(), "the same pieces in metres and in degrees");

        for (int k = 0; k < m.pieces().size(); k++) {
            Piece p = m.pieces().get(k);
            Piece q = d.pieces().get(k);
            String at = "pieces." + k;
            c.assertText(at + ".block", p.block());
            c.assertText(at + ".beat", p.beat());
            assertEquals(p.block() + p.beat(), q.block() + q.beat(), at);
            c.assertNumber(at + ".area_m2", p.area());
            relative(c, at + ".area_deg2", q.area());
            c.assertNumber(at + ".weight_m2", p.weight());
        }
        assertEquals(c.expectedAt("touching_pairs").size(), m.touchingPairs().size(), "touching pairs");
        for (int k = 0; k < m.touchingPairs().size(); k++) {
            TouchingPair t = m.touchingPairs().get(k);
            c.assertText("touching_pairs." + k + ".block", t.block());
            c.assertText("touching_pairs." + k + ".beat", t.beat());
            c.assertCount("touching_pairs." + k + ".dimension", t.dimension());
        }
        if (m.touchingPairs().isEmpty()) {
            c.assertTexts("touching_pairs", List.of());
        }
        for (String b : blocks.ids()) {
            String at = "blocks." + b;
            c.assertNumber(at + ".area_m2", m.blockArea(b));
            relative(c, at + ".area_deg2", d.blockArea(b));
            List<String> its = new ArrayList<>();
            double covered = 0;
            for (Piece p : m.pieces()) {
                if (p.block().equals(b)) {
                    its.add(p.beat());
                    covered += p.area();
                }
            }
            c.assertTexts(at + ".beats", its);
            c.assertNumber(at + ".covered_fraction_m2", covered / m.blockArea(b));
        }
        for (String b : beats.ids()) {
            String at = "beats." + b;
            c.assertNumber(at + ".area_m2", m.beatArea(b));
            relative(c, at + ".area_deg2", d.beatArea(b));
            c.assertNumber(at + ".covered_area_m2", m.coveredArea(b));
            relative(c, at + ".covered_area_deg2", d.coveredArea(b));
            c.assertCount(at + ".n_blocks", m.pieces().stream().filter(p -> p.beat().equals(b)).count());
        }
        String[] ext = strings(in.get("extensive_variables"));
        String[] inten = strings(in.get("intensive_variables"));
        values(c, "extensive_utm", m.extensive(ext));
        values(c, "intensive_utm", m.intensive(inten));
        values(c, "extensive_lonlat_planar", d.extensive(ext));
        values(c, "intensive_lonlat_planar", d.intensive(inten));
        if (!c.expectedAt("extensive_utm_na_blocks_removed").isMissingNode()) {
            values(c, "extensive_utm_na_blocks_removed", m.interpolate(AreaWeighting.EXTENSIVE, MissingValues.DROP_BLOCKS, ext));
            values(c, "intensive_utm_na_blocks_removed", m.interpolate(AreaWeighting.INTENSIVE, MissingValues.DROP_BLOCKS, inten));
            values(c, "intensive_lonlat_planar_na_blocks_removed",
                    d.interpolate(AreaWeighting.INTENSIVE, MissingValues.DROP_BLOCKS, inten));
        }
        double popBlocks = 0;
        double outside = 0;
        for (String b : blocks.ids()) {
            double pop = blocks.value(b, "pop").orElseThrow();
            popBlocks += pop;
            double w = m.pieces().stream().filter(p -> p.block().equals(b)).mapToDouble(Piece::weight).sum();
            outside += pop * (1 - w);
        }
        c.assertNumber("totals.pop_blocks", popBlocks);
        double interpolated = 0;
        for (String b : beats.ids()) {
            interpolated += m.extensive("pop").value(b, "pop").orElse(0);
        }
        c.assertNumber("totals.pop_interpolated_utm", interpolated);
        c.assertNumber("totals.pop_outside_every_beat_utm", outside);
        c.informational("cross_geometry_informational", "s2 and ellipsoidal areas: informational in the README");
        c.assertAllChecked();
    }

    /** The projection reproduces PROJ 9.1's UTM 10N vertices (the *.utm10n.geojson files) within 1e-6 m. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void transverseMercatorReproducesProjVertices(ConformanceCase c) throws IOException {
        TransverseMercator utm = TransverseMercator.utmNorth(10);
        double worst = 0;
        for (String[] pair : new String[][] {{"blocks_geojson", "blocks_projected_geojson"}, {"beats_geojson", "beats_projected_geojson"}}) {
            ObjectMapper om = new ObjectMapper();
            JsonNode ll = om.readTree(c.inputFile(pair[0]).toFile());
            JsonNode pr = om.readTree(c.inputFile(pair[1]).toFile());
            assertTrue(pr.path("crs").toString().contains("32610"), pair[1] + " names EPSG:32610");
            List<double[]> a = new ArrayList<>();
            List<double[]> b = new ArrayList<>();
            positions(ll.path("features"), a);
            positions(pr.path("features"), b);
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                double[] en = utm.forward(a.get(k)[1], a.get(k)[0]);
                worst = Math.max(worst, Math.hypot(en[0] - b.get(k)[0], en[1] - b.get(k)[1]));
            }
        }
        assertTrue(worst < 1e-6, String.format(Locale.ROOT, "%s: largest vertex difference %.3g m", c.id(), worst));
    }

    private static void positions(JsonNode n, List<double[]> out) {
        if (n.isArray() && n.size() >= 2 && n.get(0).isNumber()) {
            out.add(new double[] {n.get(0).doubleValue(), n.get(1).doubleValue()});
        } else if (n.isArray()) {
            n.forEach(x -> positions(x, out));
        } else if (n.isObject()) {
            positions(n.path("geometry").path("coordinates"), out);
        }
    }

    private static void values(ConformanceCase c, String key, Interpolated got) {
        JsonNode e = c.expectedAt(key);
        assertEquals(e.size(), got.byBeat().size(), key + ": every beat");
        for (Map.Entry<String, Map<String, OptionalDouble>> row : got.byBeat().entrySet()) {
            assertEquals(e.path(row.getKey()).size(), row.getValue().size(), key + "." + row.getKey());
            for (Map.Entry<String, OptionalDouble> v : row.getValue().entrySet()) {
                c.assertOptional(key + "." + row.getKey() + "." + v.getKey(), v.getValue());
            }
        }
    }

    /** Square-degree areas: |a - e| <= tolerance * |e| (README: the absolute rule is meaningless below 1e-3). */
    private static void relative(ConformanceCase c, String path, double actual) {
        OptionalDouble tol = c.toleranceFor(path);
        double e = ConformanceCase.number(c.expectedAt(path));
        if (tol.isPresent() && !(Math.abs(actual - e) <= tol.getAsDouble() * Math.abs(e))) {
            fail(String.format(Locale.ROOT, "%s %s: expected %.17g, got %.17g (relative diff %.3g, tolerance %.3g)",
                    c.id(), path, e, actual, Math.abs(actual - e) / Math.abs(e), tol.getAsDouble()));
        }
        c.informational(path, "asserted above with the relative rule for square degrees");
    }

    private static String[] strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out.toArray(String[]::new);
    }

}
