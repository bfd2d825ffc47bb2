package io.github.peelmetrics.core.internal;

import io.github.peelmetrics.core.TallyFormatException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The preamble of every Peel tally's bytes, in the manner of Apache DataSketches'
 * {@code PreambleUtil}: one place that draws the layout, writes it and checks it. Internal:
 * not API.
 *
 * <pre>
 *  byte   0        1        2        3        4        5        6        7
 *       +--------+--------+--------+--------+--------+--------+--------+--------+
 *     0 |  'P'   |  'E'   |  'E'   |  'L'   |  kind  |version | flags  |   0    |
 *       +--------+--------+--------+--------+--------+--------+--------+--------+
 *     8 | total length in bytes (int32)     | CRC32C (int32)                    |
 *       +--------+--------+--------+--------+--------+--------+--------+--------+
 *    16 | section id | payload length n (int32) | n bytes of payload            |
 *       | section id | payload length n (int32) | n bytes of payload    ...     |
 *       +-------------------------------------------------------------------------+
 * </pre>
 *
 * <ul>
 *   <li><b>magic</b>: the four ASCII bytes {@code PEEL};</li>
 *   <li><b>kind</b>: which tally the bytes hold ({@link #STOP_TALLY}, {@link #VEIL_OF_DARKNESS_TALLY});</li>
 *   <li><b>version</b>: the version of that kind's section layout;</li>
 *   <li><b>flags</b>: bits whose meaning the kind defines (zero when it defines none); the
 *       byte after it is reserved and zero;</li>
 *   <li><b>total length</b>: the length of the whole byte string, preamble included, so that a
 *       truncated or extended string is rejected before anything else is read;</li>
 *   <li><b>CRC32C</b> ({@link java.util.zip.CRC32C}, Castagnoli) of every byte except the four
 *       of the checksum itself: bytes {@code [0, 12)} then {@code [16, length)}. It detects every
 *       change of one byte (every burst of up to 32 bits) and is checked before any section is
 *       read;</li>
 *   <li><b>sections</b>, each an id byte, an int32 payload length and the payload, in the order
 *       the kind's layout gives.</li>
 * </ul>
 *
 * <p>Integers of the preamble and the section lengths are big-endian; inside the sections,
 * counts and lengths are unsigned LEB128 varints in their shortest form, and strings are a varint
 * byte length followed by UTF-8 ({@link ByteWriter}, {@link ByteReader}).
 *
 * <p>The checks, in order, each failing with a {@link TallyFormatException} that names the
 * tally, the check and the byte offset: at least 16 bytes; the magic number; the total length
 * equals the number of bytes; the checksum; the kind; the version; the reserved byte.
 */
public final class TallyBytes {

    /** {@code PEEL} in ASCII. */
    public static final int MAGIC = 0x5045_454C;
    /** The bytes of the preamble; the first section starts here. */
    public static final int PREAMBLE_BYTES = 16;
    /** Offset of the kind byte. */
    static final int KIND_OFFSET = 4;
    /** Offset of the version byte. */
    static final int VERSION_OFFSET = 5;
    /** Offset of the flags byte. */
    static final int FLAGS_OFFSET = 6;
    /** Offset of the reserved byte. */
    static final int RESERVED_OFFSET = 7;
    /** Offset of the total length (int32). */
    static final int LENGTH_OFFSET = 8;
    /** Offset of the CRC32C (int32). */
    static final int CRC_OFFSET = 12;

    /** Kind of a {@code io.github.peelmetrics.metrics.stops.StopTally}. */
    public static final int STOP_TALLY = 1;
    /** Kind of a {@code io.github.peelmetrics.metrics.vod.VeilOfDarknessTally}. */
    public static final int VEIL_OF_DARKNESS_TALLY = 2;

    private TallyBytes() {}

    /** The name of a kind, for messages. */
    static String kindName(int kind) {
        switch (kind) {
            case STOP_TALLY: return "stop tally";
            case VEIL_OF_DARKNESS_TALLY: return "veil of darkness tally";
            default: return "tally of unknown kind " + kind;
        }
    }

    /**
     * A writer whose preamble is written; append the sections, then call
     * {@link ByteWriter#toByteArray()}, which fills in the length and the checksum.
     *
     * @param kind    the tally kind
     * @param version the kind's layout version, in [1, 255]
     * @param flags   the kind's flag bits, in [0, 255]
     */
    public static ByteWriter writer(int kind, int version, int flags) {
        if (kind < 1 || kind > 255 || version < 1 || version > 255 || flags < 0 || flags > 255) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tally preamble: kind %d, version %d and flags %d must each fit one byte", kind, version, flags));
        }
        ByteWriter w = new ByteWriter(kindName(kind));
        w.int32(MAGIC);
        w.u8(kind);
        w.u8(version);
        w.u8(flags);
        w.u8(0);
        w.int32(0);   // length, filled by seal
        w.int32(0);   // checksum, filled by seal
        return w;
    }

    /** Fills in the total length and the checksum of a byte string laid out as above. */
    static void seal(byte[] bytes) {
        putInt(bytes, LENGTH_OFFSET, bytes.length);
        putInt(bytes, CRC_OFFSET, crc(bytes));
    }

    /**
     * A copy of {@code bytes} with its total length set to its size and its checksum recomputed:
     * for tests that forge the content of a tally's bytes and must get past the checksum to reach
     * the checks behind it. Never used on the read path.
     *
     * @throws IllegalArgumentException if there are fewer bytes than a preamble
     */
    public static byte[] reseal(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes must not be null");
        if (bytes.length < PREAMBLE_BYTES) {
            throw new IllegalArgumentException("cannot reseal " + bytes.length + " bytes: fewer than a preamble");
        }
        byte[] out = Arrays.copyOf(bytes, bytes.length);
        seal(out);
        return out;
    }

    /**
     * A reader over the sections of {@code bytes}, after every check of the preamble (see the
     * class comment).
     *
     * @param bytes   the bytes to read
     * @param kind    the kind they must hold
     * @param version the layout version this code reads
     * @throws TallyFormatException if any check fails
     */
    public static ByteReader reader(byte[] bytes, int kind, int version) {
        Objects.requireNonNull(bytes, "bytes must not be null");
        String name = kindName(kind);
        if (bytes.length < PREAMBLE_BYTES) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "%s bytes: %d bytes are fewer than the %d of the preamble (truncated, or not a tally)",
                    name, bytes.length, PREAMBLE_BYTES));
        }
        int magic = getInt(bytes, 0);
        if (magic != MAGIC) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "%s bytes: bad magic number 0x%08x at byte 0, expected 0x%08x (\"PEEL\"): not a Peel tally",
                    name, magic, MAGIC));
        }
        int length = getInt(bytes, LENGTH_OFFSET);
        if (length != bytes.length) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "%s bytes: the length at byte %d says %d bytes but there are %d (truncated, extended or altered)",
                    name, LENGTH_OFFSET, Integer.toUnsignedLong(length), bytes.length));
        }
        int stored = getInt(bytes, CRC_OFFSET);
        int actual = crc(bytes);
        if (stored != actual) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "%s bytes: CRC32C mismatch (stored 0x%08x at byte %d, computed 0x%08x): the bytes were altered",
                    name, stored, CRC_OFFSET, actual));
        }
        int k = bytes[KIND_OFFSET] & 0xFF;
        if (k != kind) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "%s bytes: byte %d says they hold a %s", name, KIND_OFFSET, kindName(k)));
        }
        int v = bytes[VERSION_OFFSET] & 0xFF;
        if (v != version) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "%s bytes: format version %d at byte %d, this Peel reads version %d", name, v, VERSION_OFFSET,
                    version));
        }
        if (bytes[RESERVED_OFFSET] != 0) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "%s bytes: reserved byte %d is %d, must be 0", name, RESERVED_OFFSET, bytes[RESERVED_OFFSET] & 0xFF));
        }
        return new ByteReader(name, bytes, PREAMBLE_BYTES, bytes.length, bytes[FLAGS_OFFSET] & 0xFF);
    }

    private static int crc(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, CRC_OFFSET);
        c.update(bytes, PREAMBLE_BYTES, bytes.length - PREAMBLE_BYTES);
        return (int) c.getValue();
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
