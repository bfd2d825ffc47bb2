package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopFacts;
import io.github.peelmetrics.core.StopKey;
import io.github.peelmetrics.core.Tally;
import io.github.peelmetrics.testing.Seeded;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Pay only for what is used": a tally that counts stop facts ({@link StopFacts.Counter}) is
 * filled by {@link RecordStream#tally} without a {@code Stop} being made, and it gets, on every
 * file, the facts of the stops a read into records makes, and the same rejections, unknown values
 * and summary. The files are {@link ParallelReadPropertyTest}'s: random stops written by
 * {@link RecordWriter} (ids and beats with spaces, quoted cells, offsets of the repeated hour,
 * locations, texts), CRLF and blank lines, mangled one time in three, split into small ranges.
 */
@ExtendWith(SmallRanges.class)
class StopFactsReadPropertyTest {
    private static final Mapping<Stop> STOPS = Mapping.openPolicing(RecordType.STOPS).zone(Gen.ZONE);

    @TempDir
    static Path dir;

    /** Rows counted from their facts over all seeds, to check that the facts path was taken, and the generated files read. */
    private static long factsCounted;
    private static int generatedFiles;

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    private static long heldBefore;
    private static long failedBefore;

    @BeforeAll
    static void countGuesses() {
        heldBefore = RecordStream.GUESSES_HELD.get();
        failedBefore = RecordStream.GUESSES_FAILED.get();
    }

    @AfterAll
    static void pathsTaken() {
        // tallies guess their ranges (see RecordStream.tally): guesses that held and guesses read again were both met
        long held = RecordStream.GUESSES_HELD.get() - heldBefore;
        long failed = RecordStream.GUESSES_FAILED.get() - failedBefore;
        assertTrue(generatedFiles == 0 || held > 100 && failed > 50, held + " guesses held, " + failed + " read again");
        assertTrue(generatedFiles == 0 || factsCounted > 1_000, factsCounted + " rows counted from facts: the facts path was not taken");
    }

    /** The facts a counter sees, as one line: race, the three keys, date and every flag. */
    static String line(StopFacts f) {
        return String.join("|", f.race().code(), f.key(StopKey.BEAT), f.key(StopKey.DISTRICT),
                f.key(StopKey.PRECINCT), f.date().toString(), f.searchConducted().name(), f.searchBasis().name(),
                f.contrabandFound().name(), f.contrabandWeapons().name(), f.contrabandDrugs().name(), f.frisk().name(),
                f.arrest().name(), f.citation().name(), f.warning().name(), f.summons().name(), f.useOfForce().name());
    }

    /** A tally of stop facts by their line; counts built stops through {@link StopFacts#of}, and says how many came each way. */
    static final class FactsCounted implements Tally<Stop, FactsCounted, Map<String, Long>>, StopFacts.Counter {
        final TreeMap<String, Long> counts = new TreeMap<>();
        final boolean countsFacts;
        long fromFacts;
        long fromStops;

        FactsCounted(boolean countsFacts) {
            this.countsFacts = countsFacts;
        }

        static FactsCounted of(List<Stop> stops) {
            FactsCounted c = new FactsCounted(true);
            stops.forEach(c::add);
            return c;
        }

        @Override
        public boolean countsFacts() {
            return countsFacts;
        }

        @Override
        public void addFacts(StopFacts facts) {
            if (!countsFacts) {
                throw new IllegalStateException("facts given to a counter that does not count them");
            }
            counts.merge(line(facts), 1L, Long::sum);
            fromFacts++;
        }

        @Override
        public void add(Stop stop) {
            counts.merge(line(StopFacts.of(stop)), 1L, Long::sum);
            fromStops++;
        }

        @Override
        public FactsCounted merge(FactsCounted other) {
            other.counts.forEach((k, n) -> counts.merge(k, n, Long::sum));
            fromFacts += other.fromFacts;
            fromStops += other.fromStops;
            return this;
        }

        @Override
        public FactsCounted copy() {
            return new FactsCounted(countsFacts).merge(this);
        }

        @Override
        public byte[] toByteArray() {
            return counts.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public long count() {
            return fromFacts + fromStops;
        }

        @Override
        public Map<String, Long> result() {
            return Collections.unmodifiableMap(counts);
        }
    }

    private static void agree(Seeded seed, byte[] bytes) throws IOException {
        Path f = Files.write(Files.createTempFile(dir, "f", ".csv"), bytes);
        String what = seed + ":\n" + new String(bytes, StandardCharsets.UTF_8);
        RecordReader<Stop> lenient = RecordReader.of(STOPS).mode(ErrorMode.LENIENT);
        ReadResult<Stop> seq;
        try {
            seq = lenient.readCsv(f);
        } catch (ReadException e) {
            return; // the header cannot be read
        }
        FactsCounted expected = FactsCounted.of(seq.records());
        // on all cores, from the file
        try (RecordStream<Stop> s = lenient.openCsv(f)) {
            FactsCounted t = s.tally(new FactsCounted(true));
            assertEquals(expected.counts, t.counts, what);
            assertEquals(0, t.fromStops, what);
            assertEquals(seq.records().size(), t.fromFacts, what);
            assertEquals(seq.rejections(), s.rejections(), what);
            assertEquals(seq.summary(), s.summary(), what);
            factsCounted += t.fromFacts;
        }
        // on one thread, from a stream of bytes
        try (RecordStream<Stop> s = lenient.openCsv(new ByteArrayInputStream(bytes), f.toString())) {
            FactsCounted t = s.tally(new FactsCounted(true));
            assertEquals(expected.counts, t.counts, what);
            assertEquals(0, t.fromStops, what);
            assertEquals(seq.rejections(), s.rejections(), what);
            assertEquals(seq.summary(), s.summary(), what);
        }
        // a counter that needs whole stops is given them
        try (RecordStream<Stop> s = lenient.openCsv(f)) {
            FactsCounted t = s.tally(new FactsCounted(false));
            assertEquals(expected.counts, t.counts, what);
            assertEquals(0, t.fromFacts, what);
        }
        // strict: the same first failure, or none
        RecordReader<Stop> strict = RecordReader.of(STOPS);
        String seqFailure;
        try {
            strict.readCsv(f);
            seqFailure = null;
        } catch (ReadException e) {
            seqFailure = e.getMessage();
        }
        try (RecordStream<Stop> s = new ByteArrayStream(strict, bytes, f).open()) {
            s.tally(new FactsCounted(true));
            assertEquals(null, seqFailure, what);
        } catch (ReadException e) {
            assertEquals(seqFailure, e.getMessage(), what);
        }
    }

    /** Opens {@code bytes} as a stream (one thread: the first failure of a strict read is the file's first). */
    private record ByteArrayStream(RecordReader<Stop> reader, byte[] bytes, Path f) {
        RecordStream<Stop> open() {
            return reader.openCsv(new ByteArrayInputStream(bytes), f.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aFactsTallyReadsWhatAStopReadReads(Seeded seed) throws IOException {
        SplittableRandom r = seed.random();
        agree(seed, ParallelReadPropertyTest.file(r, Gen::stop, RecordWriter.of(STOPS)));
        generatedFiles++;
    }

    /**
     * A file of rows drawn from small pools of values, so that the fields' byte caches warm up and
     * rows are bound by their columns ({@code StopBinder.byColumns}), with a share of every kind of
     * cell that path leaves to the checks: other spellings of flags, missing tokens, empty cells,
     * bad ages and times, unknown codes, times in the spring gap and with offsets, quoted and padded
     * cells, a search basis or contraband on a stop without a search, outcomes that contradict a
     * flag, and columns in a random order with some left out.
     */
    static byte[] pooledFile(SplittableRandom r) {
        String[][] pools = {
            {"stop_id", "s1", "s2", "s3", "17", "\" q\"", " 9", "", "NA"},
            {"date", "2021-03-14", "2021-03-15", "2021-11-07", "2020-06-01", "06/02/2020", "2020-13-01", "", "NA"},
            {"time", "02:30", "10:15", "23:59:59", "01:30:00-05:00", "01:30:00-06:00", "25:10", "", "NA", "9:05"},
            {"beat", "B1", "B2", "B3", " B4 ", "\"B5\"", "", "NA"},
            {"district", "D1", "D2", "", "NA"},
            {"lat", "41.8", "41.9", "", "NA", "x", "95"},
            {"lng", "-87.6", "-87.7", "", "NA"},
            {"subject_race", "white", "black", "hispanic", "Black", "martian", "", "NA", "asian/pacific islander"},
            {"subject_sex", "male", "female", "", "NA", "x"},
            {"subject_age", "25", "41", "7", "130", "131", "abc", "", "NA", "025"},
            {"subject_age_group", "", "NA", "18-24", "65+"},
            {"type", "vehicular", "pedestrian", "", "NA", "boat"},
            {"search_conducted", "TRUE", "FALSE", "FALSE", "FALSE", "true", "", "NA", "maybe"},
            {"search_basis", "", "NA", "consent", "probable cause", "other", "none", "odd"},
            {"contraband_found", "TRUE", "FALSE", "", "NA", "NA", "NA"},
            {"contraband_weapons", "TRUE", "FALSE", "", "NA"},
            {"frisk_performed", "TRUE", "FALSE", "", "NA", "Y"},
            {"outcome", "", "NA", "arrest", "citation", "warning", "summons", "none", "odd"},
            {"arrest_made", "TRUE", "FALSE", "FALSE", "", "NA"},
            {"citation_issued", "TRUE", "FALSE", "", "NA"},
            {"warning_issued", "TRUE", "FALSE", "", "NA"},
            {"use_of_force", "FALSE", "TRUE", "", "NA"},
        };
        java.util.List<String[]> cols = new java.util.ArrayList<>();
        for (String[] p : pools) {
            if (p[0].equals("stop_id") || p[0].equals("date") || r.nextInt(5) != 0) {
                cols.add(p);
            }
        }
        java.util.Collections.shuffle(cols, new java.util.Random(r.nextLong()));
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", cols.stream().map(p -> p[0]).toList())).append('\n');
        int rows = 50 + r.nextInt(400);
        double odd = r.nextDouble() * 0.2; // how often a cell comes from the whole pool, not its first two values
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols.size(); k++) {
                String[] p = cols.get(k);
                String v = r.nextDouble() < odd ? p[1 + r.nextInt(p.length - 1)] : p[1 + r.nextInt(Math.min(2, p.length - 1))];
                if (p[0].equals("stop_id") && v.equals("s1")) {
                    v = "s" + i; // mostly distinct ids
                }
                csv.append(k == 0 ? "" : ",").append(v);
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void rowsBoundByTheirColumnsGiveTheFactsOfTheStopsRead(Seeded seed) throws IOException {
        long before = StopBinder.BY_COLUMNS.get();
        agree(seed, pooledFile(seed.random()));
        byColumns += StopBinder.BY_COLUMNS.get() - before;
        pooledFiles++;
    }

    /** Rows bound by their columns in {@link #rowsBoundByTheirColumnsGiveTheFactsOfTheStopsRead}, and its files. */
    private static long byColumns;
    private static int pooledFiles;

    @AfterAll
    static void theColumnsPathWasTaken() {
        assertTrue(pooledFiles == 0 || byColumns > 10_000, byColumns + " rows bound by their columns: that path was not taken");
    }

    @Test
    void rowNumberIdsAreBoundByColumnToo() throws IOException {
        Mapping<Stop> byRow = STOPS.column("stop_id", Mapping.ROW_NUMBER);
        StringBuilder csv = new StringBuilder("date,time,beat,subject_race,search_conducted,contraband_found,arrest_made\n");
        String[] races = {"white", "black", "hispanic", "martian"};
        for (int i = 0; i < 3_000; i++) {
            csv.append("2020-06-0").append(1 + i % 9).append(",1").append(i % 10).append(":30,B").append(i % 7).append(',')
                    .append(races[i % 4]).append(i % 3 == 0 ? ",TRUE,FALSE," : ",FALSE,NA,").append(i % 5 == 0 ? "TRUE" : "FALSE")
                    .append('\n');
        }
        Path f = Files.write(Files.createTempFile(dir, "n", ".csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        RecordReader<Stop> reader = RecordReader.of(byRow).mode(ErrorMode.LENIENT);
        ReadResult<Stop> seq = reader.readCsv(f);
        long before = StopBinder.BY_COLUMNS.get();
        try (RecordStream<Stop> s = reader.openCsv(f)) {
            FactsCounted t = s.tally(new FactsCounted(true));
            assertEquals(FactsCounted.of(seq.records()).counts, t.counts);
            assertEquals(seq.summary(), s.summary());
            assertEquals(3_000, t.fromFacts);
        }
        // every row but the first of each value, and the martians (an unknown code, counted in the summary), by column
        long byColumn = StopBinder.BY_COLUMNS.get() - before;
        assertTrue(byColumn >= 2_000 && byColumn < 2_250, byColumn + " rows by column");
        assertEquals(java.util.Map.of("martian", 750L), seq.summary().unknownValues().get("subject_race"));
    }

    @Test
    void rowsThatOnlyTheStopsConstructorRejectsAreRejectedFromFactsToo() throws IOException {
        String csv = "stop_id,date,time,beat,subject_race,search_conducted\n"
                + "\" \",2020-01-01,10:00,B1,white,FALSE\n" // a blank id: the stop's own check
                + "2,2020-01-01,10:00,\"  \",white,FALSE\n" // a blank beat, quoted: not recorded
                + "3,2021-11-07,01:30:00-06:00,B1,black,TRUE\n" // the later instant of the repeated hour
                + "4,2021-11-07,01:30:00-04:00,B1,black,TRUE\n" // an offset the zone does not have then
                + "5,2020-01-01,10:00,B2,white,FALSE\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        Path f = Files.write(Files.createTempFile(dir, "c", ".csv"), bytes);
        RecordReader<Stop> lenient = RecordReader.of(STOPS).mode(ErrorMode.LENIENT);
        ReadResult<Stop> seq = lenient.readCsv(f);
        try (RecordStream<Stop> s = lenient.openCsv(f)) {
            FactsCounted t = s.tally(new FactsCounted(true));
            assertEquals(FactsCounted.of(seq.records()).counts, t.counts);
            assertEquals(seq.rejections(), s.rejections());
            assertEquals(seq.summary(), s.summary());
            assertEquals(List.of("2", "3", "5"), seq.records().stream().map(Stop::id).toList());
            assertEquals(Stop.UNKNOWN_BEAT, seq.records().get(0).beat());
            assertEquals(3, t.fromFacts);
            assertEquals(2, s.rejections().size(), s.rejections().toString());
        }
    }

    @Test
    void aBuiltStopsFactsAreItsOwn() {
        Stop s = Gen.stop(new SplittableRandom(7));
        StopFacts f = StopFacts.of(s);
        assertEquals(s.subject().race(), f.race());
        assertEquals(s.beat(), f.key(StopKey.BEAT));
        assertEquals(s.district().orElse(Stop.UNKNOWN_BEAT), f.key(StopKey.DISTRICT));
        assertEquals(s.date(), f.date());
        assertEquals(s.arrest(), f.arrest());
        assertThrows(NullPointerException.class, () -> StopFacts.of(null));
    }
}
