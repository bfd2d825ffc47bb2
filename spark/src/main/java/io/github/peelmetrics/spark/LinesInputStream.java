package io.github.peelmetrics.spark;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Lines of text as the UTF-8 bytes of a CSV file: a header line, then the lines, each ended by LF. */
final class LinesInputStream extends InputStream {
    private final Iterator<String> lines;
    private final String skip;
    private byte[] current;
    private int pos;

    /** {@code header} first; then the lines, less any line equal to the header (each file's own header). */
    LinesInputStream(String header, Iterator<String> lines) {
        this.lines = lines;
        this.skip = header;
        this.current = (header + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private boolean fill() {
        while (current == null || pos == current.length) {
            if (!lines.hasNext()) {
                return false;
            }
            String line = lines.next();
            if (line.equals(skip)) {
                continue;
            }
            current = (line + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() {
        return fill() ? current[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len && fill()) {
            int k = Math.min(len - n, current.length - pos);
            System.arraycopy(current, pos, b, off + n, k);
            pos += k;
            n += k;
        }
        return n == 0 ? -1 : n;
    }
}
