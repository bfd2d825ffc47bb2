package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.testing.Seeded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A text value that is a common spelling of a missing value (Seattle's Terry stops write
 * {@code NULL} for 39 % of their beats) is read as a value, as the mapping says, and the summary
 * warns once per column and spelling: a tally by beat would otherwise show a beat named "NULL"
 * without a word. The warnings are exactly the spellings met, whether the file is read
 * sequentially, as a stream, or counted in ranges on all cores; a spelling the mapping lists as
 * missing is read as missing and not warned about.
 */
@ExtendWith(SmallRanges.class)
class NullSpellingPropertyTest {
    @TempDir
    Path dir;

    static Stream<Seeded> seeds() {
        return Seeded.cases(150);
    }

    private static final String[] NULLS = {"NULL", "null", "N/A", "n/a", "-", "--", "NaN", "None", "nil", "#N/A", "(null)", "?"};
    private static final String[] BEATS = {"B1", "B2", "Nord", "none of these", "-1", "N/Ab", "?x"};
    private static final String HEADER = "raw_row_number,date,beat,district,subject_race,officer_id,arrest_made";

    private static RecordReader<Stop> reader(String... missing) {
        Mapping<Stop> m = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Chicago"));
        return RecordReader.of(missing.length == 0 ? m : m.missing(missing)).mode(ErrorMode.LENIENT);
    }

    /** The warnings a read of the rows must give: one per column and null spelling met in it. */
    private static Set<String> expected(List<String[]> rows, Set<String> missing) {
        String[] columns = HEADER.split(",");
        Set<String> w = new TreeSet<>();
        for (String[] row : rows) {
            for (int c : new int[] {2, 3, 5}) {
                String v = row[c].strip();
                boolean isNull = Set.of(NULLS).contains(v) && missing.stream().noneMatch(v::equalsIgnoreCase);
                if (isNull) {
                    w.add(Values.nullLikeWarning(columns[c], v));
                }
            }
        }
        return w;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theWarningsNameEveryNullSpellingReadAsAValueInEveryWayOfReading(Seeded s) throws IOException {
        SplittableRandom r = s.random();
        int n = 1 + r.nextInt(60);
        List<String[]> rows = new java.util.ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= n; i++) {
            String[] row = {Integer.toString(i), "2016-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10), pick(r), pick(r),
                "white", pick(r), r.nextBoolean() ? "TRUE" : "FALSE"};
            if (r.nextInt(8) == 0) {
                row[2] = " " + row[2] + " "; // padded: a text cell, not a plain one
            }
            rows.add(row);
            csv.append(String.join(",", row)).append('\n');
        }
        Path file = dir.resolve("stops.csv");
        Files.writeString(file, csv);
        boolean listNull = r.nextBoolean();
        String[] missing = listNull ? new String[] {"", "NA", "NULL", "-"} : new String[0];
        RecordReader<Stop> reader = reader(missing);

        ReadResult<Stop> all = reader.readCsv(file);
        Set<String> want = expected(rows, listNull ? Set.of("NULL", "-") : Set.of());
        List<String> got = all.summary().warnings().stream().filter(w -> w.contains("common spelling")).toList();
        assertEquals(List.copyOf(want), got, s + " sequential read");
        // one warning per column and raw spelling, sorted, after the columns' own warnings
        List<String> warnings = all.summary().warnings();
        assertEquals(got, warnings.subList(warnings.size() - got.size(), warnings.size()), s.toString());

        try (RecordStream<Stop> st = reader.openCsv(file)) {
            StopFactsReadPropertyTest.FactsCounted t = st.tally(new StopFactsReadPropertyTest.FactsCounted(true));
            // a tally of stop facts reads only what it counts (here beat, district and precinct, not the
            // officer or plain ids): it warns about what it read
            List<String> read = all.summary().warnings().stream().filter(w -> !w.contains("common spelling")
                    || w.startsWith("WARNING beat ") || w.startsWith("WARNING district ")).toList();
            ReadSummary a = all.summary();
            assertEquals(new ReadSummary(a.source(), a.read(), a.accepted(), a.rejected(), a.records(), a.unknownValues(),
                    a.firstRejections(), read, a.truncated(), a.stoppedEarly()), st.summary(), s + " tally in ranges");
            assertEquals(StopFactsReadPropertyTest.FactsCounted.of(all.records()).result(), t.result(), s.toString());
            assertEquals(n, t.fromFacts, s + ": every row counted from its facts");
        }
        for (Stop stop : all.records()) { // a null spelling the mapping lists is read as missing, never a beat
            assertTrue(!listNull || !(stop.beat().equalsIgnoreCase("NULL") || stop.beat().equals("-")), s + " " + stop);
        }
        try (RecordStream<Stop> st = reader.openCsv(file)) {
            long records = st.stream().parallel().count();
            assertEquals(all.records().size(), records, s.toString());
            assertEquals(all.summary(), st.summary(), s + " parallel stream");
        }
    }

    private static String pick(SplittableRandom r) {
        return r.nextInt(3) == 0 ? NULLS[r.nextInt(NULLS.length)] : BEATS[r.nextInt(BEATS.length)];
    }

    @Test
    void seattlesBeatNullIsKeptAsABeatAndTheSummarySaysSo() throws IOException {
        Path file = dir.resolve("seattle.csv");
        Files.writeString(file, "raw_row_number,date,beat,subject_race\n1,2015-03-30,E2,white\n2,2015-03-30,NULL,black\n"
                + "3,2015-03-31,NULL,white\n");
        ReadResult<Stop> kept = reader().readCsv(file);
        assertEquals(3, kept.records().size());
        assertEquals("NULL", kept.records().get(1).beat());
        assertTrue(kept.summary().warnings().contains("WARNING beat holds \"NULL\", a common spelling of a missing value,"
                + " which this mapping reads as a value (to read it as missing: Mapping.missing(..., \"NULL\"))"),
                kept.summary().toString());
        ReadResult<Stop> missing = reader("", "NA", "NULL").readCsv(file);
        assertEquals(Stop.UNKNOWN_BEAT, missing.records().get(1).beat());
        assertTrue(missing.summary().warnings().stream().noneMatch(w -> w.contains("common spelling")),
                missing.summary().toString());
    }
}
