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
    /** A ring of line-feed offsets; its length is a power of two, so that an index is {@code i & mask}. */
    private long[] feeds = new long[1024];
    private int mask = feeds.length - 1;
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
        if (n > 0) {
            // A String of the chunk lets the JDK's vectorized String.indexOf find the rare
            // characters: about 1 ns per character less than a plain loop over the array (the
            // read's single largest cost of Peel's own after Jackson). For text without characters
            // above U+00FF (most exports) the copy is one byte per character and the search for
            // U+FFFD returns at once.
            String chunk = new String(cbuf, off, n);
            for (int i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) {
                push(offset + i);
            }
            if (!sawReplacement && chunk.indexOf('\uFFFD') >= 0) {
                sawReplacement = true;
            }
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
                bigger[i] = feeds[(head + i) & mask];
            }
            tail -= head;
            head = 0;
            feeds = bigger;
            mask = bigger.length - 1;
        }
        feeds[tail & mask] = pos;
        tail++;
        if (head >= feeds.length) {
            head -= feeds.length;
            tail -= feeds.length;
        }
    }

    /** The 1-based line of a character offset; offsets must not decrease from call to call. */
    long lineAt(long charOffset) {
        while (head < tail && feeds[head & mask] < charOffset) {
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
