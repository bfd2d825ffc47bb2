package io.github.peelmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.Rejection;
import io.github.peelmetrics.testing.TallyContractTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The tally contract for {@link ReadAccount}, the merged accounting of a distributed read: a
 * "record" is one partition's account (its read summary and kept rejections), added by merging.
 * Merging any split of the partitions in any order gives the same bytes; the bytes round-trip, and
 * every truncation, extension and single-byte change is refused with a {@link TallyFormatException},
 * forged lengths without a large allocation.
 *
 * <p>Every partition reports the same warnings (io's readers warn about the header, which every
 * partition shares); the kept warnings keep their first order, so differing warnings in differing
 * orders would not give the same bytes.
 */
class ReadAccountContractTest extends TallyContractTest<ReadAccount, ReadAccount, ReadSummary> {
    private static final String SOURCE = "stops.csv";
    private static final String[] FIELDS = {"race", "date", "beat"};
    private static final String[] REASONS = {"not a date", "unknown code", "missing", "ünreadable"};

    private int partition;

    @Override
    protected ReadAccount newTally() {
        return new ReadAccount(SOURCE);
    }

    @Override
    protected void add(ReadAccount tally, ReadAccount record) {
        tally.merge(record);
    }

    @Override
    protected ReadAccount merge(ReadAccount tally, ReadAccount other) {
        return tally.merge(other);
    }

    @Override
    protected ReadAccount copy(ReadAccount tally) {
        return new ReadAccount(SOURCE).merge(tally);
    }

    @Override
    protected byte[] toBytes(ReadAccount tally) {
        return tally.toByteArray();
    }

    @Override
    protected ReadAccount fromBytes(byte[] bytes) {
        return ReadAccount.fromByteArray(bytes);
    }

    @Override
    protected long count(ReadAccount tally) {
        return tally.read();
    }

    @Override
    protected ReadSummary result(ReadAccount tally) {
        return tally.summary();
    }

    /**
     * One partition's account of one row (the contract counts a record as one): accepted, perhaps
     * with a value read as unknown, or rejected, with its rejection kept or (rarely) not kept.
     */
    @Override
    protected ReadAccount record(SplittableRandom r) {
        boolean accepted = r.nextInt(3) > 0;
        List<Rejection> kept = !accepted && r.nextInt(8) > 0
                ? List.of(new Rejection(SOURCE, 1, FIELDS[r.nextInt(FIELDS.length)], "v" + r.nextInt(9),
                        REASONS[r.nextInt(REASONS.length)]))
                : List.of();
        Map<String, Map<String, Long>> unknown = new TreeMap<>();
        if (accepted && r.nextBoolean()) {
            unknown.put(FIELDS[r.nextInt(FIELDS.length)], Map.of("Z" + r.nextInt(3), 1L));
        }
        List<String> warnings = r.nextInt(4) == 0 ? List.of("no column for field district") : List.of();
        ReadSummary s = new ReadSummary(SOURCE, 1, accepted ? 1 : 0, accepted ? 0 : 1, accepted ? 1 : 0, unknown,
                List.of(), warnings);
        return ReadAccount.of(SOURCE, partition++, s, kept);
    }

    @Override
    protected Class<? extends RuntimeException> formatException() {
        return TallyFormatException.class;
    }

    /** The checksum (the last four bytes) recomputed, as a forger would. */
    @Override
    protected byte[] reseal(byte[] bytes) {
        return Checksum.reseal(bytes);
    }

    @Test
    void contradictoryCountsAreRefusedWithAClearMessage() {
        ReadAccount a = ReadAccount.of(SOURCE, 0, new ReadSummary(SOURCE, 3, 2, 1, 2, Map.of(), List.of(), List.of()),
                List.of(new Rejection(SOURCE, 2, "race", "Q", "unknown code")));
        byte[] b = a.toByteArray();
        assertEquals(a.toString(), ReadAccount.fromByteArray(b).toString());
        // the rejected count (int32 format, UTF source, int64 accepted, then int64 rejected) says 2
        byte[] forged = b.clone();
        forged[4 + 2 + SOURCE.length() + 8 + 7] = 2;
        TallyFormatException e = assertThrows(TallyFormatException.class, () -> ReadAccount.fromByteArray(reseal(forged)));
        assertTrue(e.getMessage().contains("sum to 1, not the 2 rejected rows"), e.getMessage());
        byte[] altered = b.clone();
        altered[10] ^= 1;
        e = assertThrows(TallyFormatException.class, () -> ReadAccount.fromByteArray(altered));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
}
