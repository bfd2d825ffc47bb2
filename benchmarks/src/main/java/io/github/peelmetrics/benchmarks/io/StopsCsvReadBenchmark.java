package io.github.peelmetrics.benchmarks.io;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.io.RecordStream;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reads an Open Policing Project style stops CSV (generated in setup into a temp folder) into a
 * stop tally by race, on one thread, in lenient mode. The score is the time of one whole read;
 * rows per second = rows / score. Run with the heap capped to show the read is streaming:
 * {@code java -Xmx128m -jar benchmarks/target/benchmarks.jar StopsCsvReadBenchmark -jvmArgs -Xmx128m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m"})
public class StopsCsvReadBenchmark {

    /** Rows in the generated file. */
    @Param({"1000000"})
    public int rows;

    private Path dir;
    private Path file;
    private RecordReader<Stop> reader;

    private static final String[] RACES = {"white", "black", "hispanic", "asian/pacific islander", "other", "NA"};
    private static final String[] SEXES = {"male", "female", "NA"};
    private static final String[] OUTCOMES = {"citation", "warning", "arrest", "NA", "summons"};

    /** Writes the file. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("peel-bench");
        file = dir.resolve("stops.csv");
        SplittableRandom r = new SplittableRandom(42);
        LocalDate start = LocalDate.of(2015, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("raw_row_number,date,time,location,lat,lng,beat,district,subject_race,subject_age,subject_sex,"
                    + "type,officer_id_hash,reason_for_stop,search_conducted,search_basis,contraband_found,outcome,"
                    + "arrest_made,citation_issued,warning_issued,frisk_performed\n");
            for (int i = 1; i <= rows; i++) {
                boolean searched = r.nextInt(20) == 0;
                String outcome = OUTCOMES[r.nextInt(OUTCOMES.length)];
                w.write(String.format(Locale.ROOT,
                        "%d,%s,%02d:%02d:%02d,\"%d MAIN ST, SPRINGFIELD\",%.6f,%.6f,B%d,D%d,%s,%d,%s,vehicular,%08x,"
                                + "Speeding,%s,%s,%s,%s,%s,%s,%s,FALSE\n",
                        i, start.plusDays(r.nextInt(1500)), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(9999),
                        41.8 + r.nextDouble() / 10, -87.7 + r.nextDouble() / 10, 1 + r.nextInt(30), 1 + r.nextInt(6),
                        RACES[r.nextInt(RACES.length)], 16 + r.nextInt(70), SEXES[r.nextInt(SEXES.length)],
                        r.nextInt(), searched ? "TRUE" : "FALSE", searched ? "probable cause" : "NA",
                        searched ? (r.nextBoolean() ? "TRUE" : "FALSE") : "NA", outcome,
                        outcome.equals("arrest") ? "TRUE" : "FALSE", outcome.equals("citation") ? "TRUE" : "FALSE",
                        outcome.equals("warning") ? "TRUE" : "FALSE"));
            }
        }
        reader = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Chicago"))).mode(ErrorMode.LENIENT);
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /**
     * The floor: Jackson's CSV parser alone, turning every cell of the same file into a String
     * (what the reader does before any checking or record building).
     */
    @Benchmark
    public long jacksonTokensOnly() throws IOException {
        long chars = 0;
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                com.fasterxml.jackson.dataformat.csv.CsvParser p = new com.fasterxml.jackson.dataformat.csv.CsvFactory()
                        .createParser(in)) {
            p.setSchema(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema());
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    chars += p.getText().length();
                }
            }
        }
        return chars;
    }

    /**
     * One streaming read of the whole file into a {@link StopTally} by race (stops, searches, hits
     * and outcomes per race), the reader's work plus the tally's.
     */
    @Benchmark
    public StopTally readIntoTally() {
        StopTally tally = StopTally.byRace();
        try (RecordStream<Stop> s = reader.openCsv(file)) {
            while (s.hasNext()) {
                tally.add(s.next());
            }
            if (s.summary().read() != rows || s.summary().rejected() != 0 || tally.count() != rows) {
                throw new IllegalStateException("unexpected read: " + s.summary());
            }
        }
        return tally;
    }
}
