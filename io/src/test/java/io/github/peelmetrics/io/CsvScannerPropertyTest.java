package io.github.peelmetrics.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.peelmetrics.testing.Seeded;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written CSV scanner ({@link CsvRows}) reads what Jackson's CSV parser, which the module
 * used before it, reads. For random well-formed CSV (cells with commas, quotes, CR, LF, CRLF,
 * non-ASCII text and padding; LF, CRLF or lone CR line ends; blank lines; with or without a final
 * line break) it gives the rows and cells Jackson gives and that were written, each at the physical
 * line where it was written. Fed one to a few bytes at a time (so that buffer refills fall
 * everywhere: inside CRLF, doubled quotes and multi-byte characters) it gives the same rows, lines
 * and faults as fed at once, and so it does for cells and rows longer than its 64 KiB buffer.
 * Malformed rows come back as documented: text after a closing quote faults its row only, a quoted
 * cell not closed at the end faults the last row, and a quote inside an unquoted cell is a
 * character.
 */
class CsvScannerPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    static Stream<Seeded> fewSeeds() {
        return Seeded.cases(12);
    }

    private static final CsvFactory JACKSON = new CsvFactory();

    private static final String[] WORDS = {"a", "Beat 7", "white", "NA", "TRUE", "x_y", "0", "O-17", "-87.712345"};
    private static final String[] BREAKERS = {",", "\"", "\r", "\n", "\r\n", "\"\"", ",\"", "\n\n", " ", "\r\r"};
    private static final String[] NON_ASCII = {"é", "中文", "😀", "ß", "東京", "Ω", "\u00a0", "e\u0301", "€"};
    private static final String[][] POOLS = {WORDS, BREAKERS, NON_ASCII};
    private static final String[] EOLS = {"\n", "\r\n", "\r"};

    // ----------------------------------------------------------------------------------------
    // generated CSV

    /**
     * A generated CSV file.
     *
     * @param text   the file
     * @param header the header's cells
     * @param rows   each data row's cells (blank rows left out), null for a row written malformed
     * @param lines  the physical line on which each data row starts
     */
    private record Csv(String text, List<String> header, List<List<String>> rows, List<Long> lines) {
        byte[] bytes() {
            return text.getBytes(UTF_8);
        }
    }

    /** One row as the scanner gave it. */
    private record Scanned(List<String> cells, long line, long number, String fault) {}

    private static String pick(SplittableRandom r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    private static String pieces(SplittableRandom r, int max, String[]... pools) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(max);
        for (int i = 0; i < n; i++) {
            b.append(pick(r, pools[r.nextInt(pools.length)]));
        }
        return b.toString();
    }

    /** A cell's text: the kinds that matter, each on purpose. */
    static String cell(SplittableRandom r) {
        return switch (r.nextInt(9)) {
            case 0 -> "";
            case 1 -> pick(r, WORDS);
            case 2 -> r.nextBoolean()
                    ? String.format(Locale.ROOT, "%.6f", -180 + 360 * r.nextDouble())
                    : Integer.toString(r.nextInt(2000) - 1000);
            case 3 -> pieces(r, 5, WORDS, BREAKERS); // needs quotes (mostly)
            case 4 -> pieces(r, 3, NON_ASCII, WORDS);
            case 5 -> switch (r.nextInt(4)) { // padding
                case 0 -> " " + pick(r, WORDS);
                case 1 -> pick(r, WORDS) + "  ";
                case 2 -> "  ";
                default -> " " + pick(r, NON_ASCII) + " ";
            };
            case 6 -> pick(r, WORDS) + "\"" + (r.nextBoolean() ? pick(r, WORDS) : "") + (r.nextBoolean() ? "\"" : "");
            case 7 -> " \"" + pick(r, WORDS) + "\""; // a quote that is not the cell's first byte
            default -> pieces(r, 6, POOLS);
        };
    }

    /**
     * A cell as written: quoted (quotes doubled) when it must be (a comma, CR, LF, or a quote as
     * first character), and now and then when it need not be; a quote elsewhere may stay bare.
     */
    static String write(SplittableRandom r, String v) {
        boolean must = v.startsWith("\"") || v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        boolean quote = must || r.nextInt(v.indexOf('"') >= 0 ? 2 : 6) == 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** The line on which {@code offset} falls: 1 + the line breaks before it (LF, CRLF and a lone CR count one). */
    static long lineAt(String text, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static boolean blank(List<String> cells) {
        return cells.isEmpty() || (cells.size() == 1 && cells.get(0).isEmpty());
    }

    /** Random well-formed CSV. */
    static Csv csv(SplittableRandom r) {
        return csv(r, -1, null, false);
    }

    /**
     * Random CSV; data row {@code badRow} (when {@code >= 0}, and less than the number of rows) is
     * written as {@code badText} and expected as null; {@code badLast} makes it the last thing in
     * the file (no line break or blank line after it).
     */
    static Csv csv(SplittableRandom r, int badRow, String badText, boolean badLast) {
        int width = Seeded.edgy(r, 1, 8);
        int style = r.nextInt(4); // LF, CRLF, lone CR, mixed
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            header.add("c" + i);
        }
        int blanksBefore = r.nextInt(6) == 0 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < blanksBefore; i++) {
            out.append(eol(r, style));
        }
        out.append(String.join(",", header));
        int rows = Seeded.edgy(r, 0, 25);
        if (badRow >= 0) {
            rows = Math.max(rows, badRow + 1);
            if (badLast) {
                rows = badRow + 1;
            }
        }
        boolean finalBreak = r.nextInt(3) != 0;
        List<List<String>> cells = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            out.append(eol(r, style));
            if (r.nextInt(6) == 0) {
                int blanks = 1 + r.nextInt(2);
                for (int i = 0; i < blanks; i++) {
                    out.append(eol(r, style));
                }
            }
            int start = out.length();
            if (k == badRow) {
                out.append(badText);
                cells.add(null);
                starts.add(start);
                continue;
            }
            int w = r.nextInt(10) == 0 ? Seeded.edgy(r, 1, width + 2) : width; // now and then a ragged row
            List<String> row = new ArrayList<>();
            for (int i = 0; i < w; i++) {
                String v = cell(r);
                row.add(v);
                out.append(i > 0 ? "," : "").append(write(r, v));
            }
            if (!blank(row)) {
                cells.add(row);
                starts.add(start);
            }
        }
        boolean badAtEnd = badLast && badRow >= 0;
        if (!badAtEnd && finalBreak) {
            out.append(eol(r, style));
            if (r.nextInt(6) == 0) {
                out.append(eol(r, style));
            }
        }
        String text = out.toString();
        List<Long> lines = new ArrayList<>();
        for (int s : starts) {
            lines.add(lineAt(text, s));
        }
        return new Csv(text, header, cells, lines);
    }

    private static String eol(SplittableRandom r, int style) {
        return style < 3 ? EOLS[style] : pick(r, EOLS);
    }

    // ----------------------------------------------------------------------------------------
    // the two readers

    /** Every row {@link CsvRows} gives, the header aside. */
    static List<Scanned> scan(InputStream in) throws IOException {
        CsvRows rows = new CsvRows(in);
        Row row = new Row();
        List<Scanned> out = new ArrayList<>();
        while (rows.next(row)) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size; i++) {
                cells.add(row.get(i));
            }
            out.add(new Scanned(cells, row.line, row.number, row.fault));
        }
        return out;
    }

    /** The rows, or the failure of the whole read (a header that cannot be read) as text. */
    static Object outcome(InputStream in) throws IOException {
        try {
            return scan(in);
        } catch (ReadException e) {
            return "ReadException: " + e.getMessage();
        }
    }

    /** Jackson's rows, header first, token by token as the module's old reader took them; blank lines left out. */
    static List<List<String>> jackson(String text) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvParser p = JACKSON.createParser(new StringReader(text))) {
            p.setSchema(CsvSchema.emptySchema());
            List<String> row = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    row = new ArrayList<>();
                } else if (t == JsonToken.VALUE_STRING) {
                    row.add(p.getText());
                } else if (t == JsonToken.END_ARRAY) {
                    if (!blank(row)) {
                        out.add(row);
                    }
                } else {
                    fail("unexpected token " + t);
                }
            }
        }
        return out;
    }

    /** An input stream that hands out 1 to {@code k} bytes a read. */
    static final class Trickle extends InputStream {
        private final byte[] data;
        private final SplittableRandom r;
        private final int k;
        private int pos;

        Trickle(byte[] data, SplittableRandom r, int k) {
            this.data = data;
            this.r = r;
            this.k = k;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + r.nextInt(k)), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** The text with its line breaks, quotes and non-ASCII made visible, for messages. */
    static String show(String text) {
        String s = text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
        return s.replace("\r", "\\r").replace("\n", "\\n\n");
    }

    private static List<List<String>> cellsOf(List<Scanned> scanned) {
        return scanned.stream().map(Scanned::cells).toList();
    }

    /** The scanner's rows are the expected ones, at their lines, numbered 1, 2, ..., without faults. */
    private static void assertRows(Csv csv, List<Scanned> got, String where) {
        assertEquals(csv.rows(), cellsOf(got), where + "cells");
        for (int i = 0; i < got.size(); i++) {
            assertRow(got.get(i), csv.rows().get(i), csv.lines().get(i), i + 1, where);
        }
    }

    /** Data row {@code number} has these cells, starts on this line, and has no fault. */
    private static void assertRow(Scanned s, List<String> cells, long line, int number, String where) {
        assertEquals(cells, s.cells(), where + "cells of data row " + number);
        assertEquals(line, s.line(), where + "line of data row " + number);
        assertEquals(number, s.number(), where + "number of data row " + number);
        assertNull(s.fault(), where + "fault of data row " + number);
    }

    // ----------------------------------------------------------------------------------------
    // well-formed CSV

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void scannerReadsWhatJacksonReadsAndWhatWasWritten(Seeded seed) throws IOException {
        Csv csv = csv(seed.random());
        String where = seed + "\n" + show(csv.text()) + "\n";
        List<List<String>> jackson = jackson(csv.text());
        assertEquals(csv.header(), jackson.get(0), where + "Jackson's header");
        assertEquals(csv.rows(), jackson.subList(1, jackson.size()), where + "Jackson's rows");
        assertRows(csv, scan(new ByteArrayInputStream(csv.bytes())), where);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void scannerReadsTheSameInSmallChunksAsAtOnce(Seeded seed) throws IOException {
        SplittableRandom r = seed.random();
        Csv csv = csv(r);
        byte[] bytes = csv.bytes();
        if (r.nextBoolean()) { // also malformed: the faults must not depend on the chunks either
            bytes = mangle(r, bytes);
        }
        String where = seed + "\n" + show(new String(bytes, UTF_8)) + "\n";
        Object whole = outcome(new ByteArrayInputStream(bytes));
        Object oneByOne = outcome(new Trickle(bytes, r, 1));
        assertEquals(whole, oneByOne, where + "one byte a read");
        int k = Seeded.edgy(r, 2, 17);
        assertEquals(whole, outcome(new Trickle(bytes, r, k)), where + "1 to " + k + " bytes a read");
        if (Arrays.equals(bytes, csv.bytes())) {
            assertRows(csv, scan(new Trickle(bytes, r, 1)), where);
        }
    }

    private static final byte[] NASTY = "\",\r\n\"x\u00e9\ud83d\ude00".getBytes(UTF_8);

    /** Inserts, drops or replaces a few bytes after the header (which may cut a character or a quoted cell). */
    static byte[] mangle(SplittableRandom r, byte[] valid) {
        int header = 0;
        while (header < valid.length && valid[header] != '\n' && valid[header] != '\r') {
            header++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, header);
        int edits = 1 + r.nextInt(4);
        for (int i = header; i < valid.length; i++) {
            if (edits > 0 && r.nextInt(Math.max(1, (valid.length - header) / edits)) == 0) {
                edits--;
                switch (r.nextInt(3)) {
                    case 0 -> {
                        continue; // drop
                    }
                    case 1 -> out.write(NASTY[r.nextInt(NASTY.length)]); // insert
                    default -> {
                        out.write(NASTY[r.nextInt(NASTY.length)]); // replace
                        continue;
                    }
                }
            }
            out.write(valid[i]);
        }
        return out.toByteArray();
    }

    // ----------------------------------------------------------------------------------------
    // longer than the buffer

    @ParameterizedTest(name = "{0}")
    @MethodSource("fewSeeds")
    void cellsAndRowsLongerThanTheBufferReadWholeAndInChunks(Seeded seed) throws IOException {
        SplittableRandom r = seed.random();
        StringBuilder out = new StringBuilder("id,long,after\r\n");
        List<List<String>> rows = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int before = r.nextInt(40); // short rows first, so that the long ones start anywhere in the buffer
        for (int i = 0; i < before; i++) {
            List<String> row = List.of("s" + i, cell(r), cell(r));
            starts.add(out.length());
            out.append(write(r, row.get(0))).append(',').append(write(r, row.get(1))).append(',')
                    .append(write(r, row.get(2))).append("\r\n");
            rows.add(row);
        }
        // a quoted 200,000-character cell full of quotes, breaks, commas and multi-byte characters
        StringBuilder quoted = new StringBuilder();
        while (quoted.length() < 200_000) {
            quoted.append(pieces(r, 4, POOLS));
        }
        // an unquoted one, ASCII and not
        StringBuilder bare = new StringBuilder();
        while (bare.length() < 200_000) {
            bare.append(r.nextInt(20) == 0 ? pick(r, NON_ASCII) : pick(r, WORDS)).append(r.nextInt(5) == 0 ? "\"" : "");
        }
        List<String> quotedRow = List.of("q", quoted.toString(), "after q");
        starts.add(out.length());
        out.append("q,\"").append(quotedRow.get(1).replace("\"", "\"\"")).append("\",after q")
                .append(r.nextBoolean() ? "\n" : "\r");
        rows.add(quotedRow);
        List<String> bareRow = List.of("b", bare.toString(), "after b");
        starts.add(out.length());
        out.append("b,").append(bare).append(",after b\n");
        rows.add(bareRow);
        // a row of 3,000 cells, about 100 KB
        List<String> wide = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            String v = i % 500 == 0 ? "x\r\ny" : cell(r) + "-" + i;
            wide.add(v);
            line.append(i > 0 ? "," : "").append(write(r, v));
        }
        starts.add(out.length());
        out.append(line).append("\r\n");
        rows.add(wide);
        starts.add(out.length());
        out.append("last,é,😀");
        rows.add(List.of("last", "é", "😀"));
        String text = out.toString();
        List<Long> lines = starts.stream().map(s -> lineAt(text, s)).toList();
        Csv csv = new Csv(text, List.of("id", "long", "after"), rows, lines);
        String where = seed + " (" + before + " short rows first)\n";

        List<List<String>> jackson = jackson(text);
        assertEquals(rows, jackson.subList(1, jackson.size()), where + "Jackson's rows");
        byte[] bytes = csv.bytes();
        List<Scanned> whole = scan(new ByteArrayInputStream(bytes));
        assertRows(csv, whole, where);
        int k = Seeded.edgy(r, 1, 5000);
        assertEquals(whole, scan(new Trickle(bytes, r, k)), where + "1 to " + k + " bytes a read");
    }

    // ----------------------------------------------------------------------------------------
    // malformed rows

    private static void assertFaulted(Scanned s, long line, long number, String where) {
        assertNotNull(s.fault(), where + "fault of the malformed row");
        assertTrue(s.fault().startsWith("is not valid CSV"), where + "fault: " + s.fault());
        assertEquals(line, s.line(), where + "line of the malformed row");
        assertEquals(number, s.number(), where + "number of the malformed row");
    }

    /** The scanner's rows are the expected ones, the malformed one (null) faulted, the others not. */
    private static void assertRowsAround(Csv csv, List<Scanned> got, String where) {
        assertEquals(csv.rows().size(), got.size(), where + "number of rows " + cellsOf(got));
        for (int i = 0; i < got.size(); i++) {
            Scanned s = got.get(i);
            if (csv.rows().get(i) == null) {
                assertFaulted(s, csv.lines().get(i), i + 1, where);
            } else {
                assertRow(s, csv.rows().get(i), csv.lines().get(i), i + 1, where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void textAfterAClosingQuoteFaultsItsRowAndReadingGoesOn(Seeded seed) throws IOException {
        SplittableRandom r = seed.random();
        StringBuilder bad = new StringBuilder();
        int before = r.nextInt(3);
        for (int i = 0; i < before; i++) {
            bad.append(write(r, cell(r))).append(',');
        }
        bad.append('"').append(cell(r).replace("\"", "\"\"")).append('"')
                .append(pick(r, new String[] {"x", " ", "abc", "é", "x\"y\"", "\u00a0"}));
        int after = r.nextInt(3);
        for (int i = 0; i < after; i++) {
            bad.append(',').append(write(r, cell(r)));
        }
        int badRow = Seeded.edgy(r, 0, 6);
        Csv csv = csv(r, badRow, bad.toString(), false);
        String where = seed + "\n" + show(csv.text()) + "\n";
        assertRowsAround(csv, scan(new ByteArrayInputStream(csv.bytes())), where);
        assertRowsAround(csv, scan(new Trickle(csv.bytes(), r, Seeded.edgy(r, 1, 9))), where + "(in chunks) ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void quotedCellUnclosedAtTheEndFaultsTheLastRow(Seeded seed) throws IOException {
        SplittableRandom r = seed.random();
        StringBuilder bad = new StringBuilder();
        int before = r.nextInt(3);
        for (int i = 0; i < before; i++) {
            bad.append(pick(r, WORDS)).append(',');
        }
        bad.append('"');
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) { // anything but a lone quote, which would close the cell
            bad.append(pick(r, new String[] {"ab", ",", "\n", "\r\n", "\r", "\"\"", "é", "😀", " "}));
        }
        int badRow = Seeded.edgy(r, 0, 6);
        Csv csv = csv(r, badRow, bad.toString(), true);
        String where = seed + "\n" + show(csv.text()) + "\n";
        byte[] bytes = csv.bytes();
        for (InputStream in : List.of(new ByteArrayInputStream(bytes), new Trickle(bytes, r, Seeded.edgy(r, 1, 9)))) {
            List<Scanned> got = scan(in);
            assertRowsAround(csv, got, where);
            String fault = got.get(got.size() - 1).fault();
            assertTrue(fault.contains("starts on line " + csv.lines().get(csv.lines().size() - 1)), where + fault);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void quoteInsideAnUnquotedCellIsACharacter(Seeded seed) throws IOException {
        SplittableRandom r = seed.random();
        StringBuilder text = new StringBuilder("a,b,c\n");
        List<List<String>> rows = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int n = 1 + r.nextInt(5);
        for (int k = 0; k < n; k++) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // a first character that is not a quote, then quotes anywhere, single or doubled
                String v = pick(r, new String[] {"a", " ", "é", "1"})
                        + pick(r, new String[] {"\"", "\"\"", "x\"", "\"y\"", "\"\"\""})
                        + (r.nextBoolean() ? pick(r, WORDS) : "");
                row.add(v);
            }
            starts.add(text.length());
            text.append(String.join(",", row)).append(pick(r, EOLS));
            rows.add(row);
        }
        String t = text.toString();
        Csv csv = new Csv(t, List.of("a", "b", "c"), rows, starts.stream().map(s -> lineAt(t, s)).toList());
        String where = seed + "\n" + show(t) + "\n";
        assertRows(csv, scan(new ByteArrayInputStream(csv.bytes())), where);
        List<List<String>> jackson = jackson(t);
        assertEquals(rows, jackson.subList(1, jackson.size()), where + "Jackson's rows");
    }

    /** The documented outcomes, one small file each. */
    @Test
    void malformedRowsComeBackAsDocumented() throws IOException {
        List<Scanned> after = scan(new ByteArrayInputStream("h1,h2\n\"ab\"c,d\ne,f\n".getBytes(UTF_8)));
        assertEquals(2, after.size(), after.toString());
        assertFaulted(after.get(0), 2, 1, "text after a closing quote: ");
        assertEquals(new Scanned(List.of("e", "f"), 3, 2, null), after.get(1));

        List<Scanned> unclosed = scan(new ByteArrayInputStream("h1,h2\na,b\r\nc,\"d\r\ne,f\n".getBytes(UTF_8)));
        assertEquals(2, unclosed.size(), unclosed.toString());
        assertEquals(new Scanned(List.of("a", "b"), 2, 1, null), unclosed.get(0));
        assertFaulted(unclosed.get(1), 3, 2, "unclosed quote: ");

        List<Scanned> stray = scan(new ByteArrayInputStream("h1,h2\na\"b,c\"\"d\"\n".getBytes(UTF_8)));
        assertEquals(List.of(new Scanned(List.of("a\"b", "c\"\"d\""), 2, 1, null)), stray);
    }

    /** What the generator makes, so that the properties above are not vacuous. */
    @Test
    void generatorMakesTheHardCases() {
        SplittableRandom r = new Seeded(Seeded.BASE).random();
        String all = Stream.generate(() -> csv(r).text()).limit(200).reduce("", String::concat);
        for (String needle : new String[] {"\"\"", "\r\n", "\r\r", "\n\n", "😀", "中文", ",\"", " \"", "e\u0301"}) {
            assertTrue(all.contains(needle), "generated CSV holds " + show(needle));
        }
        assertFalse(all.contains("\uFFFD"), "no replacement character: the scanner takes it for bad bytes");
    }
}
