package io.github.peelmetrics.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.testing.Seeded;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stop binder's byte paths (which read flags, codes, dates, times, ages and coordinates
 * straight from the bytes of an all-ASCII row) agree with the String paths they short-cut, end to
 * end. The same Open Policing style stops file, with valid and tricky values (missing tokens in any
 * case and padding, flags, times, dates, ages and coordinates at and past their edges, codes in and
 * out of the codebooks), is written twice: with an unused {@code note} column that is ASCII, so
 * that the byte paths read its rows, and with {@code note} = {@code é} in every row, which sends
 * every row down the String paths. Both read to the same records, the same rejections (line,
 * field, value, reason) and the same counts of unknown values.
 */
class BytePathPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    private static final Mapping<Stop> OPEN_POLICING = Mapping.openPolicing(RecordType.STOPS).zone(Gen.ZONE);
    private static final Mapping<Stop> GENERIC = Mapping.generic(RecordType.STOPS).zone(Gen.ZONE);

    private static final List<String> COLUMNS = List.of("raw_row_number", "date", "time", "lat", "lng", "beat",
            "subject_race", "subject_age", "subject_sex", "type", "officer_id", "reason_for_stop", "search_conducted",
            "search_basis", "contraband_found", "outcome", "arrest_made", "citation_issued", "warning_issued");

    // tricky values, on purpose
    private static final String[] MISSING = {"NA", "na", "Na", "nA", "", " NA ", " ", "  na", "NA ", "\tNA", "NA\t"};
    private static final String[] FLAGS = {"TRUE", "FALSE", "true", "false", "T", "F", "Y", "N", "1", "0", "yes", "No",
        "garbage", " TRUE", "FALSE ", "tRuE", "TRUE.", "2", "TRU"};
    private static final String[] TIMES = {"9:05", "09:05", "21:05:00", "21:05:00.5", "24:00", "9:5", "12:60", "9:05 PM",
        "9:05pm", "9:05:00 AM", " 09:05 ", "23:59:59", "00:00", "0:00:60", "12:3", "1:2:34", "09:05:07.123456789",
        "21:05:00.", "7:61", "x9:05", "09:05:0a", "9:-5", "-9:05", "09:5x", "12:00:00:00", "9:05:5", "9:05:60", "24:00:00",
        "23:60:00", "19:05 ", "1905", "09.05"};
    private static final String[] DATES = {"2017-03-04", "3/4/2017", "20170304", "2017-02-30", "2017/3/4", "2017-3-4",
        "2016-02-29", "2017-02-29", "2017-13-01", "2017-00-10", " 2017-03-04 ", "abc", "03/04/2017", "2017-03-04T10:00",
        "0000-01-01", "12/31/1999", "2017-03-4", "201703040", "2017-03-04 "};
    private static final String[] AGES = {"0", "34", "130", "131", "034", "34.0", "-1", "abc", "1234567890", " 34 ", "+34",
        "34.5", "1e1", "000000034", "999999999", "0130", "-0", "3 4", "130.0", "130.5"};
    private static final String[] COORDINATES = {"41.", "0.5", ".5", "-0.0", "0.0", "1e2", "91", "-91", "90", "-90.0",
        "999999999999999999", " 41.5 ", "-.5", "+41.5", "NaN", "Infinity", "1.2.3", "-", "41.881234567890123",
        "41.88123456789012", "180", "-180.000001", "0", "00.1", "1E2", "4 1", "41.5e", "0x10"};
    private static final String[] RACES = {"white", "black", "hispanic", "asian/pacific islander", "other", "unknown",
        "B", "h", "w", "Caucasian", "Asian or Pacific Islander", "African American", "not recorded", "martian", "Whit",
        "w hite", "x", "black, non-hispanic", "\"quoted\"", "asian pacific islander"};
    private static final String[] SEXES = {"male", "female", "M", "f", "x", "U", "unknown", "mal", "nonbinary",
        "unable to determine", "fe male", "m,f"};
    private static final String[] TYPES = {"vehicular", "pedestrian", "other", "bicycle", "VEHICULAR", "ped"};
    private static final String[] BASES = {"probable cause", "consent", "plain view", "plain-view", "other", "frisk",
        "inventory", "incident to arrest", "incident-to-arrest", "none", "kicked door", "PLAIN/VIEW", "probable_cause",
        "probable  cause"};
    private static final String[] OUTCOMES = {"citation", "warning", "arrest", "summons", "none", "ticket", "Arrest",
        "no action"};
    private static final String[] BEATS = {"B1", "B 12", " B3 ", "12", "Beat 7 North", "B1, east", "B\"2", "b1", "B1 ",
        "\tB4", "B\u00015"};
    private static final String[] REASONS = {"Speeding", "Equipment violation", "reason, with comma", "said \"hi\"",
        "two\nlines", "crlf\r\nlines", " padded ", "NA"};
    /** Rare non-ASCII values (their rows take the String paths in both files). */
    private static final String[] NON_ASCII = {"\u00a0white", "Blanc\u00e9", "\u2003NA", "\u212A", "m\u00e4nnlich"};

    private static String pick(SplittableRandom r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    /** A code with its case or padding changed now and then. */
    private static String vary(SplittableRandom r, String s) {
        return switch (r.nextInt(8)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            case 2 -> " " + s;
            case 3 -> s + "  ";
            default -> s;
        };
    }

    /** A flag as Open Policing writes it. */
    private static String flag(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    /**
     * One stop row, cells in {@link #COLUMNS} order: valid values (which Open Policing reads
     * without a rejection) when {@code odds} is 0, else each cell tricky with chance {@code odds}%.
     */
    static List<String> row(SplittableRandom r, int number, int odds) {
        LocalDate d = LocalDate.of(2010 + r.nextInt(15), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String date = switch (r.nextInt(4)) {
            case 0 -> d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
            case 1 -> String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            default -> d.toString();
        };
        String time = r.nextBoolean()
                ? String.format(Locale.ROOT, "%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60))
                : String.format(Locale.ROOT, "%d:%02d", r.nextInt(24), r.nextInt(60));
        boolean located = r.nextInt(5) != 0;
        String lat = located ? String.format(Locale.ROOT, "%.6f", 41.6 + r.nextDouble() / 2) : "NA";
        String lng = located ? String.format(Locale.ROOT, "%.6f", -87.9 + r.nextDouble() / 2) : "NA";
        boolean searched = r.nextInt(5) == 0;
        String outcome = pick(r, new String[] {"citation", "warning", "arrest", "summons", "NA"});
        List<String> v = new ArrayList<>(List.of(
                Integer.toString(number), date, time, lat, lng,
                r.nextInt(6) == 0 ? "NA" : "B" + r.nextInt(30),
                vary(r, pick(r, new String[] {"white", "black", "hispanic", "asian/pacific islander", "other", "NA"})),
                r.nextInt(6) == 0 ? "NA" : Integer.toString(16 + r.nextInt(70)),
                vary(r, pick(r, new String[] {"male", "female", "NA"})),
                vary(r, pick(r, new String[] {"vehicular", "pedestrian"})),
                r.nextInt(5) == 0 ? "NA" : String.format(Locale.ROOT, "%08x", r.nextInt()),
                r.nextBoolean() ? "Speeding" : "NA",
                flag(searched),
                searched ? vary(r, pick(r, new String[] {"probable cause", "consent", "plain view"})) : "NA",
                searched ? flag(r.nextBoolean()) : pick(r, new String[] {"NA", "FALSE"}),
                vary(r, outcome),
                flag(outcome.equals("arrest")), flag(outcome.equals("citation")), flag(outcome.equals("warning"))));
        for (int i = 0; i < v.size(); i++) {
            if (odds > 0 && r.nextInt(100) < odds) {
                v.set(i, tricky(r, COLUMNS.get(i)));
            }
        }
        return v;
    }

    private static String tricky(SplittableRandom r, String column) {
        if (r.nextInt(6) == 0) {
            return pick(r, MISSING);
        }
        if (r.nextInt(60) == 0) {
            return pick(r, NON_ASCII);
        }
        return switch (column) {
            case "raw_row_number" -> pick(r, new String[] {" 7 ", "S-001", "1", "x,y"});
            case "date" -> pick(r, DATES);
            case "time" -> pick(r, TIMES);
            case "lat", "lng" -> pick(r, COORDINATES);
            case "beat" -> pick(r, BEATS);
            case "subject_race" -> vary(r, pick(r, RACES));
            case "subject_age" -> pick(r, AGES);
            case "subject_sex" -> vary(r, pick(r, SEXES));
            case "type" -> vary(r, pick(r, TYPES));
            case "officer_id" -> pick(r, new String[] {" O7 ", "O\"7", "abc123", "0"});
            case "reason_for_stop" -> pick(r, REASONS);
            case "search_basis" -> vary(r, pick(r, BASES));
            case "outcome" -> vary(r, pick(r, OUTCOMES));
            default -> vary(r, pick(r, FLAGS)); // the flags
        };
    }

    /** A cell as written: quoted when it must be, and now and then when it need not be. */
    static String write(SplittableRandom r, String v) {
        boolean must = v.startsWith("\"") || v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        boolean quote = must || (v.indexOf('"') < 0 && r.nextInt(10) == 0);
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** A stops file: rows written once, rendered with any note column. */
    record Stops(List<List<String>> written, List<String> asciiNotes, int noteAt, String eol, List<Boolean> clean) {

        /** The file with {@code note} (a written cell) in every row, or the ASCII notes when null. */
        byte[] render(String note) {
            StringBuilder out = new StringBuilder();
            List<String> header = new ArrayList<>(COLUMNS);
            header.add(noteAt, "note");
            out.append(String.join(",", header)).append(eol);
            for (int k = 0; k < written.size(); k++) {
                List<String> cells = new ArrayList<>(written.get(k));
                cells.add(noteAt, note == null ? asciiNotes.get(k) : note);
                out.append(String.join(",", cells)).append(eol);
            }
            return out.toString().getBytes(UTF_8);
        }
    }

    static Stops stops(SplittableRandom r) {
        int n = Seeded.edgy(r, 1, 40);
        List<List<String>> written = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Boolean> clean = new ArrayList<>();
        int[] levels = {0, 0, 5, 15, 40};
        for (int k = 0; k < n; k++) {
            int odds = levels[r.nextInt(levels.length)];
            List<String> cells = new ArrayList<>();
            for (String v : row(r, k + 1, odds)) {
                cells.add(write(r, v));
            }
            written.add(cells);
            clean.add(odds == 0);
            notes.add(pick(r, new String[] {"ok", "", "x y", "NA", "\"a,b\"", "\"say \"\"hi\"\"\"", "TRUE"}));
        }
        return new Stops(written, notes, r.nextInt(COLUMNS.size() + 1), r.nextInt(4) == 0 ? "\r\n" : "\n", clean);
    }

    private static ReadResult<Stop> read(Mapping<Stop> m, byte[] file) {
        return RecordReader.of(m).mode(ErrorMode.LENIENT).readCsv(new ByteArrayInputStream(file), "stops.csv");
    }

    /** Reads both files with {@code m}, asserts they agree, and gives the ASCII file's result. */
    private static ReadResult<Stop> assertPathsAgree(Seeded seed, Mapping<Stop> m, Stops stops) {
        byte[] ascii = stops.render(null);
        byte[] nonAscii = stops.render("\u00e9");
        ReadResult<Stop> fast = read(m, ascii);
        ReadResult<Stop> slow = read(m, nonAscii);
        String where = seed + "\n" + new String(ascii, UTF_8) + "\n";
        assertEquals(stops.written().size(), fast.summary().read(), where + "rows read");
        assertEquals(slow.summary().read(), fast.summary().read(), where + "rows read");
        assertEquals(slow.rejections(), fast.rejections(), where + "rejections");
        List<Stop> a = fast.records();
        List<Stop> b = slow.records();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            assertEquals(b.get(i), a.get(i), where + "record " + i);
        }
        assertEquals(b.size(), a.size(), where + "number of records");
        assertEquals(slow.summary().unknownValues(), fast.summary().unknownValues(), where + "unknown values");
        assertEquals(slow.summary().accepted(), fast.summary().accepted(), where + "accepted");
        return fast;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bytePathsReadAsStringPathsWithTheOpenPolicingMapping(Seeded seed) {
        Stops stops = stops(seed.random());
        ReadResult<Stop> result = assertPathsAgree(seed, OPEN_POLICING, stops);
        // the clean rows (one or two in five) are read: the agreement is not only of rejections
        Set<Long> rejected = new HashSet<>();
        result.rejections().forEach(x -> rejected.add(x.line()));
        long line = 2;
        for (int k = 0; k < stops.written().size(); k++) {
            if (stops.clean().get(k)) {
                long at = line;
                assertFalse(rejected.contains(at), () -> seed + ": the clean row on line " + at + " was rejected: "
                        + result.rejections());
            }
            line += 1 + breaks(stops.written().get(k));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bytePathsReadAsStringPathsWithTheGenericMapping(Seeded seed) {
        assertPathsAgree(seed, GENERIC, stops(seed.random()));
    }

    /** Line breaks inside a row's quoted cells (LF, CRLF and a lone CR count one). */
    private static int breaks(List<String> cells) {
        String s = String.join(",", cells);
        return (int) (CsvScannerPropertyTest.lineAt(s, s.length()) - 1);
    }

    /** What the generator makes for the seeds above, so that the properties are not vacuous. */
    @Test
    void generatorMakesTheHardCasesAndReadableRows() {
        StringBuilder all = new StringBuilder();
        long accepted = 0;
        long rejected = 0;
        for (Seeded seed : seeds().toList()) {
            Stops s = stops(seed.random());
            byte[] file = s.render(null);
            all.append(new String(file, UTF_8));
            ReadResult<Stop> res = read(OPEN_POLICING, file);
            accepted += res.summary().accepted();
            rejected += res.summary().rejected();
        }
        for (String needle : new String[] {",NA,", ", NA ,", ",na,", ",9:05 PM,", ",21:05:00.5,", ",2017-02-30,", ",131,",
            ",034,", ",-0.0,", ",1e2,", ",TRUE,", ",garbage,", "\"B1, east\""}) {
            assertTrue(all.indexOf(needle) >= 0, "generated files hold " + needle);
        }
        assertTrue(accepted > 1000 && rejected > 1000, "accepted " + accepted + ", rejected " + rejected);
    }
}
