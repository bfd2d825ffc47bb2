package io.github.peelmetrics.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CSV rows scanned by hand from UTF-8 bytes (RFC 4180: cells are separated by commas, rows end at
 * LF, CRLF or a lone CR; a cell that starts with a double quote is quoted, may hold commas, line
 * breaks and doubled quotes, and ends at the next single quote). The first row is the header.
 * Blank lines are not rows. A quote inside an unquoted cell is an ordinary character.
 *
 * <p>A row that breaks the rules comes back with a fault, and reading resumes at the next row:
 * text after a quoted cell's closing quote, a cell over {@value Limits#MAX_FIELD_CHARS} bytes, a
 * row over {@value Limits#MAX_LINE_CHARS} bytes (its content is dropped as it is read, so the
 * limits bound memory), a quoted cell not closed at the end of the input. A row of more than
 * {@value Limits#MAX_COLUMNS} fields is rejected (its further cells are not held) and reading
 * resumes at the next row. A UTF-8 byte order mark at the start is skipped. A header that names a
 * column twice is a {@link ReadException} naming it (empty names may repeat: no field can map to
 * them). A row with bytes that are not UTF-8 is
 * rejected, naming its first such cell. Line numbers count the line breaks before a row's first
 * byte, quoted ones included.
 *
 * <p>Cells stay bytes in the buffer until asked for as text ({@link Row#get}). The search for the
 * next comma or line break tests eight bytes at a time (one {@code long}, with the bit trick that
 * finds a zero byte, see Hacker's Delight, section 6-1). Why not Jackson's CSV parser, which the
 * module used first: on the benchmark file Jackson's tokens alone take about 0.8 s per million
 * rows, more than the whole read is allowed (see docs/io.md). Agreement with Jackson on well-formed
 * CSV is a property test.
 */
final class CsvRows implements RowSource {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long COMMAS = ONES * ',';
    private static final long LFS = ONES * '\n';
    private static final long CRS = ONES * '\r';
    private static final long QUOTES = ONES * '"';
    private static final int BUFFER_BYTES = 1 << 16;

    private static final int SEPARATOR = 0;
    private static final int END_OF_ROW = 1;
    private static final int END_OF_INPUT = 2;
    private static final int STOP = 3;
    /** The fast scan stopped before a cell it leaves to {@link #cell}. */
    private static final int CAREFUL = 4;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    /** Added to a byte's low seven bits, sets its high bit exactly when the byte is at least {@code '-'}. */
    private static final long BELOW_DASH = ONES * (0x80 - '-');

    private final InputStream in;
    private final Columns columns;
    /** The cells a row is made ready for: the header's, once read (one field read, no branch in {@link #next}). */
    private int width = 8;
    private byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int lim;
    /** Where the row being read starts; the scanner keeps its bytes until the next row. */
    private int rowStart;
    /** Where the cell being read starts. */
    private int cellStart;
    private Row current;
    private boolean eof;
    /** The last row ended at a CR: a following LF belongs to it. */
    private boolean skipLf;
    /** 1 + line breaks read so far. */
    private long line = 1;
    private long rowNumber;
    /** Every byte scanned in the row, or-ed: its high bits say whether the row is all ASCII. */
    private long high;
    /** The row grew past the limit; its bytes are dropped as they are read. */
    private boolean rowOverflow;
    private boolean fatal;
    private boolean ended;
    /** Offset in the input of {@code buf[0]}. */
    private long base;
    /** Offset in the input at which no more rows are read (the next range's first row; see {@link CsvSplit}). */
    long stopAt = Long.MAX_VALUE;

    CsvRows(InputStream in) throws IOException {
        this.in = in;
        Row header = new Row();
        List<String> names = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        skipByteOrderMark();
        if (next(header)) {
            if (header.fault != null) {
                throw new ReadException(new Rejection("", header.line, "(header)", header.faultValue,
                        "cannot be read: " + header.fault));
            }
            for (int i = 0; i < header.size; i++) {
                String h = header.get(i).strip();
                if (i == 0 && h.startsWith("\uFEFF")) {
                    h = h.substring(1).strip();
                }
                Integer before = h.isEmpty() ? null : seen.putIfAbsent(h, i + 1);
                if (before != null) {
                    throw new ReadException(new Rejection("", header.line, "(header)", h,
                            "names column " + before + " and column " + (i + 1)
                            + ": a column name must not repeat (rename one of them)"));
                }
                names.add(h);
            }
        }
        rowNumber = 0;
        this.columns = new Columns(names, true);
        this.width = columns.size();
    }

    /**
     * Rows of one range of a CSV file: {@code in} is positioned at {@code start}, where a row starts
     * on line {@code line}; the header was read by the first range's scanner.
     */
    CsvRows(InputStream in, Columns columns, long start, long line) {
        this.in = in;
        this.columns = columns;
        this.width = columns.size();
        this.base = start;
        this.line = line;
    }

    /** Offset in the input of the next byte to scan (after the header, the first data row's). */
    long position() {
        return base + pos + (skipLf && pos < lim && buf[pos] == '\n' ? 1 : 0);
    }

    /** 1 + the line breaks read so far: the line of the next row, once a row has ended. */
    long line() {
        return line;
    }

    /** Skips a UTF-8 byte order mark at the start of the input (PowerShell writes one, even before a quote). */
    private void skipByteOrderMark() throws IOException {
        while (lim < 3 && fill()) {
            // the first three bytes, or all there are
        }
        if (lim >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    public boolean fatal() {
        return fatal;
    }

    @Override
    public boolean next(Row row) throws IOException {
        while (!ended) {
            row.reset(width, false);
            // one test for the end of the input and the end of the range: the first happens once a
            // read, and a branch the compiler never saw taken would cost a recompilation
            if (!startRow() | base + pos >= stopAt) {
                ended = true;
                return false;
            }
            current = row;
            rowStart = pos;
            row.line = line;
            high = 0;
            rowOverflow = false;
            int end = cells(row);
            row.bytes = buf;
            boolean ascii = (high & HIGHS) == 0;
            if (!ascii) {
                row.notPlain();
            }
            if (end == END_OF_INPUT) {
                ended = true;
            }
            if (row.fault == null && blank(row)) {
                continue; // a blank line is not a row
            }
            row.number = ++rowNumber;
            if (!ascii && row.fault == null) {
                for (int i = 0; i < row.size; i++) {
                    String v = row.get(i);
                    if (v.indexOf('\uFFFD') >= 0) {
                        String col = columns != null && i < columns.size() ? columns.name(i) : "(row)";
                        row.fault(col, v, "is not valid text in the file's encoding");
                        break;
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static boolean blank(Row row) {
        return row.size == 0 || (row.size == 1 && row.kinds[0] == Row.EMPTY);
    }

    /** Skips the LF of a CRLF; false when nothing is left to read. */
    private boolean startRow() throws IOException {
        rowStart = pos;
        cellStart = pos;
        if (pos == lim && !fill()) {
            return false;
        }
        if (skipLf) {
            skipLf = false;
            if (buf[pos] == '\n') {
                pos++;
                rowStart = pos;
                cellStart = pos;
                return pos < lim || fill();
            }
        }
        return true;
    }

    /** Reads the row's cells and says what ended the row. */
    private int cells(Row row) throws IOException {
        while (true) {
            if (pos + 8 <= lim && buf[pos] != '"') {
                int end = fastCells(row);
                if (end != CAREFUL) {
                    return end;
                }
            }
            int end = cell(row);
            if (end != SEPARATOR) {
                return end;
            }
        }
    }

    /**
     * Reads unquoted cells eight bytes at a time, taking every comma, line break and quote that a
     * word holds; stops with {@link #CAREFUL} at a quoted cell or near the end of the buffer, with
     * {@code pos} at the start of the cell not read.
     */
    private int fastCells(Row row) {
        byte[] b = buf;
        int l = lim;
        int p = pos;
        int start = pos;
        long h = high;
        // the row's cells in locals, stored back when the scan leaves (the careful add may grow them)
        int n = row.size;
        int[] starts = row.starts;
        int[] ends = row.ends;
        byte[] kinds = row.kinds;
        int room = rowOverflow ? 0 : Math.min(starts.length, Limits.MAX_COLUMNS);
        while (p + 8 <= l) {
            long x = (long) Row.LONGS.get(b, p);
            h |= x;
            // the ASCII bytes below '-' (0x2D): every comma, quote, CR and LF, and a few others (space, '+', ...)
            long m = ~(((x & LOW7) + BELOW_DASH) | x) & HIGHS;
            while (m != 0) {
                int k = p + (Long.numberOfTrailingZeros(m) >>> 3);
                m &= m - 1;
                byte c = b[k];
                if (c == ',') {
                    if (n < room && k - start <= Limits.MAX_FIELD_CHARS) {
                        starts[n] = start;
                        ends[n] = k;
                        kinds[n] = Row.kind(b, start, k);
                        n++;
                    } else {
                        row.size = n;
                        int why = add(row, start, k, false, SEPARATOR);
                        n = row.size;
                        starts = row.starts;
                        ends = row.ends;
                        kinds = row.kinds;
                        room = rowOverflow ? 0 : Math.min(starts.length, Limits.MAX_COLUMNS);
                        if (why == STOP) {
                            high = h;
                            pos = k + 1;
                            return STOP;
                        }
                    }
                    start = k + 1;
                } else if (c == '"') {
                    if (k == start) {
                        row.size = n;
                        high = h;
                        pos = start;
                        return CAREFUL; // a quoted cell
                    }
                    // a quote inside an unquoted cell is an ordinary byte
                } else if (c == '\n' || c == '\r') {
                    line++;
                    skipLf = c == '\r';
                    high = h;
                    pos = k + 1;
                    if (n < room && k - start <= Limits.MAX_FIELD_CHARS) {
                        starts[n] = start;
                        ends[n] = k;
                        kinds[n] = Row.kind(b, start, k);
                        row.size = n + 1;
                        return END_OF_ROW;
                    }
                    row.size = n;
                    return add(row, start, k, false, END_OF_ROW);
                }
            }
            p += 8;
        }
        row.size = n;
        high = h;
        pos = start;
        return CAREFUL;
    }

    /** {@code 0x80} in each byte of {@code t} that is zero, {@code 0} in the others (exact). */
    static long zeros(long t) {
        long y = (t & LOW7) + LOW7;
        return ~(y | t | LOW7);
    }

    /** Reads one cell into the row and says what ended it. */
    private int cell(Row row) throws IOException {
        cellStart = pos;
        if (pos == lim && !fill()) {
            return add(row, pos, pos, false, END_OF_INPUT);
        }
        if (buf[pos] == '"') {
            return quoted(row);
        }
        return unquotedRest(row, false);
    }

    /**
     * Reads on to the comma or line break that ends an unquoted cell (or the rest of a faulted
     * quoted one) and adds the cell from {@link #cellStart}, or empty when {@code dropped}.
     */
    private int unquotedRest(Row row, boolean dropped) throws IOException {
        while (true) {
            int d = delimiter(pos);
            if (d >= 0) {
                byte c = buf[d];
                pos = d + 1;
                int why = SEPARATOR;
                if (c != ',') {
                    line++;
                    skipLf = c == '\r';
                    why = END_OF_ROW;
                }
                return add(row, dropped ? d : cellStart, d, false, why);
            }
            pos = lim;
            if (!fill()) {
                return add(row, dropped ? pos : cellStart, pos, false, END_OF_INPUT);
            }
        }
    }

    /** The first comma, LF or CR at or after {@code p} before the end of the buffer, or -1. */
    private int delimiter(int p) {
        return firstOf(p, (byte) ',', COMMAS);
    }

    /** The first quote, LF or CR at or after {@code p} before the end of the buffer, or -1. */
    private int quoteOrBreak(int p) {
        return firstOf(p, (byte) '"', QUOTES);
    }

    /**
     * The first {@code target} ({@code targets} is it in every byte), LF or CR at or after
     * {@code p} before the end of the buffer, or -1; or-s the bytes scanned into {@link #high}.
     */
    private int firstOf(int p, byte target, long targets) {
        byte[] b = buf;
        int l = lim;
        long h = 0;
        while (p + 8 <= l) {
            long x = (long) Row.LONGS.get(b, p);
            h |= x;
            long m = zeros(x ^ targets) | zeros(x ^ LFS) | zeros(x ^ CRS);
            if (m != 0) {
                high |= h;
                return p + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            p += 8;
        }
        for (; p < l; p++) {
            byte c = b[p];
            h |= c;
            if (c == target || c == '\n' || c == '\r') {
                high |= h;
                return p;
            }
        }
        high |= h;
        return -1;
    }

    /** A quoted cell: {@code pos} is at its opening quote. */
    private int quoted(Row row) throws IOException {
        long startLine = line;
        pos++;
        cellStart = pos;
        boolean doubled = false;
        while (true) {
            int d = quoteOrBreak(pos);
            if (d < 0) {
                pos = lim;
                if (!fill()) {
                    row.fault("(row)", "", "is not valid CSV: the quoted cell that starts on line " + startLine
                            + " is not closed at the end of the input");
                    return add(row, cellStart, pos, doubled, END_OF_INPUT);
                }
                continue;
            }
            byte c = buf[d];
            pos = d + 1;
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                line++;
                if (pos == lim) {
                    fill();
                }
                if (pos < lim && buf[pos] == '\n') {
                    pos++;
                }
                continue;
            }
            // a quote: doubled, or the end of the cell
            if (pos == lim && !fill()) {
                return add(row, cellStart, pos - 1, doubled, END_OF_INPUT);
            }
            byte n = buf[pos];
            if (n == '"') {
                doubled = true;
                pos++;
                continue;
            }
            int contentEnd = pos - 1;
            if (n == ',') {
                pos++;
                return add(row, cellStart, contentEnd, doubled, SEPARATOR);
            }
            if (n == '\n' || n == '\r') {
                pos++;
                line++;
                skipLf = n == '\r';
                return add(row, cellStart, contentEnd, doubled, END_OF_ROW);
            }
            return afterQuote(row);
        }
    }

    /** Text after a closing quote: faults the row and skips to the end of the cell. */
    private int afterQuote(Row row) throws IOException {
        row.fault("(row)", "", "is not valid CSV: text after the closing quote of a quoted cell (a quote inside a "
                + "quoted cell is written twice)");
        return unquotedRest(row, true);
    }

    /** Adds cell {@code [from, to)} and passes on what ended it. */
    private int add(Row row, int from, int to, boolean doubled, int why) {
        if (row.size >= Limits.MAX_COLUMNS) {
            // a hostile row (one enormous line of short cells): rejected, its further cells are
            // scanned but not held (the row's bytes are bounded by the row limit)
            row.fault("(row)", "", "has more than " + Limits.MAX_COLUMNS + " fields");
            return why;
        }
        if (rowOverflow) {
            row.addBytes(buf, 0, 0, false);
            return why;
        }
        if (to - from > Limits.MAX_FIELD_CHARS) {
            row.fault("(row)", "", "is not valid CSV: a cell exceeds the maximum length of "
                    + String.format(Locale.ROOT, "%,d", Limits.MAX_FIELD_CHARS) + " bytes");
            to = from;
        }
        row.addBytes(buf, from, to, doubled);
        return why;
    }

    /**
     * Reads more bytes after {@code lim}, first moving the row being read to the front of the
     * buffer (growing it when the row fills it); false at the end of the input. A row that grows
     * past the limit is faulted and its bytes are dropped from then on.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (!rowOverflow && lim - rowStart >= Limits.MAX_LINE_CHARS) {
            rowOverflow = true;
            current.fault("(row)", "", "is not valid CSV: a row exceeds the maximum length of "
                    + String.format(Locale.ROOT, "%,d", Limits.MAX_LINE_CHARS) + " bytes");
            for (int i = 0; i < current.size; i++) {
                current.starts[i] = 0;
                current.ends[i] = 0;
            }
        }
        int keep = rowOverflow ? pos : rowStart;
        if (keep > 0) {
            base += keep;
            System.arraycopy(buf, keep, buf, 0, lim - keep);
            lim -= keep;
            pos -= keep;
            rowStart -= keep;
            cellStart -= keep;
            if (!rowOverflow) {
                current.shift(keep);
            }
        }
        if (lim == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        do {
            n = in.read(buf, lim, buf.length - lim);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
