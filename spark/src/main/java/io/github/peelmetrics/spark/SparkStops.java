package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.io.internal.RowReads;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.metrics.vod.VeilOfDarkness;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessTally;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Column;
import io.github.peelmetrics.io.RecordStream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;

/**
 * A Spark {@link Aggregator} that reads stops from the rows of a {@code Dataset<Row>} (as Spark's
 * CSV or Parquet reader gives them) with io's {@link Mapping}, and tallies them, in one pass, into
 * a {@link StopTally} by group and key and, when asked, a {@link VeilOfDarknessTally}: the same
 * tallies, byte for byte, as io's reader and the tallies' collectors give on one machine.
 *
 * <pre>{@code
 * Dataset<Row> rows = spark.read().option("header", true).csv("hdfs:///opp/stops/*.csv");
 * SparkStops.Result r = SparkStops.reading("stops", () -> Mapping.openPolicing(RecordType.STOPS).zone(zone))
 *         .keyedBy(Stop::beat)
 *         .veilOfDarkness(() -> VeilOfDarkness.at(city, zone, Races.BLACK))
 *         .mode(ErrorMode.LENIENT)
 *         .run(rows);
 * r.read();                                     // stops: 10000000 read, 9999998 accepted, 2 rejected (...)
 * Disparity.against(residents, Races.WHITE).of(r.tally());
 * r.veilOfDarkness().orElseThrow().result();
 * }</pre>
 *
 * <p>Each row goes through io's per-row conversion (the same binder, codebooks, checks, strict
 * and lenient modes and accounting as {@link RecordReader}); cells are the row's values as
 * strings (a null is a missing cell). Rows are independent of each other, so beats (which span
 * rows) cannot be read this way. Work and memory: one pass over the rows; each task holds one
 * buffer, whose size depends on the number of groups, keys and (for the veil of darkness) distinct
 * stop times, never on the number of rows; the driver receives one merged buffer.
 *
 * <p>Settings travel to the executors as {@link Recipe}s and {@link SerializableFunction}s. In
 * {@link ErrorMode#STRICT} mode (the default, as io's) the first bad row fails the Spark job with
 * io's {@link io.github.peelmetrics.io.ReadException} as its cause. Immutable and serializable.
 */
public final class SparkStops extends Aggregator<Row, StopBuffer, StopBuffer> {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final Recipe<Mapping<Stop>> mapping;
    private final ErrorMode mode;
    private final SerializableFunction<Stop, Category> group;
    private final SerializableFunction<Stop, String> key;
    private final Recipe<VeilOfDarkness> darkness;

    private transient RecordReader<Stop> reader;
    private transient VeilOfDarkness test;

    private SparkStops(String source, Recipe<Mapping<Stop>> mapping, ErrorMode mode,
            SerializableFunction<Stop, Category> group, SerializableFunction<Stop, String> key,
            Recipe<VeilOfDarkness> darkness) {
        this.source = source;
        this.mapping = mapping;
        this.mode = mode;
        this.group = group;
        this.key = key;
        this.darkness = darkness;
    }

