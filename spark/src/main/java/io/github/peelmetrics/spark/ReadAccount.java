package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.LinkedHashSet;
import java.util.Locale;

/**
 * The accounting of a distributed read, merged from every partition in bounded memory, whatever
 * the number of rows: exact counts ({@code read == accepted + rejected}), rejections counted per
 * field and reason (at most {@value #MAX_REASONS} distinct, the rest under
 * {@value #OTHER_REASONS}), the first {@value #MAX_EXAMPLES} rejections in (partition, row)
 * order with their positions, the raw values read as unknown (at most {@value #MAX_UNKNOWN_VALUES}
 * distinct, the rest under {@link ReadSummary#OTHER_VALUES}), and the warnings of io's readers
 * (fields the input has no column for).
 *
 * <p>A rejection's position is its partition and its row within the partition (Spark's readers
 * split a file without knowing its line numbers): its {@link Rejection#source()} is
 * {@code "stops.csv [partition 3]"} and its {@link Rejection#line()} the row (1 = the partition's
 * first). Merging is associative and commutative; the kept examples are the first ones in
 * (partition, row) order whatever the order of the merges. Not thread-safe.
 *
 * <p>Between executors it moves as bytes: a format number (int32, 2), the source, the counts, the
 * reasons, the examples, the unknown values and the warnings (each list an int32 count, strings
 * in modified UTF-8), then a CRC32C of all that (int32). Reading them back rejects, with a
 * {@link TallyFormatException}, bytes whose checksum does not match, that end early or go on,
 * whose counts contradict each other (negative, rejections by reason not summing to the
 * rejected rows, more examples than are kept, examples out of order) or that are not exactly the
 * bytes the account read writes.
 */
public final class ReadAccount {
    /** Rejections kept as examples. */
    public static final int MAX_EXAMPLES = 20;
    /** Distinct (field, reason) pairs counted on their own. */
    public static final int MAX_REASONS = 1_000;
    /** Distinct unknown values (all fields together) counted on their own. */
    public static final int MAX_UNKNOWN_VALUES = 10_000;
    /** The key under which further reasons are counted. */
    public static final String OTHER_REASONS = "(other reasons, not kept)";

    /** Format 2: format 1 with a CRC32C of the bytes after them. */
    private static final int FORMAT = 2;

    private final String source;
    private long accepted;
    private long rejected;
    private long records;
    private final TreeMap<String, Long> byReason = new TreeMap<>();
    private final List<Example> examples = new ArrayList<>();
    private final TreeMap<String, TreeMap<String, Long>> unknown = new TreeMap<>();
    private int distinctUnknown;
    private final LinkedHashSet<String> warnings = new LinkedHashSet<>();
    private boolean truncated;

    private record Example(int partition, Rejection rejection) {}

    private static final Comparator<Example> ORDER = Comparator.comparingInt(Example::partition)
            .thenComparingLong(e -> e.rejection().line());

    /**
     * An empty account of a source.
     *
     * @param source names the input (a file or table)
     */
    public ReadAccount(String source) {
        this.source = Objects.requireNonNull(source, "source must not be null");
    }

    /** The account of one partition's read (io's summary and kept rejections). */
    static ReadAccount of(String source, int partition, ReadSummary s, List<Rejection> kept) {
        ReadAccount a = new ReadAccount(source);
        a.accepted = s.accepted();
        a.rejected = s.rejected();
        a.records = s.records();
        a.truncated = s.truncated() || kept.size() < s.rejected();
        String at = source + " [partition " + partition + "]";
        for (Rejection r : kept) {
            a.reason(r.field() + ": " + r.reason(), 1);
        }
        if (kept.size() < s.rejected()) {
            a.reason(OTHER_REASONS, s.rejected() - kept.size());
        }
        for (int i = 0; i < Math.min(MAX_EXAMPLES, kept.size()); i++) {
            Rejection r = kept.get(i);
            a.examples.add(new Example(partition, new Rejection(at, r.line(), r.field(), r.value(), r.reason())));
        }
        s.unknownValues().forEach((field, values) -> values.forEach((v, n) -> a.unknown(field, v, n)));
        a.warnings.addAll(s.warnings());
        return a;
    }

