package io.github.peelmetrics.io;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parsing of cells into values, with the mapping's codebooks, formats and unknown-value policy. */
final class Values {
    private static final int CACHE_LIMIT = 4096;
    private static final Object UNKNOWN_MARK = new Object();
    private static final List<DateTimeFormatter> AM_PM = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("h:mm[:ss] a").toFormatter(Locale.ROOT),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("h:mm[:ss]a").toFormatter(Locale.ROOT));

    private final Mapping<?> mapping;
    private final boolean isoFirst;
    /**
     * Spellings of a missing value common in agencies' exports, lower case: a text cell that reads
     * as one of them (ignoring case and surrounding spaces) is kept as a value, because the
     * mapping's missing tokens do not include it, and the read's summary says so.
     */
    static final java.util.Set<String> NULL_SPELLINGS = java.util.Set.of("null", "n/a", "nan", "none", "nil", "-",
            "--", "#n/a", "(null)", "?");
    /** At most this many null spellings are noted per read (the summary is then truncated). */
    static final int MAX_NULL_LIKE = 500;
    /** The warnings of the null spellings met as text values, one per field and raw value. */
    private final java.util.Set<String> nullLike = new java.util.TreeSet<>();
    private final List<DateTimeFormatter> dateFormats = new ArrayList<>();

    Values(Mapping<?> mapping) {
        this.mapping = mapping;
        this.isoFirst = mapping.dateFormats().get(0).equals("yyyy-MM-dd");
        for (String p : mapping.dateFormats()) {
            dateFormats.add(new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern(p.replace('y', 'u')).toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT));
        }
    }

    Mapping<?> mapping() {
        return mapping;
    }

    /** A required id-like text, stripped unless {@linkplain Row#verbatim verbatim} (quoted, or a JSON string). */
    String id(Field f, Row r) {
        int c = f.cell(r);
        String v = text(f, r, c);
        if (v == null) {
            throw new Reject(f.label(), "", "is missing");
        }
        if (c >= 0) {
            note(f, v);
        }
        return c >= 0 && r.verbatim(c) ? v : v.strip();
    }

    /** An optional text, stripped unless {@linkplain Row#verbatim verbatim}, or null. */
    String strippedOrNull(Field f, Row r) {
        int c = f.cell(r);
        if (c >= 0 && r.plain(c)) {
            return shared(f, r, c); // nothing to strip
        }
        String v = noted(f, c, text(f, r, c));
        return v == null ? null : c >= 0 && r.verbatim(c) ? v : v.strip();
    }

    /** Raw text as written, or null when missing. */
    String textOrNull(Field f, Row r) {
        int c = f.cell(r);
        return c >= 0 && r.plain(c) ? shared(f, r, c) : noted(f, c, text(f, r, c));
    }

    /**
     * An optional text, stripped when {@code strip}; a plain cell's (which has nothing to strip)
     * is one {@code Optional} instance for cells with the same bytes while they repeat.
     */
    @SuppressWarnings("unchecked")
    Optional<String> optionalText(Field f, Row r, boolean strip) {
        int c = f.cell(r);
        if (c >= 0 && r.plain(c)) {
            if (f.byBytes.get(r, c) instanceof Optional<?> o) {
                return (Optional<String>) o;
            }
            Optional<String> o = Optional.of(note(f, r.get(c)));
            f.byBytes.put(r, c, o);
            return o;
        }
        String v = noted(f, c, text(f, r, c));
        return v == null ? Optional.empty() : Optional.of(strip ? v.strip() : v);
    }

    /** The text of {@link Field#cell} {@code c}: the cell, the row number or constant, or null when missing. */
    static String text(Field f, Row r, int c) {
        return c >= 0 ? r.get(c) : c == Field.NOT_A_CELL ? f.notACell(r) : null;
    }

    /** A plain cell's text, one instance for cells with the same bytes while they repeat. */
    private String shared(Field f, Row r, int c) {
        if (f.byBytes.get(r, c) instanceof String s) {
            return s;
        }
        String s = note(f, r.get(c));
        f.byBytes.put(r, c, s);
        return s;
    }

    /** {@code v}, the text of cell {@code c} (or null), after {@link #note}: a cell's only (not a row number or constant). */
    private String noted(Field f, int c, String v) {
        return c >= 0 && v != null ? note(f, v) : v;
    }

    /**
     * {@code v}, a cell's text kept as a value, after noting it when it is a common spelling of a
     * missing value ({@link #NULL_SPELLINGS}); called where a value's string is first made (a
     * repeated plain cell comes from the field's byte cache), so it costs nothing per row there.
     */
    private String note(Field f, String v) {
        if (nullSpelling(v) && nullLike.size() < MAX_NULL_LIKE) {
            nullLike.add(nullLikeWarning(f.label(), v.strip()));
        }
        return v;
    }

    /**
     * Whether {@code v} is one of {@link #NULL_SPELLINGS}, ignoring case and surrounding spaces;
     * compared in place, so that an id read every row makes no string for it.
     */
    static boolean nullSpelling(String v) {
        int from = 0;
        int to = v.length();
        while (from < to && Character.isWhitespace(v.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(v.charAt(to - 1))) {
            to--;
        }
        for (String s : NULL_SPELLINGS) {
            if (s.length() == to - from && v.regionMatches(true, from, s, 0, s.length())) {
                return true;
            }
        }
        return false;
    }

    /** The summary's line for a null spelling kept as a value. */
    static String nullLikeWarning(String field, String value) {
        return "WARNING " + field + " holds \"" + value + "\", a common spelling of a missing value, which this mapping"
                + " reads as a value (to read it as missing: Mapping.missing(..., \"" + value + "\"))";
    }

    /** The warnings of the null spellings met so far as text values (sorted; at most {@link #MAX_NULL_LIKE}). */
    java.util.Set<String> nullLike() {
        return nullLike;
    }

    /** An integer cell (see {@link #integer(Field, String)}); {@code c} is not {@link Field#MISSING}. */
    long integer(Field f, Row r, int c) {
        long v = c >= 0 && r.plain(c) ? digits(r, c) : -1;
        return v >= 0 ? v : integer(f, text(f, r, c));
    }

    /** The value of {@link Row#plain} cell {@code c} when it is one to nine ASCII digits; else -1. */
    static long digits(Row r, int c) {
        int n = r.length(c);
        if (n < 1 || n > 9) {
            return -1;
        }
        byte[] b = r.bytes;
        int from = r.starts[c];
        long v = 0;
        for (int k = 0; k < n; k++) {
            int d = b[from + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** A decimal cell (see {@link #decimal(Field, String)}); {@code c} is not {@link Field#MISSING}. */
    double decimal(Field f, Row r, int c) {
        if (c >= 0 && r.plain(c)) {
            double fast = simpleDecimal(r.bytes, r.starts[c], r.ends[c]);
            if (fast == fast) {
                return fast;
            }
        }
        return decimal(f, text(f, r, c));
    }

    /** An integer written in decimal digits (an integral decimal such as {@code 34.0} is accepted). */
    long integer(Field f, String raw) {
        String s = raw.strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            if (isDecimal(s)) {
                try {
                    double d = Double.parseDouble(s);
                    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                        return (long) d;
                    }
                } catch (NumberFormatException notANumber) {
                    // falls through to the rejection
                }
            }
            throw new Reject(f.label(), raw, "is not an integer");
        }
    }

    /** Exact powers of ten as doubles (10^22 is the largest that a double holds exactly). */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** A finite decimal number. */
    double decimal(Field f, String raw) {
        String s = raw.strip();
        double fast = simpleDecimal(s);
        if (fast == fast) {
            return fast;
        }
        double d;
        try {
            if (!isDecimal(s)) {
                throw new NumberFormatException();
            }
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new Reject(f.label(), raw, "is not a decimal number");
        }
        if (!Double.isFinite(d)) {
            throw new Reject(f.label(), raw, "is not a finite number");
        }
        return d;
    }

    /**
     * {@code Double.parseDouble(s)} for the common plain form {@code [-]digits[.digits]} with at
     * most 15 digits in all, else NaN (the caller then takes the general path). Such a value is
     * an integer m below 2^53 divided by 10^k with k at most 15: both are exact doubles, and IEEE
     * division rounds correctly, so the result is the correctly rounded value that
     * {@code Double.parseDouble} gives (Clinger's fast path).
     */
    static double simpleDecimal(String s) {
        int n = s.length();
        if (n > 17) {
            return Double.NaN; // more than 15 digits, a sign and a point
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); // others become '?', not a digit
        return simpleDecimal(b, 0, n);
    }

    /** {@link #simpleDecimal(String)} of the ASCII bytes {@code b[from, to)}. */
    static double simpleDecimal(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (to > from && b[from] == '-') {
            negative = true;
            i++;
        }
        int digitsFrom = i;
        long m = 0;
        int digits = 0;
        int point = -1;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 15) {
                    return Double.NaN;
                }
                m = m * 10 + (c - '0');
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || point == to - 1 || point == digitsFrom) {
            return Double.NaN; // "", "-", "5.", ".5", "-.5": left to the general path
        }
        double d = point < 0 ? m : m / POW10[to - 1 - point];
        return negative ? -d : d;
    }

    private static boolean isDecimal(String s) {
        if (s.isEmpty() || s.length() > Limits.MAX_NUMBER_CHARS) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    /** A yes/no flag; missing is {@link Flag#UNKNOWN}. */
    Flag flag(Field f, Row r) {
        int c = f.cell(r);
        if (c == Field.MISSING) {
            return Flag.UNKNOWN;
        }
        if (c >= 0 && r.plain(c)) {
            long w = r.word(c);
            if (w == TRUE_WORD && r.length(c) == 4) {
                return Flag.YES;
            }
            if (w == FALSE_WORD && r.length(c) == 5) {
                return Flag.NO;
            }
            // another spelling (Y, no, 1, ...): read once, then found by its bytes (the column path of StopBinder reads it there too)
            if (f.byBytes.get(r, c) instanceof Flag known) {
                return known;
            }
            Flag read = flag(f, text(f, r, c));
            f.byBytes.put(r, c, read);
            return read;
        }
        return flag(f, text(f, r, c));
    }

    /** {@code "TRUE"} and {@code "FALSE"} as {@link Row#word}s. */
    private static final long TRUE_WORD = 'T' | 'R' << 8 | 'U' << 16 | (long) 'E' << 24;
    private static final long FALSE_WORD = 'F' | 'A' << 8 | 'L' << 16 | (long) 'S' << 24 | (long) 'E' << 32;

    /** A yes/no flag from its text (not missing). */
    private static Flag flag(Field f, String raw) {
        if (raw.equals("TRUE")) {
            return Flag.YES;
        }
        if (raw.equals("FALSE")) {
            return Flag.NO;
        }
        switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "TRUE": case "T": case "Y": case "YES": case "1":
                return Flag.YES;
            case "FALSE": case "F": case "N": case "NO": case "0":
                return Flag.NO;
            default:
                throw new Reject(f.label(), raw, "is not a yes/no value (TRUE/FALSE, Y/N, YES/NO, 1/0)");
        }
    }

    /** A date in one of the mapping's formats. */
    /** A date that must be present: rejected as missing when the cell is empty. */
    LocalDate requiredDate(Field f, Row r) {
        int c = f.cell(r);
        if (c == Field.MISSING) {
            throw new Reject(f.label(), "", "is missing");
        }
        return date(f, r, c);
    }

    /** A date that may be missing. */
    Optional<LocalDate> optionalDate(Field f, Row r) {
        int c = f.cell(r);
        return c == Field.MISSING ? Optional.empty() : Optional.of(date(f, r, c));
    }

    /** The date in {@link Field#cell} {@code c}, which is not {@link Field#MISSING}. */
    LocalDate date(Field f, Row r, int c) {
        boolean plain = c >= 0 && r.plain(c);
        if (plain && f.byBytes.get(r, c) instanceof LocalDate d) {
            return d;
        }
        LocalDate d = date(f, text(f, r, c));
        if (plain) {
            f.byBytes.put(r, c, d);
        }
        return d;
    }

    LocalDate date(Field f, String raw) {
        Object hit = f.cache.get(raw);
        if (hit instanceof LocalDate d) {
            return d;
        }
        LocalDate d = parseDate(f, raw.strip());
        remember(f, raw, d);
        return d;
    }

    private LocalDate parseDate(Field f, String s) {
        if (isoFirst && s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int mo = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && mo >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, mo, d);
                } catch (DateTimeException e) {
                    throw new Reject(f.label(), s, "is not a valid date: " + e.getMessage());
                }
            }
        }
        for (DateTimeFormatter fmt : dateFormats) {
            try {
                return LocalDate.parse(s, fmt);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new Reject(f.label(), s, "is not a date in any of the formats " + mapping.dateFormats());
    }

    /**
     * The time of day in {@link Field#cell} {@code c}, which is not {@link Field#MISSING}: a plain
     * {@code H:mm}, {@code HH:mm}, {@code H:mm:ss} or {@code HH:mm:ss} in range is read from its
     * bytes, anything else as {@link #time(Field, String)} reads it.
     */
    LocalTime time(Field f, Row r, int c) {
        int simple = simpleTime(r, c);
        return simple >= 0 ? LocalTime.ofSecondOfDay(simple) : time(f, text(f, r, c));
    }

    /**
     * The second of the day of cell {@code c} when it is a {@link Row#plain} time written
     * {@code H:mm}, {@code HH:mm}, {@code H:mm:ss} or {@code HH:mm:ss} with hours below 24 and
     * minutes and seconds below 60 (a time {@link #time(Field, Row, int)} reads as it is); else -1,
     * and the cell is read as text.
     */
    static int simpleTime(Row r, int c) {
        if (c >= 0 && r.plain(c)) {
            int n = r.length(c);
            byte[] b = r.bytes;
            int p = r.starts[c];
            int colon = n >= 4 && b[p + 1] == ':' ? 1 : n >= 5 && b[p + 2] == ':' ? 2 : -1;
            if (colon > 0 && (n == colon + 3 || n == colon + 6 && b[p + colon + 3] == ':')) {
                int h = digit(b[p]);
                if (colon == 2) {
                    h = h * 10 + digit(b[p + 1]);
                }
                int mi = digit(b[p + colon + 1]) * 10 + digit(b[p + colon + 2]);
                int sec = n == colon + 3 ? 0 : digit(b[p + colon + 4]) * 10 + digit(b[p + colon + 5]);
                if (h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60) {
                    return (h * 60 + mi) * 60 + sec;
                }
            }
        }
        return -1;
    }

    /** The value of an ASCII digit, or a negative number large enough to make any sum of two digits negative. */
    private static int digit(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : -1000;
    }

    /** A time of day: {@code H:mm}, {@code H:mm:ss}, {@code H:mm:ss.f...}, or with AM/PM. */
    LocalTime time(Field f, String raw) {
        return parseTime(f, raw.strip());
    }

    private static LocalTime parseTime(Field f, String s) {
        int c1 = s.indexOf(':');
        if (c1 == 1 || c1 == 2) {
            int h = digits(s, 0, c1);
            int mi = s.length() >= c1 + 3 ? digits(s, c1 + 1, c1 + 3) : -1;
            int end = c1 + 3;
            int sec = 0;
            int nano = 0;
            boolean ok = h >= 0 && mi >= 0;
            if (ok && s.length() > end) {
                if (s.charAt(end) == ':' && s.length() >= end + 3) {
                    sec = digits(s, end + 1, end + 3);
                    ok = sec >= 0;
                    end += 3;
                    if (ok && s.length() > end) {
                        if (s.charAt(end) == '.' && s.length() > end + 1 && s.length() <= end + 10) {
                            int frac = digits(s, end + 1, s.length());
                            ok = frac >= 0;
                            nano = frac * (int) Math.pow(10, 9 - (s.length() - end - 1));
                            end = s.length();
                        } else {
                            ok = false;
                        }
                    }
                } else {
                    ok = false;
                }
            }
            if (ok && end == s.length()) {
                try {
                    return LocalTime.of(h, mi, sec, nano);
                } catch (DateTimeException e) {
                    throw new Reject(f.label(), s, "is not a valid time of day: " + e.getMessage());
                }
            }
        }
        for (DateTimeFormatter fmt : AM_PM) {
            try {
                return LocalTime.parse(s, fmt);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        throw new Reject(f.label(), s, "is not a time of day (H:mm, H:mm:ss, H:mm:ss.fff or h:mm AM)");
    }

    private static int digits(String s, int from, int to) {
        if (to > s.length() || from >= to) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static void remember(Field f, String raw, Object value) {
        if (f.cache.size() < CACHE_LIMIT) {
            f.cache.put(raw, value);
        }
    }

    /** A category through the field's codebook and the unknown-value policy; missing is unknown. */
    Category category(Field f, Row r, Sink<?> sink) {
        return category(f, r, f.cell(r), sink);
    }

    /** {@link #category(Field, Row, Sink)} of {@link Field#cell} {@code cell}, already found. */
    Category category(Field f, Row r, int cell, Sink<?> sink) {
        if (cell == Field.MISSING) {
            return Category.UNKNOWN;
        }
        boolean plain = cell >= 0 && r.plain(cell);
        if (plain && f.byBytes.get(r, cell) instanceof Category known) {
            return known;
        }
        return category(f, r, cell, plain, sink);
    }

    /** {@link #category(Field, Row, Sink)} of a cell that is not in the field's {@link CellCache}. */
    private Category category(Field f, Row r, int cell, boolean plain, Sink<?> sink) {
        String raw = text(f, r, cell);
        Object hit = f.cache.get(raw);
        if (hit instanceof Category c) {
            if (plain) {
                f.byBytes.put(r, cell, c);
            }
            return c;
        }
        if (hit == null) {
            Category c = mapping.codebookOf(f.name).flatMap(b -> b.lookup(raw)).orElse(null);
            if (c != null) {
                remember(f, raw, c);
                if (plain) {
                    f.byBytes.put(r, cell, c);
                }
                return c;
            }
            remember(f, raw, UNKNOWN_MARK);
        }
        switch (mapping.unknownValues()) {
            case MAP_TO_UNKNOWN:
                sink.unknown(f.label(), raw.strip());
                return Category.UNKNOWN;
            case KEEP:
                sink.unknown(f.label(), raw.strip());
                return Category.of(raw.strip().toLowerCase(Locale.ROOT), raw.strip());
            default:
                throw new Reject(f.label(), raw, "is not in the codebook of " + f.name);
        }
    }

    /**
     * An enum constant: the field's codebook entry's code, else the raw value, matched to a
     * constant's name (case, spaces, hyphens and slashes aside). Missing gives {@code missing}
     * (reject when null); a value that matches nothing gives {@code unknown} with a count (or a
     * rejection under {@link UnknownValues#REJECT}, or when {@code unknown} is null).
     */
    <E extends Enum<E>> E enumValue(Field f, Row r, Class<E> type, E missing, E unknown, Sink<?> sink) {
        return enumValue(f, r, f.cell(r), type, missing, unknown, sink);
    }

    /** {@link #enumValue(Field, Row, Class, Enum, Enum, Sink)} of {@link Field#cell} {@code cell}, already found. */
    <E extends Enum<E>> E enumValue(Field f, Row r, int cell, Class<E> type, E missing, E unknown, Sink<?> sink) {
        if (cell == Field.MISSING) {
            if (missing == null) {
                throw new Reject(f.label(), "", "is missing");
            }
            return missing;
        }
        boolean plain = cell >= 0 && r.plain(cell);
        if (plain) {
            Object known = f.byBytes.get(r, cell);
            if (type.isInstance(known)) {
                return type.cast(known);
            }
        }
        return enumValue(f, r, cell, plain, type, unknown, sink);
    }

    /** {@link #enumValue(Field, Row, Class, Enum, Enum, Sink)} of a cell not in the field's {@link CellCache}. */
    private <E extends Enum<E>> E enumValue(Field f, Row r, int cell, boolean plain, Class<E> type, E unknown,
            Sink<?> sink) {
        String raw = text(f, r, cell);
        Object hit = f.cache.get(raw);
        if (type.isInstance(hit)) {
            if (plain) {
                f.byBytes.put(r, cell, hit);
            }
            return type.cast(hit);
        }
        if (hit == null) {
            String code = mapping.codebookOf(f.name).flatMap(b -> b.lookup(raw)).map(Category::code).orElse(raw);
            String name = code.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_').replace('/', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(name)) {
                    remember(f, raw, e);
                    if (plain) {
                        f.byBytes.put(r, cell, e);
                    }
                    return e;
                }
            }
            remember(f, raw, UNKNOWN_MARK);
        }
        if (unknown == null || mapping.unknownValues() == UnknownValues.REJECT) {
            throw new Reject(f.label(), raw, "is not one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        sink.unknown(f.label(), raw.strip());
        return unknown;
    }
}
