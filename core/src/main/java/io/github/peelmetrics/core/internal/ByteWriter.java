package io.github.peelmetrics.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes a tally's bytes: the preamble ({@link TallyBytes#writer}), then sections of bytes,
 * varints and strings; {@link #toByteArray()} fills in the length and the checksum. Internal:
 * not API. Not thread-safe.
 */
public final class ByteWriter {

    private final String name;
    private byte[] buf = new byte[256];
    private int size;
    private int openSection = -1;

    ByteWriter(String name) {
        this.name = name;
    }

    private void ensure(int more) {
        if (buf.length - size < more) {
            long want = Math.max((long) buf.length * 2, (long) size + more);
            if (want > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException(name + " bytes would exceed 2 GB");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    /** One byte, {@code v} in [0, 255]. */
    public void u8(int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s bytes: %d does not fit one byte", name, v));
        }
        ensure(1);
        buf[size++] = (byte) v;
    }

    /** A big-endian int32. */
    public void int32(int v) {
        ensure(4);
        TallyBytes.putInt(buf, size, v);
        size += 4;
    }

    /** A non-negative {@code long} as an unsigned LEB128 varint in its shortest form (1 to 9 bytes). */
    public void varint(long v) {
        if (v < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s bytes: a varint must not be negative: %d",
                    name, v));
        }
        ensure(9);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** A string: its UTF-8 byte length as a varint, then the bytes. */
    public void string(String s) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer b;
        try {
            b = encoder.encode(CharBuffer.wrap(s));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s bytes: the string \"%s\" is not valid Unicode (an unpaired surrogate)", name, s), e);
        }
        int n = b.remaining();
        varint(n);
        ensure(n);
        b.get(buf, size, n);
        size += n;
    }

    /** Raw bytes. */
    public void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** Starts a section: its id, and room for its length, filled in by {@link #endSection()}. */
    public void beginSection(int id) {
        if (openSection >= 0) {
            throw new IllegalStateException(name + " bytes: a section is already open");
        }
        u8(id);
        openSection = size;
        int32(0);
    }

    /** Ends the open section, filling in its payload length. */
    public void endSection() {
        if (openSection < 0) {
            throw new IllegalStateException(name + " bytes: no section is open");
        }
        TallyBytes.putInt(buf, openSection, size - openSection - 4);
        openSection = -1;
    }

    /** The bytes written, with the total length and the checksum filled in. */
    public byte[] toByteArray() {
        if (openSection >= 0) {
            throw new IllegalStateException(name + " bytes: a section is still open");
        }
        byte[] out = Arrays.copyOf(buf, size);
        TallyBytes.seal(out);
        return out;
    }
}