    private void reason(String key, long n) {
        if (!byReason.containsKey(key) && byReason.size() >= MAX_REASONS) {
            key = OTHER_REASONS;
            truncated = true;
        }
        byReason.merge(key, n, Long::sum);
    }

    private void unknown(String field, String value, long n) {
        TreeMap<String, Long> values = unknown.computeIfAbsent(field, k -> new TreeMap<>());
        if (!values.containsKey(value)) {
            if (distinctUnknown >= MAX_UNKNOWN_VALUES || value.equals(ReadSummary.OTHER_VALUES)) {
                value = ReadSummary.OTHER_VALUES;
                truncated = true;
            }
            if (!values.containsKey(value)) {
                distinctUnknown++;
            }
        }
        values.merge(value, n, Long::sum);
    }

    /**
     * Adds another account of the same source.
     *
     * @param other the account
     * @return this account
     */
    public ReadAccount merge(ReadAccount other) {
        accepted += other.accepted;
        rejected += other.rejected;
        records += other.records;
        truncated |= other.truncated;
        other.byReason.forEach((k, n) -> reason(k, n));
        examples.addAll(other.examples);
        examples.sort(ORDER);
        if (examples.size() > MAX_EXAMPLES) {
            examples.subList(MAX_EXAMPLES, examples.size()).clear();
        }
        other.unknown.forEach((field, values) -> values.forEach((v, n) -> unknown(field, v, n)));
        warnings.addAll(other.warnings);
        return this;
    }

    /** Rows read (accepted + rejected). */
    public long read() {
        return accepted + rejected;
    }

    /** Rows that became records. */
    public long accepted() {
        return accepted;
    }

    /** Rows rejected. */
    public long rejected() {
        return rejected;
    }

    /** Rejected rows per {@code "field: reason"}, sorted (see {@link #OTHER_REASONS}). */
    public Map<String, Long> rejectedByReason() {
        return Collections.unmodifiableMap(byReason);
    }

    /** What io's warning of a null spelling read as a value says (see {@code Values.nullLikeWarning}). */
    private static final String NULL_LIKE = ", a common spelling of a missing value, ";

    /** The first {@value #MAX_EXAMPLES} rejections in (partition, row) order. */
    public List<Rejection> rejections() {
        return examples.stream().map(Example::rejection).toList();
    }

    /**
     * The account as io's read summary (the first three rejections, the unknown values, the
     * warnings), so that it prints as a single-machine read does.
     */
    public ReadSummary summary() {
        Map<String, Map<String, Long>> u = new TreeMap<>(unknown);
        // io lists a read's warnings of null spellings kept as values last and sorted; partitions
        // meet them in any order
        List<String> w = new java.util.ArrayList<>(warnings.stream().filter(x -> !x.contains(NULL_LIKE)).toList());
        w.addAll(warnings.stream().filter(x -> x.contains(NULL_LIKE)).sorted().toList());
        return new ReadSummary(source, read(), accepted, rejected, records, u,
                rejections().subList(0, Math.min(3, examples.size())), w, truncated, false);
    }