    /**
     * Stops read with the mapping that {@code mapping} builds (of {@link RecordType#STOPS}, with a
     * zone), tallied by race with no key, in strict mode.
     *
     * @param source  names the input in the read's summary and rejections
     * @param mapping builds the mapping on each executor
     * @return the aggregator
     * @throws IllegalArgumentException if the mapping is not of stops or has no zone
     */
    public static SparkStops reading(String source, Recipe<Mapping<Stop>> mapping) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(mapping, "mapping recipe must not be null");
        SparkStops s = new SparkStops(source, mapping, ErrorMode.STRICT, null, null, null);
        s.reader(); // fails fast on the driver
        return s;
    }

    /**
     * A copy that tallies by race and by {@code key} (as {@link StopTally#byRace(java.util.function.Function)}).
     *
     * @param newKey the key of each stop, e.g. {@code Stop::beat}
     * @return the copy
     */
    public SparkStops keyedBy(SerializableFunction<Stop, String> newKey) {
        return new SparkStops(source, mapping, mode, group, Objects.requireNonNull(newKey, "key must not be null"),
                darkness);
    }

    /**
     * A copy that tallies by any group and key (as {@link StopTally#by}).
     *
     * @param newGroup the group of each stop
     * @param newKey   the key of each stop
     * @return the copy
     */
    public SparkStops by(SerializableFunction<Stop, Category> newGroup, SerializableFunction<Stop, String> newKey) {
        return new SparkStops(source, mapping, mode, Objects.requireNonNull(newGroup, "group must not be null"),
                Objects.requireNonNull(newKey, "key must not be null"), darkness);
    }

    /**
     * A copy that also tallies the veil of darkness test that {@code test} builds.
     *
     * @param newTest builds the test on each executor
     * @return the copy
     */
    public SparkStops veilOfDarkness(Recipe<VeilOfDarkness> newTest) {
        Objects.requireNonNull(newTest, "veil of darkness recipe must not be null");
        SparkStops s = new SparkStops(source, mapping, mode, group, key, newTest);
        s.test();
        return s;
    }

    /**
     * A copy with another error mode ({@link ErrorMode#LENIENT} counts and keeps rejections).
     *
     * @param newMode the mode
     * @return the copy
     */
    public SparkStops mode(ErrorMode newMode) {
        return new SparkStops(source, mapping, Objects.requireNonNull(newMode, "mode must not be null"), group, key,
                darkness);
    }

    /**
     * The tallies and the read's accounting.
     *
     * @param read           the read: counts, rejections, warnings
     * @param tally          the stop tally
     * @param veilOfDarkness the veil of darkness tally, when asked for
     */
    public record Result(ReadAccount read, StopTally tally, Optional<VeilOfDarknessTally> veilOfDarkness) {
        /** Checks the parts. */
        public Result {
            Objects.requireNonNull(read, "read must not be null");
            Objects.requireNonNull(tally, "tally must not be null");
            Objects.requireNonNull(veilOfDarkness, "veilOfDarkness must not be null");
        }
    }

    /**
     * Runs the aggregation over the rows (one Spark job, one pass) and returns the merged result
     * on the driver.
     *
     * @param rows the rows, with the columns the mapping reads
     * @return the result
     */
    public Result run(Dataset<Row> rows) {
        Objects.requireNonNull(rows, "rows must not be null");
        return result(prune(rows).select(toColumn()).first());
    }

    /**
     * Runs on CSV files read as lines of text, each partition's lines parsed by io's own CSV
     * reader ({@link RecordReader#openCsv(java.io.InputStream, String)}, the single-machine
     * reader's byte-level scanner) instead of Spark's CSV reader: the fast path (about three times
     * less CPU per row on the sample stops). For files whose quoted cells hold no line break (the
     * Open Policing files hold none): Spark splits text files at line breaks, so a quoted cell
     * over several lines would be read as broken rows (rejected, never misread). Every file must
     * start with the same header line (lines equal to it are skipped); one Spark job, the same
     * tallies and accounting as {@link #run}.
     *
     * @param spark the session
     * @param paths the CSV files (paths, folders or globs, as {@code spark.read().textFile} takes)
     * @return the result
     */
    public Result runCsvLines(SparkSession spark, String... paths) {
        Objects.requireNonNull(spark, "spark session must not be null");
        Dataset<String> lines = spark.read().textFile(paths);
        String header = lines.first();
        Encoder<StopBuffer> enc = bufferEncoder();
        StopBuffer all = lines.mapPartitions((MapPartitionsFunction<String, StopBuffer>) it -> {
            StopBuffer b = zero();
            TaskContext task = TaskContext.get();
            int partition = task == null ? 0 : task.partitionId();
            StopTally t = b.tally;
            VeilOfDarknessTally d = b.darkness;
            try (RecordStream<Stop> s = reader().openCsv(new LinesInputStream(header, it), source)) {
                while (s.hasNext()) {
                    Stop stop = s.next();
                    t.add(stop);
                    if (d != null) {
                        d.add(stop);
                    }
                }
                b.account = ReadAccount.of(source, partition, s.summary(), s.rejections());
            }
            return List.of(b).iterator();
        }, enc).reduce((ReduceFunction<StopBuffer>) this::merge); // the driver merges each partition's as it comes
        return result(all);
    }

    /**
     * The result a buffer stands for (what {@link #run} returns), for a buffer that an
     * aggregation with this aggregator's settings made, such as {@code rows.groupBy(...).agg(...)}.
     *
     * @param buffer the buffer
     * @return the result
     */
    public Result result(StopBuffer buffer) {
        resolve(buffer);
        return new Result(buffer.accountSnapshot(), buffer.tally, Optional.ofNullable(buffer.darkness));
    }

    RecordReader<Stop> reader() {
        if (reader == null) {
            Mapping<Stop> m = Objects.requireNonNull(mapping.get(), "the mapping recipe built null");
            if (m.type() != RecordType.STOPS) {
                throw new IllegalArgumentException("SparkStops reads stops: the mapping is of " + m.type());
            }
            reader = RecordReader.of(m).mode(mode);
        }
        return reader;
    }

    private VeilOfDarkness test() {
        if (test == null && darkness != null) {
            test = Objects.requireNonNull(darkness.get(), "the veil of darkness recipe built null");
        }
        return test;
    }

    private StopTally emptyTally() {
        if (group != null) {
            return StopTally.by(group, key);
        }
        return key == null ? StopTally.byRace() : StopTally.byRace(key);
    }

    private void resolve(StopBuffer b) {
        if (b.tally == null) {
            b.tally = b.tallyBytes == null ? emptyTally()
                    : StopTally.fromByteArray(b.tallyBytes, group != null ? group : s -> s.subject().race(),
                            key != null ? key : s -> StopTally.ALL);
            b.tallyBytes = null;
        }
        if (b.darkness == null && darkness != null) {
            b.darkness = b.darknessBytes == null ? test().tally() : VeilOfDarknessTally.fromByteArray(b.darknessBytes, test());
            b.darknessBytes = null;
        }
    }

    /**
     * The rows with only the columns the mapping reads (its fields' columns, in the rows' order):
     * Spark's readers then parse and convert nothing else. The records, rejections and warnings
     * are those of all the columns.
     *
     * @param rows the rows
     * @return the rows with the columns read
     */
    public Dataset<Row> prune(Dataset<Row> rows) {
        List<String> keep = RowReads.columnsRead(reader(), Arrays.asList(rows.columns()));
        return rows.select(keep.stream().map(c -> functions.col("`" + c.replace("`", "``") + "`")).toArray(Column[]::new));
    }

    @Override
    public StopBuffer zero() {
        StopBuffer b = new StopBuffer();
        b.source = source;
        b.tally = emptyTally();
        b.darkness = darkness == null ? null : test().tally();
        return b;
    }

    @Override
    public StopBuffer reduce(StopBuffer b, Row row) {
        if (b.converter == null) {
            resolve(b);
        }
        b.read(row, source, this::reader, () -> {
            StopTally t = b.tally;
            VeilOfDarknessTally d = b.darkness;
            return d == null ? t::add : s -> {
                t.add(s);
                d.add(s);
            };
        });
        return b;
    }

    @Override
    public StopBuffer merge(StopBuffer a, StopBuffer b) {
        resolve(a);
        resolve(b);
        a.tally.merge(b.tally);
        if (a.darkness != null) {
            a.darkness.merge(b.darkness);
        }
        a.mergeAccount(b);
        return a;
    }

    @Override
    public StopBuffer finish(StopBuffer b) {
        resolve(b);
        return b;
    }

    @Override
    public Encoder<StopBuffer> bufferEncoder() {
        return Encoders.javaSerialization(StopBuffer.class);
    }

    @Override
    public Encoder<StopBuffer> outputEncoder() {
        return Encoders.javaSerialization(StopBuffer.class);
    }

    @Override
    public String toString() {
        return "SparkStops[" + source + ", " + mode + (key != null ? ", keyed" : "") + (darkness != null
                ? ", veil of darkness" : "") + "]";
    }
}
