package io.github.peelmetrics.spark;

import org.apache.spark.sql.Row;

/** Spark rows as the string cells that io's per-row conversion reads. */
final class Cells {
    private Cells() {}

    /** The row's cells: strings as they are, other values as their string forms, null as null. */
    static String[] of(Row row, String[] into) {
        int n = row.length();
        String[] out = into != null && into.length == n ? into : new String[n];
        for (int i = 0; i < n; i++) {
            Object v = row.get(i);
            out[i] = v == null ? null : v instanceof String s ? s : v.toString();
        }
        return out;
    }
}
