package io.github.peelmetrics.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text as UTF-8 bytes: lets the CSV scanner, which reads UTF-8, take a {@link Reader} or a file in
 * another charset. A lone surrogate (not text) becomes {@code ?}, the encoder's replacement.
 */
final class Utf8Bytes extends InputStream {
    private static final int CHUNK = 8192;

    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** Characters read and not yet encoded (write mode). */
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    /** Bytes encoded and not yet handed out (read mode); room for three bytes a character. */
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * CHUNK + 16);
    private boolean eof;
    private boolean flushed;

    Utf8Bytes(Reader in) {
        this.in = in;
        bytes.flip();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    private boolean refill() throws IOException {
        if (flushed) {
            return false;
        }
        bytes.clear();
        if (!eof) {
            int n = in.read(chars.array(), chars.position(), chars.remaining());
            if (n < 0) {
                eof = true;
            } else {
                chars.position(chars.position() + n);
            }
        }
        chars.flip();
        encoder.encode(chars, bytes, eof);
        chars.compact();
        if (eof) {
            encoder.flush(bytes);
            flushed = true;
        }
        bytes.flip();
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
