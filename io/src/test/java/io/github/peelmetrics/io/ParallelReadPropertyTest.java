package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.testing.Seeded;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CSV file read in ranges on all cores gives what one sequential read gives: the same records in
 * the same order, the same rejections with the same lines, the same summary. The files are written
 * by {@link RecordWriter} from random records (quoted cells with commas, quotes and line breaks of
 * every kind), then mangled as {@link FuzzPropertyTest} does, and split into ranges of a few bytes
 * so that every kind of boundary (inside a quoted cell, on a CRLF, in a blank line) is met.
 */
@ExtendWith(SmallRanges.class)
class ParallelReadPropertyTest {
    private static final Mapping<Stop> STOPS = Mapping.openPolicing(RecordType.STOPS).zone(Gen.ZONE);
    private static final Mapping<SurveyResponse> SURVEY = Mapping.generic(RecordType.SURVEY_RESPONSES)
            .items(Gen.ITEMS.toArray(String[]::new)).attributes(Gen.ATTRIBUTES.toArray(String[]::new));

    @TempDir
    static Path dir;

    /** Ranges read and reads, to check that the files were split. */
    private static long ranges;
    private static long reads;

    static Stream<Seeded> seeds() {
        return Seeded.cases(100);
    }

    private static long failedBefore;

    @BeforeAll
    static void countGuesses() {
        failedBefore = RecordStream.GUESSES_FAILED.get();
    }

    @AfterAll
    static void pathsTaken() {
        assertTrue(reads == 0 || ranges > 3 * reads, ranges + " ranges in " + reads + " reads: the files were not split");
        // tallies guess their ranges: these files' quoted line breaks often lie at a cut, and the ranges are read again
        long failed = RecordStream.GUESSES_FAILED.get() - failedBefore;
        assertTrue(reads == 0 || failed > 10, failed + " guesses read again");
    }

    static <T> byte[] file(SplittableRandom r, Function<SplittableRandom, T> gen, RecordWriter<T> w) {
        List<T> xs = new ArrayList<>();
        int n = Seeded.edgy(r, 0, 60);
        for (int i = 0; i < n; i++) {
            xs.add(gen.apply(r));
        }
        StringWriter out = new StringWriter();
        w.writeCsv(xs.stream(), out);
        String text = out.toString();
        if (r.nextInt(4) == 0) {
            text = text.replace("\n", "\r\n");
        }
        if (r.nextInt(5) == 0) {
            text = text.replace("\n", "\n\n");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return r.nextInt(3) == 0 ? FuzzPropertyTest.mangle(r, bytes) : bytes;
    }

    private static <T> void agree(Seeded seed, RecordReader<T> reader, byte[] bytes) throws IOException {
        Path f = Files.write(Files.createTempFile(dir, "p", ".csv"), bytes);
        String what = seed + ":\n" + new String(bytes, StandardCharsets.UTF_8);
        ReadResult<T> seq;
        try {
            seq = reader.readCsv(f);
        } catch (ReadException e) {
            return; // the header cannot be read: no rows to split
        }
        try (RecordStream<T> s = reader.openCsv(f)) {
            List<T> par = s.stream().parallel().collect(Collectors.toList());
            assertEquals(seq.records(), par, what);
            assertEquals(seq.rejections(), s.rejections(), what);
            assertEquals(seq.summary(), s.summary(), what);
            assertTrue(s.finished(), what);
            ranges += s.ranges();
            reads++;
        }
        // counted straight into a tally (on all cores): the records, rejections and summary of the sequential read
        try (RecordStream<T> s = reader.openCsv(f)) {
            Counted<T> counted = s.tally(new Counted<>());
            assertEquals(Counted.of(seq.records()).counts, counted.counts, what);
            assertEquals(seq.rejections(), s.rejections(), what);
            assertEquals(seq.summary(), s.summary(), what);
            assertTrue(s.finished(), what);
        }
        // and on one thread, from a stream given as bytes
        try (RecordStream<T> s = reader.openCsv(new java.io.ByteArrayInputStream(bytes), f.toString())) {
            assertEquals(Counted.of(seq.records()).counts, s.tally(new Counted<>()).counts, what);
            assertEquals(seq.summary(), s.summary(), what);
        }
    }

    /** A tally of records by their text: the same for the same records in any order. */
    static final class Counted<T> implements io.github.peelmetrics.core.Tally<T, Counted<T>, java.util.Map<String, Long>> {
        final java.util.TreeMap<String, Long> counts = new java.util.TreeMap<>();

        static <T> Counted<T> of(List<T> records) {
            Counted<T> c = new Counted<>();
            records.forEach(c::add);
            return c;
        }

        @Override
        public void add(T record) {
            counts.merge(record.toString(), 1L, Long::sum);
        }

        @Override
        public Counted<T> merge(Counted<T> other) {
            other.counts.forEach((k, n) -> counts.merge(k, n, Long::sum));
            return this;
        }

        @Override
        public Counted<T> copy() {
            return new Counted<T>().merge(this);
        }

        @Override
        public byte[] toByteArray() {
            return counts.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public long count() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public java.util.Map<String, Long> result() {
            return java.util.Collections.unmodifiableMap(counts);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void sequentialAndParallelReadsAgree(Seeded seed) throws IOException {
        SplittableRandom r = seed.random();
        agree(seed, RecordReader.of(STOPS).mode(ErrorMode.LENIENT), file(r, Gen::stop, RecordWriter.of(STOPS)));
        agree(seed, RecordReader.of(SURVEY).mode(ErrorMode.LENIENT), file(r, Gen::survey, RecordWriter.of(SURVEY)));
        agree(seed, RecordReader.of(Mapping.generic(RecordType.COMPLAINTS)).mode(ErrorMode.LENIENT),
                file(r, Gen::complaint, RecordWriter.of(Mapping.generic(RecordType.COMPLAINTS))));
    }

    @Test
    void aQuotedCellOverManyRangesAndAQuoteInAnUnquotedCellKeepTheRowsWhole() throws IOException {
        StringBuilder csv = new StringBuilder("stop_id,date,reason_for_stop\n");
        csv.append("1,2020-01-01,\"").append("line\n".repeat(200)).append("\"\n");
        csv.append("2,2020-01-01,5'10\" tall\n3,2020-01-01,\"a\"\"b\"\n");
        csv.append("4,2020-01-01,\"x\"y,z\n5,bad,\"q\nq\"\n6,2020-01-02,\"\"\n");
        csv.append("7,2020-01-03,\"").append("x".repeat(70_000)).append("\"\n8,2020-01-04,y\n"); // a range longer than the planning buffer
        agree(new Seeded(1), RecordReader.of(STOPS).mode(ErrorMode.LENIENT), csv.toString().getBytes(StandardCharsets.UTF_8));
        agree(new Seeded(2), RecordReader.of(STOPS).mode(ErrorMode.STRICT),
                ("stop_id,date\n" + "1,2020-01-01\n".repeat(100)).getBytes(StandardCharsets.UTF_8));
    }
}
