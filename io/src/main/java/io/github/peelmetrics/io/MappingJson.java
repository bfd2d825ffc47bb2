package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads a {@link Mapping} from a small JSON document (see {@link Mapping#fromJson(RecordType, Path)}):
 * a tree of strings, never a bound class. Every error names the source, the key and what is wrong;
 * a field the record type does not have also lists the valid fields.
 */
final class MappingJson {
    private MappingJson() {}

    private static final List<String> KEYS = List.of("preset", "zone", "items", "attributes", "columns", "missing",
            "unknown_values", "date_formats", "codebooks", "constants");

    static <T> Mapping<T> read(RecordType<T> type, Path file) {
        Objects.requireNonNull(type, "record type of mapping must not be null");
        Objects.requireNonNull(file, "mapping file must not be null");
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_MAPPING_BYTES) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "mapping file %s is over %,d bytes: %,d", file, Limits.MAX_MAPPING_BYTES, size));
            }
            return parse(type, Files.readString(file), "mapping file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping file " + file, e);
        }
    }

    static <T> Mapping<T> parse(RecordType<T> type, String json, String source) {
        Objects.requireNonNull(type, "record type of mapping must not be null");
        Objects.requireNonNull(json, "mapping JSON must not be null");
        JsonNode root;
        try {
            root = Jackson.TREE_READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(source + ": unknown key \"" + k + "\"" + Names.suggestion(k, KEYS)
                        + "; the keys are: " + Names.list(KEYS));
            }
        }
        String preset = text(root, "preset", source, "generic");
        Mapping<T> m = switch (preset) {
            case "generic" -> Mapping.generic(type);
            case "open_policing" -> Mapping.openPolicing(type);
            default -> throw new IllegalArgumentException(source + ": preset must be generic or open_policing: \""
                    + preset + "\"");
        };
        if (root.has("zone")) {
            String z = text(root, "zone", source, "");
            try {
                m = m.zone(ZoneId.of(z));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(source + ": zone is not a time zone id: \"" + z + "\"", e);
            }
        }
        if (root.has("items")) {
            List<String> items = strings(root.get("items"), source, "items");
            m = apply(m, source, "items", x -> x.items(items.toArray(String[]::new)));
        }
        if (root.has("attributes")) {
            List<String> attributes = strings(root.get("attributes"), source, "attributes");
            m = apply(m, source, "attributes", x -> x.attributes(attributes.toArray(String[]::new)));
        }
        for (Map.Entry<String, JsonNode> e : entries(root, "columns", source)) {
            String key = "columns." + e.getKey();
            List<String> cols = strings(e.getValue(), source, key);
            m = apply(m, source, key, x -> x.column(e.getKey(), cols.toArray(String[]::new)));
        }
        if (root.has("missing")) {
            List<String> tokens = strings(root.get("missing"), source, "missing");
            m = apply(m, source, "missing", x -> x.missing(tokens.toArray(String[]::new)));
        }
        if (root.has("unknown_values")) {
            String u = text(root, "unknown_values", source, "");
            UnknownValues policy;
            try {
                policy = UnknownValues.valueOf(u.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": unknown_values must be map_to_unknown, keep or reject: \""
                        + u + "\"", e);
            }
            m = m.unknownValues(policy);
        }
        if (root.has("date_formats")) {
            List<String> formats = strings(root.get("date_formats"), source, "date_formats");
            m = apply(m, source, "date_formats", x -> x.dateFormats(formats.toArray(String[]::new)));
        }
        for (Map.Entry<String, JsonNode> e : entries(root, "codebooks", source)) {
            String key = "codebooks." + e.getKey();
            Mapping<T> current = m;
            Codebook book = setting(source, key, () -> current.codebook(e.getKey())).orElse(Codebook.empty());
            for (Map.Entry<String, JsonNode> entry : object(e.getValue(), source, key)) {
                if (!entry.getValue().isTextual()) {
                    throw new IllegalArgumentException(source + ": " + key + "." + entry.getKey()
                            + " must be a string code: " + entry.getValue());
                }
                book = book.with(entry.getKey(), entry.getValue().asText());
            }
            Codebook b = book;
            m = apply(m, source, key, x -> x.codebook(e.getKey(), b));
        }
        for (Map.Entry<String, JsonNode> e : entries(root, "constants", source)) {
            String key = "constants." + e.getKey();
            JsonNode v = e.getValue();
            if (!v.isTextual() && !v.isNumber()) {
                throw new IllegalArgumentException(source + ": " + key + " must be a string or a number: " + v);
            }
            m = apply(m, source, key, x -> x.constant(e.getKey(), v.asText()));
        }
        return m;
    }

    /** Applies one setting; an {@link IllegalArgumentException} is given the source and the key. */
    private static <T> Mapping<T> apply(Mapping<T> m, String source, String key, UnaryOperator<Mapping<T>> setting) {
        return setting(source, key, () -> setting.apply(m));
    }

    /** Reads one setting; an {@link IllegalArgumentException} is given the source and the key. */
    private static <R> R setting(String source, String key, Supplier<R> setting) {
        try {
            return setting.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + key + ": " + e.getMessage(), e);
        }
    }

    /** The entries of an object-valued key (none when the key is absent). */
    private static List<Map.Entry<String, JsonNode>> entries(JsonNode root, String key, String source) {
        return root.has(key) ? object(root.get(key), source, key) : List.of();
    }

    private static List<Map.Entry<String, JsonNode>> object(JsonNode n, String source, String key) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(source + ": " + key + " must be an object: " + n);
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        n.fields().forEachRemaining(out::add);
        return out;
    }

    private static String text(JsonNode root, String key, String source, String dflt) {
        JsonNode n = root.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(source + ": " + key + " must be a string: " + n);
        }
        return n.asText();
    }

    private static List<String> strings(JsonNode n, String source, String key) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw new IllegalArgumentException(source + ": " + key + " must hold strings: " + e);
                }
                out.add(e.asText());
            }
        } else {
            throw new IllegalArgumentException(source + ": " + key + " must be a string or a list of strings: " + n);
        }
        return out;
    }
}
