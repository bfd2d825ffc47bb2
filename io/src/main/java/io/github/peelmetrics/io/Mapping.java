package io.github.peelmetrics.io;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to read one {@link RecordType} from a file: which column holds which field, how raw values
 * map to categories, and how to read missing values, dates and times. Start from a preset,
 * {@link #generic(RecordType)} or {@link #openPolicing(RecordType)}, or load a JSON file with
 * {@link #fromJson(RecordType, Path)}; then change what differs:
 *
 * <pre>{@code
 * Mapping<Stop> ri = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/New_York"))
 *     .column("stop_id", Mapping.ROW_NUMBER).column("date", "stop_date").column("subject_race", "driver_race");
 * }</pre>
 *
 * Immutable; every setting method returns a changed copy and checks its argument at once. <b>Field
 * names are checked</b> against the record type's {@linkplain RecordType#fields() fields}: a name
 * the type does not have ({@code column("raec", "race")}) throws an
 * {@link IllegalArgumentException} that lists the valid names and suggests a close one.
 *
 * <p><b>Fields.</b> A field is named by its column in the generic layout (see {@link RecordType}
 * for the fields of each type); each field has one or more candidate columns, and a row's value is
 * that of the first candidate column present whose cell is not missing.
 * {@link #column(String, String...)} renames. A field with the candidate column
 * {@link #ROW_NUMBER} takes the row's number (1 = first data row) as its value: an id for exports
 * that have none.
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
 *
 * @param <T> the record type read
 */
public final class Mapping<T> {

    /** A pseudo-column whose value is the row's number (1 = first data row). */
    public static final String ROW_NUMBER = "#row";

    /** The date formats of the presets, in the order tried. */
    public static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd", "M/d/yyyy", "yyyy/M/d",
            "yyyyMMdd", "yyyy-MM-dd'T'HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]");

    /** The fields whose columns were set by {@link #column}: a read checks that the header has one of them. */
    private final Set<String> mapped;
    private final RecordType<T> type;
    private final Map<String, List<String>> columns;
    private final Map<String, Codebook> codebooks;
    private final Map<String, String> constants;
    private final Set<String> missing;
    private final UnknownValues unknownValues;
    private final Optional<ZoneId> zone;
    private final List<String> dateFormats;
    private final List<String> items;
    private final List<String> attributes;

    Mapping(Set<String> mapped, RecordType<T> type, Map<String, List<String>> columns, Map<String, Codebook> codebooks,
            Map<String, String> constants, Set<String> missing, UnknownValues unknownValues, Optional<ZoneId> zone,
            List<String> dateFormats, List<String> items, List<String> attributes) {
        this.mapped = Collections.unmodifiableSet(new LinkedHashSet<>(mapped));
        this.type = type;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.codebooks = Collections.unmodifiableMap(new LinkedHashMap<>(codebooks));
        this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        this.missing = Collections.unmodifiableSet(new LinkedHashSet<>(missing));
        this.unknownValues = unknownValues;
        this.zone = zone;
        this.dateFormats = List.copyOf(dateFormats);
        this.items = List.copyOf(items);
        this.attributes = List.copyOf(attributes);
    }

    /**
     * The generic layout of a record type: every field read from the column of its own name (stop
     * ids from {@code raw_row_number} or {@code stop_id}, stops' officer ids from
     * {@code officer_id_hash} or {@code officer_id}); only empty cells missing; codebooks that know
     * the standard categories by code and label ({@link Codebook#of}); unknown values
     * {@linkplain UnknownValues#KEEP kept} as categories of their own; the
     * {@link #DEFAULT_DATE_FORMATS}; no zone.
     */
    public static <T> Mapping<T> generic(RecordType<T> type) {
        return Presets.generic(type);
    }

    /**
     * The Stanford Open Policing Project's standardized schema (Pierson et al. 2020, and the
     * project's data readme): the generic columns, which are the project's (for stops
     * {@code district}, {@code precinct}, {@code frisk_performed}, {@code contraband_found},
     * {@code contraband_weapons}, {@code contraband_drugs}, {@code outcome}, {@code arrest_made},
     * {@code citation_issued}, {@code warning_issued} among them; a column the file lacks is
     * reported as not recorded in the read's summary), {@code NA} and empty
     * cells missing, the synonym-rich {@link Codebook#races()} and {@link Codebook#sexes()}, and
     * values no codebook knows {@linkplain UnknownValues#MAP_TO_UNKNOWN mapped to unknown} with a
     * count. Set the zone with {@link #zone(ZoneId)} before reading stops.
     */
    public static <T> Mapping<T> openPolicing(RecordType<T> type) {
        return Presets.openPolicing(type);
    }

    /**
     * Reads a mapping of {@code type} from a small JSON file (at most 1 MB), for example:
     * <pre>{@code
     * {"preset": "open_policing", "zone": "America/New_York",
     *  "columns": {"date": "stop_date", "subject_race": "driver_race", "stop_id": "#row"},
     *  "missing": ["", "NA", "NULL"], "unknown_values": "reject",
     *  "date_formats": ["yyyy-MM-dd", "M/d/yyyy"],
     *  "codebooks": {"outcome": {"Arrest Driver": "arrest"}, "subject_race": {"I": "other"}}}
     * }</pre>
     * {@code preset} is {@code generic} (the default) or {@code open_policing}; a column may be a
     * string or a list of candidates; codebook entries add to the preset's codebook of that field.
     * A survey mapping may also have {@code "items": [...]}, {@code "attributes": [...]} (read
     * before the columns, so that they can be renamed) and {@code "constants": {"wave": "2016"}}.
     *
     * @throws IllegalArgumentException naming the file, the key and the value when the file is not
     *                                  such a mapping (a field that {@code type} does not have: the
     *                                  valid fields too)
     * @throws UncheckedIOException     when it cannot be read
     */
    public static <T> Mapping<T> fromJson(RecordType<T> type, Path file) {
        return MappingJson.read(type, file);
    }

    /** Reads a mapping of {@code type} from JSON text; see {@link #fromJson(RecordType, Path)}. */
    public static <T> Mapping<T> fromJson(RecordType<T> type, String json) {
        return MappingJson.parse(type, json, "mapping JSON");
    }

    /**
     * A copy in which {@code field} is read from the first present, non-missing one of
     * {@code candidates} (a column name, or {@link #ROW_NUMBER}). A read whose header has none of
     * them fails in {@link ErrorMode#STRICT} mode, naming the field, the columns and the header's
     * columns, and warns in the summary in lenient mode: a renamed column that is absent is a
     * mistake, never silently a field of unknowns.
     *
     * @throws IllegalArgumentException if the record type has no such field (the message lists
     *                                  the fields), or no candidate is given, or one is blank
     */
    public Mapping<T> column(String field, String... candidates) {
        requireField(field);
        Objects.requireNonNull(candidates, () -> "columns of field " + field + " must not be null");
        if (candidates.length == 0) {
            throw new IllegalArgumentException("field " + field + " of " + type + " needs at least one column");
        }
        for (String c : candidates) {
            requireName("column of field " + field, c);
        }
        Mapping<T> m = withColumns(field, List.of(candidates));
        Set<String> named = new LinkedHashSet<>(mapped);
        named.add(field);
        return new Mapping<>(named, type, m.columns, codebooks, constants, missing, unknownValues, zone, dateFormats,
                items, attributes);
    }

    /** Whether some field takes the row number ({@link #ROW_NUMBER}), which a range of a file read on its own does not know. */
    boolean usesRowNumber() {
        return columns.values().stream().anyMatch(c -> c.contains(ROW_NUMBER));
    }

    /** The fields whose columns {@link #column} set (a read checks that one of their columns is present). */
    Set<String> mappedFields() {
        return mapped;
    }

    /** {@link #column} without the check of the field's name (survey items met in a file). */
    Mapping<T> withColumns(String field, List<String> candidates) {
        Map<String, List<String>> c = new LinkedHashMap<>(columns);
        c.put(field, List.copyOf(candidates));
        return new Mapping<>(mapped, type, c, codebooks, constants, missing, unknownValues, zone, dateFormats, items, attributes);
    }

    /**
     * A copy in which {@code field}'s raw values map through {@code codebook}. {@code field} is a
     * {@linkplain RecordType#codedFields() coded field} of the record type, or a kind
     * ({@code race}, {@code sex}, {@code age_group}) whose codebook serves every field ending in it
     * that has none of its own ({@code race} serves a stop's {@code subject_race}).
     *
     * @throws IllegalArgumentException if the record type has no such coded field or kind
     */
    public Mapping<T> codebook(String field, Codebook codebook) {
        requireCodebookName(field);
        Objects.requireNonNull(codebook, () -> "codebook of field " + field + " must not be null");
        Map<String, Codebook> b = new LinkedHashMap<>(codebooks);
        b.put(field, codebook);
        return new Mapping<>(mapped, type, columns, b, constants, missing, unknownValues, zone, dateFormats, items, attributes);
    }

    /**
     * A copy in which {@code field} takes {@code value} when the file has none of its columns (a
     * survey file of one wave without a {@code wave} column, say).
     *
     * @throws IllegalArgumentException if the record type has no such field, or the value is blank
     */
    public Mapping<T> constant(String field, String value) {
        requireField(field);
        Objects.requireNonNull(value, () -> "constant of field " + field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("constant of field " + field + " must not be blank: \"" + value + "\"");
        }
        Map<String, String> k = new LinkedHashMap<>(constants);
        k.put(field, value);
        return new Mapping<>(mapped, type, columns, codebooks, k, missing, unknownValues, zone, dateFormats, items, attributes);
    }

    /**
     * A copy whose missing-value tokens are {@code tokens} (compared ignoring case and surrounding
     * space); an empty cell is always missing.
     */
    public Mapping<T> missing(String... tokens) {
        Objects.requireNonNull(tokens, "missing tokens must not be null");
        Set<String> m = new LinkedHashSet<>();
        m.add("");
        for (String t : tokens) {
            Objects.requireNonNull(t, "missing token must not be null");
            m.add(Codebook.normalize(t));
        }
        return new Mapping<>(mapped, type, columns, codebooks, constants, m, unknownValues, zone, dateFormats, items, attributes);
    }

    /** A copy with another policy for values no codebook knows. */
    public Mapping<T> unknownValues(UnknownValues policy) {
        Objects.requireNonNull(policy, "unknown values policy must not be null");
        return new Mapping<>(mapped, type, columns, codebooks, constants, missing, policy, zone, dateFormats, items, attributes);
    }

    /** A copy whose local dates and times are in {@code zone} (needed to read stops). */
    public Mapping<T> zone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone must not be null");
        return new Mapping<>(mapped, type, columns, codebooks, constants, missing, unknownValues, Optional.of(zone), dateFormats,
                items, attributes);
    }

    /**
     * A copy whose dates are tried in these {@link DateTimeFormatter} patterns, in order (ISO
     * {@code yyyy-MM-dd} has a fast path when listed). Say {@code d/M/yyyy} or {@code M/d/yyyy}
     * explicitly: Peel does not guess which is meant.
     *
     * @throws IllegalArgumentException if a pattern is not a valid pattern
     */
    public Mapping<T> dateFormats(String... patterns) {
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
        return new Mapping<>(mapped, type, columns, codebooks, constants, missing, unknownValues, zone, List.of(patterns),
                items, attributes);
    }

    /**
     * A copy whose survey item columns are exactly these (by default every column not used
     * otherwise); each becomes a field that {@link #column} may rename.
     *
     * @throws IllegalArgumentException if this is not a mapping of survey responses, or a name is
     *                                  blank or a fixed field's
     */
    public Mapping<T> items(String... names) {
        List<String> list = surveyColumns(names, "item");
        return new Mapping<>(mapped, type, columns, codebooks, constants, missing, unknownValues, zone, dateFormats, list,
                attributes);
    }

    /**
     * A copy in which these survey columns are read as categorical attributes, not items; each
     * becomes a field that {@link #column} may rename.
     *
     * @throws IllegalArgumentException if this is not a mapping of survey responses, or a name is
     *                                  blank or a fixed field's
     */
    public Mapping<T> attributes(String... names) {
        List<String> list = surveyColumns(names, "attribute");
        return new Mapping<>(mapped, type, columns, codebooks, constants, missing, unknownValues, zone, dateFormats, items,
                list);
    }

    private List<String> surveyColumns(String[] names, String what) {
        Objects.requireNonNull(names, what + " names must not be null");
        if (type != RecordType.SURVEY_RESPONSES) {
            throw new IllegalArgumentException(what + " columns are read for survey responses only; this is a mapping of "
                    + type);
        }
        for (String n : names) {
            requireName(what, n);
            if (type.fields().contains(n)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s \"%s\" is a field of %s, not an %s column", what, n, type, what));
            }
        }
        return List.of(names);
    }

    private static void requireName(String what, String name) {
        Objects.requireNonNull(name, () -> what + " must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank: \"" + name + "\"");
        }
    }

    /** The names {@link #column} and {@link #constant} accept: the type's fields, then the declared items and attributes. */
    public List<String> fields() {
        List<String> all = new ArrayList<>(type.fields());
        all.addAll(attributes);
        all.addAll(items);
        return Collections.unmodifiableList(all);
    }

    private void requireField(String field) {
        requireName("field", field);
        List<String> valid = fields();
        if (!valid.contains(field)) {
            throw new IllegalArgumentException("no field \"" + field + "\" in " + type + Names.suggestion(field, valid)
                    + "; the fields of " + type + " are: " + Names.list(valid)
                    + (type == RecordType.SURVEY_RESPONSES
                            ? " (an item or attribute column is a field once declared with items(...) or attributes(...))"
                            : ""));
        }
    }

    private void requireCodebookName(String field) {
        requireName("field", field);
        List<String> valid = type.codebookNames();
        if (!valid.contains(field)) {
            throw new IllegalArgumentException("no coded field \"" + field + "\" in " + type
                    + Names.suggestion(field, valid) + (valid.isEmpty() ? "; " + type + " have no field read through a codebook"
                            : "; the fields of " + type + " read through a codebook are: " + Names.list(valid)));
        }
    }

    /** The record type. */
    public RecordType<T> type() {
        return type;
    }

    /**
     * The candidate columns of a field (by default the field's own name).
     *
     * @throws IllegalArgumentException if the record type has no such field
     */
    public List<String> columns(String field) {
        requireField(field);
        return columnsOf(field);
    }

    /** The candidate columns of any name, unchecked (for a binder). */
    List<String> columnsOf(String field) {
        return columns.getOrDefault(field, List.of(field));
    }

    /**
     * The codebook of a field: its own, else the one of its kind (a field ending in {@code race},
     * {@code sex} or {@code age_group} uses that codebook); empty when it has none.
     *
     * @throws IllegalArgumentException if the record type has no such coded field or kind
     */
    public Optional<Codebook> codebook(String field) {
        requireCodebookName(field);
        return codebookOf(field);
    }

    /** The codebook of any name, unchecked (for a binder). */
    Optional<Codebook> codebookOf(String field) {
        Codebook own = codebooks.get(field);
        if (own != null) {
            return Optional.of(own);
        }
        for (String kind : RecordType.KINDS) {
            if (field.endsWith(kind) && codebooks.containsKey(kind)) {
                return Optional.of(codebooks.get(kind));
            }
        }
        return Optional.empty();
    }

    /**
     * The constant of a field, if set.
     *
     * @throws IllegalArgumentException if the record type has no such field
     */
    public Optional<String> constant(String field) {
        requireField(field);
        return constantOf(field);
    }

    /** The constant of any name, unchecked (for a binder). */
    Optional<String> constantOf(String field) {
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
        return String.format(Locale.ROOT, "Mapping[%s, columns=%s, constants=%s, missing=%s, unknownValues=%s, zone=%s, "
                + "dateFormats=%s, items=%s, attributes=%s, codebooks=%s]", type, columns, constants, missing,
                unknownValues, zone.map(ZoneId::getId).orElse("none"), dateFormats, items, attributes,
                codebooks.keySet());
    }
}
