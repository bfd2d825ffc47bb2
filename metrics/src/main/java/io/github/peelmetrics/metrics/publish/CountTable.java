package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.metrics.disparity.DisparityRow;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A two-way table of counts meant for publication (rows by columns, e.g. stops by group and
 * beat), with its row, column and grand totals.
 *
 * <p>Immutable and thread-safe.
 */
public final class CountTable {

    private final String title;
    private final List<String> rows;
    private final List<String> columns;
    private final long[][] counts;

    private CountTable(String title, List<String> rows, List<String> columns, long[][] counts) {
        this.title = title;
        this.rows = rows;
        this.columns = columns;
        this.counts = counts;
    }

    /**
     * A table from labels and counts ({@code counts[row][column]}).
     *
     * @throws IllegalArgumentException if a label is blank or repeats, the shape does not match
     *                                  the labels, or a count is negative
     */
    public static CountTable of(String title, List<String> rows, List<String> columns, long[][] counts) {
        Objects.requireNonNull(title, "title of count table must not be null");
        List<String> r = labels(title, "row", rows);
        List<String> c = labels(title, "column", columns);
        Objects.requireNonNull(counts, "counts of count table " + title + " must not be null");
        if (counts.length != r.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "count table %s has %d row labels but %d rows of counts", title, r.size(), counts.length));
        }
        long[][] copy = new long[r.size()][];
        for (int i = 0; i < counts.length; i++) {
            Objects.requireNonNull(counts[i], "row " + r.get(i) + " of count table " + title + " must not be null");
            if (counts[i].length != c.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "row %s of count table %s has %d counts, expected %d", r.get(i), title, counts[i].length,
                        c.size()));
            }
            for (int j = 0; j < c.size(); j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "count of (%s, %s) in count table %s must not be negative: %d", r.get(i), c.get(j), title,
                            counts[i][j]));
                }
            }
            copy[i] = counts[i].clone();
        }
        return new CountTable(title, r, c, copy);
    }

    private static List<String> labels(String title, String what, List<String> labels) {
        Objects.requireNonNull(labels, what + " labels of count table " + title + " must not be null");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("count table " + title + " has no " + what);
        }
        HashSet<String> seen = new HashSet<>();
        for (String l : labels) {
            Objects.requireNonNull(l, what + " label of count table " + title + " must not be null");
            if (l.isBlank() || !seen.add(l)) {
                throw new IllegalArgumentException(what + " label of count table " + title
                        + " must be non-blank and unique: \"" + l + "\"");
            }
        }
        return List.copyOf(labels);
    }

    /**
     * Stops by group (rows, codes in {@link StopTally#GROUP_ORDER}) and key (columns; a single
     * column {@link StopTally#ALL} for a tally without a key).
     */
    public static CountTable stops(StopTally tally) {
        Objects.requireNonNull(tally, "tally must not be null");
        List<Category> groups = tally.groups();
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("the tally has no stop to publish");
        }
        List<String> keys = tally.keyed() ? tally.keys() : List.of(StopTally.ALL);
        long[][] c = new long[groups.size()][keys.size()];
        for (int i = 0; i < groups.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                c[i][j] = tally.keyed() ? tally.counts(groups.get(i), keys.get(j)).stops()
                        : tally.counts(groups.get(i)).stops();
            }
        }
        return of("stops", groups.stream().map(Category::code).toList(), keys, c);
    }

    /**
     * The stops of a disparity table by group (rows, the table's rows) and key (columns, its
     * {@link DisparityTable#byKey()} tables; one column {@link StopTally#ALL} when it has none).
     */
    public static CountTable stops(DisparityTable table) {
        Objects.requireNonNull(table, "disparity table must not be null");
        List<DisparityRow> rs = table.rows();
        List<String> keys = table.byKey().isEmpty() ? List.of(StopTally.ALL) : new ArrayList<>(table.byKey().keySet());
        long[][] c = new long[rs.size()][keys.size()];
        for (int i = 0; i < rs.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                DisparityTable t = table.byKey().isEmpty() ? table : table.byKey().get(keys.get(j));
                c[i][j] = t.row(rs.get(i).group()).map(r -> r.counts().stops()).orElse(0L);
            }
        }
        return of("stops", rs.stream().map(r -> r.group().code()).toList(), keys, c);
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The row labels. */
    public List<String> rows() {
        return rows;
    }

    /** The column labels. */
    public List<String> columns() {
        return columns;
    }

    /** The count of a cell, by index. */
    public long count(int row, int column) {
        return counts[row][column];
    }

    /** The total of a row. */
    public long rowTotal(int row) {
        long s = 0;
        for (long v : counts[row]) {
            s += v;
        }
        return s;
    }

    /** The total of a column. */
    public long columnTotal(int column) {
        long s = 0;
        for (long[] r : counts) {
            s += r[column];
        }
        return s;
    }

    /** The grand total. */
    public long total() {
        long s = 0;
        for (int i = 0; i < counts.length; i++) {
            s += rowTotal(i);
        }
        return s;
    }

    /** An aligned table with totals. */
    @Override
    public String toString() {
        String[][] cells = new String[rows.size() + 1][columns.size() + 1];
        for (int i = 0; i <= rows.size(); i++) {
            for (int j = 0; j <= columns.size(); j++) {
                long v = i < rows.size() ? (j < columns.size() ? counts[i][j] : rowTotal(i))
                        : (j < columns.size() ? columnTotal(j) : total());
                cells[i][j] = Long.toString(v);
            }
        }
        return Grid.render(title, rows, columns, cells);
    }
}
