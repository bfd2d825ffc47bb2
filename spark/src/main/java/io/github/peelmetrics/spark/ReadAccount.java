package io.github.peelmetrics.spark;

import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.LinkedHashSet;

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

    private static final int FORMAT = 1;

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
        return new ReadSummary(source, read(), accepted, rejected, records, u,
                rejections().subList(0, Math.min(3, examples.size())), List.copyOf(warnings), truncated, false);
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
        return bytes.toByteArray();
    }

    static ReadAccount fromByteArray(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                throw new IllegalArgumentException("not a read account of format " + FORMAT);
            }
            ReadAccount a = new ReadAccount(in.readUTF());
            a.accepted = in.readLong();
            a.rejected = in.readLong();
            a.records = in.readLong();
            a.truncated = in.readBoolean();
            for (int i = in.readInt(); i > 0; i--) {
                a.byReason.put(in.readUTF(), in.readLong());
            }
            for (int i = in.readInt(); i > 0; i--) {
                int p = in.readInt();
                a.examples.add(new Example(p, new Rejection(in.readUTF(), in.readLong(), in.readUTF(), in.readUTF(),
                        in.readUTF())));
            }
            for (int i = in.readInt(); i > 0; i--) {
                TreeMap<String, Long> values = new TreeMap<>();
                a.unknown.put(in.readUTF(), values);
                for (int j = in.readInt(); j > 0; j--) {
                    values.put(in.readUTF(), in.readLong());
                    a.distinctUnknown++;
                }
            }
            for (int i = in.readInt(); i > 0; i--) {
                a.warnings.add(in.readUTF());
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link ReadSummary#toString()}. */
    @Override
    public String toString() {
        return summary().toString();
    }
}
