package io.github.peelmetrics.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the rows of a CSV file start, at about every {@value #CHUNK_BYTES} bytes, so that ranges of
 * the file can be read on all cores with the same rows, lines and rejections as one sequential read.
 *
 * <p>A range is cut just after a line feed. There the scanner ({@link CsvRows}) is in one of two
 * states: at the start of a row, or inside a quoted cell (a quoted line break). Which one depends on
 * everything before, so each range is first simulated from both states, in parallel (only quotes
 * and line breaks matter: a quote opens a quoted cell when it starts a cell, a quote inside an
 * unquoted cell is an ordinary byte, a doubled quote stays inside); then the states are chained
 * from the first range (which starts after the header, at a row start) to find each range's true
 * first row, and its line number from the line breaks counted before it (LF, CRLF and a lone CR each
 * end a line, quoted or not, as the scanner counts them). A range that lies wholly inside one quoted
 * cell holds no row start and is merged into the one before.
 */
final class CsvSplit {
    private CsvSplit() {}

    /** Nominal bytes per range. */
    static final int CHUNK_BYTES = 4 << 20;
    /** The bytes per range in use: {@link #CHUNK_BYTES}, set smaller by tests to split small files. */
    static volatile int chunkBytes = CHUNK_BYTES;

    private static final long LFS = 0x0101010101010101L * '\n';
    private static final long CRS = 0x0101010101010101L * '\r';
    private static final long QUOTES = 0x0101010101010101L * '"';
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGHS = 0x8080808080808080L;
    /** Added to a byte's low seven bits, sets its high bit exactly when the byte is at least {@code '#'}. */
    private static final long BELOW_HASH = 0x0101010101010101L * (0x80 - '#');

    /**
     * The ranges: range {@code k} reads the rows that start at or after {@code starts[k]} (on line
     * {@code lines[k]}) and before {@code starts[k + 1]}.
     */
    record Plan(long[] starts, long[] lines) {
        int size() {
            return starts.length;
        }

        long stop(int k) {
            return k + 1 < starts.length ? starts[k + 1] : Long.MAX_VALUE;
        }
    }

    /** The outcome of simulating one range from one state. */
    private record Run(boolean endQuoted, int firstRow, long breaksBefore) {}

    /**
     * Where the ranges are cut: 0, then just after the first line feed at or after every
     * {@link #chunkBytes} bytes from {@code headerEnd} (none that would leave the last range empty).
     */
    private static List<Long> cuts(FileChannel ch, long headerEnd) throws IOException {
        long size = ch.size();
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        long prev = headerEnd;
        int step = chunkBytes;
        for (long target = headerEnd + step; target < size; target = Math.max(target + step, prev)) {
            long lf = nextLineFeed(ch, target, size);
            if (lf < 0 || lf + 1 >= size) {
                break;
            }
            prev = lf + 1;
            cuts.add(prev);
        }
        return cuts;
    }

    /**
     * A guessed plan, without reading the file: every range starts at its cut, as if no quoted cell
     * held a line break there, and its rows' lines count from 1 ({@code lines} holds 1 for every
     * range after the first). A reader checks the guess afterwards: it held when every range's
     * scanner, started at a true row start, ended its rows exactly at the next range's cut (see
     * {@link RecordStream#tally}); then the lines are shifted by the line breaks of the ranges before.
     */
    static Plan guess(Path file, long headerEnd) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Long> cuts = cuts(ch, headerEnd);
            long[] starts = new long[cuts.size()];
            long[] lines = new long[cuts.size()];
            starts[0] = headerEnd;
            lines[0] = -1;
            for (int k = 1; k < starts.length; k++) {
                starts[k] = cuts.get(k);
                lines[k] = 1;
            }
            return new Plan(starts, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Whether the first range's bytes from {@code from} (at most 1 MiB of them) hold a double quote:
     * a file that quotes cells early may well hold a quoted line break at a cut, so its ranges are
     * planned, not guessed.
     */
    static boolean quotesNear(Path file, long from) {
        byte[] b = new byte[Math.min(chunkBytes, 1 << 20)];
        int n = read(file, from, from + b.length - 1, b);
        for (int i = 0; i < n; i++) {
            if (b[i] == '"') {
                return true;
            }
        }
        return false;
    }

    /** Plans the ranges of {@code file}, whose header ends (and first data row starts) at {@code headerEnd}. */
    static Plan plan(Path file, long headerEnd) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            List<Long> cuts = cuts(ch, headerEnd);
            int n = cuts.size();
            long[] from = new long[n];
            long[] to = new long[n];
            for (int k = 0; k < n; k++) {
                from[k] = cuts.get(k);
                to[k] = k + 1 < n ? cuts.get(k + 1) : size;
            }
            // each range from both states, in parallel: [k][0] from a row start, [k][1] from inside quotes
            Run[][] runs = new Run[n][];
            long[] breaks = new long[n];
            java.util.concurrent.ConcurrentLinkedQueue<byte[]> buffers = new java.util.concurrent.ConcurrentLinkedQueue<>();
            IntStream.range(0, n).parallel().forEach(k -> {
                byte[] b = buffers.poll();
                int len = read(file, from[k], to[k], b == null ? (b = new byte[chunkBytes + (1 << 16)]) : b);
                b = len < 0 ? read(file, from[k], to[k]) : b; // a range longer than the buffer (a long row)
                len = len < 0 ? b.length : len;
                int end = (int) (to[k] - from[k]);
                int start = k == 0 ? (int) headerEnd : 0;
                long[] quotes = new long[1];
                breaks[k] = breaks(b, 0, end, len, quotes);
                if (quotes[0] == 0 && k > 0) {
                    // no quote: from a row start the range is one run of rows; from inside quotes it never leaves them
                    runs[k] = new Run[] {new Run(false, start, 0), new Run(true, -1, 0)};
                } else {
                    runs[k] = new Run[] {simulate(b, start, end, len, false),
                        k == 0 ? null : simulate(b, start, end, len, true)};
                }
                if (b.length <= chunkBytes + (1 << 16)) {
                    buffers.add(b); // read the next range into it: no new array per range
                }
            });
            List<Long> starts = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            starts.add(headerEnd);
            lines.add(-1L); // the first range is read on by the scanner that read the header
            boolean quoted = runs[0][0].endQuoted();
            long linesBefore = breaks[0];
            for (int k = 1; k < n; k++) {
                Run r = runs[k][quoted ? 1 : 0];
                if (r.firstRow() >= 0) {
                    starts.add(from[k] + r.firstRow());
                    lines.add(1 + linesBefore + r.breaksBefore());
                }
                quoted = r.endQuoted();
                linesBefore += breaks[k];
            }
            return new Plan(starts.stream().mapToLong(Long::longValue).toArray(),
                    lines.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The first line feed at or after {@code at}, or -1. */
    private static long nextLineFeed(FileChannel ch, long at, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long p = at;
        while (p < size) {
            buf.clear();
            int n = ch.read(buf, p);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return p + i;
                }
            }
            p += n;
        }
        return -1;
    }

    /**
     * Reads bytes {@code [from, to)} of the file and the byte after, when there is one, into
     * {@code into}; the number of bytes read, or -1 when they do not fit.
     */
    private static int read(Path file, long from, long to, byte[] into) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = Math.min(ch.size(), to + 1);
            if (end - from > into.length) {
                return -1;
            }
            ByteBuffer buf = ByteBuffer.wrap(into, 0, (int) (end - from));
            long p = from;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, p);
                if (n < 0) {
                    break;
                }
                p += n;
            }
            return buf.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Bytes {@code [from, to)} of the file and the byte after, when there is one. */
    private static byte[] read(Path file, long from, long to) {
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        byte[] b = new byte[(int) (Math.min(size, to + 1) - from)];
        int n = read(file, from, to, b);
        return n == b.length ? b : java.util.Arrays.copyOf(b, Math.max(n, 0));
    }

    /** Line breaks in {@code b[from, to)} (LF, CRLF and a lone CR count one each); {@code b} has {@code len} bytes. */
    static long breaks(byte[] b, int from, int to, int len) {
        return breaks(b, from, to, len, new long[1]);
    }

    /** {@link #breaks(byte[], int, int, int)}, and {@code quotes[0]} not 0 when {@code b[from, to)} holds a quote. */
    static long breaks(byte[] b, int from, int to, int len, long[] quotes) {
        long n = 0;
        long q = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) Row.LONGS.get(b, i);
            if ((~(((x & LOW7) + BELOW_HASH) | x) & HIGHS) == 0) {
                continue; // no ASCII byte below '#': no quote, LF or CR in these eight
            }
            q |= CsvRows.zeros(x ^ QUOTES);
            n += Long.bitCount(CsvRows.zeros(x ^ LFS));
            long cr = CsvRows.zeros(x ^ CRS);
            while (cr != 0) {
                int j = i + (Long.numberOfTrailingZeros(cr) >>> 3);
                cr &= cr - 1;
                if (j + 1 >= len || b[j + 1] != '\n') {
                    n++;
                }
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n' || (b[i] == '\r' && (i + 1 >= len || b[i + 1] != '\n'))) {
                n++;
            }
            q |= b[i] == '"' ? 1 : 0;
        }
        quotes[0] = q;
        return n;
    }

    /**
     * Runs the scanner's quote states over {@code b[from, to)} starting inside a quoted cell or at a
     * row start; says whether it ends inside quotes, where the first row starts (-1 when none does)
     * and how many line breaks come before it.
     */
    static Run simulate(byte[] b, int from, int to, int len, boolean quoted) {
        int p = from;
        boolean inQuotes = quoted;
        int firstRow = quoted ? -1 : from;
        while (p < to) {
            if (inQuotes) {
                int q = next(b, p, to, QUOTES, false);
                if (q < 0) {
                    p = to;
                    break;
                }
                if (q + 1 < len && b[q + 1] == '"') {
                    p = q + 2; // a doubled quote
                } else {
                    inQuotes = false;
                    p = q + 1;
                }
            } else {
                int d = next(b, p, to, QUOTES, firstRow < 0);
                if (d < 0) {
                    p = to;
                    break;
                }
                if (b[d] == '"') {
                    inQuotes = d == 0 || b[d - 1] == ',' || b[d - 1] == '\n' || b[d - 1] == '\r';
                    p = d + 1;
                } else { // the first row end: the next row starts after it
                    p = d + 1;
                    if (b[d] == '\r' && p < len && b[p] == '\n') {
                        p++;
                    }
                    firstRow = p < to ? p : -1;
                    if (p >= to) {
                        break;
                    }
                }
            }
        }
        long before = firstRow < 0 ? 0 : breaks(b, from, firstRow, len);
        return new Run(inQuotes, firstRow, before);
    }

    /** The first {@code targets} byte (and LF or CR when {@code breaks}) in {@code b[p, to)}, or -1. */
    private static int next(byte[] b, int p, int to, long targets, boolean breaks) {
        while (p + 8 <= to) {
            long x = (long) Row.LONGS.get(b, p);
            long m = CsvRows.zeros(x ^ targets);
            if (breaks) {
                m |= CsvRows.zeros(x ^ LFS) | CsvRows.zeros(x ^ CRS);
            }
            if (m != 0) {
                return p + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            p += 8;
        }
        for (; p < to; p++) {
            byte c = b[p];
            if (c == (byte) targets || (breaks && (c == '\n' || c == '\r'))) {
                return p;
            }
        }
        return -1;
    }
}
