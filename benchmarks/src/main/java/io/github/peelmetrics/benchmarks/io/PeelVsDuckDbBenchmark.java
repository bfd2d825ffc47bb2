package io.github.peelmetrics.benchmarks.io;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopKey;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordStream;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTable;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 18's comparison: one generated Open Policing style CSV of 11 columns (10,000,000 rows by
 * default, written in setup into a temp folder) read into counts by race and beat of stops,
 * searches, hits and arrests, by Peel (a parallel record stream into {@link StopTally}, all cores)
 * and by DuckDB's JDBC driver ({@code read_csv} and {@code group by}, all cores), in one run and
 * one JVM with the heap capped at 128 MB (DuckDB's memory is native, outside the heap). Setup
 * checks that both give the same counts. The figure is the ratio of the two times:
 * {@link #peelOverDuckDb} reads both back to back in each invocation and prints their ratio per
 * iteration and per fork (the machine's speed drifts by a third within an hour, so the ratio of two
 * benchmarks run minutes apart compares two machines). Three warm-up reads: Peel's first read in a
 * JVM is about 1.3-1.7 times its later ones while the JIT compiles its binder (report that
 * separately, e.g. with {@link PeelTallyRuns}); DuckDB's native code has no warm-up. E.g.:
 *
 * <pre>
 * mvn -B -o -q package -pl benchmarks -am -DskipTests -Dmdep.analyze.skip
 * java -jar benchmarks/target/benchmarks.jar PeelVsDuckDbBenchmark.peelOverDuckDb -f 3
 * java -jar benchmarks/target/benchmarks.jar 'PeelVsDuckDbBenchmark.(peelTally|duckDb)$' -f 3
 * java -jar benchmarks/target/benchmarks.jar PeelVsDuckDbBenchmark -p rows=1000000   (a quick look)
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3) // Peel's reads settle from the third on (see the class comment)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m"})
public class PeelVsDuckDbBenchmark {

    /** Rows in the generated file. */
    @Param({"10000000"})
    public int rows;

    private Path dir;
    private Path file;
    private RecordReader<Stop> reader;

    private static final String[] RACES = {"white", "black", "hispanic", "asian/pacific islander", "other", "NA"};
    private static final String[] SEXES = {"male", "female", "NA"};

    /** Writes the file (11 columns) and checks that Peel and DuckDB count the same. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        dir = Files.createTempDirectory("peel-duckdb-bench");
        file = dir.resolve("stops.csv");
        write(file, rows);
        reader = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Chicago")))
                .mode(ErrorMode.LENIENT);
        Map<String, long[]> peel = totals(peel());
        byte[] stream = peel().toByteArray();
        if (!java.util.Arrays.equals(stream, peelTally().toByteArray())
                || !java.util.Arrays.equals(stream, peelTallyStops().toByteArray())) {
            throw new IllegalStateException("the tally reads and the stream read disagree");
        }
        Map<String, long[]> duck = duckTotals(duckDb());
        for (Map.Entry<String, long[]> e : duck.entrySet()) {
            long[] p = peel.get(e.getKey());
            if (p == null || !java.util.Arrays.equals(p, e.getValue())) {
                throw new IllegalStateException("Peel and DuckDB disagree on " + e.getKey() + ": "
                        + java.util.Arrays.toString(p) + " vs " + java.util.Arrays.toString(e.getValue()));
            }
        }
        if (peel.size() != duck.size()) {
            throw new IllegalStateException("Peel has " + peel.keySet() + ", DuckDB " + duck.keySet());
        }
    }

    /**
     * Writes the benchmark's file of {@code rows} rows to {@code file} (the same bytes for the same
     * rows: the generator's seed is fixed).
     */
    static void write(Path file, int rows) throws IOException {
        SplittableRandom r = new SplittableRandom(18);
        LocalDate start = LocalDate.of(2015, 1, 1);
        String[] days = new String[1500];
        for (int d = 0; d < days.length; d++) {
            days[d] = start.plusDays(d).toString();
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE)) {
            w.write("raw_row_number,date,time,beat,subject_race,subject_age,subject_sex,search_conducted,"
                    + "contraband_found,arrest_made,citation_issued\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 1; i <= rows; i++) {
                boolean searched = r.nextInt(20) == 0;
                int outcome = r.nextInt(10);
                sb.setLength(0);
                sb.append(i).append(',').append(days[r.nextInt(days.length)]).append(',');
                two(sb, r.nextInt(24)).append(':');
                two(sb, r.nextInt(60)).append(':');
                two(sb, r.nextInt(60)).append(",B").append(1 + r.nextInt(300)).append(',')
                        .append(RACES[r.nextInt(RACES.length)]).append(',').append(16 + r.nextInt(70)).append(',')
                        .append(SEXES[r.nextInt(SEXES.length)]).append(',').append(searched ? "TRUE" : "FALSE").append(',')
                        .append(searched ? (r.nextBoolean() ? "TRUE" : "FALSE") : "NA").append(',')
                        .append(outcome == 0 ? "TRUE" : "FALSE").append(',').append(outcome >= 5 ? "TRUE" : "FALSE")
                        .append('\n');
                w.append(sb);
            }
        }
    }

    private static StringBuilder two(StringBuilder sb, int x) {
        return sb.append((char) ('0' + x / 10)).append((char) ('0' + x % 10));
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** Peel: a parallel record stream of the file into a tally by race and beat. */
    @Benchmark
    public StopTally peel() {
        try (RecordStream<Stop> s = reader.openCsv(file)) {
            StopTally tally = s.stream().parallel().collect(StopTally.collector(Stop::beat));
            ReadSummary summary = s.summary();
            if (summary.read() != rows || summary.rejected() != 0 || tally.count() != rows) {
                throw new IllegalStateException("unexpected read: " + summary);
            }
            return tally;
        }
    }

    /**
     * Peel: the file counted straight into a tally by race and beat ({@link RecordStream#tally}, all
     * cores), each row's facts counted without a {@code Stop} being made ({@link StopKey#BEAT}).
     */
    @Benchmark
    public StopTally peelTally() {
        return tally(StopKey.BEAT);
    }

    /**
     * {@link #peelTally()} keyed by {@code Stop::beat}, a function the reader cannot see into: a
     * {@code Stop} is made of every row (what {@code peelTally} measured before stop facts).
     */
    @Benchmark
    public StopTally peelTallyStops() {
        return tally(Stop::beat);
    }

    private StopTally tally(java.util.function.Function<Stop, String> key) {
        try (RecordStream<Stop> s = reader.openCsv(file)) {
            StopTally tally = s.tally(StopTally.byRace(key));
            ReadSummary summary = s.summary();
            if (summary.read() != rows || summary.rejected() != 0 || tally.count() != rows) {
                throw new IllegalStateException("unexpected read: " + summary);
            }
            return tally;
        }
    }

    /** DuckDB: {@code read_csv} and {@code group by} race and beat, the same counts, all rows fetched. */
    @Benchmark
    public Map<String, long[]> duckDb() throws SQLException {
        Map<String, long[]> out = new TreeMap<>();
        try (Connection c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(subject_race, 'NA') AS race, beat, count(*) AS stops, "
                        + "count(*) FILTER (WHERE search_conducted) AS searches, "
                        + "count(*) FILTER (WHERE search_conducted AND contraband_found) AS hits, "
                        + "count(*) FILTER (WHERE arrest_made) AS arrests "
                        + "FROM read_csv('" + file.toString().replace("'", "''") + "', header = true, nullstr = 'NA') "
                        + "GROUP BY ALL")) {
            while (rs.next()) {
                out.put(rs.getString(1) + "|" + rs.getString(2),
                        new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
            }
        }
        if (out.values().stream().mapToLong(x -> x[0]).sum() != rows) {
            throw new IllegalStateException("DuckDB counted " + out.values().stream().mapToLong(x -> x[0]).sum());
        }
        return out;
    }

    /**
     * The two reads of each {@link #peelOverDuckDb} invocation: prints both times and their ratio
     * after each iteration, and at the end of the fork the median, least and greatest ratio of
     * its measured iterations.
     */
    @State(Scope.Thread)
    public static class Pair {
        private long peelNs;
        private long duckDbNs;
        private boolean peelFirst;
        private final java.util.List<Double> ratios = new java.util.ArrayList<>();

        /** Prints the iteration's two times and their ratio; keeps the ratio of a measured iteration. */
        @TearDown(Level.Iteration)
        public void report(org.openjdk.jmh.infra.IterationParams iteration) {
            boolean measured = iteration.getType() == org.openjdk.jmh.runner.IterationType.MEASUREMENT;
            double ratio = (double) peelNs / duckDbNs;
            if (measured) {
                ratios.add(ratio);
            }
            System.out.printf(java.util.Locale.ROOT, "%n  Peel %,d ms, DuckDB %,d ms: Peel/DuckDB %.2f%s%n",
                    peelNs / 1_000_000, duckDbNs / 1_000_000, ratio, measured ? "" : " (warm-up)");
        }

        /** Prints the median ratio of the fork's measured iterations, with the least and greatest. */
        @TearDown(Level.Trial)
        public void summary() {
            double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (r.length > 0) {
                double median = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
                System.out.printf(java.util.Locale.ROOT, "Peel/DuckDB over %d measured iterations: median %.2f (%.2f-%.2f)%n",
                        r.length, median, r[0], r[r.length - 1]);
            }
        }
    }

    /**
     * Issue 18's figure: both reads back to back in each invocation, in turn first, so that the
     * machine's drift (its speed changes by a third within an hour, and two benchmarks run one
     * after the other compare two different machines) cancels out of their ratio, which
     * {@link Pair} prints per iteration and per fork. The score is the two reads' sum.
     */
    @Benchmark
    public StopTally peelOverDuckDb(Pair pair) throws SQLException {
        pair.peelFirst = !pair.peelFirst;
        StopTally t;
        if (pair.peelFirst) {
            long t0 = System.nanoTime();
            t = peelTally();
            long t1 = System.nanoTime();
            duckDb();
            pair.duckDbNs = System.nanoTime() - t1;
            pair.peelNs = t1 - t0;
        } else {
            long t0 = System.nanoTime();
            duckDb();
            long t1 = System.nanoTime();
            t = peelTally();
            pair.peelNs = System.nanoTime() - t1;
            pair.duckDbNs = t1 - t0;
        }
        return t;
    }

    /** Peel's counts per race code: stops, searches, hits, arrests. */
    private static Map<String, long[]> totals(StopTally t) {
        StopTable table = t.result();
        Map<String, long[]> out = new TreeMap<>();
        for (Category g : table.groups()) {
            for (String beat : table.keys()) {
                StopCounts c = table.counts(g, beat);
                if (c.stops() > 0) {
                    out.put(g.code() + "|" + beat, new long[] {c.stops(), c.searched(), c.hits(), c.arrests()});
                }
            }
        }
        return out;
    }

    /** DuckDB's rows with race codes as Peel's codebook writes them (NA is unknown). */
    private static Map<String, long[]> duckTotals(Map<String, long[]> rows) {
        Map<String, long[]> out = new TreeMap<>();
        rows.forEach((k, v) -> {
            String race = k.substring(0, k.indexOf('|'));
            String code = switch (race) {
                case "NA" -> Category.UNKNOWN.code();
                case "asian/pacific islander" -> io.github.peelmetrics.core.Races.ASIAN_PACIFIC_ISLANDER.code();
                default -> race;
            };
            out.merge(code + k.substring(k.indexOf('|')), v.clone(), (a, b) -> {
                for (int i = 0; i < a.length; i++) {
                    a[i] += b[i];
                }
                return a;
            });
        });
        return out;
    }
}
