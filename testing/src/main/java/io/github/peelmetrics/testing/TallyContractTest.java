package io.github.peelmetrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one contract test of every Peel tally, in the manner of Hipparchus'
 * {@code StorelessUnivariateStatisticAbstractTest}: a subclass says how to make, fill, merge,
 * copy, write and read its tally, how to draw a random record and which exception its
 * {@code fromByteArray} throws, and inherits every check, each run over seeded random cases (the
 * seed is in the case's name and in every failure message, so a failure can be replayed).
 *
 * <ul>
 *   <li><b>Merge</b>: the tallies of any split of the records, merged in any order, equal the
 *       tally of all of them: same bytes, same count, same result; merging is associative and
 *       commutative, and {@code merge} returns the tally merged into.</li>
 *   <li><b>Copy</b>: a copy has the same bytes, and adding to either leaves the other as it was.</li>
 *   <li><b>Bytes</b>: a tally read back from its bytes writes the same bytes, has the same count
 *       and result, and keeps counting as the original does.</li>
 *   <li><b>Corruption</b>: every truncation, every extension by a byte and every single-byte
 *       change of the bytes of a real tally is rejected with the format exception: at every
 *       position and with every other byte value for a small tally, at a seeded sample of
 *       positions for a large one.</li>
 *   <li><b>Forgery</b>: bytes changed and then resealed (length and checksum recomputed, as a
 *       forger would) are either rejected with the format exception or read as a whole tally that
 *       writes exactly those bytes; never another exception. Every decode, including those of
 *       large numbers written over every position (a forged length prefix of 2<sup>31</sup> or
 *       2<sup>62</sup>), allocates no more than {@link #allocationBound(int)} (measured with the
 *       HotSpot thread allocation counter where the JVM offers it).</li>
 * </ul>
 *
 * <p>It depends on nothing of Peel but {@link Seeded}: the tally, record and result types are
 * parameters, so that {@code peel-core}'s own tests can depend on this module.
 *
 * @param <T> the record type
 * @param <S> the tally type
 * @param <R> the result type
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TallyContractTest<T, S, R> {

    // ---- what the tally under test provides

    /** A new, empty tally of the configuration under test. */
    protected abstract S newTally();

    /** Adds one record. */
    protected abstract void add(S tally, T record);

    /** Merges {@code other} into {@code tally} and returns what {@code merge} returns. */
    protected abstract S merge(S tally, S other);

    /** {@code tally.copy()}. */
    protected abstract S copy(S tally);

    /** {@code tally.toByteArray()}. */
    protected abstract byte[] toBytes(S tally);

    /** The tally's {@code fromByteArray}, with the configuration of {@link #newTally()}. */
    protected abstract S fromBytes(byte[] bytes);

    /** {@code tally.count()}. */
    protected abstract long count(S tally);

    /** {@code tally.result()}; it may throw when the records do not support a result. */
    protected abstract R result(S tally);

    /** One random record. */
    protected abstract T record(SplittableRandom random);

    /** The exception type {@code fromByteArray} documents for bad bytes. */
    protected abstract Class<? extends RuntimeException> formatException();

    /** The bytes with their length and checksum made valid again (what a forger would do). */
    protected abstract byte[] reseal(byte[] bytes);

    // ---- what it may adjust

    /** Whether two results are equal; {@link Objects#equals} unless overridden. */
    protected boolean sameResult(R a, R b) {
        return Objects.equals(a, b);
    }

    /** {@code n} random records; override to give the records a structure (dates, places) that one record cannot. */
    protected List<T> records(SplittableRandom random, int n) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(record(random));
        }
        return out;
    }

    /** The most records of a case of the merge, copy and bytes properties (0, 1 and this many on purpose). */
    protected int maxRecords() {
        return 300;
    }

    /** The most records of a small tally, whose bytes are checked at every position. */
    protected int smallRecords() {
        return 12;
    }

    /** The records of a large tally, whose bytes are checked at a seeded sample of positions. */
    protected int largeRecords() {
        return 3000;
    }

    /** How many seeded cases each property runs. */
    protected int cases() {
        return 100;
    }

    /** How many seeded cases each exhaustive byte check runs. */
    protected int byteCases() {
        return 6;
    }

    /** The most bytes one decode of {@code n} bytes may allocate: 1 MiB plus 64 bytes per byte read. */
    protected long allocationBound(int n) {
        return (1L << 20) + 64L * n;
    }

    // ---- the cases

    /** The property cases. */
    protected Stream<Seeded> seeds() {
        return Seeded.cases(cases());
    }

    /** The exhaustive byte cases. */
    protected Stream<Seeded> byteSeeds() {
        return Seeded.cases(byteCases());
    }

    private S tallyOf(List<T> records) {
        S t = newTally();
        for (T r : records) {
            add(t, r);
        }
        return t;
    }

    private List<T> someRecords(SplittableRandom r) {
        return records(r, Seeded.edgy(r, 0, maxRecords()));
    }

    // ---- merge

    /** Any split, tallied part by part and merged in a random order, equals one pass. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mergingTheTalliesOfAnySplitEqualsOnePass(Seeded s) {
        SplittableRandom r = s.random();
        List<T> records = someRecords(r);
        int parts = Seeded.edgy(r, 1, 6);
        List<List<T>> split = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            split.add(new ArrayList<>());
        }
        for (T x : records) {
            split.get(Seeded.edgy(r, 0, parts - 1)).add(x);   // uneven parts, some maybe empty
        }
        List<S> tallies = new ArrayList<>();
        for (List<T> part : split) {
            tallies.add(tallyOf(part));
        }
        Collections.shuffle(tallies, new Random(s.seed()));
        S whole = tallyOf(records);
        S merged = r.nextBoolean() ? newTally() : tallies.remove(0);
        for (S t : tallies) {
            assertSame(merged, merge(merged, t), s + ": merge returns the tally merged into");
        }
        assertEquals(records.size(), count(whole), s + ": count of one pass");
        assertEquals(records.size(), count(merged), s + ": count of the merged tally");
        assertBytes(toBytes(whole), toBytes(merged), s + ": merged tally");
        assertSameOutcome(whole, merged, s + ": result of the merged tally");
    }

    /** {@code (a + b) + c == a + (b + c)} and {@code a + b == b + a}, bytes for bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mergeIsAssociativeAndCommutative(Seeded s) {
        SplittableRandom r = s.random();
        S a = tallyOf(records(r, Seeded.edgy(r, 0, maxRecords() / 3)));
        S b = tallyOf(records(r, Seeded.edgy(r, 0, maxRecords() / 3)));
        S c = tallyOf(records(r, Seeded.edgy(r, 0, maxRecords() / 3)));
        byte[] left = toBytes(merge(merge(copy(a), copy(b)), copy(c)));
        byte[] right = toBytes(merge(copy(a), merge(copy(b), copy(c))));
        assertBytes(left, right, s + ": (a + b) + c against a + (b + c)");
        assertBytes(toBytes(merge(copy(a), copy(b))), toBytes(merge(copy(b), copy(a))), s + ": a + b against b + a");
        assertBytes(toBytes(merge(copy(c), merge(copy(b), copy(a)))), left, s + ": c + (b + a) against (a + b) + c");
    }

    /** Merging an empty tally changes nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void anEmptyTallyIsTheIdentityOfMerge(Seeded s) {
        SplittableRandom r = s.random();
        S t = tallyOf(someRecords(r));
        byte[] before = toBytes(t);
        assertBytes(before, toBytes(merge(t, newTally())), s + ": t + empty");
        assertBytes(before, toBytes(merge(newTally(), t)), s + ": empty + t");
    }

    // ---- copy

    /** A copy has the same bytes, and counting into either leaves the other as it was. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aCopyIsIndependent(Seeded s) {
        SplittableRandom r = s.random();
        S t = tallyOf(someRecords(r));
        byte[] before = toBytes(t);
        S c = copy(t);
        assertTrue(c != t, s + ": copy returned the tally itself");
        assertBytes(before, toBytes(c), s + ": copy");
        List<T> more = records(r, 1 + r.nextInt(20));
        for (T x : more) {
            add(c, x);
        }
        assertBytes(before, toBytes(t), s + ": the original after adding to the copy");
        byte[] copyAfter = toBytes(c);
        for (T x : records(r, 1 + r.nextInt(20))) {
            add(t, x);
        }
        assertBytes(copyAfter, toBytes(c), s + ": the copy after adding to the original");
        assertEquals(count(tallyOf(List.of())) + count(fromBytes(before)) + more.size(), count(c),
                s + ": count of the copy after adding to it");
    }

    // ---- bytes

    /** A tally read from its bytes writes the same bytes, has the same count and result, and keeps counting. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bytesRoundTrip(Seeded s) {
        SplittableRandom r = s.random();
        List<T> records = someRecords(r);
        S t = tallyOf(records);
        byte[] b = toBytes(t);
        S read = fromBytes(b.clone());
        assertBytes(b, toBytes(read), s + ": bytes of the tally read back");
        assertEquals(count(t), count(read), s + ": count of the tally read back");
        assertSameOutcome(t, read, s + ": result of the tally read back");
        List<T> more = records(r, Seeded.edgy(r, 0, 50));
        S extra = tallyOf(records(r, Seeded.edgy(r, 0, 50)));
        for (T x : more) {
            add(t, x);
            add(read, x);
        }
        merge(t, copy(extra));
        merge(read, fromBytes(toBytes(extra)));
        assertBytes(toBytes(t), toBytes(read), s + ": the tally read back keeps counting as the original");
    }

    /** The empty tally's bytes round-trip; no bytes and random bytes are rejected. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("byteSeeds")
    void emptyAndRandomBytes(Seeded s) {
        S empty = newTally();
        assertEquals(0, count(empty), "count of an empty tally");
        byte[] b = toBytes(empty);
        assertBytes(b, toBytes(fromBytes(b)), "bytes of the empty tally read back");
        expectRejected(new byte[0], s + ": no bytes");
        SplittableRandom r = s.random();
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[r.nextInt(64)];
            r.nextBytes(junk);
            expectRejected(junk, s + ": random bytes " + i);
            expectRejected(reseal(withPrefix(b, junk)), s + ": a preamble and random bytes " + i);
        }
    }

    private static byte[] withPrefix(byte[] real, byte[] junk) {
        int keep = Math.min(real.length, 16);
        byte[] out = Arrays.copyOf(real, keep + junk.length);
        System.arraycopy(junk, 0, out, keep, junk.length);
        return out;
    }

    // ---- corruption

    /** Every truncation and every one-byte extension of a small tally's bytes is rejected. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("byteSeeds")
    void everyTruncationIsRejected(Seeded s) {
        SplittableRandom r = s.random();
        byte[] small = toBytes(tallyOf(records(r, Seeded.edgy(r, 1, smallRecords()))));
        for (int n = 0; n < small.length; n++) {
            expectRejected(Arrays.copyOf(small, n), s + ": first " + n + " of " + small.length + " bytes");
        }
        for (int v = 0; v < 256; v++) {
            byte[] longer = Arrays.copyOf(small, small.length + 1);
            longer[small.length] = (byte) v;
            expectRejected(longer, s + ": " + small.length + " bytes and one more, " + v);
        }
        byte[] large = toBytes(tallyOf(records(r, largeRecords())));
        for (int i = 0; i < 300; i++) {
            int n = r.nextInt(large.length);
            expectRejected(Arrays.copyOf(large, n), s + ": first " + n + " of " + large.length + " bytes");
        }
    }

    /**
     * Every single-byte change of a small tally's bytes (every other value at every position in the
     * first case, 16 random values at every position in the others), and a sample of a large
     * one's, is rejected.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("byteSeeds")
    void everySingleByteChangeIsRejected(Seeded s) {
        SplittableRandom r = s.random();
        byte[] small = toBytes(tallyOf(records(r, Seeded.edgy(r, 1, smallRecords()))));
        boolean every = s.seed() == Seeded.BASE;   // every value in the first case, 16 at random in the others
        for (int p = 0; p < small.length; p++) {
            for (int i = 1; i < (every ? 256 : 17); i++) {
                int d = every ? i : 1 + r.nextInt(255);
                byte[] b = small.clone();
                b[p] = (byte) (b[p] + d);
                expectRejected(b, s + ": byte " + p + " of " + small.length + " changed by +" + d);
            }
        }
        byte[] large = toBytes(tallyOf(records(r, largeRecords())));
        for (int i = 0; i < 1000; i++) {
            int p = r.nextInt(large.length);
            int d = 1 + r.nextInt(255);
            byte[] b = large.clone();
            b[p] = (byte) (b[p] + d);
            expectRejected(b, s + ": byte " + p + " of " + large.length + " changed by +" + d);
        }
    }

    // ---- forgery

    /**
     * Every single-byte change of a small tally's bytes, resealed, is rejected or read as a whole
     * tally that writes exactly those bytes, within the allocation bound.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("byteSeeds")
    void resealedChangesAreRejectedOrReadWhole(Seeded s) {
        SplittableRandom r = s.random();
        byte[] small = toBytes(tallyOf(records(r, Seeded.edgy(r, 1, smallRecords()))));
        int[] deltas = {1, -1, 2, 0x40, 0x80, 0x7F, -0x7F};
        for (int p = 0; p < small.length; p++) {
            for (int d : deltas) {
                byte[] b = small.clone();
                b[p] = (byte) (b[p] + d);
                expectRejectedOrWhole(reseal(b), s + ": byte " + p + " of " + small.length + " changed by " + d
                        + " and resealed");
            }
            for (int v : new int[] {0x00, 0xFF}) {
                byte[] b = small.clone();
                b[p] = (byte) v;
                expectRejectedOrWhole(reseal(b), s + ": byte " + p + " of " + small.length + " set to " + v
                        + " and resealed");
            }
        }
    }

    /**
     * Large numbers written over every position of a small tally's bytes (forged length prefixes:
     * 2<sup>31</sup> − 1 and 2<sup>62</sup> as varints, {@code 0x7FFFFFFF} and {@code 0xFFFFFFFF}
     * as int32), resealed, are rejected or read whole, within the allocation bound: no length is
     * trusted before it is checked against the bytes left.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("byteSeeds")
    void forgedLargeLengthsAreRejectedWithoutAllocating(Seeded s) {
        SplittableRandom r = s.random();
        byte[] small = toBytes(tallyOf(records(r, Seeded.edgy(r, 1, smallRecords()))));
        byte[][] patterns = {
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07},
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x40},
            {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            {(byte) 0xFF, (byte) 0xFF, 0x03},
        };
        int rejected = 0;
        for (int p = 16; p < small.length; p++) {
            for (byte[] pattern : patterns) {
                byte[] b = small.clone();
                System.arraycopy(pattern, 0, b, p, Math.min(pattern.length, b.length - p));
                rejected += expectRejectedOrWhole(reseal(b), s + ": large number " + hex(pattern) + " at byte " + p
                        + " of " + small.length + ", resealed") ? 1 : 0;
            }
        }
        assertTrue(rejected > 0, s + ": no forged length was rejected");
    }

    // ---- helpers

    private void expectRejected(byte[] bytes, String what) {
        try {
            fromBytes(bytes);
        } catch (RuntimeException e) {
            if (!formatException().isInstance(e)) {
                throw new AssertionError(what + ": threw " + e + ", expected " + formatException().getSimpleName(), e);
            }
            return;
        } catch (OutOfMemoryError e) {
            throw new AssertionError(what + ": ran out of memory", e);
        }
        fail(what + ": was accepted");
    }

    /** True when rejected; false when read whole (then it must write the same bytes). */
    private boolean expectRejectedOrWhole(byte[] bytes, String what) {
        long before = Allocation.current();
        S read;
        try {
            read = fromBytes(bytes);
        } catch (RuntimeException e) {
            checkAllocation(before, bytes.length, what);
            if (!formatException().isInstance(e)) {
                throw new AssertionError(what + ": threw " + e + ", expected " + formatException().getSimpleName(), e);
            }
            return true;
        } catch (OutOfMemoryError e) {
            throw new AssertionError(what + ": ran out of memory", e);
        }
        checkAllocation(before, bytes.length, what);
        assertBytes(bytes, toBytes(read), what + ": was accepted, but the tally read writes other bytes");
        return false;
    }

    private void checkAllocation(long before, int n, String what) {
        long used = Allocation.since(before);
        if (used > allocationBound(n)) {
            fail(String.format(Locale.ROOT, "%s: decoding %d bytes allocated %d bytes, more than the bound %d",
                    what, n, used, allocationBound(n)));
        }
    }

    private void assertSameOutcome(S a, S b, String what) {
        Outcome<R> x = outcome(a);
        Outcome<R> y = outcome(b);
        if (x.failure() != null || y.failure() != null) {
            assertEquals(x.failure(), y.failure(), what + ": failures differ");
            return;
        }
        assertTrue(sameResult(x.value(), y.value()), what + ": " + x.value() + "\n  differs from\n" + y.value());
    }

    private record Outcome<V>(V value, String failure) {}

    private Outcome<R> outcome(S t) {
        try {
            return new Outcome<>(result(t), null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** Asserts equal bytes, naming the first offset where they differ. */
    protected static void assertBytes(byte[] expected, byte[] actual, String what) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        int i = Arrays.mismatch(expected, actual);
        fail(String.format(Locale.ROOT, "%s: bytes differ at offset %d (lengths %d and %d)", what, i,
                expected.length, actual.length));
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format(Locale.ROOT, "%02x", x & 0xFF));
        }
        return sb.toString();
    }

    /** The bytes this thread has allocated, where HotSpot counts them. */
    private static final class Allocation {
        private static final com.sun.management.ThreadMXBean THREADS =
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                        && t.isThreadAllocatedMemorySupported() ? t : null;

        static long current() {
            return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
        }

        static long since(long before) {
            return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes() - before;
        }
    }
}
