package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.TallyFormatException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The trailing checksum of the Spark module's own byte formats ({@link ReadAccount},
 * {@link SurveyCells}): the body followed by the CRC32C of the body, four bytes, big-endian.
 */
final class Checksum {
    private Checksum() {}

    /** {@code body} followed by its CRC32C. */
    static byte[] seal(byte[] body) {
        byte[] out = Arrays.copyOf(body, body.length + 4);
        write(out);
        return out;
    }

    /**
     * Checks that the last four bytes of {@code bytes} are the CRC32C of the rest.
     *
     * @param what the format's name, for the message
     * @throws TallyFormatException naming {@code what}, when they are not (the bytes were altered or cut)
     */
    static void check(byte[] bytes, String what) {
        int n = bytes.length - 4;
        int stored = (bytes[n] & 0xFF) << 24 | (bytes[n + 1] & 0xFF) << 16 | (bytes[n + 2] & 0xFF) << 8
                | (bytes[n + 3] & 0xFF);
        if (stored != crc(bytes, n)) {
            throw new TallyFormatException(what + ": the checksum does not match the bytes (altered or truncated)");
        }
    }

    /** A copy of sealed {@code bytes} with the checksum recomputed over the rest, as a forger would (for tests). */
    static byte[] reseal(byte[] bytes) {
        byte[] out = bytes.clone();
        if (out.length >= 4) {
            write(out);
        }
        return out;
    }

    /** Writes the CRC32C of all but the last four bytes into the last four. */
    private static void write(byte[] out) {
        int n = out.length - 4;
        int c = crc(out, n);
        for (int i = 0; i < 4; i++) {
            out[n + i] = (byte) (c >>> (24 - 8 * i));
        }
    }

    private static int crc(byte[] b, int n) {
        CRC32C crc = new CRC32C();
        crc.update(b, 0, n);
        return (int) crc.getValue();
    }
}
