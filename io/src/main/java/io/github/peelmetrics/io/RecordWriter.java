package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.peelmetrics.core.Allegation;
import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.BeatAssignment;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.SurveyResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes Peel records as CSV or JSON lines in the layout a {@link RecordReader} with the same
 * {@link Mapping} reads back: each field under its first candidate column, categories by code,
 * enums in lower case with spaces ({@code probable cause}), dates ISO, stop times
 * {@code HH:mm:ss[.fffffffff]} in the mapping's zone, numbers in Java's shortest round-trip form,
 * missing values as empty cells (JSON lines: left out). Writing then reading reproduces the records
 * exactly, given text that is not blank and holds no missing-value token, stops whose time is in the
 * mapping's zone, and officer ids without {@code ;}.
 *
 * <p>These files are data for programs: cells are written as they are. For tables that people open
 * in a spreadsheet use {@link CsvTable}, which neutralises formulas.
 *
 * @param <T> the record type
 */
public final class RecordWriter<T> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final List<String> header;
    private final Function<T, List<String[]>> rows;

    private RecordWriter(List<String> header, Function<T, String[]> cells) {
        this.header = List.copyOf(header);
        this.rows = r -> List.<String[]>of(cells.apply(r));
    }

    private RecordWriter(Function<T, List<String[]>> rows, List<String> header) {
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    private static List<String> header(Mapping<?> m, List<String> fields) {
        List<String> h = new ArrayList<>();
        for (String f : fields) {
            String col = m.columnsOf(f).stream().filter(c -> !c.equals(Mapping.ROW_NUMBER)).findFirst().orElse(f);
            h.add(col);
        }
        return h;
    }

    /**
     * A writer of the mapping's {@linkplain Mapping#type() record type}:
     * <ul>
     * <li>{@link RecordType#STOPS} in the Open Policing layout plus {@code subject_age_group} and
     *     {@code summons_issued}: each decision flag in its own column (empty when unrecorded), and
     *     the most severe {@code outcome} when it implies nothing the flags leave unrecorded; a stop
     *     without a time of day has an empty {@code time} cell; the mapping must have a zone;</li>
     * <li>{@link RecordType#SURVEY_RESPONSES}: the survey fields, then the mapping's attribute
     *     columns, then its item columns (which must be declared with
     *     {@link Mapping#items(String...)}), weight last;</li>
     * <li>{@link RecordType#BEATS} in long format, one row per population group, in the
     *     population's order (a beat's name is not written: the reader names a beat by its id; a
     *     beat without population groups has no row);</li>
     * <li>{@link RecordType#COMPLAINTS}: one row per allegation type and finding of a complaint,
     *     its officers' ids joined with {@code ;} (one row for a complaint made by
     *     {@link io.github.peelmetrics.core.Complaint#of Complaint.of}; read the rows back with
     *     {@link io.github.peelmetrics.core.Complaints#group Complaints.group}); a complaint with
     *     allegations against both identified and unidentified officers cannot be written;</li>
     * <li>{@link RecordType#OFFICERS}: id, race, sex, hire and separation dates (empty when not
     *     recorded);</li>
     * <li>{@link RecordType#ASSIGNMENTS}.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if a stops mapping has no zone, or a survey mapping no items
     */
    public static <T> RecordWriter<T> of(Mapping<T> mapping) {
        Objects.requireNonNull(mapping, "mapping of writer must not be null");
        return mapping.type().writer(mapping);
    }

    static RecordWriter<Stop> stops(Mapping<Stop> mapping) {
        ZoneId zone = mapping.zone().orElseThrow(() -> new IllegalArgumentException(
                "writing stops needs an explicit time zone: set Mapping.zone(...)"));
        return new RecordWriter<>(header(mapping, RecordType.STOPS.written()), s -> {
            String day;
            String time;
            if (s.time().isPresent()) {
                ZonedDateTime t = s.dateTime().orElseThrow().withZoneSameInstant(zone);
                day = t.toLocalDate().toString();
                time = t.toLocalTime().format(TIME) + (t.getNano() == 0 ? "" : String.format(Locale.ROOT, ".%09d", t.getNano()));
                if (zone.getRules().getValidOffsets(t.toLocalDateTime()).size() > 1) {
                    time += t.getOffset().getId(); // the repeated hour: the offset says which of the two it is
                }
            } else {
                day = s.date().toString(); // no time of day: the date as recorded, an empty time cell
                time = "";
            }
            return new String[] {s.id(), day, time,
                s.location().map(p -> Double.toString(p.latitude())).orElse(""),
                s.location().map(p -> Double.toString(p.longitude())).orElse(""),
                s.beat().equals(Stop.UNKNOWN_BEAT) ? "" : s.beat(), s.district().orElse(""), s.precinct().orElse(""),
                code(s.subject().race()),
                s.subject().age().isPresent() ? Integer.toString(s.subject().age().getAsInt()) : "",
                code(s.subject().ageGroup()), code(s.subject().sex()), name(s.type()), s.officerId().orElse(""),
                s.reason().orElse(""), flag(s.searchConducted()),
                s.searchConducted() == Flag.NO ? ""
                        : s.searchBasis() == SearchBasis.UNKNOWN ? "unknown" : name(s.searchBasis()), flag(s.contrabandFound()),
                flag(s.contrabandWeapons()), flag(s.contrabandDrugs()), flag(s.frisk()), outcome(s),
                flag(s.arrest()), flag(s.citation()), flag(s.warning()), flag(s.summons()), flag(s.useOfForce())};
        });
    }

    /**
     * The most severe outcome, written only when it says no more than the four decision flags: a
     * reader fills an empty flag from the outcome (a citation implies no arrest), so an outcome
     * written beside an unrecorded more severe flag would read back as "no".
     */
    private static String outcome(Stop s) {
        StopOutcome o = s.outcome();
        Flag[] i = Binders.implied(o);
        boolean nothingMore = (i[0] == Flag.UNKNOWN || s.arrest() != Flag.UNKNOWN)
                && (i[1] == Flag.UNKNOWN || s.citation() != Flag.UNKNOWN)
                && (i[2] == Flag.UNKNOWN || s.warning() != Flag.UNKNOWN)
                && (i[3] == Flag.UNKNOWN || s.summons() != Flag.UNKNOWN);
        return nothingMore ? name(o) : "";
    }

    static RecordWriter<SurveyResponse> surveyResponses(Mapping<SurveyResponse> mapping) {
        if (mapping.items().isEmpty()) {
            throw new IllegalArgumentException("writing survey responses needs the item columns: set Mapping.items(...)");
        }
        List<String> fields = new ArrayList<>(RecordType.SURVEY_RESPONSES.written().subList(0, 7));
        fields.addAll(mapping.attributes());
        fields.addAll(mapping.items());
        fields.add("base_weight");
        List<String> attributes = mapping.attributes();
        List<String> items = mapping.items();
        return new RecordWriter<>(header(mapping, fields), r -> {
            for (String item : r.answers().keySet()) {
                if (!items.contains(item)) {
                    throw new IllegalArgumentException("respondent " + r.id() + " answers item " + item
                            + ", which is not among the mapping's items " + items);
                }
            }
            for (String a : r.attributes().keySet()) {
                if (!attributes.contains(a)) {
                    throw new IllegalArgumentException("respondent " + r.id() + " has attribute " + a
                            + ", which is not among the mapping's attributes " + attributes);
                }
            }
            List<String> c = new ArrayList<>(List.of(r.id(), r.wave().orElse(""), r.date().map(LocalDate::toString).orElse(""),
                    code(r.demographics().race()), code(r.demographics().ageGroup()), code(r.demographics().sex()),
                    r.beat().equals(Stop.UNKNOWN_BEAT) ? "" : r.beat()));
            for (String a : attributes) {
                c.add(r.attributes().getOrDefault(a, ""));
            }
            for (String i : items) {
                Double v = r.answers().get(i);
                c.add(v == null ? "" : answer(v));
            }
            c.add(Double.toString(r.weight()));
            return c.toArray(String[]::new);
        });
    }

    /**
     * An item answer as the reader reads it back exactly: a whole number below 10^18 in digits
     * ({@code 3}, as integer answers were always written, so such files stay byte for byte the
     * same), any other value in Java's round-trip form ({@code 72.5}, {@code 1.0E-5}).
     */
    static String answer(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e18) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static RecordWriter<Complaint> complaints(Mapping<Complaint> mapping) {
        return new RecordWriter<>(c -> {
            // one row per (type, finding) in first-seen order, its officers joined with ';': a
            // complaint made by Complaint.of(...) is one row; Complaints.group(...) reads the rows back
            Map<List<Object>, List<String>> groups = new LinkedHashMap<>();
            for (Allegation a : c.allegations()) {
                List<String> ids = groups.computeIfAbsent(List.of(a.type(), a.finding()), k -> new ArrayList<>());
                a.officerId().ifPresent(o -> {
                    if (o.contains(";")) {
                        throw new IllegalArgumentException("officer id of complaint " + c.id() + " contains ';': " + o);
                    }
                    ids.add(o);
                });
            }
            if (c.allegations().stream().anyMatch(a -> a.officerId().isEmpty())
                    && c.allegations().stream().anyMatch(a -> a.officerId().isPresent())) {
                throw new IllegalArgumentException("complaint " + c.id()
                        + " has allegations against identified and unidentified officers: the officer_ids column"
                        + " cannot hold an unidentified officer beside identified ones");
            }
            List<String[]> rows = new ArrayList<>();
            for (Map.Entry<List<Object>, List<String>> g : groups.entrySet()) {
                rows.add(new String[] {c.id(), c.received().toString(), c.closed().map(LocalDate::toString).orElse(""),
                    c.beat().equals(Stop.UNKNOWN_BEAT) ? "" : c.beat(), String.join(";", g.getValue()),
                    name((Enum<?>) g.getKey().get(0)), name((Enum<?>) g.getKey().get(1)),
                    code(c.complainant().race()), code(c.complainant().sex()), name(c.source())});
            }
            return rows;
        }, header(mapping, RecordType.COMPLAINTS.written()));
    }

    static RecordWriter<Officer> officers(Mapping<Officer> mapping) {
        return new RecordWriter<>(header(mapping, RecordType.OFFICERS.written()), o -> new String[] {
            o.id(), code(o.demographics().race()), code(o.demographics().sex()),
            o.hired().map(Object::toString).orElse(""), o.separated().map(Object::toString).orElse("")});
    }

    static RecordWriter<BeatAssignment> assignments(Mapping<BeatAssignment> mapping) {
        return new RecordWriter<>(header(mapping, RecordType.ASSIGNMENTS.written()), a -> new String[] {
            a.officerId(), a.beat(), a.date().toString(), name(a.shift())});
    }

    static RecordWriter<Beat> beats(Mapping<Beat> mapping) {
        return new RecordWriter<>(b -> {
            List<String[]> out = new ArrayList<>();
            b.population().forEach((group, n) -> out.add(new String[] {b.id(), b.district(), code(group), n.toString()}));
            return out;
        }, header(mapping, RecordType.BEATS.written()));
    }

    /** The header. */
    public List<String> header() {
        return header;
    }

    /**
     * Writes a header and the records as CSV; does not close {@code out}.
     *
     * @throws UncheckedIOException when writing fails
     */
    public void writeCsv(Stream<? extends T> records, Writer out) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(out, "output must not be null");
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String h : header) {
            schema.addColumn(h);
        }
        try (CsvGenerator g = Jackson.CSV.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setSchema(schema.setUseHeader(true).build());
            records.forEach(r -> {
                try {
                    for (String[] row : rows.apply(r)) {
                        g.writeStartArray();
                        for (String c : row) {
                            g.writeString(c);
                        }
                        g.writeEndArray();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the records as JSON lines (missing values left out); does not close {@code out}. */
    public void writeJsonLines(Stream<? extends T> records, Writer out) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(out, "output must not be null");
        try (JsonGenerator g = Jackson.JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            records.forEach(r -> {
                try {
                    for (String[] c : rows.apply(r)) {
                        g.writeStartObject();
                        for (int i = 0; i < c.length; i++) {
                            if (!c[i].isEmpty()) {
                                g.writeStringField(header.get(i), c[i]);
                            }
                        }
                        g.writeEndObject();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String code(Category c) {
        return c.isUnknown() ? "" : c.code();
    }

    static String name(Enum<?> e) {
        return e.name().equals("UNKNOWN") ? "" : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String flag(Flag f) {
        return f == Flag.UNKNOWN ? "" : bool(f == Flag.YES);
    }

    static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    /** The header. */
    @Override
    public String toString() {
        return "RecordWriter" + header;
    }
}
