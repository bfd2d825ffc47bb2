package io.github.peelmetrics.core.internal;

import io.github.peelmetrics.core.TallyFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a tally's bytes after {@link TallyBytes#reader} has checked the preamble and the
 * checksum. Every read is bounds-checked, and every length or count is checked against the bytes
 * left <em>before</em> anything is allocated for it, so forged bytes can neither read past the end
 * nor make the reader allocate more than a small multiple of their own size. Every failure is a
 * {@link TallyFormatException} whose message names the tally, the field and the byte offset.
 * Internal: not API. Not thread-safe.
 */
public final class ByteReader {

    private final String name;
    private final byte[] bytes;
    private int pos;
    private final int limit;
    private final int flags;

    ByteReader(String name, byte[] bytes, int from, int limit, int flags) {
        this.name = name;
        this.bytes = bytes;
        this.pos = from;
        this.limit = limit;
        this.flags = flags;
    }

    /** The flags byte of the preamble. */
    public int flags() {
        return flags;
    }

    /** The offset of the next byte to read, from the start of the whole byte string. */
    public int offset() {
        return pos;
    }

    /** The bytes left in this reader (a section's reader: in the section). */
    public int remaining() {
        return limit - pos;
    }

    /** A format error at the current offset: {@code "<tally> bytes: <field> at byte <offset>: <problem>"}. */
    public TallyFormatException error(String field, String problem, Object... args) {
        return errorAt(pos, field, problem, args);
    }

    /** A format error at {@code offset}. */
    public TallyFormatException errorAt(int offset, String field, String problem, Object... args) {
        return new TallyFormatException(String.format(Locale.ROOT, "%s bytes: %s at byte %d: %s", name, field, offset,
                String.format(Locale.ROOT, problem, args)));
    }

    private void need(int n, String field) {
        if (n > limit - pos) {
            throw error(field, "needs %d bytes, %d left", n, limit - pos);
        }
    }

    /** One unsigned byte. */
    public int u8(String field) {
        need(1, field);
        return bytes[pos++] & 0xFF;
    }

    /** A big-endian int32. */
    public int int32(String field) {
        need(4, field);
        int v = TallyBytes.getInt(bytes, pos);
        pos += 4;
        return v;
    }

    /** A non-negative {@code long} written as a shortest-form unsigned LEB128 varint. */
    public long varint(String field) {
        int start = pos;
        long v = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (pos >= limit) {
                throw errorAt(start, field, "varint runs past the end (%d bytes left)", limit - start);
            }
            int b = bytes[pos++];
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw errorAt(start, field, "varint is not in its shortest form");
                }
                return v;
            }
        }
        throw errorAt(start, field, "varint is longer than 9 bytes");
    }

    /** A varint that must lie in {@code [min, max]}. */
    public long varint(String field, long min, long max) {
        int start = pos;
        long v = varint(field);
        if (v < min || v > max) {
            throw errorAt(start, field, "%d is outside [%d, %d]", v, min, max);
        }
        return v;
    }

    /**
     * A number of elements that follow, each taking at least {@code minBytesEach} bytes: checked
     * against the bytes left before the caller allocates anything for them.
     */
    public int count(String field, int minBytesEach) {
        int start = pos;
        long n = varint(field);
        long most = (limit - pos) / Math.max(1, minBytesEach);
        if (n > most) {
            throw errorAt(start, field, "%d elements of at least %d bytes each cannot fit in the %d bytes left",
                    n, minBytesEach, limit - pos);
        }
        return (int) n;
    }

    /** A string: a varint byte length (checked against the bytes left) and strict UTF-8. */
    public String string(String field) {
        int start = pos;
        long n = varint(field);
        if (n > limit - pos) {
            throw errorAt(start, field, "string of %d bytes runs past the %d bytes left", n, limit - pos);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, pos, (int) n)).toString();
            pos += (int) n;
            return s;
        } catch (CharacterCodingException e) {
            throw errorAt(start, field, "string is not valid UTF-8");
        }
    }

    /** Exactly {@code n} raw bytes. */
    public byte[] bytes(String field, int n) {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(bytes, pos, out, 0, n);
        pos += n;
        return out;
    }

    /**
     * The next section, which must have id {@code id}: a reader over its payload (whose length is
     * checked against the bytes left); this reader moves past it.
     */
    public ByteReader section(int id, String section) {
        int start = pos;
        int got = u8("id of section " + section);
        if (got != id) {
            throw errorAt(start, "section " + section, "id is %d, expected %d", got, id);
        }
        int n = int32("length of section " + section);
        if (n < 0 || n > limit - pos) {
            throw errorAt(start + 1, "length of section " + section, "%d bytes, %d left",
                    Integer.toUnsignedLong(n), limit - pos);
        }
        ByteReader s = new ByteReader(name, bytes, pos, pos + n, flags);
        pos += n;
        return s;
    }

    /** Checks that every byte of this reader was read. */
    public void end(String what) {
        if (pos != limit) {
            throw error(what, "%d bytes left over", limit - pos);
        }
    }
}