    byte[] toByteArray() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(source);
            out.writeLong(accepted);
            out.writeLong(rejected);
            out.writeLong(records);
            out.writeBoolean(truncated);
            out.writeInt(byReason.size());
            for (Map.Entry<String, Long> e : byReason.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(examples.size());
            for (Example e : examples) {
                Rejection r = e.rejection();
                out.writeInt(e.partition());
                out.writeUTF(r.source());
                out.writeLong(r.line());
                out.writeUTF(r.field());
                out.writeUTF(r.value());
                out.writeUTF(r.reason());
            }
            out.writeInt(unknown.size());
            for (Map.Entry<String, TreeMap<String, Long>> f : unknown.entrySet()) {
                out.writeUTF(f.getKey());
                out.writeInt(f.getValue().size());
                for (Map.Entry<String, Long> v : f.getValue().entrySet()) {
                    out.writeUTF(v.getKey());
                    out.writeLong(v.getValue());
                }
            }
            out.writeInt(warnings.size());
            for (String w : warnings) {
                out.writeUTF(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Checksum.seal(bytes.toByteArray());
    }

    /**
     * An account read from {@link #toByteArray()}.
     *
     * @throws TallyFormatException if the bytes are not a whole, unaltered, consistent read account
     */
    static ReadAccount fromByteArray(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes must not be null");
        if (bytes.length < 8) {
            throw new TallyFormatException("read account: " + bytes.length + " bytes are too few");
        }
        Checksum.check(bytes, "read account");
        int n = bytes.length - 4;
        ReadAccount a;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, n))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new TallyFormatException("read account: format " + format + ", this Peel reads format " + FORMAT);
            }
            a = new ReadAccount(in.readUTF());
            a.accepted = in.readLong();
            a.rejected = in.readLong();
            a.records = in.readLong();
            a.truncated = in.readBoolean();
            if (a.accepted < 0 || a.rejected < 0 || a.records < 0 || a.accepted > Long.MAX_VALUE - a.rejected) {
                throw new TallyFormatException(String.format(Locale.ROOT,
                        "read account: counts must be non-negative and sum in a long: %d accepted, %d rejected, %d records",
                        a.accepted, a.rejected, a.records));
            }
            long byReason = 0;
            for (int i = count(in, MAX_REASONS + 1, "reasons"); i > 0; i--) {
                String reason = in.readUTF();
                long k = in.readLong();
                if (k <= 0 || k > a.rejected - byReason) {
                    throw new TallyFormatException(String.format(Locale.ROOT,
                            "read account: %d rejections for \"%s\", more than the %d rejected rows left", k, reason,
                            a.rejected - byReason));
                }
                byReason += k;
                a.byReason.put(reason, k);
            }
            if (byReason != a.rejected) {
                throw new TallyFormatException(String.format(Locale.ROOT,
                        "read account: rejections by reason sum to %d, not the %d rejected rows", byReason, a.rejected));
            }
            for (int i = count(in, MAX_EXAMPLES, "examples"); i > 0; i--) {
                int p = in.readInt();
                a.examples.add(new Example(p, new Rejection(in.readUTF(), in.readLong(), in.readUTF(), in.readUTF(),
                        in.readUTF())));
            }
            for (int i = count(in, Integer.MAX_VALUE, "fields with unknown values"); i > 0; i--) {
                TreeMap<String, Long> values = new TreeMap<>();
                a.unknown.put(in.readUTF(), values);
                for (int j = count(in, Integer.MAX_VALUE, "unknown values"); j > 0; j--) {
                    String v = in.readUTF();
                    long k = in.readLong();
                    if (k <= 0) {
                        throw new TallyFormatException("read account: unknown value \"" + v + "\" counted " + k + " times");
                    }
                    values.put(v, k);
                    a.distinctUnknown++;
                }
            }
            for (int i = count(in, Integer.MAX_VALUE, "warnings"); i > 0; i--) {
                a.warnings.add(in.readUTF());
            }
            if (in.available() != 0) {
                throw new TallyFormatException("read account: bytes after the warnings");
            }
        } catch (TallyFormatException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new TallyFormatException("read account: the bytes end early or hold a malformed value: " + e.getMessage());
        }
        for (int i = 1; i < a.examples.size(); i++) {
            if (ORDER.compare(a.examples.get(i - 1), a.examples.get(i)) > 0) {
                throw new TallyFormatException("read account: the kept rejections are not in (partition, row) order");
            }
        }
        if (!Arrays.equals(a.toByteArray(), bytes)) {
            throw new TallyFormatException("read account: the bytes are not in the canonical form the account writes");
        }
        return a;
    }

    /** A list's length, checked against its bound and the bytes left (each entry takes at least 2). */
    private static int count(DataInputStream in, int most, String what) throws IOException {
        int k = in.readInt();
        if (k < 0 || k > most || k > in.available() / 2) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "read account: %d %s, more than %d or than the bytes left hold", k, what, most));
        }
        return k;
    }

    /** As {@link ReadSummary#toString()}. */
    @Override
    public String toString() {
        return summary().toString();
    }
}
