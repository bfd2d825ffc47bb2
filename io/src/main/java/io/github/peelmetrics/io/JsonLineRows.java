package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;

/**
 * JSON-lines rows: one flat JSON object per line (lines end at LF, CRLF or a lone CR; JSON text
 * holds no raw line breaks) whose values are strings, numbers, booleans or
 * null (null = missing). Each line is parsed on its own, so a bad line is one faulty row and the
 * next line reads normally. A line longer than {@link Limits#MAX_LINE_CHARS} is skipped without
 * being held in memory. Blank lines are not rows.
 */
final class JsonLineRows implements RowSource {
    private final Reader in;
    private final Columns columns;
    private final char[] buf = new char[8192];
    private int pos;
    private int lim;
    private long line;
    private long rowNumber;
    private final StringBuilder sb = new StringBuilder();
    private boolean eof;
    /** The last line ended at a CR: a following LF belongs to it. */
    private boolean skipLf;

    JsonLineRows(Reader in, List<String> knownColumns) {
        this.in = in;
        this.columns = new Columns(knownColumns, false);
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    public boolean fatal() {
        return false;
    }

    /** Reads one line into sb; returns false at end of input; sets tooLong when it was cut. */
    private boolean tooLong;
    private boolean sawReplacement;

    private boolean readLine() throws IOException {
        sb.setLength(0);
        tooLong = false;
        sawReplacement = false;
        if (eof) {
            return false;
        }
        boolean any = false;
        while (true) {
            if (pos == lim) {
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    eof = true;
                    return any;
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            if (!tooLong) {
                if (sb.length() + n > Limits.MAX_LINE_CHARS) {
                    tooLong = true;
                    sb.setLength(0);
                } else {
                    sb.append(buf, start, n);
                }
            }
            if (pos < lim) {
                skipLf = buf[pos] == '\r'; // a line ends at LF, CRLF or a lone CR
                pos++;
                return true;
            }
        }
    }

    @Override
    public boolean next(Row row) throws IOException {
        while (true) {
            row.reset(columns.size(), true);
            if (!readLine()) {
                return false;
            }
            line++;
            if (!tooLong && (sb.toString().isBlank() || (line == 1 && sb.toString().equals("\uFEFF")))) {
                continue;
            }
            row.line = line;
            row.number = ++rowNumber;
            if (tooLong) {
                row.fault("(row)", "", "is a line longer than " + Limits.MAX_LINE_CHARS + " characters");
                return true;
            }
            String text = sb.toString();
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark
            }
            if (text.indexOf('\uFFFD') >= 0) {
                row.fault("(row)", text, "is not valid text in the file's encoding");
                return true;
            }
            parse(text, row);
            return true;
        }
    }

    private void parse(String text, Row row) throws IOException {
        try (JsonParser p = Jackson.JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                row.fault("(row)", text, "is not a JSON object");
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int idx = columns.register(name);
                if (idx < 0) {
                    row.fault("(row)", name, "has a key beyond the limits of " + Limits.MAX_COLUMNS
                            + " distinct keys or " + Limits.MAX_KEY_CHARS + " characters of keys in the file");
                    return;
                }
                JsonToken v = p.nextToken();
                switch (v) {
                    case VALUE_STRING:
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        row.set(idx, p.getText());
                        break;
                    case VALUE_TRUE:
                        row.set(idx, "true");
                        break;
                    case VALUE_FALSE:
                        row.set(idx, "false");
                        break;
                    case VALUE_NULL:
                        row.set(idx, null);
                        break;
                    default:
                        row.fault(name, "", "is a nested JSON value; a record is one flat object");
                        return;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                row.fault("(row)", text, "is not a JSON object");
                return;
            }
            if (p.nextToken() != null) {
                row.fault("(row)", text, "holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int nl = m.indexOf('\n');
            row.fault("(row)", text, "is not valid JSON: " + (nl >= 0 ? m.substring(0, nl) : m).toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
