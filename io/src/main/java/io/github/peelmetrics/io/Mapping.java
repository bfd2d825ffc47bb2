package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which column holds which Peel field, how raw values map to categories, and how to read missing
 * values, dates and times. Immutable; every {@code with}-style method returns a changed copy and
 * checks its argument at once.
 *
 * <p><b>Fields.</b> A field is named by its column in the generic layout (below); each field has
 * one or more candidate columns, and a row's value is that of the first candidate column present
 * whose cell is not missing. {@link #column(String, String...)} renames. Fields of each record type:
 * <ul>
 * <li>stops: {@code stop_id} (columns {@code raw_row_number}, {@code stop_id}), {@code date},
 *     {@code time} (or one {@code datetime} column), {@code lat}, {@code lng}, {@code beat},
 *     {@code subject_race}, {@code subject_age}, {@code subject_sex}, {@code type}, {@code officer_id}
 *     (columns {@code officer_id_hash}, {@code officer_id}), {@code reason_for_stop},
 *     {@code search_conducted}, {@code search_basis}, {@code contraband_found}, {@code outcome},
 *     {@code arrest_made}, {@code citation_issued}, {@code warning_issued}, {@code use_of_force};
 *     the Open Policing Project columns {@code location}, {@code district} and
 *     {@code frisk_performed} have no place in {@code Stop} and are not read;</li>
 * <li>survey responses: {@code respondent_id}, {@code wave}, {@code date}, {@code race},
 *     {@code age_group}, {@code sex}, {@code beat}, {@code base_weight}, the
 *     {@linkplain #attributes(String...) attribute} columns, and item columns (integers; by default
 *     every column not used otherwise);</li>
 * <li>beats (long format, one row per beat and group): {@code beat}, {@code district}, {@code race},
 *     {@code population};</li>
 * <li>complaints: {@code complaint_id}, {@code received}, {@code closed}, {@code beat},
 *     {@code officer_ids} ({@code ;}-separated), {@code allegation}, {@code finding},
 *     {@code complainant_race}, {@code complainant_sex}, {@code source};</li>
 * <li>officers: {@code officer_id}, {@code race}, {@code sex}, {@code hired};</li>
 * <li>assignments: {@code officer_id}, {@code beat}, {@code date}, {@code shift}.</li>
 * </ul>
 * A field with the candidate column {@link #ROW_NUMBER} takes the row's number (1 = first data
 * row) as its value: an id for exports that have none.
 *
 * <p><b>Values.</b> A cell is missing when it is empty or equals (ignoring case and surrounding
 * space) one of the {@linkplain #missing(String...) missing tokens}. Fields whose name ends in
 * {@code race}, {@code sex} or {@code age_group} map raw values through a {@link Codebook}; other
 * categorical fields through an optional codebook and the constants' names. Flags accept
 * {@code TRUE/FALSE}, {@code T/F}, {@code Y/N}, {@code YES/NO} and {@code 1/0}. Dates are tried in
 * the {@linkplain #dateFormats(String...) date formats} in order; times are {@code H:mm},
 * {@code H:mm:ss} or {@code H:mm:ss.fffffffff}, or {@code h:mm a} / {@code h:mm:ss a}. Stop times
 * are local times in the mapping's {@linkplain #zone(ZoneId) zone}, which must be given: Peel
 * never guesses a zone (in a daylight-saving overlap the earlier offset is used, in a gap the time
 * moves forward, as {@link java.time.ZonedDateTime#of} does).
 */
public final class Mapping {

    /** A pseudo-column whose value is the row's number (1 = first data row). */
    public static final String ROW_NUMBER = "#row";

    /** The date formats of {@link #generic()}, in the order tried. */
    public static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd", "M/d/yyyy", "yyyy/M/d",
            "yyyyMMdd", "yyyy-MM-dd'T'HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]");

    private final Map<String, List<String>> columns;
    private final Map<String, Codebook> codebooks;
    private final Map<String, String> constants;
    private final Set<String> missing;
    private final UnknownValues unknownValues;
    private final Optional<ZoneId> zone;
    private final List<String> dateFormats;
    private final List<String> items;
    private final List<String> attributes;

    private Mapping(Map<String, List<String>> columns, Map<String, Codebook> codebooks, Map<String, String> constants,
            Set<String> missing, UnknownValues unknownValues, Optional<ZoneId> zone, List<String> dateFormats,
            List<String> items, List<String> attributes) {
        this.columns = Collections.unmodifiableMap(columns);
        this.codebooks = Collections.unmodifiableMap(codebooks);
        this.constants = Collections.unmodifiableMap(constants);
        this.missing = Collections.unmodifiableSet(missing);
        this.unknownValues = unknownValues;
        this.zone = zone;
        this.dateFormats = List.copyOf(dateFormats);
        this.items = List.copyOf(items);
        this.attributes = List.copyOf(attributes);
    }


    /**
     * The generic layout: every field read from the column of its own name (stop ids from
     * {@code raw_row_number} or {@code stop_id}, officer ids from {@code officer_id_hash} or
     * {@code officer_id}); only empty cells missing; codebooks that know the standard categories by
     * code and label ({@link Codebook#of}); unknown values {@linkplain UnknownValues#KEEP kept} as
     * categories of their own; the {@link #DEFAULT_DATE_FORMATS}; no zone.
     */
    public static Mapping generic() {
        Map<String, List<String>> cols = new LinkedHashMap<>();
        cols.put("stop_id", List.of("raw_row_number", "stop_id"));
        cols.put("officer_id", List.of("officer_id_hash", "officer_id"));
        Map<String, Codebook> books = new LinkedHashMap<>();
        Codebook races = Codebook.of(io.github.peelmetrics.core.Races.all());
        Codebook sexes = Codebook.of(io.github.peelmetrics.core.Sexes.all());
        books.put("race", races);
        books.put("sex", sexes);
        books.put("age_group", Codebook.ageGroups());
        return new Mapping(cols, books, Map.of(), new LinkedHashSet<>(List.of("")), UnknownValues.KEEP,
                Optional.empty(), DEFAULT_DATE_FORMATS, List.of(), List.of());
    }

    /**
     * The Stanford Open Policing Project's standardized schema (Pierson et al. 2020, and the
     * project's data readme): the generic columns (which are the project's), {@code NA} and empty
     * cells missing, the synonym-rich {@link Codebook#races()} and {@link Codebook#sexes()}, and
     * values no codebook knows {@linkplain UnknownValues#MAP_TO_UNKNOWN mapped to unknown} with a
     * count. Set the zone with {@link #zone(ZoneId)} before reading stops.
     */
    public static Mapping openPolicing() {
        Mapping g = generic();
        Map<String, Codebook> books = new LinkedHashMap<>(g.codebooks);
        books.put("race", Codebook.races());
        books.put("sex", Codebook.sexes());
        return new Mapping(g.columns, books, g.constants, new LinkedHashSet<>(List.of("", "na")),
                UnknownValues.MAP_TO_UNKNOWN, Optional.empty(), g.dateFormats, g.items, g.attributes);
    }

    /**
     * Reads a mapping from a small JSON file (at most 1 MB), for example:
     * <pre>{@code
     * {"preset": "open_policing", "zone": "America/New_York",
     *  "columns": {"date": "stop_date", "subject_race": "driver_race", "stop_id": "#row"},
     *  "missing": ["", "NA", "NULL"], "unknown_values": "reject",
     *  "date_formats": ["yyyy-MM-dd", "M/d/yyyy"],
     *  "codebooks": {"outcome": {"Arrest Driver": "arrest"}, "subject_race": {"I": "other"}},
     *  "constants": {"wave": "2016"}, "items": ["approve", "q1"], "attributes": ["language"]}
     * }</pre>
     * {@code preset} is {@code generic} (the default) or {@code open_policing}; a column may be a
     * string or a list of candidates; codebook entries add to the preset's codebook of that field.
     *
     * @throws IllegalArgumentException naming the key and value when the file is not such a mapping
     * @throws UncheckedIOException     when it cannot be read
     */
    public static Mapping fromJson(Path file) {
        Objects.requireNonNull(file, "mapping file must not be null");
        try {
            if (Files.size(file) > 1_000_000) {
                throw new IllegalArgumentException("mapping file " + file + " is over 1 MB: " + Files.size(file));
            }
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping file " + file, e);
        }
    }

    /** Reads a mapping from JSON text; see {@link #fromJson(Path)}. */
    public static Mapping fromJson(String json) {
        return fromJson(json, "mapping");
    }

    private static Mapping fromJson(String json, String source) {
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
        Set<String> known = Set.of("preset", "zone", "columns", "missing", "unknown_values", "date_formats",
                "codebooks", "constants", "items", "attributes");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new IllegalArgumentException(source + ": unknown key \"" + k + "\" (known: " + known + ")");
            }
        }
        String preset = text(root, "preset", source, "generic");
        Mapping m = switch (preset) {
            case "generic" -> generic();
            case "open_policing" -> openPolicing();
            default -> throw new IllegalArgumentException(source + ": preset must be generic or open_policing: \""
                    + preset + "\"");
        };
        if (root.has("zone")) {
            String z = text(root, "zone", source, "");
            try {
                m = m.zone(ZoneId.of(z));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(source + ": zone is not a time zone id: \"" + z + "\"", e);
            }
        }
        JsonNode cols = root.path("columns");
        for (Iterator<Map.Entry<String, JsonNode>> it = cols.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m = m.column(e.getKey(), strings(e.getValue(), source + " columns." + e.getKey()).toArray(String[]::new));
        }
        if (root.has("missing")) {
            m = m.missing(strings(root.get("missing"), source + " missing").toArray(String[]::new));
        }
        if (root.has("unknown_values")) {
            String u = text(root, "unknown_values", source, "");
            try {
                m = m.unknownValues(UnknownValues.valueOf(u.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": unknown_values must be map_to_unknown, keep or reject: \""
                        + u + "\"", e);
            }
        }
        if (root.has("date_formats")) {
            m = m.dateFormats(strings(root.get("date_formats"), source + " date_formats").toArray(String[]::new));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("codebooks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Codebook book = m.codebook(e.getKey()).orElse(Codebook.empty());
            if (!e.getValue().isObject()) {
                throw new IllegalArgumentException(source + ": codebooks." + e.getKey() + " must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> en = e.getValue().fields(); en.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = en.next();
                if (!entry.getValue().isTextual()) {
                    throw new IllegalArgumentException(source + ": codebooks." + e.getKey() + "." + entry.getKey()
                            + " must be a string code: " + entry.getValue());
                }
                book = book.with(entry.getKey(), entry.getValue().asText());
            }
            m = m.codebook(e.getKey(), book);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("constants").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m = m.constant(e.getKey(), e.getValue().asText());
        }
        if (root.has("items")) {
            m = m.items(strings(root.get("items"), source + " items").toArray(String[]::new));
        }
        if (root.has("attributes")) {
            m = m.attributes(strings(root.get("attributes"), source + " attributes").toArray(String[]::new));
        }
        return m;
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

    private static List<String> strings(JsonNode n, String where) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw new IllegalArgumentException(where + " must hold strings: " + e);
                }
                out.add(e.asText());
            }
        } else {
            throw new IllegalArgumentException(where + " must be a string or a list of strings: " + n);
        }
        return out;
    }

    /**
     * A copy in which {@code field} is read from the first present, non-missing one of
     * {@code candidates} (a column name, or {@link #ROW_NUMBER}).
     */
    public Mapping column(String field, String... candidates) {
        requireName("field", field);
        Objects.requireNonNull(candidates, "columns must not be null");
        if (candidates.length == 0) {
            throw new IllegalArgumentException("field " + field + " needs at least one column");
        }
        for (String c : candidates) {
            requireName("column of field " + field, c);
        }
        Map<String, List<String>> c = new LinkedHashMap<>(columns);
        c.put(field, List.of(candidates));
        return new Mapping(c, codebooks, constants, new LinkedHashSet<>(missing), unknownValues, zone, dateFormats,
                items, attributes);
    }

    /** A copy in which {@code field}'s raw values map through {@code codebook}. */
    public Mapping codebook(String field, Codebook codebook) {
        requireName("field", field);
        Objects.requireNonNull(codebook, () -> "codebook of field " + field + " must not be null");
        Map<String, Codebook> b = new LinkedHashMap<>(codebooks);
        b.put(field, codebook);
        return new Mapping(columns, b, constants, new LinkedHashSet<>(missing), unknownValues, zone, dateFormats,
                items, attributes);
    }

    /**
     * A copy in which {@code field} takes {@code value} when the file has none of its columns (a
     * survey file without a {@code wave} column, say).
     */
    public Mapping constant(String field, String value) {
        requireName("field", field);
        Objects.requireNonNull(value, () -> "constant of field " + field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("constant of field " + field + " must not be blank: \"" + value + "\"");
        }
        Map<String, String> k = new LinkedHashMap<>(constants);
        k.put(field, value);
        return new Mapping(columns, codebooks, k, new LinkedHashSet<>(missing), unknownValues, zone, dateFormats,
                items, attributes);
    }

    /**
     * A copy whose missing-value tokens are {@code tokens} (compared ignoring case and surrounding
     * space); an empty cell is always missing.
     */
    public Mapping missing(String... tokens) {
        Objects.requireNonNull(tokens, "missing tokens must not be null");
        Set<String> m = new LinkedHashSet<>();
        m.add("");
        for (String t : tokens) {
            Objects.requireNonNull(t, "missing token must not be null");
            m.add(Codebook.normalize(t));
        }
        return new Mapping(columns, codebooks, constants, m, unknownValues, zone, dateFormats, items, attributes);
    }

    /** A copy with another policy for values no codebook knows. */
    public Mapping unknownValues(UnknownValues policy) {
        Objects.requireNonNull(policy, "unknown values policy must not be null");
        return new Mapping(columns, codebooks, constants, new LinkedHashSet<>(missing), policy, zone, dateFormats,
                items, attributes);
    }

    /** A copy whose local dates and times are in {@code zone} (needed to read stops). */
    public Mapping zone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone must not be null");
        return new Mapping(columns, codebooks, constants, new LinkedHashSet<>(missing), unknownValues,
                Optional.of(zone), dateFormats, items, attributes);
    }

    /**
     * A copy whose dates are tried in these {@link DateTimeFormatter} patterns, in order (ISO
     * {@code yyyy-MM-dd} has a fast path when listed). Say {@code d/M/yyyy} or {@code M/d/yyyy}
     * explicitly: Peel does not guess which is meant.
     *
     * @throws IllegalArgumentException if a pattern is not a valid pattern
     */
    public Mapping dateFormats(String... patterns) {
        Objects.requireNonNull(patterns, "date formats must not be null");
        if (patterns.length == 0) {
            throw new IllegalArgumentException("date formats must not be empty");
        }
        for (String p : patterns) {
            Objects.requireNonNull(p, "date format must not be null");
            try {
                DateTimeFormatter.ofPattern(p, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("date format is not a valid pattern: \"" + p + "\"", e);
            }
        }
        return new Mapping(columns, codebooks, constants, new LinkedHashSet<>(missing), unknownValues, zone,
                List.of(patterns), items, attributes);
    }

    /** A copy whose survey item columns are exactly these (by default every column not used otherwise). */
    public Mapping items(String... names) {
        List<String> list = names(names, "item");
        return new Mapping(columns, codebooks, constants, new LinkedHashSet<>(missing), unknownValues, zone,
                dateFormats, list, attributes);
    }

    /** A copy in which these survey columns are read as categorical attributes, not items. */
    public Mapping attributes(String... names) {
        List<String> list = names(names, "attribute");
        return new Mapping(columns, codebooks, constants, new LinkedHashSet<>(missing), unknownValues, zone,
                dateFormats, items, list);
    }

    private static List<String> names(String[] names, String what) {
        Objects.requireNonNull(names, what + " names must not be null");
        for (String n : names) {
            requireName(what, n);
        }
        return List.of(names);
    }

    private static void requireName(String what, String name) {
        Objects.requireNonNull(name, () -> what + " must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank: \"" + name + "\"");
        }
    }

    /** The candidate columns of a field (by default the field's own name). */
    public List<String> columns(String field) {
        return columns.getOrDefault(field, List.of(field));
    }

    /**
     * The codebook of a field: its own, else the one of its kind (a field ending in {@code race},
     * {@code sex} or {@code age_group} uses that codebook).
     */
    public Optional<Codebook> codebook(String field) {
        Codebook own = codebooks.get(field);
        if (own != null) {
            return Optional.of(own);
        }
        for (String kind : List.of("age_group", "race", "sex")) {
            if (field.endsWith(kind) && codebooks.containsKey(kind)) {
                return Optional.of(codebooks.get(kind));
            }
        }
        return Optional.empty();
    }

    /** The constant of a field, if set. */
    public Optional<String> constant(String field) {
        return Optional.ofNullable(constants.get(field));
    }

    /** The missing-value tokens, normalized (always including the empty string). */
    public Set<String> missingTokens() {
        return missing;
    }

    /** The policy for values no codebook knows. */
    public UnknownValues unknownValues() {
        return unknownValues;
    }

    /** The zone of local dates and times, if set. */
    public Optional<ZoneId> zone() {
        return zone;
    }

    /** The date patterns, in the order tried. */
    public List<String> dateFormats() {
        return dateFormats;
    }

    /** The declared survey item columns (empty: every column not used otherwise). */
    public List<String> items() {
        return items;
    }

    /** The survey attribute columns. */
    public List<String> attributes() {
        return attributes;
    }

    /** The settings, one line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Mapping[columns=%s, constants=%s, missing=%s, unknownValues=%s, zone=%s, "
                + "dateFormats=%s, items=%s, attributes=%s, codebooks=%s]", columns, constants, missing,
                unknownValues, zone.map(ZoneId::getId).orElse("none"), dateFormats, items, attributes,
                codebooks.keySet());
    }
}
