package io.github.peelmetrics.io;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.SurveyResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads one kind of Peel record from CSV or JSON-lines input, driven by a {@link Mapping}.
 *
 * <pre>{@code
 * ReadResult<Stop> read = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Chicago")))
 *         .mode(ErrorMode.LENIENT).readCsv(Path.of("stops.csv"));
 * read.summary();   // stops.csv: 1500 read, 1497 accepted, 3 rejected (line 88: subject_age "abc" is not an integer; ...)
 * }</pre>
 *
 * <p>{@code open...} methods stream (constant memory, whatever the file's size); {@code read...}
 * methods collect everything into a {@link ReadResult}. CSV input has a header row and follows
 * RFC 4180 (rows end at LF, CRLF or CR; quoted cells may hold commas, line breaks and doubled
 * quotes); JSON-lines input has one flat object per line. Text is UTF-8 unless another
 * {@link #charset(Charset) charset} is set; a cell with bytes that do not decode rejects its row.
 * Hostile input fails fast: a CSV cell over 1,000,000 bytes or row over 4,000,000 bytes, a JSON
 * line over 4,000,000 characters or nested deeper than 16 levels rejects its row without being
 * held; a CSV row of more than 10,000 fields is rejected (its further cells are not held). Every
 * per-read structure is bounded in number and in characters (see {@link RecordStream}); a summary
 * that had to cut one says {@linkplain ReadSummary#truncated() truncated}. A UTF-8 byte order mark
 * is skipped; a CSV header that names a column twice is a {@link ReadException} naming it.
 *
 * <p>The default mode is {@link ErrorMode#STRICT}. Immutable and thread-safe; each open read is
 * single-threaded.
 *
 * @param <T> the record type
 */
public final class RecordReader<T> {

    private final Mapping<T> mapping;
    private final ErrorMode mode;
    private final Charset charset;
    private final Consumer<Rejection> listener;

    static {
        // Rows split into cells by another engine (Spark): for io.internal.RowReads only.
        io.github.peelmetrics.io.internal.RowReads.install(new io.github.peelmetrics.io.internal.RowReads.Opener() {
            @Override
            public <X> io.github.peelmetrics.io.internal.RowReads.Converter<X> open(RecordReader<X> reader,
                    List<String> header, String source) {
                return new PushRead<>(reader.mapping, reader.mode, reader.listener, header, source);
            }

            @Override
            public List<String> columnsRead(RecordReader<?> reader, List<String> header) {
                return PushRead.columnsRead(reader.mapping, header);
            }
        });
    }

    private RecordReader(Mapping<T> mapping, ErrorMode mode, Charset charset, Consumer<Rejection> listener) {
        this.listener = listener;
        this.mapping = mapping;
        this.mode = mode;
        this.charset = charset;
    }

    /**
     * A reader of the mapping's {@linkplain Mapping#type() record type}, in {@link ErrorMode#STRICT}
     * mode, reading UTF-8. What each type reads:
     * <ul>
     * <li>{@link RecordType#STOPS} (Open Policing Project layout): each decision flag
     *     ({@code arrest_made}, {@code citation_issued}, {@code warning_issued},
     *     {@code summons_issued}), {@code frisk_performed}, {@code contraband_weapons},
     *     {@code contraband_drugs}, {@code district} and {@code precinct} from its own column. The
     *     most severe {@code outcome} code never overrides a recorded flag: it only fills the flags
     *     whose cell is empty or whose column is absent, as {@link io.github.peelmetrics.core.Stop.Builder#outcome}
     *     defines (its own flag yes, the more severe ones no, the less severe ones unrecorded); a
     *     recorded flag that the outcome contradicts ({@code arrest_made} FALSE, outcome
     *     {@code arrest}) rejects the row, naming the flag and its value. A stop without a time of
     *     day is kept without one. A stop not searched reads contraband as unknown
     *     (Open Policing writes FALSE or NA there) and rejects a search basis or contraband found.
     *     The age group is {@code subject_age_group} when given, else that of
     *     {@code subject_age}. The mapping must have a {@linkplain Mapping#zone(java.time.ZoneId) zone}.</li>
     * <li>{@link RecordType#SURVEY_RESPONSES}: id, wave, date, race, age group, sex, beat, base
     *     weight, attribute columns, and numeric item columns ({@code 4}, {@code 72.5}: Likert
     *     points and 0-100 scores alike) whose empty (missing) cells are left out of
     *     {@link SurveyResponse#answers()}; a cell that is not a finite number rejects the row,
     *     naming the item and the value. Only the id and the base weight are required: a file
     *     without a {@code wave} column (or a row whose wave cell is empty) gives responses
     *     without a wave, which analyses by wave refuse by name.</li>
     * <li>{@link RecordType#BEATS}, in long format (one row per beat and population group):
     *     consecutive rows of a beat make one {@link Beat}, and any bad row rejects all rows of its
     *     beat. The summary counts rows.</li>
     * <li>{@link RecordType#COMPLAINTS}: {@code officer_ids} are {@code ;}-separated.</li>
     * <li>{@link RecordType#OFFICERS}, with their hire date when the {@code hired} column has one.</li>
     * <li>{@link RecordType#ASSIGNMENTS}: shift is {@code day}, {@code evening} or {@code night}.</li>
     * </ul>
     *
     * <p><b>Absent columns.</b> A field the input has no column for is not recorded in any record
     * (an unknown flag or category, an empty optional; never "no" or zero), and the read's
     * {@linkplain ReadSummary#warnings() summary} says so, one line per field. A field whose
     * columns the mapping {@linkplain Mapping#column named} and that the header lacks fails the read
     * in {@link ErrorMode#STRICT} mode (a {@link ReadException} naming the field, the columns and
     * the header's columns) and is a {@code WARNING} line of the summary in lenient mode.
     *
     * @throws IllegalArgumentException if the mapping is of stops and has no zone
     */
    public static <T> RecordReader<T> of(Mapping<T> mapping) {
        Objects.requireNonNull(mapping, "mapping of reader must not be null");
        if (mapping.type() == RecordType.STOPS && mapping.zone().isEmpty()) {
            throw new IllegalArgumentException("reading stops needs an explicit time zone: set Mapping.zone(...) on "
                    + mapping);
        }
        return new RecordReader<>(mapping, ErrorMode.STRICT, StandardCharsets.UTF_8, RecordStream.NO_LISTENER);
    }

    /** A copy with another error mode. */
    public RecordReader<T> mode(ErrorMode newMode) {
        Objects.requireNonNull(newMode, "error mode must not be null");
        return new RecordReader<>(mapping, newMode, charset, listener);
    }

    /** A copy that decodes input with another charset (UTF-8 by default). */
    public RecordReader<T> charset(Charset newCharset) {
        Objects.requireNonNull(newCharset, "charset must not be null");
        return new RecordReader<>(mapping, mode, newCharset, listener);
    }

    /**
     * A copy that hands every rejection, as it happens, to {@code listener} (in lenient mode; a
     * stream keeps only the first {@value RecordStream#MAX_KEPT_REJECTIONS}). The listener runs on
     * the reading thread.
     */
    public RecordReader<T> onRejection(Consumer<Rejection> newListener) {
        Objects.requireNonNull(newListener, "rejection listener must not be null");
        return new RecordReader<>(mapping, mode, charset, newListener);
    }

    /** The mapping. */
    public Mapping<T> mapping() {
        return mapping;
    }

    /** The error mode. */
    public ErrorMode mode() {
        return mode;
    }

    /**
     * Opens a CSV file for streaming.
     *
     * @throws ReadException        if a required column is missing from the header, or (strict
     *                              mode) a column the mapping named
     * @throws UncheckedIOException if the file cannot be opened
     */
    public RecordStream<T> openCsv(Path file) {
        RecordStream<T> s = openCsv(bytes(file), file.toString());
        if (charset.equals(StandardCharsets.UTF_8) && mapping.type() != RecordType.BEATS && !mapping.usesRowNumber()) {
            s.splittable(file); // rows independent of each other: ranges can be read on all cores
        }
        return s;
    }

    /** Opens a JSON-lines file for streaming. */
    public RecordStream<T> openJsonLines(Path file) {
        return openJsonLines(reader(file), file.toString());
    }

    /** Opens a file as JSON lines when its name ends in {@code .jsonl}, {@code .ndjson} or {@code .json}, else as CSV. */
    public RecordStream<T> open(Path file) {
        return isJson(file) ? openJsonLines(file) : openCsv(file);
    }

    /** Opens CSV bytes; {@code source} names the input in rejections. */
    public RecordStream<T> openCsv(InputStream in, String source) {
        Objects.requireNonNull(in, "input must not be null");
        // the scanner reads UTF-8 itself; other charsets are decoded and re-encoded
        return csv(charset.equals(StandardCharsets.UTF_8) ? in : new Utf8Bytes(decode(in)), source);
    }

    /** Opens CSV text; {@code source} names the input in rejections. */
    public RecordStream<T> openCsv(Reader in, String source) {
        Objects.requireNonNull(in, "input must not be null");
        return csv(new Utf8Bytes(in), source);
    }

    private RecordStream<T> csv(InputStream in, String source) {
        Objects.requireNonNull(source, "source name must not be null");
        CsvRows rows;
        try {
            rows = new CsvRows(in);
        } catch (ReadException e) {
            closeQuietly(in);
            Rejection r = e.rejection();
            throw new ReadException(new Rejection(source, r.line(), r.field(), r.value(), r.reason()));
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException("cannot read " + source, e);
        }
        RecordStream<T> s = new RecordStream<>(source, rows, c -> bind(c, source), c -> Coverage.notRecorded(mapping, c),
                mode, listener);
        s.bind();
        return s;
    }

    /** Opens JSON-lines bytes; {@code source} names the input in rejections. */
    public RecordStream<T> openJsonLines(InputStream in, String source) {
        Objects.requireNonNull(in, "input must not be null");
        return openJsonLines(decode(in), source);
    }

    /** Opens JSON-lines text; {@code source} names the input in rejections. */
    public RecordStream<T> openJsonLines(Reader in, String source) {
        Objects.requireNonNull(in, "input must not be null");
        Objects.requireNonNull(source, "source name must not be null");
        RecordStream<T> s = new RecordStream<>(source, new JsonLineRows(in, List.of()), c -> bind(c, source),
                c -> Coverage.notRecorded(mapping, c), mode, listener);
        s.bind();
        return s;
    }

    /**
     * The binder of the mapping's type; in strict mode, a header without any column of a field that
     * {@link Mapping#column} mapped fails the read.
     */
    private Binder<T> bind(Columns c, String source) {
        if (mode == ErrorMode.STRICT && c.fixed()) {
            Rejection missing = Coverage.missingMapped(mapping, c, source);
            if (missing != null) {
                throw new ReadException(missing);
            }
        }
        return mapping.type().bind(mapping, c, source);
    }

    /** Reads a whole CSV file into memory. */
    public ReadResult<T> readCsv(Path file) {
        return drain(openCsv(file));
    }

    /** Reads a whole JSON-lines file into memory. */
    public ReadResult<T> readJsonLines(Path file) {
        return drain(openJsonLines(file));
    }

    /** Reads a whole file, as JSON lines or CSV by its name (see {@link #open(Path)}). */
    public ReadResult<T> read(Path file) {
        return drain(open(file));
    }

    /** Reads all CSV bytes into memory. */
    public ReadResult<T> readCsv(InputStream in, String source) {
        return drain(openCsv(in, source));
    }

    /** Reads all JSON-lines bytes into memory. */
    public ReadResult<T> readJsonLines(InputStream in, String source) {
        return drain(openJsonLines(in, source));
    }

    private ReadResult<T> drain(RecordStream<T> s) {
        try (s) {
            List<T> out = new ArrayList<>();
            s.forEachRemaining(out::add);
            return new ReadResult<>(out, s.rejections(), s.summary());
        }
    }

    private Reader decode(InputStream in) {
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private Reader reader(Path file) {
        return decode(bytes(file));
    }

    private static InputStream bytes(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    private static boolean isJson(Path file) {
        String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json");
    }

    private static void closeQuietly(java.io.Closeable in) {
        try {
            in.close();
        } catch (IOException e) {
            // already failing
        }
    }

    /** {@code RecordReader[stops, STRICT, UTF-8, Mapping[...]]}. */
    @Override
    public String toString() {
        return "RecordReader[" + mapping.type() + ", " + mode + ", " + charset + ", " + mapping + "]";
    }
}
