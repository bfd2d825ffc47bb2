package io.github.peelmetrics.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One Peel field bound to a source's columns: its candidate column indices, a constant or the
 * row number; {@link #raw(Row)} gives the first non-missing cell, or null when missing.
 */
final class Field {
    final String name;
    private final List<String> candidates;
    private final Columns columns;
    /** Whether the columns can grow (JSON lines), so that the indices may need a refresh. */
    private final boolean growing;
    private int[] idx;
    /** Values already parsed, by raw text (dates, times, categories); bounded. */
    private int seen;
    final java.util.HashMap<String, Object> cache = new java.util.HashMap<>();
    private final boolean rowNumber;
    private final String constant;
    private final Set<String> missing;
    private final boolean onlyEmptyMissing;
    private final int longestToken;
    private final String[] tokens;
    /** Whether every missing token is ASCII and at most eight characters, so that cells' words can be compared with them. */
    private final boolean asciiTokens;
    /** Per non-empty missing token: its length, its lower-case {@link Row#word}, and 0x20 in each byte that is a letter. */
    private final int[] tokenLengths;
    private final long[] tokenWords;
    private final long[] tokenCaseBits;
    /** Whether some missing token starts with a byte {@code b}, indexed by {@code (b & 0x7F) | 0x20} (a superset: a quick no for {@link #isToken}). */
    private final boolean[] tokenStarts = new boolean[128];
    /** Values already parsed, by a cell's bytes (see {@link CellCache}). */
    final CellCache byBytes = new CellCache();

    Field(String name, Mapping<?> m, Columns columns) {
        this.name = name;
        this.candidates = m.columnsOf(name);
        this.columns = columns;
        this.growing = !columns.fixed();
        this.rowNumber = candidates.contains(Mapping.ROW_NUMBER);
        this.missing = m.missingTokens();
        this.onlyEmptyMissing = missing.size() == 1;
        this.tokens = missing.stream().filter(t -> !t.isEmpty()).toArray(String[]::new);
        this.longestToken = missing.stream().mapToInt(String::length).max().orElse(0);
        this.asciiTokens = missing.stream().allMatch(t -> t.length() <= 8 && t.chars().allMatch(c -> c < 0x80));
        this.tokenLengths = new int[tokens.length];
        this.tokenWords = new long[tokens.length];
        this.tokenCaseBits = new long[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
            String token = tokens[t];
            tokenLengths[t] = token.length();
            for (int k = 0; k < token.length() && k < 8; k++) {
                char c = token.charAt(k);
                boolean letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                tokenWords[t] |= (long) ((letter ? c | 0x20 : c) & 0xFF) << (8 * k);
                tokenCaseBits[t] |= letter ? 0x20L << (8 * k) : 0;
            }
        }
        for (String token : tokens) {
            tokenStarts[(token.charAt(0) & 0x7F) | 0x20] = true;
        }
        refresh();
        this.constant = rowNumber ? null : m.constantOf(name).orElse(null);
    }

    private void refresh() {
        List<Integer> found = new ArrayList<>();
        for (String c : candidates) {
            int i = columns.indexOf(c);
            if (i >= 0) {
                found.add(i);
            }
        }
        idx = found.stream().mapToInt(Integer::intValue).toArray();
        seen = columns.size();
    }

    /** Whether the source has a column (or constant, or row number) for this field. */
    boolean present() {
        return !columns.fixed() || idx.length > 0 || rowNumber || constant != null;
    }

    /** The candidate columns, for messages. */
    List<String> candidates() {
        return candidates;
    }

    /** The column to name in a rejection: the first candidate present, else the field. */
    String label() {
        return idx.length > 0 ? columns.name(idx[0]) : name;
    }

    /** {@link #cell}: every candidate cell is missing, and there is no row number or constant. */
    static final int MISSING = -1;
    /** {@link #cell}: the value is the row number or the constant, not a cell; ask {@link #raw}. */
    static final int NOT_A_CELL = -2;

    /** The first non-missing cell, the constant, the row number, or null when missing. */
    String raw(Row row) {
        int c = cell(row);
        return c >= 0 ? row.get(c) : c == NOT_A_CELL ? notACell(row) : null;
    }

    /**
     * The index of the first non-missing cell, else {@link #NOT_A_CELL} when the row number or a
     * constant stands in, else {@link #MISSING}. Reads a {@link Row#plain} cell's bytes without
     * making its string.
     */
    int cell(Row row) {
        if (growing && seen != columns.size()) {
            refresh();
        }
        for (int i : idx) {
            byte k = row.kind(i);
            if (k == Row.PLAIN && asciiTokens) {
                if (row.length(i) > longestToken || !isToken(row, i)) {
                    return i;
                }
            } else if (k != Row.EMPTY && k != Row.ABSENT) {
                String v = row.get(i);
                if (v != null && !isMissing(v)) {
                    return i;
                }
            }
        }
        return rowNumber || (idx.length == 0 && constant != null) ? NOT_A_CELL : MISSING;
    }

    /**
     * The one column of a fixed header that this field reads: its index; {@link #MISSING} when it
     * has none (the field is missing in every row); {@link #ROW_NUMBER_ONLY} when the row number
     * stands in, with no column; {@link #SEVERAL} otherwise (columns that can grow, several
     * candidate columns present, a constant, a row number behind a column).
     */
    int soleColumn() {
        if (growing || constant != null) {
            return SEVERAL;
        }
        if (rowNumber) {
            return idx.length == 0 ? ROW_NUMBER_ONLY : SEVERAL;
        }
        return idx.length == 0 ? MISSING : idx.length == 1 ? idx[0] : SEVERAL;
    }

    /** {@link #soleColumn()}: the row number, never a cell. */
    static final int ROW_NUMBER_ONLY = -3;
    /** {@link #soleColumn()}: no one column. */
    static final int SEVERAL = -4;

    /**
     * Whether {@link Row#PLAIN} cell {@code i} is a missing token, answered from its bytes; false
     * also when the tokens cannot be compared by bytes ({@link #bytewiseTokens()} says so).
     */
    boolean plainMissing(Row row, int i) {
        return asciiTokens && row.length(i) <= longestToken && isToken(row, i);
    }

    /** Whether every missing token can be told from a plain cell's bytes ({@link #plainMissing}). */
    boolean bytewiseTokens() {
        return asciiTokens;
    }

    /** The row number or constant that stands in for a cell. */
    String notACell(Row row) {
        return rowNumber ? Long.toString(row.number) : constant;
    }

    /**
     * Whether a {@link Row#PLAIN} cell (ASCII, unpadded) is a missing token ignoring case: its
     * {@link Row#word}, with the case bit set where the token has a letter, equals the token's
     * lower-case word (an ASCII byte {@code b} has {@code b | 0x20 == L} for a lower-case letter
     * {@code L} exactly when it is {@code L} or its upper case).
     */
    private boolean isToken(Row row, int i) {
        int n = row.length(i);
        if (n == 0 || !tokenStarts[(row.bytes[row.starts[i]] & 0x7F) | 0x20]) {
            return false; // no token starts so (empty cells are never plain)
        }
        long w = 0; // the cell's word, byte by byte: a token is short, and a VarHandle read is not always compiled inline here
        byte[] b = row.bytes;
        for (int k = row.starts[i] + Math.min(n, 8) - 1; k >= row.starts[i]; k--) {
            w = (w << 8) | (b[k] & 0xFF);
        }
        for (int t = 0; t < tokenWords.length; t++) {
            if (tokenLengths[t] == n && (w | tokenCaseBits[t]) == tokenWords[t]) {
                return true;
            }
        }
        return false;
    }

    boolean isMissing(String v) {
        if (v.isEmpty()) {
            return true;
        }
        int n = v.length();
        boolean padded = space(v.charAt(0)) || space(v.charAt(n - 1));
        if (padded) {
            v = v.strip();
            if (v.isEmpty()) {
                return true;
            }
        }
        if (onlyEmptyMissing || v.length() > longestToken) {
            return false;
        }
        for (String t : tokens) {
            if (t.length() == v.length() && sameIgnoringCase(t, v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code t.equalsIgnoreCase(v)} for non-empty strings of equal length, with a cheap first test:
     * two ASCII characters are equal ignoring case only when they agree in every bit but the case
     * bit (0x20). A non-ASCII first character (some fold to ASCII letters, such as the Kelvin sign)
     * always goes to {@code equalsIgnoreCase}.
     */
    private static boolean sameIgnoringCase(String t, String v) {
        char a = v.charAt(0);
        char b = t.charAt(0);
        if (a < 0x80 && b < 0x80 && (a | 0x20) != (b | 0x20)) {
            return false;
        }
        return t.equalsIgnoreCase(v);
    }

    private static boolean space(char c) {
        return c <= ' ' || (c >= 0x80 && Character.isWhitespace(c));
    }
}
