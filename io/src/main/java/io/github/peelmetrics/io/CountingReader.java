package io.github.peelmetrics.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes characters through and remembers where line feeds are, so that a parser's character
 * offset can be turned into a line number; remembers only the line feeds not yet passed (those in
 * the parser's read-ahead), so it needs constant memory.
 */
final class CountingReader extends FilterReader {
    private long[] feeds = new long[1024];
    private int head;
    private int tail;
    private long offset;
    private long linesBefore;
    private boolean sawReplacement;

    CountingReader(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = in.read(cbuf, off, len);
        for (int i = 0; i < n; i++) {
            char c = cbuf[off + i];
            if (c == '\n') {
                push(offset + i);
            } else if (c == '\uFFFD') {
                sawReplacement = true;
            }
        }
        if (n > 0) {
            offset += n;
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    private void push(long pos) {
        if (tail - head == feeds.length) {
            long[] bigger = new long[feeds.length * 2];
            for (int i = 0; i < tail - head; i++) {
                bigger[i] = feeds[(head + i) % feeds.length];
            }
            tail -= head;
            head = 0;
            feeds = bigger;
        }
        feeds[tail % feeds.length] = pos;
        tail++;
        if (head >= feeds.length) {
            head -= feeds.length;
            tail -= feeds.length;
        }
    }

    /** The 1-based line of a character offset; offsets must not decrease from call to call. */
    long lineAt(long charOffset) {
        while (head < tail && feeds[head % feeds.length] < charOffset) {
            head++;
            linesBefore++;
        }
        return linesBefore + 1;
    }

    /** Whether an undecodable byte was replaced by U+FFFD anywhere so far. */
    boolean sawReplacement() {
        return sawReplacement;
    }
}
