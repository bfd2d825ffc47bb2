package io.github.peelmetrics.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.testing.Seeded;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared tally codec: preamble checks in order, varints, strings, counts and sections bounded by the bytes left. */
class TallyBytesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    private static byte[] sealed(java.util.function.Consumer<ByteWriter> body) {
        ByteWriter w = TallyBytes.writer(TallyBytes.STOP_TALLY, 1, 0);
        w.beginSection(1);
        body.accept(w);
        w.endSection();
        return w.toByteArray();
    }

    private static ByteReader payload(byte[] bytes) {
        return TallyBytes.reader(bytes, TallyBytes.STOP_TALLY, 1).section(1, "test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void varintsAndStringsRoundTrip(Seeded s) {
        SplittableRandom r = s.random();
        long[] values = new long[20];
        String[] strings = new String[5];
        for (int i = 0; i < values.length; i++) {
            int bits = r.nextInt(64);
            values[i] = bits == 63 ? Long.MAX_VALUE : r.nextLong(1L << bits);
        }
        for (int i = 0; i < strings.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int c = r.nextInt(12); c > 0; c--) {
                sb.appendCodePoint(r.nextInt(4) == 0 ? 0x1F600 + r.nextInt(50) : r.nextInt(4) == 0 ? 0xE9 : 'a' + r.nextInt(26));
            }
            strings[i] = sb.toString();
        }
        byte[] b = sealed(w -> {
            for (long v : values) {
                w.varint(v);
            }
            for (String x : strings) {
                w.string(x);
            }
        });
        ByteReader in = payload(b);
        for (long v : values) {
            assertEquals(v, in.varint("v"), s.toString());
        }
        for (String x : strings) {
            assertEquals(x, in.string("x"), s.toString());
        }
        in.end("payload");
    }

    @Test
    void thePreambleIsCheckedInOrder() {
        byte[] ok = sealed(w -> w.varint(5));
        assertEquals(5, payload(ok).varint("five"));
        assertMessage(Arrays.copyOf(ok, 15), "15 bytes are fewer than the 16 of the preamble");
        byte[] magic = ok.clone();
        magic[0] = 'X';
        assertMessage(magic, "bad magic number 0x5845454c at byte 0");
        assertMessage(Arrays.copyOf(ok, ok.length + 1), "the length at byte 8 says " + ok.length + " bytes but there are "
                + (ok.length + 1));
        byte[] altered = ok.clone();
        altered[ok.length - 1] = 6;
        assertMessage(altered, "CRC32C mismatch");
        byte[] kind = ok.clone();
        kind[4] = 2;
        assertMessage(TallyBytes.reseal(kind), "byte 4 says they hold a veil of darkness tally");
        byte[] version = ok.clone();
        version[5] = 9;
        assertMessage(TallyBytes.reseal(version), "format version 9 at byte 5, this Peel reads version 1");
        byte[] reserved = ok.clone();
        reserved[7] = 1;
        assertMessage(TallyBytes.reseal(reserved), "reserved byte 7 is 1, must be 0");
    }

    private static void assertMessage(byte[] bytes, String part) {
        var e = assertThrows(TallyFormatException.class, () -> TallyBytes.reader(bytes, TallyBytes.STOP_TALLY, 1));
        assertTrue(e.getMessage().startsWith("stop tally bytes: ") && e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void varintsMustBeShortestAndFitALong() {
        assertRejected(new byte[] {(byte) 0x85, 0x00}, "varint is not in its shortest form");
        assertRejected(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01}, "varint is longer than 9 bytes");
        assertRejected(new byte[] {(byte) 0x85}, "varint runs past the end");
    }

    @Test
    void lengthsAndCountsAreCheckedAgainstTheBytesLeftBeforeAnyAllocation() {
        byte[] b = sealed(w -> {
            w.varint(Integer.MAX_VALUE);
            w.u8(0);
        });
        var e = assertThrows(TallyFormatException.class, () -> payload(b).count("number of groups", 2));
        assertTrue(e.getMessage().contains("number of groups at byte 21: 2147483647 elements of at least 2 bytes each "
                + "cannot fit in the 1 bytes left"), e.getMessage());
        e = assertThrows(TallyFormatException.class, () -> payload(b).string("code"));
        assertTrue(e.getMessage().contains("string of 2147483647 bytes runs past the 1 bytes left"), e.getMessage());
        byte[] section = b.clone();
        section[17] = 0x7F;   // the section's int32 length
        e = assertThrows(TallyFormatException.class,
                () -> TallyBytes.reader(TallyBytes.reseal(section), TallyBytes.STOP_TALLY, 1).section(1, "test"));
        assertTrue(e.getMessage().contains("length of section test at byte 17"), e.getMessage());
        assertThrows(TallyFormatException.class, () -> payload(b).bytes("digest", 32));
    }

    @Test
    void stringsMustBeValidUtf8AndSectionsWhole() {
        byte[] b = sealed(w -> w.bytes(new byte[] {2, (byte) 0xC3, 0x28}));
        var e = assertThrows(TallyFormatException.class, () -> payload(b).string("beat"));
        assertTrue(e.getMessage().contains("beat at byte 21: string is not valid UTF-8"), e.getMessage());
        byte[] left = sealed(w -> w.varint(1));
        e = assertThrows(TallyFormatException.class, () -> payload(left).end("section test"));
        assertTrue(e.getMessage().contains("1 bytes left over"), e.getMessage());
        var u = assertThrows(IllegalArgumentException.class, () -> sealed(w -> w.string("\uD800")));
        assertTrue(u.getMessage().contains("not valid Unicode"), u.getMessage());
    }

    @Test
    void resealingRepairsOnlyTheLengthAndTheChecksum() {
        byte[] ok = sealed(w -> w.varint(300));
        byte[] broken = ok.clone();
        broken[12] ^= 1;
        assertArrayEquals(ok, TallyBytes.reseal(broken));
    }

    private static void assertRejected(byte[] payload, String part) {
        byte[] b = sealed(w -> w.bytes(payload));
        var e = assertThrows(TallyFormatException.class, () -> payload(b).varint("count"));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
