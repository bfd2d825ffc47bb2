package io.github.peelmetrics.geo;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Census blocks apportioned to beats by area, as {@code sf::st_interpolate_aw} (sf 1.0-9, GEOS
 * 3.11): the overlay of blocks and beats into pieces (block ∩ beat), then
 * {@link AreaWeighting#EXTENSIVE} counts and {@link AreaWeighting#INTENSIVE} averages.
 *
 * <p>Areas must be measured in a projected system: {@link #projected} projects every vertex of
 * both layers (lon/lat WGS 84) with a {@link TransverseMercator} (UTM) and joins them by straight
 * lines, as {@code st_transform} does (no densification); {@link #planar} takes the coordinates as
 * they are (already projected, or lon/lat treated as planar degrees, which distorts areas).
 *
 * <p>Rules, each as sf applies them:
 * <ul>
 *   <li>a piece is a (block, beat) pair whose intersection has positive area; its weight is its
 *       area over the whole block's area;</li>
 *   <li>pairs that meet only along an edge or at a point ({@link #touchingPairs()}) take part with
 *       area 0: a beat that only touches blocks gets extensive 0 and intensive NaN;</li>
 *   <li>a beat that meets no block gets no value (sf drops it);</li>
 *   <li>a missing block value follows {@link MissingValues}.</li>
 * </ul>
 * The overlay is JTS's {@code OverlayNGRobust} intersection (JTS is the Java original of GEOS),
 * with an STR-tree of the beats and prepared block geometries to find the pairs.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArealInterpolation {

    private final String system;
    private final CensusBlocks blocks;
    private final List<String> beatIds;
    private final double[] blockArea;
    private final double[] beatArea;
    private final double[] coveredArea;
    private final int[] pairBlock;
    private final int[] pairBeat;
    private final double[] pairArea;
    private final List<Piece> pieces;
    private final List<TouchingPair> touching;

    private ArealInterpolation(String system, CensusBlocks blocks, BeatMap beats, UnaryOperator<Geometry> transform) {
        this.system = system;
        this.blocks = blocks;
        this.beatIds = beats.ids();
        int nb = blocks.size();
        int nt = beats.size();
        Geometry[] bg = new Geometry[nb];
        Geometry[] tg = new Geometry[nt];
        blockArea = new double[nb];
        beatArea = new double[nt];
        coveredArea = new double[nt];
        STRtree tree = new STRtree();
        for (int j = 0; j < nt; j++) {
            tg[j] = transform.apply(beats.geometry(j));
            beatArea[j] = tg[j].getArea();
            tree.insert(tg[j].getEnvelopeInternal(), j);
        }
        tree.build();
        List<int[]> pairs = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        List<TouchingPair> touching = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            bg[i] = transform.apply(blocks.geometry(i));
            blockArea[i] = bg[i].getArea();
            PreparedGeometry prep = PreparedGeometryFactory.prepare(bg[i]);
            List<Integer> cand = new ArrayList<>();
            for (Object o : tree.query(bg[i].getEnvelopeInternal())) {
                cand.add((Integer) o);
            }
            Collections.sort(cand);
            for (int j : cand) {
                if (!prep.intersects(tg[j])) {
                    continue;
                }
                Geometry inter = OverlayNGRobust.overlay(bg[i], tg[j], OverlayNG.INTERSECTION);
                double a = inter.getArea();
                pairs.add(new int[] {i, j});
                if (a > 0) {
                    areas.add(a);
                    coveredArea[j] += a;
                    pieces.add(new Piece(blocks.ids().get(i), beatIds.get(j), a, a / blockArea[i]));
                } else {
                    areas.add(0.0);
                    touching.add(new TouchingPair(blocks.ids().get(i), beatIds.get(j), Math.max(0, inter.getDimension())));
                }
            }
        }
        pairBlock = new int[pairs.size()];
        pairBeat = new int[pairs.size()];
        pairArea = new double[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            pairBlock[k] = pairs.get(k)[0];
            pairBeat[k] = pairs.get(k)[1];
            pairArea[k] = areas.get(k);
        }
        this.pieces = List.copyOf(pieces);
        this.touching = List.copyOf(touching);
    }

    /**
     * The overlay of blocks and beats (both in lon/lat WGS 84) with areas in metres of a
     * transverse Mercator projection, e.g. {@code TransverseMercator.utmNorth(10)} for Seattle.
     */
    public static ArealInterpolation projected(CensusBlocks blocks, BeatMap beats, TransverseMercator projection) {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(beats, "beats");
        Objects.requireNonNull(projection, "projection");
        return new ArealInterpolation(projection.toString(), blocks, beats, g -> project(g, projection));
    }

    /**
     * The overlay with areas in the coordinates' own units: for layers already projected (both
     * in the same system), or lon/lat treated as planar degrees (areas in square degrees, as sf
     * without a CRS).
     */
    public static ArealInterpolation planar(CensusBlocks blocks, BeatMap beats) {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(beats, "beats");
        return new ArealInterpolation("planar coordinates", blocks, beats, g -> g);
    }

    private static Geometry project(Geometry g, TransverseMercator tm) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] en = tm.forward(seq.getY(i), seq.getX(i));
                seq.setOrdinate(i, CoordinateSequence.X, en[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, en[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** The coordinate system the areas are in. */
    public String system() {
        return system;
    }

    /** The pieces (positive-area block ∩ beat), by block then beat, in file order. */
    public List<Piece> pieces() {
        return pieces;
    }

    /** The pairs that meet only along an edge or at a point, by block then beat. */
    public List<TouchingPair> touchingPairs() {
        return touching;
    }

    /** A block's area. */
    public double blockArea(String block) {
        return blockArea[blockIndex(block)];
    }

    /** A beat's own area. */
    public double beatArea(String beat) {
        return beatArea[beatIndex(beat)];
    }

    /** The part of a beat's area covered by blocks: the sum of its pieces (the intensive denominator). */
    public double coveredArea(String beat) {
        return coveredArea[beatIndex(beat)];
    }

    private int blockIndex(String block) {
        int i = blocks.ids().indexOf(block);
        if (i < 0) {
            throw Checks.notHeld("areal interpolation", "block", block, blocks.ids());
        }
        return i;
    }

    private int beatIndex(String beat) {
        int i = beatIds.indexOf(beat);
        if (i < 0) {
            throw Checks.notHeld("areal interpolation", "beat", beat, beatIds);
        }
        return i;
    }

    /** Counts apportioned to beats, missing values propagated as sf 1.0-9 does. */
    public Interpolated extensive(String... variables) {
        return interpolate(AreaWeighting.EXTENSIVE, MissingValues.PROPAGATE, variables);
    }

    /** Averages apportioned to beats, missing values propagated as sf 1.0-9 does. */
    public Interpolated intensive(String... variables) {
        return interpolate(AreaWeighting.INTENSIVE, MissingValues.PROPAGATE, variables);
    }

    /**
     * Block values apportioned to beats.
     *
     * @throws IllegalArgumentException if no variable is given, one repeats, or the blocks do not
     *                                  hold it (listing what they hold) or hold a non-number
     */
    public Interpolated interpolate(AreaWeighting weighting, MissingValues missing, String... variables) {
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(variables, "variables");
        if (variables.length == 0) {
            throw new IllegalArgumentException("name at least one variable to interpolate; the blocks hold: "
                    + Checks.list(blocks.properties()));
        }
        Set<String> vars = new LinkedHashSet<>(List.of(variables));
        if (vars.size() != variables.length) {
            throw new IllegalArgumentException("a variable is named twice: " + List.of(variables));
        }
        int nb = blocks.size();
        OptionalDouble[][] v = new OptionalDouble[variables.length][];
        for (int k = 0; k < variables.length; k++) {
            v[k] = blocks.values(variables[k]);
        }
        boolean[] keep = new boolean[nb];
        for (int i = 0; i < nb; i++) {
            keep[i] = true;
            if (missing == MissingValues.DROP_BLOCKS) {
                keep[i] = blocks.complete(i);
            }
        }
        Map<String, Map<String, OptionalDouble>> out = new LinkedHashMap<>();
        for (int j = 0; j < beatIds.size(); j++) {
            Map<String, OptionalDouble> row = new LinkedHashMap<>();
            for (int k = 0; k < variables.length; k++) {
                boolean meets = false;
                boolean na = false;
                double num = 0;
                double den = 0;
                for (int p = 0; p < pairBeat.length; p++) {
                    if (pairBeat[p] != j || !keep[pairBlock[p]]) {
                        continue;
                    }
                    meets = true;
                    OptionalDouble x = v[k][pairBlock[p]];
                    if (x.isEmpty()) {
                        na = true;
                        continue;
                    }
                    if (weighting == AreaWeighting.EXTENSIVE) {
                        num += x.getAsDouble() * pairArea[p] / blockArea[pairBlock[p]];
                    } else {
                        num += x.getAsDouble() * pairArea[p];
                        den += pairArea[p];
                    }
                }
                OptionalDouble value;
                if (!meets || na) {
                    value = OptionalDouble.empty();
                } else {
                    value = OptionalDouble.of(weighting == AreaWeighting.EXTENSIVE ? num : num / den);
                }
                row.put(variables[k], value);
            }
            out.put(beatIds.get(j), row);
        }
        return new Interpolated(system, weighting, missing, List.of(variables), out);
    }

    /** E.g. {@code ArealInterpolation[96 blocks x 7 beats in EPSG:32610 (WGS 84 / UTM zone 10N): 124 pieces, 9 touching pairs]}. */
    @Override
    public String toString() {
        return Format.f("ArealInterpolation[%d blocks x %d beats in %s: %d pieces, %d touching pairs]", blocks.size(),
                beatIds.size(), system, pieces.size(), touching.size());
    }
}
