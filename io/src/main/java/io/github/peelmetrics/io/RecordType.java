package io.github.peelmetrics.io;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.BeatAssignment;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A kind of Peel record that {@code io} reads and writes, with the names of its fields: the
 * vocabulary of a {@link Mapping}. A mapping is made for one record type ({@code
 * Mapping.openPolicing(RecordType.STOPS)}), and every field name given to it is checked against
 * that type's fields, so that a misspelt field is an error where it is written, not a column that
 * is silently never read.
 *
 * <p>A field is named by its column in the generic layout. The fields of each type:
 * <ul>
 * <li>{@link #STOPS}: {@code stop_id} (columns {@code raw_row_number}, {@code stop_id}),
 *     {@code date}, {@code time} (or one {@code datetime} column), {@code lat}, {@code lng},
 *     {@code beat}, {@code district}, {@code precinct}, {@code subject_race}, {@code subject_age},
 *     {@code subject_age_group}, {@code subject_sex}, {@code type}, {@code officer_id} (columns
 *     {@code officer_id_hash}, {@code officer_id}), {@code reason_for_stop},
 *     {@code search_conducted}, {@code search_basis}, {@code contraband_found},
 *     {@code contraband_weapons}, {@code contraband_drugs}, {@code frisk_performed}, {@code outcome}
 *     (the most severe outcome), {@code arrest_made}, {@code citation_issued},
 *     {@code warning_issued}, {@code summons_issued} (not an Open Policing column; read when
 *     present), {@code use_of_force}: each {@link Stop} component from its own column (the Open
 *     Policing Project's column {@code location}, a street address, is not read);</li>
 * <li>{@link #SURVEY_RESPONSES}: {@code respondent_id}, {@code wave}, {@code date}, {@code race},
 *     {@code age_group}, {@code sex}, {@code beat}, {@code base_weight}, and the item and attribute
 *     columns a mapping declares ({@link Mapping#items(String...)},
 *     {@link Mapping#attributes(String...)});</li>
 * <li>{@link #BEATS} (long format, one row per beat and group): {@code beat}, {@code district},
 *     {@code race}, {@code population};</li>
 * <li>{@link #COMPLAINTS}: {@code complaint_id}, {@code received}, {@code closed}, {@code beat},
 *     {@code officer_ids} ({@code ;}-separated), {@code allegation}, {@code finding},
 *     {@code complainant_race}, {@code complainant_sex}, {@code source}: a row is one allegation
 *     type and finding against the officers it names (an empty {@code officer_ids} is an
 *     unidentified officer); a complaint exported one row per allegation is several rows with
 *     one id, joined by {@link io.github.peelmetrics.core.Complaints#group Complaints.group};</li>
 * <li>{@link #OFFICERS}: {@code officer_id}, {@code race}, {@code sex}, {@code hired},
 *     {@code separated};</li>
 * <li>{@link #ASSIGNMENTS}: {@code officer_id}, {@code beat}, {@code date}, {@code shift}.</li>
 * </ul>
 * Categorical fields read their raw values through a {@link Codebook}: the fields named
 * {@code ...race}, {@code ...sex} and {@code ...age_group}, and the enumerated ones (stop
 * {@code type}, {@code search_basis}, {@code outcome}; complaint {@code allegation},
 * {@code finding}, {@code source}; assignment {@code shift}); see {@link #codedFields()}.
 *
 * <p>The six constants are the only instances. Immutable and thread-safe.
 *
 * @param <T> the record class
 */
public final class RecordType<T> {

    /** The kinds of categorical field that share one codebook per mapping (see {@link Mapping#codebook(String, Codebook)}). */
    static final List<String> KINDS = List.of("race", "sex", "age_group");

    /** Stops ({@link Stop}), in the Open Policing Project's layout. */
    public static final RecordType<Stop> STOPS = new RecordType<>("stops", Stop.class,
            List.of("stop_id", "date", "time", "lat", "lng", "beat", "district", "precinct", "subject_race",
                    "subject_age", "subject_age_group", "subject_sex", "type", "officer_id", "reason_for_stop",
                    "search_conducted", "search_basis", "contraband_found", "contraband_weapons", "contraband_drugs",
                    "frisk_performed", "outcome", "arrest_made", "citation_issued", "warning_issued", "summons_issued",
                    "use_of_force"),
            List.of("datetime"),
            List.of("subject_race", "subject_age_group", "subject_sex", "type", "search_basis", "outcome"),
            Binders::stops, RecordWriter::stops);

    /** Survey respondents ({@link SurveyResponse}), one row each. */
    public static final RecordType<SurveyResponse> SURVEY_RESPONSES = new RecordType<>("survey responses",
            SurveyResponse.class,
            List.of("respondent_id", "wave", "date", "race", "age_group", "sex", "beat", "base_weight"), List.of(),
            List.of("race", "age_group", "sex"), Binders::survey, RecordWriter::surveyResponses);

    /** Beats ({@link Beat}) in long format: one row per beat and population group. */
    public static final RecordType<Beat> BEATS = new RecordType<>("beats", Beat.class,
            List.of("beat", "district", "race", "population"), List.of(), List.of("race"), Binders::beats,
            RecordWriter::beats);

    /** Complaints ({@link Complaint}). */
    public static final RecordType<Complaint> COMPLAINTS = new RecordType<>("complaints", Complaint.class,
            List.of("complaint_id", "received", "closed", "beat", "officer_ids", "allegation", "finding",
                    "complainant_race", "complainant_sex", "source"), List.of(),
            List.of("allegation", "finding", "complainant_race", "complainant_sex", "source"), Binders::complaints,
            RecordWriter::complaints);

    /** Officers ({@link Officer}). */
    public static final RecordType<Officer> OFFICERS = new RecordType<>("officers", Officer.class,
            List.of("officer_id", "race", "sex", "hired", "separated"), List.of(), List.of("race", "sex"), Binders::officers,
            RecordWriter::officers);

    /** Officers' beat assignments ({@link BeatAssignment}), one row per officer, beat, day and shift. */
    public static final RecordType<BeatAssignment> ASSIGNMENTS = new RecordType<>("assignments", BeatAssignment.class,
            List.of("officer_id", "beat", "date", "shift"), List.of(), List.of("shift"), Binders::assignments,
            RecordWriter::assignments);

    /** Binds a mapping's fields to the columns of one input. */
    @FunctionalInterface
    interface BinderFactory<T> {
        Binder<T> bind(Mapping<T> m, Columns c, String source);
    }

    private final String name;
    private final Class<T> recordClass;
    private final List<String> written;
    private final List<String> fields;
    private final List<String> codedFields;
    private final List<String> codebookNames;
    private final BinderFactory<T> binder;
    private final Function<Mapping<T>, RecordWriter<T>> writer;

    private RecordType(String name, Class<T> recordClass, List<String> written, List<String> alsoRead,
            List<String> codedFields, BinderFactory<T> binder, Function<Mapping<T>, RecordWriter<T>> writer) {
        this.name = name;
        this.recordClass = recordClass;
        this.written = List.copyOf(written);
        List<String> all = new ArrayList<>(written);
        all.addAll(alsoRead);
        this.fields = List.copyOf(all);
        this.codedFields = List.copyOf(codedFields);
        List<String> books = new ArrayList<>(codedFields);
        for (String kind : KINDS) {
            if (!books.contains(kind) && codedFields.stream().anyMatch(f -> f.endsWith(kind))) {
                books.add(kind);
            }
        }
        this.codebookNames = List.copyOf(books);
        this.binder = binder;
        this.writer = writer;
    }

    /** The six record types, in the order above. */
    public static List<RecordType<?>> all() {
        return List.of(STOPS, SURVEY_RESPONSES, BEATS, COMPLAINTS, OFFICERS, ASSIGNMENTS);
    }

    /** The plural name used in messages: {@code stops}, {@code survey responses}, ... */
    public String name() {
        return name;
    }

    /** The record class: {@code Stop.class}, ... */
    public Class<T> recordClass() {
        return recordClass;
    }

    /**
     * The fixed field names: those a {@link RecordWriter} writes, in its column order, then those
     * only read (stops: {@code datetime}). Survey responses also have the item and attribute
     * columns a mapping declares.
     */
    public List<String> fields() {
        return fields;
    }

    /** The fields whose raw values map through a {@link Codebook}. */
    public List<String> codedFields() {
        return codedFields;
    }

    /** The fields a writer writes, in its column order (stops: without {@code datetime}). */
    List<String> written() {
        return written;
    }

    /**
     * The names a mapping accepts for a codebook: the {@linkplain #codedFields() coded fields}, and
     * each kind ({@code race}, {@code sex}, {@code age_group}) that names the codebook shared by the
     * fields ending in it.
     */
    List<String> codebookNames() {
        return codebookNames;
    }

    Binder<T> bind(Mapping<T> m, Columns c, String source) {
        return binder.bind(m, c, source);
    }

    RecordWriter<T> writer(Mapping<T> m) {
        return writer.apply(Objects.requireNonNull(m, "mapping must not be null"));
    }

    /** The name: {@code stops}. */
    @Override
    public String toString() {
        return name;
    }
}
