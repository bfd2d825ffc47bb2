package io.github.peelmetrics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of geo/point_in_beat.json: R sf 1.0-9 (GEOS 3.11, s2 off) st_intersects, st_within
 * and st_join, stop by stop and in the counts; memberships exact.
 */
class PointInBeatConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("geo/point_in_beat.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stopsAreAssignedAsSfAssignsThem(ConformanceCase c) {
        String idProperty = c.input().get("beat_id_property").asText();
        BeatMap map = BeatMap.fromGeoJson(c.inputFile("beats_geojson"), idProperty);
        List<GeoFiles.CsvStop> stops = GeoFiles.stops(c.inputFile("stops_csv"));
        List<String> order = new ArrayList<>();
        c.input().get("beat_file_order").forEach(n -> order.add(n.asText()));
        assertEquals(order, map.ids(), "beats in file order");

        List<Placement> placements = new ArrayList<>();
        long missing = 0;
        long withinOne = 0;
        long joinIntersects = 0;
        long joinWithin = 0;
        java.util.Map<String, Long> byBeatWithin = new java.util.LinkedHashMap<>();
        map.ids().forEach(b -> byBeatWithin.put(b, 0L));
        JsonNode expectedStops = c.expectedAt("stops");
        assertEquals(expectedStops.size(), stops.size(), "stops");
        for (int i = 0; i < stops.size(); i++) {
            GeoFiles.CsvStop s = stops.get(i);
            String p = "stops." + i;
            c.assertText(p + ".id", s.id());
            Placement pl = map.place(s.lat(), s.lng());
            placements.add(pl);
            List<String> inter = map.intersecting(s.lat(), s.lng());
            List<String> within = map.within(s.lat(), s.lng());
            c.assertTexts(p + ".intersects", inter);
            c.assertTexts(p + ".within", within);
            JsonNode eb = c.expectedAt(p + ".beat");
            if (eb.isNull()) {
                c.assertUndefined(p + ".beat", pl.beat());
            } else {
                c.assertText(p + ".beat", pl.beat().orElse("(none: " + pl + ")"));
            }
            // The placement agrees with the predicates it summarises.
            assertEquals(inter.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(inter.get(0)), pl.beat(), s.id());
            assertEquals(inter.size() >= 2, pl.onSharedBoundary(), s.id());
            if (Double.isNaN(s.lat()) || Double.isNaN(s.lng())) {
                missing++;
                assertEquals(java.util.Optional.of(NoBeat.MISSING_COORDINATES), pl.noBeat(), s.id());
            }
            if (within.size() == 1) {
                withinOne++;
                byBeatWithin.merge(within.get(0), 1L, Long::sum);
            }
            joinIntersects += Math.max(1, inter.size());
            joinWithin += Math.max(1, within.size());
        }
        AssignmentSummary sum = placements.stream().collect(map.summarizing());
        c.assertCount("n_stops", sum.stops());
        c.assertCount("n_missing_coordinates", missing);
        assertEquals(missing, sum.count(NoBeat.MISSING_COORDINATES));
        c.assertCount("n_assigned", sum.assigned());
        c.assertCount("n_unassigned", sum.unassigned());
        c.assertCount("n_on_shared_boundary", sum.onSharedBoundary());
        c.assertCount("n_assigned_within", withinOne);
        c.assertCount("n_unassigned_within", stops.size() - withinOne);
        c.assertCount("st_join_intersects_rows", joinIntersects);
        c.assertCount("st_join_within_rows", joinWithin);
        assertEquals(order, new ArrayList<>(sum.byBeat().keySet()));
        for (String b : order) {
            c.assertCount("counts_by_beat." + b, sum.count(b));
            c.assertCount("counts_by_beat_within." + b, byBeatWithin.get(b));
        }
        assertEquals(c.expectedAt("counts_by_beat").size(), order.size());
        c.informational("s2_spherical", "spherical (s2) answers are documented, not the contract");
        c.assertAllChecked();
    }
}
