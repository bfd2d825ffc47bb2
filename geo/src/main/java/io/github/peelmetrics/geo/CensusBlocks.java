package io.github.peelmetrics.geo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * Census blocks (or any source areas) with numeric attributes, read from GeoJSON: the source of
 * an {@link ArealInterpolation}. A JSON {@code null} attribute is missing (sf's {@code NA}); a
 * missing value is never read as 0.
 *
 * <p>Immutable and thread-safe.
 */
public final class CensusBlocks {

    private final String source;
    private final List<String> ids;
    private final List<GeoJson.Feature> features;
    private final List<String> properties;

    private CensusBlocks(String source, List<GeoJson.Feature> features) {
        this.source = source;
        this.features = List.copyOf(features);
        List<String> ids = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> props = new LinkedHashSet<>();
        for (GeoJson.Feature f : features) {
            if (!seen.add(f.id())) {
                throw new IllegalArgumentException(f.where(source) + ": block id repeats an earlier feature's");
            }
            ids.add(f.id());
            props.addAll(f.properties().keySet());
        }
        this.ids = List.copyOf(ids);
        this.properties = List.copyOf(props);
    }

    /**
     * Blocks from a GeoJSON FeatureCollection file (Polygon or MultiPolygon features), the id in
     * the property {@code idProperty}.
     *
     * @throws IllegalArgumentException naming the feature and the bad value (see {@link BeatMap#fromGeoJson}),
     *                                  or when two features share an id
     */
    public static CensusBlocks fromGeoJson(Path file, String idProperty) {
        return new CensusBlocks(file.toString(), GeoJson.features(file, idProperty));
    }

    /** Blocks from GeoJSON text; see {@link #fromGeoJson(Path, String)}. */
    public static CensusBlocks fromGeoJson(String geoJson, String idProperty) {
        return new CensusBlocks("GeoJSON", GeoJson.features(geoJson, idProperty));
    }

    /** The block ids in file order. */
    public List<String> ids() {
        return ids;
    }

    /** The number of blocks. */
    public int size() {
        return ids.size();
    }

    /** Every property name any block has, in order of first appearance. */
    public List<String> properties() {
        return properties;
    }

    /**
     * A numeric attribute of one block; empty when it is JSON {@code null} (missing).
     *
     * @throws IllegalArgumentException if there is no such block or variable (listing what is
     *                                  held), or the value is not a number
     */
    public OptionalDouble value(String block, String variable) {
        int i = ids.indexOf(block);
        if (i < 0) {
            throw Checks.notHeld("census blocks", "block", block, ids);
        }
        return values(variable)[i];
    }

    /** Every block's value of a variable, in block order (empty = missing). */
    OptionalDouble[] values(String variable) {
        Checks.name("variable", variable);
        if (!properties.contains(variable)) {
            throw Checks.notHeld("census blocks in " + source, "variable", variable, properties);
        }
        OptionalDouble[] out = new OptionalDouble[features.size()];
        for (int i = 0; i < out.length; i++) {
            GeoJson.Feature f = features.get(i);
            JsonNode v = f.properties().get(variable);
            if (v == null) {
                throw new IllegalArgumentException(f.where(source) + " has no property \"" + variable
                        + "\" (use JSON null for a missing value)");
            }
            if (v.isNull()) {
                out[i] = OptionalDouble.empty();
            } else if (v.isNumber() && Double.isFinite(v.doubleValue())) {
                out[i] = OptionalDouble.of(v.doubleValue());
            } else {
                throw new IllegalArgumentException(f.where(source) + " property \"" + variable
                        + "\" is not a finite number or null: " + GeoJson.shorten(v));
            }
        }
        return out;
    }

    /** Whether no property of a block is JSON {@code null}. */
    boolean complete(int block) {
        for (JsonNode v : features.get(block).properties().values()) {
            if (v.isNull()) {
                return false;
            }
        }
        return true;
    }

    Geometry geometry(int block) {
        return features.get(block).geometry();
    }

    /** E.g. {@code CensusBlocks[96 blocks in blocks.geojson; properties block, pop, ...]}. */
    @Override
    public String toString() {
        return Format.f("CensusBlocks[%d blocks in %s; properties %s]", ids.size(), source, Checks.list(properties));
    }
}
