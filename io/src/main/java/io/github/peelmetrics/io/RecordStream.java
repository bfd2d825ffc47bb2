package io.github.peelmetrics.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open read: records pulled one at a time from the file, which is never held in memory. Use it
 * in try-with-resources; it is an {@link Iterator}, and {@link #stream()} gives a sequential
 * {@link Stream} that closes the file when closed.
 *
 * <p>In {@link ErrorMode#LENIENT} mode rejected rows are collected in {@link #rejections()} (and
 * counted); in {@link ErrorMode#STRICT} mode the first one is thrown as a {@link ReadException}.
 * {@link #summary()} may be asked at any time; once the stream is exhausted its counts are final
 * and {@code read == accepted + rejected}. Its {@linkplain ReadSummary#warnings() warnings} name
 * the fields the input has no column for (a CSV file's from its header; a JSON-lines file's once
 * the stream is exhausted, from the keys of all its lines). Not thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordStream<T> implements Iterator<T>, AutoCloseable {
    /**
     * At most this many rejections are kept by a stream (so that a file of nothing but bad rows
     * cannot exhaust memory); the rest are counted, and all go to
     * {@link RecordReader#onRejection(Consumer)}.
     */
    public static final int MAX_KEPT_REJECTIONS = 100_000;
    /**
     * At most this many characters of rejections (field, value and reason) are kept; the rest are
     * counted (the summary says {@linkplain ReadSummary#truncated() truncated}).
     */
    public static final int MAX_KEPT_REJECTION_CHARS = 4_000_000;
    /**
     * At most this many distinct unknown values (all fields together) are kept in
     * {@link ReadSummary#unknownValues()}; further ones are counted under
     * {@link ReadSummary#OTHER_VALUES} and the summary says {@linkplain ReadSummary#truncated() truncated}.
     */
    public static final int MAX_UNKNOWN_VALUES = 10_000;
    /** At most this many characters of distinct unknown values are kept (each is cut to 200 characters). */
    public static final int MAX_UNKNOWN_CHARS = 1_000_000;

    private final String source;
    private final RowSource rows;
    private final Function<Columns, Binder<T>> binding;
    private final Function<Columns, List<String>> coverage;
    private List<String> warnings = List.of();
    private Binder<T> binder;
    private final ErrorMode mode;
    private final Consumer<Rejection> listener;
    private final Row row = new Row();
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Map<String, Map<String, Long>> unknown = new HashMap<>();
    private long accepted;
    private long rejected;
    private long records;
    private long keptRejectionChars;
    private int unknownDistinct;
    private long unknownChars;
    private boolean truncated;
    private boolean stoppedEarly;
    private boolean done;
    private boolean closed;

    private final Sink<T> sink = new Sink<>() {
        @Override
        public void emit(T record, long n) {
            pending.add(record);
            accepted += n;
            records++;
        }

        @Override
        public void reject(long line, String field, String value, String reason, long n) {
            Rejection r = new Rejection(source, line, field, value, reason);
            rejected += n;
            if (mode == ErrorMode.STRICT) {
                throw new ReadException(r);
            }
            if (rejections.size() < MAX_KEPT_REJECTIONS && keptRejectionChars + r.chars() <= MAX_KEPT_REJECTION_CHARS) {
                rejections.add(r);
                keptRejectionChars += r.chars();
            } else {
                truncated = true;
            }
            listener.accept(r);
        }

        @Override
        public void unknown(String field, String raw) {
            String key = raw.length() > Rejection.MAX_VALUE_CHARS ? raw.substring(0, Rejection.MAX_VALUE_CHARS) + "..." : raw;
            Map<String, Long> values = unknown.get(field);
            if (values == null || !values.containsKey(key)) {
                if (unknownDistinct >= MAX_UNKNOWN_VALUES || unknownChars + key.length() + field.length() > MAX_UNKNOWN_CHARS) {
                    truncated = true;
                    key = ReadSummary.OTHER_VALUES;
                } else {
                    unknownDistinct++;
                    unknownChars += key.length() + (values == null ? field.length() : 0);
                }
                if (values == null) {
                    values = new HashMap<>();
                    unknown.put(field, values);
                }
            }
            values.merge(key, 1L, Long::sum);
        }
    };

    RecordStream(String source, RowSource rows, Function<Columns, Binder<T>> binding,
            Function<Columns, List<String>> coverage, ErrorMode mode, Consumer<Rejection> listener) {
        this.coverage = coverage;
        this.listener = listener;
        this.source = source;
        this.rows = rows;
        this.binding = binding;
        this.mode = mode;
    }

    /** Binds the fields to the columns; fails when a required column is missing. */
    void bind() {
        try {
            binder = binding.apply(rows.columns());
            if (rows.columns().fixed()) {
                warnings = List.copyOf(coverage.apply(rows.columns()));
            }
        } catch (ReadException | IllegalArgumentException e) {
            closeQuietly();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !done) {
            pull();
        }
        return !pending.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + source);
        }
        return pending.poll();
    }

    private void pull() {
        boolean more;
        try {
            more = !closed && rows.next(row);
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (!more) {
            done = true;
            if (!rows.columns().fixed()) { // JSON lines: the keys met in the whole file
                warnings = List.copyOf(coverage.apply(rows.columns()));
            }
            try {
                binder.finish(sink);
            } finally {
                if (done) {
                    closeQuietly();
                }
            }
            return;
        }
        if (row.fault != null) {
            sink.reject(row.line, row.faultField, row.faultValue, row.fault, 1);
            if (rows.fatal()) {
                stoppedEarly = true;
                binder.finish(sink);
                done = true;
                closeQuietly();
            }
            return;
        }
        Columns cols = rows.columns();
        if (cols.fixed() && row.size != cols.size()) {
            sink.reject(row.line, "(row)", "", String.format(java.util.Locale.ROOT,
                    "has %d fields but the header has %d", row.size, cols.size()), 1);
            return;
        }
        try {
            binder.accept(row, sink);
        } catch (Reject e) {
            sink.reject(row.line, e.field, e.value, e.reason, 1);
        } catch (IllegalArgumentException e) {
            // a rule of the core record spanning fields
            sink.reject(row.line, "(record)", "", e.getMessage(), 1);
        }
    }

    /** A sequential stream of the remaining records; closing it closes the file. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /**
     * The rejections so far (lenient mode), unmodifiable; the first {@value #MAX_KEPT_REJECTIONS}
     * are kept, all are counted in {@link #summary()}.
     */
    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    /** The counts so far; final once the records are exhausted. */
    public ReadSummary summary() {
        return new ReadSummary(source, accepted + rejected, accepted, rejected, records, unknown,
                rejections.subList(0, Math.min(3, rejections.size())), warnings, truncated, stoppedEarly);
    }

    /** Whether every row has been read. */
    public boolean finished() {
        return done;
    }

    /** Closes the file; records not yet read are not read. */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (!closed) {
            closed = true;
            try {
                rows.close();
            } catch (IOException e) {
                // nothing more to read from it
            }
        }
    }

    @Override
    public String toString() {
        return summary().toString();
    }
}
