package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.peelmetrics.core.Category;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A table of results for people, written as CSV with a header and safe to open in a spreadsheet:
 * a text cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is prefixed with a single quote so that no spreadsheet runs it as a formula (OWASP, "CSV
 * Injection"). Numbers ({@link Number} values, written in Java's shortest round-trip form) are not
 * text and are written as they are, so {@code -0.5} stays a number. Empty optionals are empty
 * cells; categories are written by label; everything else by {@code String.valueOf}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvTable {
    private final List<String> header;
    private final List<List<Object>> rows;

    private CsvTable(List<String> header, List<List<Object>> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * A table with this header and these rows.
     *
     * @throws IllegalArgumentException if a row's width differs from the header's
     */
    public static CsvTable of(List<String> header, List<? extends List<?>> rows) {
        Objects.requireNonNull(header, "header must not be null");
        Objects.requireNonNull(rows, "rows must not be null");
        List<List<Object>> copy = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<?> r = Objects.requireNonNull(rows.get(i), "row " + i + " of table must not be null");
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row " + i + " of table has " + r.size() + " cells but the header has "
                        + header.size());
            }
            List<Object> row = new ArrayList<>();
            for (Object o : r) {
                row.add(Objects.requireNonNull(o, () -> "cell of row " + copy.size() + " must not be null (use Optional)"));
            }
            copy.add(row);
        }
        return new CsvTable(List.copyOf(header), List.copyOf(copy));
    }

    /** A table with one row per record and one column per record component, named as the component. */
    public static <R extends Record> CsvTable ofRecords(Class<R> type, List<? extends R> records) {
        Objects.requireNonNull(type, "record type must not be null");
        Objects.requireNonNull(records, "records must not be null");
        RecordComponent[] comps = type.getRecordComponents();
        List<String> header = new ArrayList<>();
        for (RecordComponent c : comps) {
            header.add(c.getName());
            if (!c.getAccessor().trySetAccessible()) {
                throw new IllegalArgumentException("cannot read component " + c.getName() + " of " + type.getName()
                        + ": its module does not open it to io.github.peelmetrics.io");
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (R r : records) {
            List<Object> row = new ArrayList<>();
            for (RecordComponent c : comps) {
                try {
                    Object v = c.getAccessor().invoke(r);
                    row.add(v == null ? Optional.empty() : v);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read component " + c.getName() + " of " + type.getName(), e);
                }
            }
            rows.add(row);
        }
        return of(header, rows);
    }

    /** The header. */
    public List<String> header() {
        return header;
    }

    /** Writes the header and rows; does not close {@code out}. */
    public void writeCsv(Writer out) {
        Objects.requireNonNull(out, "output must not be null");
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String h : header) {
            schema.addColumn(neutralize(h));
        }
        try (CsvGenerator g = Jackson.CSV.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setSchema(schema.setUseHeader(true).build());
            for (List<Object> row : rows) {
                g.writeStartArray();
                for (Object o : row) {
                    g.writeString(cell(o));
                }
                g.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV text. */
    public String toCsv() {
        StringWriter w = new StringWriter();
        writeCsv(w);
        return w.toString();
    }

    static String cell(Object o) {
        if (o instanceof Optional<?> opt) {
            return opt.isPresent() ? cell(opt.get()) : "";
        }
        if (o instanceof OptionalDouble d) {
            return d.isPresent() ? Double.toString(d.getAsDouble()) : "";
        }
        if (o instanceof OptionalInt d) {
            return d.isPresent() ? Integer.toString(d.getAsInt()) : "";
        }
        if (o instanceof OptionalLong d) {
            return d.isPresent() ? Long.toString(d.getAsLong()) : "";
        }
        if (o instanceof Number n) {
            return n.toString();
        }
        if (o instanceof Category c) {
            return neutralize(c.label());
        }
        return neutralize(String.valueOf(o));
    }

    /** Prefixes text that a spreadsheet would read as a formula with a single quote. */
    static String neutralize(String s) {
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return "'" + s;
            }
        }
        return s;
    }

    /** The CSV text. */
    @Override
    public String toString() {
        return toCsv();
    }
}
