package io.github.peelmetrics.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import io.github.peelmetrics.core.StopFacts;
import io.github.peelmetrics.core.Tally;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
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
 * the stream is exhausted, from the keys of all its lines). Not thread-safe, except that a
 * {@linkplain #stream() parallel stream} reads a CSV file on all cores; then the
 * {@linkplain RecordReader#onRejection rejection listener} is called from those threads, in no
 * particular order, and in strict mode the rejection thrown is the first of its range (with several
 * bad rows, not necessarily the first of the file).
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

    /** The listener of a reader given none. */
    static final Consumer<Rejection> NO_LISTENER = r -> { };

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
    private final Tallies tallies = new Tallies();
    private boolean stoppedEarly;
    private boolean done;
    private boolean closed;
    /** Set by {@link #close()}: ranges still being read stop. */
    private volatile boolean userClosed;
    /** The file, when its ranges may be read in parallel (CSV, UTF-8, no row numbers, rows independent). */
    private Path file;
    /** Set when a parallel stream splits the file: the ranges, and each range's tallies once read. */
    private CsvSplit.Plan plan;
    /** Tallies whose guessed ranges held, and those read again: for the tests that check both are met. */
    static final AtomicLong GUESSES_HELD = new AtomicLong();
    static final AtomicLong GUESSES_FAILED = new AtomicLong();
    /** Where the first data row starts (the plan's first range), once planned. */
    private long headerEnd;
    /** Whether {@link #plan} is {@linkplain CsvSplit#guess guessed}, not yet checked. */
    private boolean guessed;
    /** Per range of a {@link #tally}: where its scanner ended its rows, and the line it had reached there. */
    private long[] rangeEnds;
    private long[] rangeLines;
    private Tallies[] parts;
    private final AtomicInteger partsLeft = new AtomicInteger();
    private final Set<RowSource> open = ConcurrentHashMap.newKeySet();

    /** Where {@link #tally} puts this stream's own records instead of {@link #pending}, or null. */
    private Consumer<? super T> direct;

    private final Sink<T> sink = new Sink<>() {
        @Override
        public void emit(T record, long n) {
            if (direct != null) {
                direct.accept(record);
            } else {
                pending.add(record);
            }
            tallies.record(n);
        }

        @Override
        public void counted(long n) {
            tallies.record(n);
        }

        @Override
        public void reject(long line, String field, String value, String reason, long n) {
            RecordStream.this.reject(tallies, line, field, value, reason, n);
        }

        @Override
        public void unknown(String field, String raw) {
            tallies.unknown(field, raw, 1);
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

    private void reject(Tallies t, long line, String field, String value, String reason, long n) {
        Rejection r = new Rejection(source, line, field, value, reason);
        t.rejected += n;
        if (mode == ErrorMode.STRICT) {
            throw new ReadException(r);
        }
        t.keep(r);
        listener.accept(r);
    }

    /** Lets a parallel {@link #stream()} read ranges of {@code csvFile} on all cores. */
    RecordStream<T> splittable(Path csvFile) {
        this.file = csvFile;
        return this;
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
                tallies.nullLike(binder.nullLike());
            } finally {
                if (done) {
                    closeQuietly();
                }
            }
            return;
        }
        if (row.fault != null && rows.fatal()) {
            sink.reject(row.line, row.faultField, row.faultValue, row.fault, 1);
            stoppedEarly = true;
            binder.finish(sink);
            tallies.nullLike(binder.nullLike());
            done = true;
            closeQuietly();
            return;
        }
        handle(row, rows.columns(), binder, sink);
    }

    /** One row: rejected with its fault, or handed to the binder. */
    static <T> void handle(Row row, Columns cols, Binder<T> binder, Sink<T> sink) {
        if (row.fault != null) {
            sink.reject(row.line, row.faultField, row.faultValue, row.fault, 1);
            return;
        }
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

    /**
     * A stream of the remaining records; closing it closes the file. Sequential, it reads as this
     * iterator does. Made {@link Stream#parallel() parallel}, it reads a CSV file opened by
     * {@link RecordReader#openCsv(Path)} in ranges on all cores (see {@link #summary()}), in memory
     * bounded by the number of threads (each holds one range's buffer); other inputs (streams, JSON
     * lines, beats, mappings that take the row number) are then read sequentially, also in bounded
     * memory. Records come in file order wherever the stream keeps order.
     */
    public Stream<T> stream() {
        return StreamSupport.stream(new Split(), false).onClose(this::close);
    }

    /**
     * Counts every remaining record into {@code tally}, which must be empty, and returns it: the
     * terminal verb of a read whose records are only counted. A CSV file opened by
     * {@link RecordReader#openCsv(Path)} is read in ranges on all cores, as a parallel
     * {@link #stream()} reads it, each range's records counted into a copy of the tally and the
     * copies {@linkplain Tally#merge merged}; no record is queued, so memory is bounded by the
     * threads' buffers and tallies. Other inputs are read on this thread. The tally, the
     * {@link #summary()} and the {@link #rejections()} are those of a sequential read (a tally's
     * merge is associative and commutative), and the file is closed at the end.
     *
     * <p><b>Pay only for what is used.</b> A tally of stops that counts a stop from its facts
     * ({@link StopFacts.Counter#countsFacts()}: a {@code StopTally} by race, keyed by a
     * {@link io.github.peelmetrics.core.StopKey} or by nothing) is given each row's facts without
     * a {@code Stop} being made: no id string, demographics, time of day or texts per row. Every
     * mapped cell is still checked in the same order, so the rows accepted and rejected, the
     * rejections' reasons and the unknown values are those of a read into stops. Texts it does
     * not count (the officer, the reason, plain ids, and districts and precincts unless it is keyed
     * by them) it does not read, so its summary warns only about the common spellings of a missing
     * value ({@code NULL}, {@code N/A}, ...) met in the fields it read (see {@link ReadSummary}).
     *
     * <p><b>One pass over the file.</b> A parallel stream first reads the whole file to find where
     * each range's first row starts (a quoted cell may hold line breaks) and on which line. A tally
     * in lenient mode without a {@linkplain RecordReader#onRejection rejection listener}, of a file
     * that quotes no cell in its first range, guesses instead that each range starts at its cut (just
     * after a line feed), counts its rejections' lines from there, and checks the guess at the end:
     * it held when every range's rows ended exactly at the next range's cut, and then the lines are
     * shifted by the line breaks before each range. When it did not (a quoted line break at a cut),
     * the ranges after the first are planned and read again: the same result, in twice the time.
     *
     * <pre>{@code
     * StopTally byBeat = RecordReader.of(mapping).openCsv(file).tally(StopTally.byRace(StopKey.BEAT));
     * }</pre>
     *
     * @param tally an empty tally (each range is counted into a {@linkplain Tally#copy copy} of it)
     * @return {@code tally}, holding every remaining record
     * @throws IllegalArgumentException if the tally already holds records
     * @throws ReadException            in strict mode, at a bad row (with several, the first of its range)
     */
    public <S extends Tally<T, S, ?>> S tally(S tally) {
        Objects.requireNonNull(tally, "tally to count the records into must not be null");
        if (tally.count() != 0) {
            throw new IllegalArgumentException("tally to count the records into must be empty (each range of the file"
                    + " is counted into a copy of it), but it holds " + tally.count() + " records");
        }
        try (this) {
            if (!planned(true)) {
                while (!pending.isEmpty()) {
                    tally.add(pending.poll());
                }
                Binder<T> counting = counting(binder, tally);
                if (counting != null) {
                    binder = counting; // the rows' facts go to the tally; no record is made
                }
                direct = tally::add;
                while (!done) {
                    pull();
                }
                return tally;
            }
            S first = tally.copy(); // the first range's records: read after the header, right whatever the plan
            List<S> counts = countAll(tally, first, 0);
            if (guessed) {
                if (guessHeld()) {
                    GUESSES_HELD.incrementAndGet();
                } else {
                    // a quoted line break at a cut: the ranges after the first are read again, planned
                    GUESSES_FAILED.incrementAndGet();
                    replan();
                    counts = countAll(tally, first, 1);
                }
            }
            tally.merge(first);
            for (S c : counts) {
                tally.merge(c);
            }
            return tally;
        }
    }

    /**
     * Reads the ranges of {@link #plan} from {@code from} on all cores, the first (when
     * {@code from} is 0) into {@code first} and the others into copies of {@code empty}, one per
     * thread, which it returns.
     */
    private <S extends Tally<T, S, ?>> List<S> countAll(S empty, S first, int from) {
        int threads = Math.max(1, Math.min(plan.size() - from, Runtime.getRuntime().availableProcessors()));
        List<S> counts = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            counts.add(empty.copy());
        }
        AtomicInteger nextRange = new AtomicInteger(from);
        IntStream.range(0, threads).parallel().forEach(w -> countRanges(counts.get(w), first, nextRange));
        return counts;
    }

    /**
     * Whether the {@linkplain CsvSplit#guess guessed} ranges were true: each range's scanner (the
     * first starts at a true row start, after the header) ended its rows exactly at the next
     * range's cut, so that cut was a row start too. When so, shifts the lines of the rejections kept
     * by each range by the line breaks before it.
     */
    private boolean guessHeld() {
        int n = plan.size();
        for (int k = 0; k + 1 < n; k++) {
            if (rangeEnds[k] != plan.starts()[k + 1]) {
                return false;
            }
        }
        long line = rangeLines[0]; // the line of the first row of range 1
        for (int k = 1; k < n; k++) {
            long shift = line - 1;
            List<Rejection> kept = parts[k].kept;
            kept.replaceAll(r -> new Rejection(r.source(), r.line() + shift, r.field(), r.value(), r.reason()));
            line += rangeLines[k] - 1;
        }
        guessed = false;
        return true;
    }

    /**
     * One thread of {@link #tally}: reads ranges, taking the next one not taken, into {@code into},
     * with one binder for all of them (the rows of a file that can be split are independent, so
     * a binder holds nothing from one row to the next but its caches, which stay warm). When the
     * tally counts stop facts ({@link StopFacts.Counter}), the binder counts each row into it
     * without making the record.
     */
    private void countRanges(Tally<T, ?, ?> into, Tally<T, ?, ?> first, AtomicInteger nextRange) {
        Binder<T> binder = null;
        try {
            for (int k = nextRange.getAndIncrement(); k < plan.size() && !userClosed; k = nextRange.getAndIncrement()) {
                if (k == 0) {
                    Binder<T> counting = counting(this.binder, first);
                    if (counting != null) {
                        this.binder = counting;
                    }
                    // this stream's own rows, which stop at the second range
                    new Range((CsvRows) rows, first::add, this.binder).drain();
                } else {
                    if (binder == null) {
                        Binder<T> b = binding.apply(rows.columns());
                        Binder<T> counting = counting(b, into);
                        binder = counting != null ? counting : b;
                    }
                    Range r = new Range(k, into::add, binder);
                    r.drain();
                }
            }
        } catch (RuntimeException | Error e) {
            userClosed = true; // the other threads stop at their next row
            throw e;
        }
    }

    /** {@code binder} counting into {@code into}, when the tally counts stop facts and the binder makes stops; else null. */
    private static <T> Binder<T> counting(Binder<T> binder, Tally<T, ?, ?> into) {
        return into instanceof StopFacts.Counter c ? binder.countingInto(c) : null;
    }

    /**
     * The rejections so far (lenient mode), unmodifiable and in file order; the first
     * {@value #MAX_KEPT_REJECTIONS} (and {@value #MAX_KEPT_REJECTION_CHARS} characters) are kept,
     * all are counted in {@link #summary()}.
     */
    public List<Rejection> rejections() {
        return Collections.unmodifiableList(merged().kept);
    }

    /**
     * The counts so far; final once the records are exhausted. After a parallel stream the counts,
     * rejections (with their lines) and unknown values are those of a sequential read, except that
     * when a limit truncated the unknown values, which values are named and which are counted under
     * {@link ReadSummary#OTHER_VALUES} may differ (their total does not).
     */
    public ReadSummary summary() {
        Tallies t = merged();
        return new ReadSummary(source, t.accepted + t.rejected, t.accepted, t.rejected, t.records, t.unknown,
                t.kept.subList(0, Math.min(3, t.kept.size())), t.warnings(warnings), t.truncated, stoppedEarly);
    }

    private synchronized Tallies merged() {
        if (parts == null) {
            return tallies;
        }
        Tallies all = new Tallies();
        all.merge(tallies);
        for (int k = 1; k < parts.length; k++) {
            if (parts[k] != null) {
                all.merge(parts[k]);
            }
        }
        return all;
    }

    /** The number of ranges a parallel stream read (1 when it read sequentially); for tests. */
    synchronized int ranges() {
        return plan == null ? 1 : plan.size();
    }

    /** Whether every row has been read. */
    public boolean finished() {
        return done && partsLeft.get() == 0;
    }

    /** Closes the file; records not yet read are not read. */
    @Override
    public void close() {
        userClosed = true;
        closeQuietly();
        for (RowSource r : open) {
            try {
                r.close();
            } catch (IOException e) {
                // nothing more to read from it
            }
        }
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

    /** Plans the ranges, once, when a parallel stream first splits; false when the input cannot be split. */
    private synchronized boolean planned() {
        return planned(false);
    }

    /**
     * Plans the ranges, once; false when the input cannot be split. With {@code mayGuess} (a
     * {@link #tally}), they are {@linkplain CsvSplit#guess guessed} without reading the file first
     * when nothing sees a rejection's line before the read ends (lenient mode, no rejection
     * listener) and the file quotes no cell near its start; the tally checks the guess.
     */
    private synchronized boolean planned(boolean mayGuess) {
        if (plan != null) {
            return true;
        }
        if (file == null || done || tallies.accepted + tallies.rejected > 0 || !pending.isEmpty()
                || !(rows instanceof CsvRows csv)) {
            return false;
        }
        long start = csv.position();
        boolean guess = mayGuess && mode != ErrorMode.STRICT && listener == NO_LISTENER
                && !CsvSplit.quotesNear(file, start);
        CsvSplit.Plan p = guess ? CsvSplit.guess(file, start) : CsvSplit.plan(file, start);
        if (p.size() < 2) {
            file = null;
            return false;
        }
        csv.stopAt = p.stop(0);
        headerEnd = start;
        guessed = guess;
        use(p);
        return true;
    }

    /**
     * Plans the ranges by reading the file, after a {@linkplain CsvSplit#guess guess} that did not
     * hold: the first range, read after the header, ended at the first row start at or after the
     * second cut, which is where the plan's second range starts.
     */
    private synchronized void replan() {
        use(CsvSplit.plan(file, headerEnd));
        guessed = false;
    }

    private void use(CsvSplit.Plan p) {
        parts = new Tallies[p.size()];
        partsLeft.set(p.size() - 1);
        rangeEnds = new long[p.size()];
        rangeLines = new long[p.size()];
        plan = p;
    }

    /**
     * One range of a file split for a parallel stream, read as the stream reads: records pulled one
     * at a time. Ranges after the first open their own scanner; a {@link #tally} reads the first
     * (k = 0) through one too, over the stream's own scanner.
     */
    private final class Range implements Sink<T> {
        private final int k;
        private final Tallies t;
        private final ArrayDeque<T> out = new ArrayDeque<>();
        private final Row r = new Row();
        private CsvRows csv;
        private Binder<T> b;
        private boolean over;
        /** Where {@link #tally} puts the range's records instead of {@link #out}, or null. */
        private final Consumer<? super T> direct;

        Range(int k) {
            this(k, null, null);
        }

        /** A range whose records go to {@code direct}, bound by {@code binder} (null: a new one). */
        Range(int k, Consumer<? super T> direct, Binder<T> binder) {
            this.k = k;
            this.direct = direct;
            this.b = binder;
            this.t = new Tallies();
        }

        /**
         * The first range, read by this stream's own scanner (past the header, stopping at the
         * second range) into the stream's own counts: a {@link #tally} reads every range through
         * one loop, so that the compiler sees one shape of it.
         */
        Range(CsvRows own, Consumer<? super T> direct, Binder<T> binder) {
            this.k = 0;
            this.direct = direct;
            this.b = binder;
            this.t = tallies;
            this.csv = own;
        }

        /** Reads the whole range into {@link #direct}. */
        void drain() {
            while (!over) {
                step();
            }
        }

        boolean advance(Consumer<? super T> action) {
            while (out.isEmpty() && !over) {
                step();
            }
            T x = out.poll();
            if (x == null) {
                return false;
            }
            action.accept(x);
            return true;
        }

        private void step() {
            try {
                if (csv == null) {
                    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                    ch.position(plan.starts()[k]);
                    csv = new CsvRows(Channels.newInputStream(ch), rows.columns(), plan.starts()[k], plan.lines()[k]);
                    csv.stopAt = plan.stop(k);
                    open.add(csv);
                    if (b == null) {
                        b = binding.apply(rows.columns());
                    }
                }
                if (userClosed || !csv.next(r)) {
                    over = true;
                    b.finish(this);
                    t.nullLike(b.nullLike());
                    csv.close();
                    open.remove(csv);
                    synchronized (RecordStream.this) {
                        rangeEnds[k] = csv.position();
                        rangeLines[k] = csv.line();
                        if (k == 0) {
                            done = true; // the stream's own rows
                            return;
                        }
                        parts[k] = t;
                    }
                    partsLeft.decrementAndGet();
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            handle(r, rows.columns(), b, this);
        }

        @Override
        public void emit(T record, long n) {
            if (direct != null) {
                direct.accept(record);
            } else {
                out.add(record);
            }
            t.record(n);
        }

        @Override
        public void counted(long n) {
            t.record(n);
        }

        @Override
        public void reject(long line, String field, String value, String reason, long n) {
            RecordStream.this.reject(t, line, field, value, reason, n);
        }

        @Override
        public void unknown(String field, String raw) {
            t.unknown(field, raw, 1);
        }
    }

    /**
     * The stream's spliterator: this iterator until a parallel stream splits it; then ranges
     * {@code [lo, hi)} of the plan, split in halves, each read by its own scanner and binder.
     */
    private final class Split implements Spliterator<T> {
        private int lo;
        private int hi = -1;
        private Range current;

        Split() {}

        Split(int lo, int hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (true) {
                if (hi < 0 || lo == 0 && current == null) {
                    // the first range is this iterator's (stopAt ends it at the second range)
                    if (hasNext()) {
                        action.accept(next());
                        return true;
                    }
                    if (hi < 0 || lo + 1 >= hi) {
                        lo = Math.max(lo, 1);
                        return false;
                    }
                    lo = 1;
                }
                if (lo >= hi) {
                    return false;
                }
                if (current == null) {
                    current = new Range(lo);
                }
                if (current.advance(action)) {
                    return true;
                }
                current = null;
                lo++;
            }
        }

        @Override
        public Spliterator<T> trySplit() {
            if (hi < 0) {
                if (!planned()) {
                    return null; // read on sequentially: no batches that grow without bound
                }
                lo = 0;
                hi = plan.size();
            }
            if (current != null || hi - lo < 2) {
                return null;
            }
            int mid = (lo + hi) >>> 1;
            Split prefix = new Split(lo, mid);
            lo = mid;
            return prefix;
        }

        @Override
        public long estimateSize() {
            if (hi < 0) {
                return file == null ? Long.MAX_VALUE : Math.max(1, sizeOf(file));
            }
            long bytes = 0;
            for (int k = lo; k < hi; k++) {
                bytes += (k + 1 < plan.size() ? plan.starts()[k + 1] : plan.starts()[k] + CsvSplit.chunkBytes)
                        - plan.starts()[k];
            }
            return bytes;
        }

        @Override
        public int characteristics() {
            return Spliterator.ORDERED | Spliterator.NONNULL;
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return summary().toString();
    }
}
