package io.github.peelmetrics.io;

import io.github.peelmetrics.io.internal.RowReads;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A read of rows that another engine split into cells and pushes one at a time (a Spark
 * {@code Row}'s values as strings; null is a missing cell, as a JSON null): the same binder,
 * checks and accounting as {@link RecordStream} (read = accepted + rejected; rejections and
 * unknown values kept within its limits). Rows are numbered 1, 2, ... in the order pushed.
 */
final class PushRead<T> implements RowReads.Converter<T> {
    private final String source;
    private final ErrorMode mode;
    private final Consumer<Rejection> listener;
    private final Columns columns;
    private final Binder<T> binder;
    private final List<String> warnings;
    private final Row row = new Row();
    private final Tallies tallies = new Tallies();
    private Consumer<? super T> out;

    private final Sink<T> sink = new Sink<>() {
        @Override
        public void emit(T record, long n) {
            tallies.record(n);
            out.accept(record);
        }

        @Override
        public void counted(long n) {
            tallies.record(n);
        }

        @Override
        public void reject(long line, String field, String value, String reason, long n) {
            Rejection r = new Rejection(source, line, field, value, reason);
            tallies.rejected += n;
            if (mode == ErrorMode.STRICT) {
                throw new ReadException(r);
            }
            tallies.keep(r);
            listener.accept(r);
        }

        @Override
        public void unknown(String field, String raw) {
            tallies.unknown(field, raw, 1);
        }
    };

    PushRead(Mapping<T> mapping, ErrorMode mode, Consumer<Rejection> listener, List<String> header, String source) {
        if (mapping.type() == RecordType.BEATS) {
            throw new IllegalArgumentException("beats gather several rows into one record and cannot be read row by row; "
                    + "read them with RecordReader");
        }
        this.source = Objects.requireNonNull(source, "source name must not be null");
        this.mode = mode;
        this.listener = listener;
        this.columns = new Columns(List.copyOf(header), true);
        if (mode == ErrorMode.STRICT) {
            Rejection missing = Coverage.missingMapped(mapping, columns, source);
            if (missing != null) {
                throw new ReadException(missing);
            }
        }
        this.binder = mapping.type().bind(mapping, columns, source);
        this.warnings = List.copyOf(Coverage.notRecorded(mapping, columns));
    }

    /**
     * The columns of {@code header} that the mapping's binder and coverage look at, in header order:
     * a source may drop the others before the rows are read and get the same records, rejections
     * and warnings.
     */
    static <X> List<String> columnsRead(Mapping<X> mapping, List<String> header) {
        Columns cols = new Columns(List.copyOf(header), true);
        cols.asked = new java.util.HashSet<>();
        Coverage.missingMapped(mapping, cols, "(columns)");
        Coverage.notRecorded(mapping, cols);
        try {
            mapping.type().bind(mapping, cols, "(columns)");
        } catch (ReadException e) {
            return List.copyOf(header); // a required column is missing: the read itself will say so
        }
        return header.stream().filter(cols.asked::contains).distinct().toList();
    }

    @Override
    public void accept(String[] cells, Consumer<? super T> records) {
        out = Objects.requireNonNull(records, "record consumer must not be null");
        row.reset(columns.size(), true);
        long line = tallies.accepted + tallies.rejected + 1;
        row.line = line;
        row.number = line;
        for (String c : cells) {
            row.add(c);
        }
        RecordStream.handle(row, columns, binder, sink);
    }

    @Override
    public ReadSummary summary() {
        tallies.nullLike(binder.nullLike()); // the binder's spellings so far (a set: asking again adds none)
        return new ReadSummary(source, tallies.accepted + tallies.rejected, tallies.accepted, tallies.rejected,
                tallies.records, tallies.unknown, tallies.kept.subList(0, Math.min(3, tallies.kept.size())),
                tallies.warnings(warnings), tallies.truncated, false);
    }

    @Override
    public List<Rejection> rejections() {
        return Collections.unmodifiableList(tallies.kept);
    }
}
