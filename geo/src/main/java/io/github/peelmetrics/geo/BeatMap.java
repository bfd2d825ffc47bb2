package io.github.peelmetrics.geo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collector;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The beats of a city as areas, read from GeoJSON, and the assignment of stops to beats from
 * their coordinates, as the Stanford Open Policing Project does in R with {@code sf}.
 *
 * <h2>The rule</h2>
 * A stop belongs to the <b>first beat in file order</b> (the order of the features in the GeoJSON,
 * not the alphabetical order of the ids) among the beats it <i>intersects</i>: a stop inside a
 * beat, or on its boundary, intersects it. This is the first row per stop of
 * {@code sf::st_join(points, beats, join = st_intersects)} with {@code sf_use_s2(FALSE)} (sf 1.0-9,
 * GEOS 3.11). Consequences:
 * <ul>
 *   <li>a stop on an edge shared by two beats, or a vertex shared by several, goes to the first of
 *       them in file order, and its {@link Placement#onSharedBoundary()} is true;</li>
 *   <li>a stop on a beat's outer boundary belongs to it;</li>
 *   <li>a stop in a hole belongs to the beat that fills the hole (an enclave), else to none
 *       ({@link NoBeat#IN_HOLE});</li>
 *   <li>a stop without coordinates, with out-of-range coordinates (a swapped latitude of -122.37)
 *       or outside every beat (including (0, 0)) gets no beat, with the reason; nothing is
 *       dropped in silence, and {@link #summarizing()} counts every reason.</li>
 * </ul>
 * Geometry is planar on (longitude, latitude) — edges are straight lines in degrees, as GEOS and
 * JTS see them, not great circles (sf with s2 differs for stops within a metre of long east-west
 * edges). Predicates are exact (JTS's robust orientation in double-double arithmetic), so a stop
 * exactly on an edge, or one ulp off it, is placed exactly as GEOS places it. GeoJSON positions
 * are {@code [lng, lat]}; {@link #place(double, double)} takes latitude first, as
 * {@link GeoPoint} does.
 *
 * <h2>Beats</h2>
 * Each feature is a Polygon or MultiPolygon (holes allowed) with an id property; several features
 * with the same id form one beat, whose place in file order is that of its first feature.
 *
 * <h2>Speed</h2>
 * Each polygon part has an {@link IndexedPointInAreaLocator} (an interval tree over its edges), and
 * a uniform grid over the map lists, for each cell, the parts whose bounding box meets it, in file
 * order. A cell that lies wholly in the interior of one beat, met by no other (decided once, with
 * JTS's prepared {@code containsProperly} on the cell widened by a millionth of its size), answers
 * its points without a point-in-polygon test; the others test their few candidates exactly. A
 * placement allocates nothing but the query point: 10,000,000 stops on 100 beats take about a
 * second on one core (see BENCHMARKS.md).
 *
 * <p>Immutable and thread-safe: {@link #place} may be called from many threads (the indexes are
 * built in the constructor).
 */
public final class BeatMap {

    private static final Placement MISSING = Placement.none(NoBeat.MISSING_COORDINATES);
    private static final Placement INVALID = Placement.none(NoBeat.INVALID_COORDINATES);
    private static final Placement HOLE = Placement.none(NoBeat.IN_HOLE);
    private static final Placement OUTSIDE = Placement.none(NoBeat.OUTSIDE_EVERY_BEAT);

    private final String source;
    private final List<String> ids;
    private final Map<String, Integer> index;
    private final List<Map<String, Optional<String>>> properties;
    private final int[] featureCount;
    private final Geometry[] beatGeometry;
    private final IndexedPointInAreaLocator[] beatLocator;

    private final int[] partBeat;
    private final double[] pMinX;
    private final double[] pMinY;
    private final double[] pMaxX;
    private final double[] pMaxY;
    private final IndexedPointInAreaLocator[] partLocator;
    private final IndexedPointInAreaLocator[] shellLocator;

    private final double gMinX;
    private final double gMinY;
    private final double gMaxX;
    private final double gMaxY;
    private final double cellW;
    private final double cellH;
    private final int nx;
    private final int ny;
    private final int[][] cells;
    /** Per cell, the beat whose interior holds the whole cell (and no other beat meets it), else -1. */
    private final int[] inside;

    private final Placement[] alone;
    private final Placement[] shared;

    private BeatMap(String source, List<GeoJson.Feature> features) {
        this.source = source;
        Map<String, List<GeoJson.Feature>> byId = new LinkedHashMap<>();
        for (GeoJson.Feature f : features) {
            byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
        }
        this.ids = List.copyOf(byId.keySet());
        int n = ids.size();
        this.index = new LinkedHashMap<>();
        this.properties = new ArrayList<>();
        this.featureCount = new int[n];
        this.beatGeometry = new Geometry[n];
        this.beatLocator = new IndexedPointInAreaLocator[n];
        this.alone = new Placement[n];
        this.shared = new Placement[n];
        List<Polygon> parts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        int b = 0;
        for (Map.Entry<String, List<GeoJson.Feature>> e : byId.entrySet()) {
            index.put(e.getKey(), b);
            List<GeoJson.Feature> fs = e.getValue();
            featureCount[b] = fs.size();
            Map<String, Optional<String>> props = new LinkedHashMap<>();
            fs.get(0).properties().forEach((k, v) -> props.put(k, GeoJson.text(v)));
            properties.add(Collections.unmodifiableMap(props));
            Geometry g = fs.get(0).geometry();
            if (fs.size() > 1) {
                List<Geometry> gs = new ArrayList<>();
                fs.forEach(f -> gs.add(f.geometry()));
                g = GeoJson.FACTORY.buildGeometry(gs).union();
            }
            beatGeometry[b] = g;
            beatLocator[b] = locator(g);
            for (GeoJson.Feature f : fs) {
                for (int k = 0; k < f.geometry().getNumGeometries(); k++) {
                    parts.add((Polygon) f.geometry().getGeometryN(k));
                    owners.add(b);
                }
            }
            alone[b] = Placement.in(e.getKey(), false);
            shared[b] = Placement.in(e.getKey(), true);
            b++;
        }
        // Parts in file order of their beat (a stable sort keeps feature order within a beat).
        Integer[] order = new Integer[parts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(owners.get(x), owners.get(y)));
        int np = order.length;
        partBeat = new int[np];
        pMinX = new double[np];
        pMinY = new double[np];
        pMaxX = new double[np];
        pMaxY = new double[np];
        partLocator = new IndexedPointInAreaLocator[np];
        shellLocator = new IndexedPointInAreaLocator[np];
        Envelope all = new Envelope();
        for (int i = 0; i < np; i++) {
            Polygon p = parts.get(order[i]);
            partBeat[i] = owners.get(order[i]);
            Envelope env = p.getEnvelopeInternal();
            all.expandToInclude(env);
            pMinX[i] = env.getMinX();
            pMinY[i] = env.getMinY();
            pMaxX[i] = env.getMaxX();
            pMaxY[i] = env.getMaxY();
            partLocator[i] = locator(p);
            if (p.getNumInteriorRing() > 0) {
                shellLocator[i] = locator(GeoJson.FACTORY.createPolygon(p.getExteriorRing().getCoordinates()));
            }
        }
        gMinX = all.getMinX();
        gMinY = all.getMinY();
        gMaxX = all.getMaxX();
        gMaxY = all.getMaxY();
        int side = (int) Math.max(1, Math.min(512, Math.ceil(8 * Math.sqrt(np))));
        nx = side;
        ny = side;
        cellW = gMaxX > gMinX ? (gMaxX - gMinX) / nx : 1;
        cellH = gMaxY > gMinY ? (gMaxY - gMinY) / ny : 1;
        List<List<Integer>> lists = new ArrayList<>();
        for (int c = 0; c < nx * ny; c++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < np; i++) {
            int x0 = cellX(pMinX[i]);
            int x1 = cellX(pMaxX[i]);
            int y0 = cellY(pMinY[i]);
            int y1 = cellY(pMaxY[i]);
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1; y++) {
                    lists.get(y * nx + x).add(i);
                }
            }
        }
        cells = new int[nx * ny][];
        inside = new int[nx * ny];
        Polygon[] partPolygon = new Polygon[np];
        PreparedGeometry[] prepared = new PreparedGeometry[np];
        for (int i = 0; i < np; i++) {
            partPolygon[i] = parts.get(order[i]);
            prepared[i] = PreparedGeometryFactory.prepare(partPolygon[i]);
        }
        for (int c = 0; c < cells.length; c++) {
            cells[c] = lists.get(c).stream().mapToInt(Integer::intValue).toArray();
            inside[c] = -1;
            // A cell wholly in the interior of one part, and meeting no other part, answers every
            // point that falls in it without a point-in-polygon test. The cell is widened by a
            // millionth of its size so that rounding in cellX/cellY cannot place a point outside it.
            int cx = c % nx;
            int cy = c / nx;
            double mx = cellW * 1e-6;
            double my = cellH * 1e-6;
            Envelope cellEnv = new Envelope(gMinX + cx * cellW - mx, gMinX + (cx + 1) * cellW + mx,
                    gMinY + cy * cellH - my, gMinY + (cy + 1) * cellH + my);
            Geometry rect = GeoJson.FACTORY.toGeometry(cellEnv);
            int holder = -1;
            boolean clean = true;
            for (int k : cells[c]) {
                if (holder < 0 && prepared[k].containsProperly(rect)) {
                    holder = k;
                } else if (prepared[k].intersects(rect)) {
                    clean = false;
                    break;
                }
            }
            if (clean && holder >= 0) {
                for (int k : cells[c]) {
                    if (k != holder && prepared[k].intersects(rect)) {
                        clean = false;
                        break;
                    }
                }
                if (clean) {
                    inside[c] = partBeat[holder];
                }
            }
        }
    }

    private static IndexedPointInAreaLocator locator(Geometry g) {
        IndexedPointInAreaLocator l = new IndexedPointInAreaLocator(g);
        // Builds the index now, so that the map is immutable and safe to share between threads.
        l.locate(new Coordinate(Double.NaN, Double.NaN));
        return l;
    }

    // The same monotone arithmetic for parts' envelopes and for points, so that a point inside a
    // part's envelope always falls in a cell that lists the part.
    private int cellX(double x) {
        int c = (int) ((x - gMinX) / cellW);
        return c < 0 ? 0 : c >= nx ? nx - 1 : c;
    }

    private int cellY(double y) {
        int c = (int) ((y - gMinY) / cellH);
        return c < 0 ? 0 : c >= ny ? ny - 1 : c;
    }

    /**
     * Beats from a GeoJSON FeatureCollection file, the id in the property {@code idProperty}.
     *
     * @throws IllegalArgumentException naming the feature and the bad value when the file is not a
     *                                  FeatureCollection, a feature has no id, a geometry is not a
     *                                  Polygon or MultiPolygon, or a ring is open or too short
     */
    public static BeatMap fromGeoJson(Path file, String idProperty) {
        return new BeatMap(file.toString(), GeoJson.features(file, idProperty));
    }

    /** Beats from GeoJSON text; see {@link #fromGeoJson(Path, String)}. */
    public static BeatMap fromGeoJson(String geoJson, String idProperty) {
        return new BeatMap("GeoJSON", GeoJson.features(geoJson, idProperty));
    }

    /** The beat ids in file order (that of each beat's first feature). */
    public List<String> ids() {
        return ids;
    }

    /** The number of beats. */
    public int size() {
        return ids.size();
    }

    /**
     * The properties of a beat's first feature, in file order; a JSON {@code null} is an empty
     * optional, a number its JSON text, an object or list its JSON.
     *
     * @throws IllegalArgumentException if there is no such beat, listing the beats
     */
    public Map<String, Optional<String>> properties(String beat) {
        return properties.get(indexOf(beat));
    }

    /** How many features form a beat (more than one when features share its id). */
    public int features(String beat) {
        return featureCount[indexOf(beat)];
    }

    private int indexOf(String beat) {
        Integer i = index.get(beat);
        if (i == null) {
            throw Checks.notHeld("beat map", "beat", beat, ids);
        }
        return i;
    }

    /** The polygonal geometry of a beat in (lng, lat): the union of its features. */
    Geometry geometry(int beat) {
        return beatGeometry[beat];
    }

    /**
     * The beat of a point, or why it has none. NaN in either coordinate means "not recorded".
     *
     * @param latitude  degrees north (NaN when missing)
     * @param longitude degrees east (NaN when missing)
     * @return the placement; never null
     */
    public Placement place(double latitude, double longitude) {
        if (Double.isNaN(latitude) || Double.isNaN(longitude)) {
            return MISSING;
        }
        if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
            return INVALID;
        }
        double x = longitude;
        double y = latitude;
        if (x < gMinX || x > gMaxX || y < gMinY || y > gMaxY) {
            return OUTSIDE;
        }
        int cell = cellY(y) * nx + cellX(x);
        if (inside[cell] >= 0) {
            return alone[inside[cell]];
        }
        int[] cand = cells[cell];
        Coordinate c = new Coordinate(x, y);
        int first = -1;
        for (int k : cand) {
            if (x < pMinX[k] || x > pMaxX[k] || y < pMinY[k] || y > pMaxY[k]) {
                continue;
            }
            int beat = partBeat[k];
            if (beat == first) {
                continue;
            }
            if (partLocator[k].locate(c) != Location.EXTERIOR) {
                if (first < 0) {
                    first = beat;
                } else {
                    return shared[first];
                }
            }
        }
        if (first >= 0) {
            return alone[first];
        }
        for (int k : cand) {
            if (shellLocator[k] != null && shellLocator[k].locate(c) == Location.INTERIOR) {
                return HOLE;
            }
        }
        return OUTSIDE;
    }

    /** The beat of a point; see {@link #place(double, double)}. */
    public Placement place(GeoPoint point) {
        return place(point.latitude(), point.longitude());
    }

    /** The beat of a stop from its {@link Stop#location()}; {@link NoBeat#MISSING_COORDINATES} when it has none. */
    public Placement place(Stop stop) {
        Optional<GeoPoint> at = stop.location();
        return at.isPresent() ? place(at.get().latitude(), at.get().longitude()) : MISSING;
    }

    /**
     * The stop with its beat set from its coordinates: the assigned beat, or
     * {@link Stop#UNKNOWN_BEAT} when it has none (use {@link #place(Stop)} for the reason, and
     * {@link #summarizing()} to count the reasons). The beat recorded in the stop is replaced.
     */
    public Stop reassign(Stop stop) {
        return stop.toBuilder().beat(place(stop).beat().orElse(Stop.UNKNOWN_BEAT)).build();
    }

    /**
     * Every beat a point intersects (interior or boundary), in file order: {@code sf::st_intersects}.
     * Empty for missing or out-of-range coordinates.
     */
    public List<String> intersecting(double latitude, double longitude) {
        return located(latitude, longitude, false);
    }

    /**
     * Every beat whose interior holds a point, in file order: {@code sf::st_within} (a point on
     * any boundary, including a hole's ring, is not within). Empty for missing or out-of-range
     * coordinates.
     */
    public List<String> within(double latitude, double longitude) {
        return located(latitude, longitude, true);
    }

    private List<String> located(double latitude, double longitude, boolean interior) {
        List<String> out = new ArrayList<>();
        if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
            return out;
        }
        Coordinate c = new Coordinate(longitude, latitude);
        for (int b = 0; b < ids.size(); b++) {
            int loc = beatLocator[b].locate(c);
            if (interior ? loc == Location.INTERIOR : loc != Location.EXTERIOR) {
                out.add(ids.get(b));
            }
        }
        return out;
    }

    /**
     * Counts placements into an {@link AssignmentSummary} listing every beat of this map (a
     * mergeable collector: {@code stops.parallelStream().map(map::place).collect(map.summarizing())}).
     */
    public Collector<Placement, ?, AssignmentSummary> summarizing() {
        return Collector.of(Counter::new, Counter::add, Counter::merge, Counter::result);
    }

    private final class Counter {
        private final long[] byBeat = new long[ids.size()];
        private final long[] reasons = new long[NoBeat.values().length];
        private long stops;
        private long onShared;

        void add(Placement p) {
            stops++;
            if (p.beat().isPresent()) {
                byBeat[indexOf(p.beat().get())]++;
                if (p.onSharedBoundary()) {
                    onShared++;
                }
            } else {
                reasons[p.noBeat().orElseThrow().ordinal()]++;
            }
        }

        Counter merge(Counter o) {
            for (int i = 0; i < byBeat.length; i++) {
                byBeat[i] += o.byBeat[i];
            }
            for (int i = 0; i < reasons.length; i++) {
                reasons[i] += o.reasons[i];
            }
            stops += o.stops;
            onShared += o.onShared;
            return this;
        }

        AssignmentSummary result() {
            Map<String, Long> beats = new LinkedHashMap<>();
            for (int i = 0; i < byBeat.length; i++) {
                beats.put(ids.get(i), byBeat[i]);
            }
            Map<NoBeat, Long> why = new EnumMap<>(NoBeat.class);
            for (NoBeat r : NoBeat.values()) {
                why.put(r, reasons[r.ordinal()]);
            }
            return new AssignmentSummary(stops, beats, why, onShared);
        }
    }

    /** E.g. {@code BeatMap[10 beats from 11 features in beats.geojson: N1, N2, ...]}. */
    @Override
    public String toString() {
        int features = 0;
        for (int f : featureCount) {
            features += f;
        }
        return Format.f("BeatMap[%d beats from %d features in %s: %s]", ids.size(), features, source,
                Checks.list(ids));
    }
}
