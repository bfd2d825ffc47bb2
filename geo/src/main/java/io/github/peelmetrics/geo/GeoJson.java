package io.github.peelmetrics.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.peelmetrics.core.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON FeatureCollection of Polygon and MultiPolygon features (RFC 7946: positions
 * {@code [x, y]}, i.e. {@code [lng, lat]}). Decimals are parsed correctly rounded (Jackson's
 * double parsing is {@code Double.parseDouble}'s). Every error names the source, the feature
 * (position and id) and the bad value. Not API.
 */
final class GeoJson {

    static final GeometryFactory FACTORY = new GeometryFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One feature: its position in the file (0-based), id, properties and polygonal geometry. */
    record Feature(int index, String id, Map<String, JsonNode> properties, Geometry geometry) {
        String where(String source) {
            return String.format(Locale.ROOT, "%s feature %d (id \"%s\")", source, index + 1, id);
        }
    }

    private GeoJson() {}

    static JsonNode parse(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode parse(String json, String source) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The features of a FeatureCollection file, the id in {@code idProperty} (checked first). */
    static List<Feature> features(Path file, String idProperty) {
        Objects.requireNonNull(file, "file");
        Checks.name("id property", idProperty);
        return features(parse(file), idProperty, file.toString());
    }

    /** The features of FeatureCollection text, named "GeoJSON" in messages. */
    static List<Feature> features(String geoJson, String idProperty) {
        Objects.requireNonNull(geoJson, "geoJson");
        Checks.name("id property", idProperty);
        return features(parse(geoJson, "GeoJSON"), idProperty, "GeoJSON");
    }

    /** The features of a FeatureCollection, in file order. */
    static List<Feature> features(JsonNode root, String idProperty, String source) {
        if (!"FeatureCollection".equals(root.path("type").asText(null))) {
            throw new IllegalArgumentException(source + ": expected a GeoJSON FeatureCollection, got type "
                    + root.path("type"));
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new IllegalArgumentException(source + ": \"features\" is not a list: " + shorten(features));
        }
        List<Feature> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : features) {
            String at = String.format(Locale.ROOT, "%s feature %d", source, i + 1);
            JsonNode props = f.path("properties");
            if (!props.isObject()) {
                throw new IllegalArgumentException(at + ": \"properties\" is not an object: " + shorten(props));
            }
            JsonNode idNode = props.path(idProperty);
            if (!(idNode.isTextual() || idNode.isIntegralNumber()) || idNode.asText().isBlank()) {
                throw new IllegalArgumentException(at + ": id property \"" + idProperty
                        + "\" is missing, blank or not a text or integer: " + shorten(idNode) + " (properties: "
                        + shorten(props) + ")");
            }
            String id = idNode.asText();
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                properties.put(e.getKey(), e.getValue());
            }
            String where = at + " (id \"" + id + "\")";
            Geometry g = geometry(f.path("geometry"), where);
            out.add(new Feature(i, id, Collections.unmodifiableMap(properties), g));
            i++;
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": the FeatureCollection holds no feature");
        }
        return out;
    }

    /** A property as text: empty for JSON null or an absent property. */
    static Optional<String> text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(value.isValueNode() ? value.asText() : value.toString());
    }

    private static Geometry geometry(JsonNode g, String where) {
        String type = g.path("type").asText("");
        JsonNode coords = g.path("coordinates");
        switch (type) {
            case "Polygon":
                return polygon(coords, where);
            case "MultiPolygon": {
                if (!coords.isArray() || coords.isEmpty()) {
                    throw new IllegalArgumentException(where + ": MultiPolygon coordinates are not a non-empty list: "
                            + shorten(coords));
                }
                Polygon[] parts = new Polygon[coords.size()];
                for (int k = 0; k < parts.length; k++) {
                    parts[k] = polygon(coords.get(k), where + " part " + (k + 1));
                }
                return FACTORY.createMultiPolygon(parts);
            }
            default:
                throw new IllegalArgumentException(where + ": geometry type must be Polygon or MultiPolygon, got "
                        + (g.isMissingNode() || g.isNull() ? "no geometry" : "\"" + type + "\""));
        }
    }

    private static Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(where + ": Polygon coordinates are not a non-empty list of rings: "
                    + shorten(rings));
        }
        LinearRing shell = ring(rings.get(0), where + " exterior ring");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int k = 1; k < rings.size(); k++) {
            holes[k - 1] = ring(rings.get(k), where + " hole " + k);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode ring, String where) {
        if (!ring.isArray() || ring.size() < 4) {
            throw new IllegalArgumentException(where + " must list at least 4 positions (closed): " + shorten(ring));
        }
        Coordinate[] cs = new Coordinate[ring.size()];
        for (int k = 0; k < cs.length; k++) {
            JsonNode p = ring.get(k);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException(where + " position " + (k + 1)
                        + " is not [x, y] numbers: " + shorten(p));
            }
            double x = p.get(0).doubleValue();
            double y = p.get(1).doubleValue();
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException(where + " position " + (k + 1) + " is not finite: " + shorten(p));
            }
            cs[k] = new Coordinate(x, y);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException(where + " is not closed: first position " + shorten(ring.get(0))
                    + ", last " + shorten(ring.get(cs.length - 1)));
        }
        return FACTORY.createLinearRing(cs);
    }

    static String shorten(JsonNode n) {
        String s = n == null || n.isMissingNode() ? "(absent)" : n.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
