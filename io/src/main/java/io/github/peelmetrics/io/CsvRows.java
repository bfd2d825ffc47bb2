package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV rows through Jackson's streaming CSV parser (RFC 4180: quoted cells may hold separators,
 * doubled quotes and line breaks). The first row is the header. Blank lines are not rows. A row
 * that Jackson cannot parse (a stray quote, an over-long cell) comes back with a fault, and reading
 * resumes at the next row when the parser can; when it cannot, the fault is fatal.
 */
final class CsvRows implements RowSource {
    private static final int MAX_ERRORS_IN_ROW = 50;

    private final CountingReader in;
    private final CsvParser parser;
    private final Columns columns;
    private long rowNumber;
    private boolean fatal;
    private boolean ended;

    CsvRows(Reader reader) throws IOException {
        this.in = new CountingReader(reader);
        this.parser = Jackson.CSV.createParser(in);
        parser.setSchema(CsvSchema.emptySchema());
        Row header = new Row();
        List<String> names = new ArrayList<>();
        if (next(header)) {
            if (header.fault != null) {
                throw new ReadException(new Rejection("", header.line, "(header)", header.faultValue,
                        "cannot be read: " + header.fault));
            }
            for (int i = 0; i < header.size; i++) {
                String h = header.values[i].strip();
                if (i == 0 && h.startsWith("\uFEFF")) {
                    h = h.substring(1).strip();
                }
                names.add(h);
            }
        }
        rowNumber = 0;
        this.columns = new Columns(names, true);
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    public boolean fatal() {
        return fatal;
    }

    @Override
    public boolean next(Row row) throws IOException {
        while (true) {
            if (ended) {
                return false;
            }
            row.reset(columns == null ? 8 : columns.size(), false);
            JsonToken t;
            try {
                t = parser.nextToken();
            } catch (JsonProcessingException e) {
                row.line = in.lineAt(parser.currentLocation().getCharOffset());
                row.number = ++rowNumber;
                row.fault("(row)", "", message(e));
                recover(row);
                return true;
            }
            if (t == null) {
                ended = true;
                return false;
            }
            long start = -1;
            boolean faulted = false;
            while (true) {
                try {
                    t = parser.nextToken();
                    if (t == null) {
                        ended = true;
                        break;
                    }
                    if (t == JsonToken.END_ARRAY) {
                        break;
                    }
                    if (start < 0) {
                        start = parser.currentTokenLocation().getCharOffset();
                        row.line = in.lineAt(start);
                    }
                    if (row.size < Jackson.MAX_COLUMNS) {
                        row.add(parser.getText());
                    } else {
                        // a hostile row (one enormous line of short cells): stop here, hold nothing more
                        row.fault("(row)", "", "has more than " + Jackson.MAX_COLUMNS
                                + " fields; the rest of the file is not read");
                        row.number = ++rowNumber;
                        fatal = true;
                        ended = true;
                        return true;
                    }
                } catch (JsonProcessingException e) {
                    if (start < 0) {
                        start = parser.currentLocation().getCharOffset();
                        row.line = in.lineAt(start);
                    }
                    row.fault("(row)", "", message(e));
                    faulted = true;
                    break;
                }
            }
            if (faulted) {
                row.number = ++rowNumber;
                recover(row);
                return true;
            }
            if (row.size == 0 || (row.size == 1 && row.values[0].isEmpty() && columns != null && columns.size() > 1)) {
                if (ended) {
                    return false;
                }
                continue; // a blank line is not a row
            }
            row.number = ++rowNumber;
            if (in.sawReplacement()) {
                for (int i = 0; i < row.size; i++) {
                    if (row.values[i].indexOf('\uFFFD') >= 0) {
                        String col = columns != null && i < columns.size() ? columns.name(i) : "(row)";
                        row.fault(col, row.values[i], "is not valid text in the file's encoding");
                        break;
                    }
                }
            }
            return true;
        }
    }

    /** Skips to the end of a faulty row; marks the source fatal when the parser makes no progress. */
    private void recover(Row row) throws IOException {
        int errors = 0;
        while (true) {
            try {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    ended = true;
                    return;
                }
                if (t == JsonToken.END_ARRAY) {
                    return;
                }
            } catch (JsonProcessingException e) {
                if (++errors > MAX_ERRORS_IN_ROW) {
                    fatal = true;
                    ended = true;
                    row.fault = row.fault + "; the rest of the file cannot be read";
                    return;
                }
            }
        }
    }

    private static String message(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return "is not valid CSV: " + (nl >= 0 ? m.substring(0, nl) : m).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        parser.close();
        in.close();
    }
}
