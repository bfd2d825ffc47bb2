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

    Field(String name, Mapping m, Columns columns) {
        this.name = name;
        this.candidates = m.columns(name);
        this.columns = columns;
        this.growing = !columns.fixed();
        this.rowNumber = candidates.contains(Mapping.ROW_NUMBER);
        this.missing = m.missingTokens();
        this.onlyEmptyMissing = missing.size() == 1;
        this.tokens = missing.stream().filter(t -> !t.isEmpty()).toArray(String[]::new);
        this.longestToken = missing.stream().mapToInt(String::length).max().orElse(0);
        refresh();
        this.constant = rowNumber ? null : m.constant(name).orElse(null);
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

    /** The first non-missing cell, the constant, the row number, or null when missing. */
    String raw(Row row) {
        if (growing && seen != columns.size()) {
            refresh();
        }
        for (int i : idx) {
            String v = row.get(i);
            if (v != null && !isMissing(v)) {
                return v;
            }
        }
        if (rowNumber) {
            return Long.toString(row.number);
        }
        return idx.length == 0 ? constant : null;
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
