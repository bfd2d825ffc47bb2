package io.github.peelmetrics.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column names and their indices: fixed (a CSV header) or growing (keys met in JSON lines). */
final class Columns {
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean fixed;
    /** Characters of the names registered so far (growing columns are bounded by {@link Limits#MAX_KEY_CHARS}). */
    private long chars;
    /** The names looked up, when tracked (see {@link PushRead#columnsRead}); null otherwise. */
    java.util.Set<String> asked;

    Columns(List<String> header, boolean fixed) {
        for (String h : header) {
            if (!index.containsKey(h)) {
                index.put(h, names.size());
            }
            names.add(h);
        }
        this.fixed = fixed;
    }

    /** Whether the set of columns is known before the rows (a CSV header). */
    boolean fixed() {
        return fixed;
    }

    int indexOf(String name) {
        if (asked != null) {
            asked.add(name);
        }
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * The index of a name, adding it when the columns grow; -1 when full ({@value Limits#MAX_COLUMNS}
     * names, or {@value Limits#MAX_KEY_CHARS} characters of names).
     */
    int register(String name) {
        Integer i = index.get(name);
        if (i != null) {
            return i;
        }
        if (names.size() >= Limits.MAX_COLUMNS || chars + name.length() > Limits.MAX_KEY_CHARS) {
            return -1;
        }
        chars += name.length();
        index.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    List<String> names() {
        return names;
    }
}
