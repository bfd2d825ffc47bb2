package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.metrics.disparity.DisparityRow;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A two-way table of counts meant for publication (rows by columns, e.g. stops by group and
 * beat), with its row, column and grand totals.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title        the title
 * @param rows         the row labels, non-blank and unique
 * @param columns      the column labels, non-blank and unique
 * @param counts       the counts, one list per row with one count per column, none negative
 * @param rowTotals    the total of each row
 * @param columnTotals the total of each column
 * @param total        the grand total
 */
public record CountTable(String title, List<String> rows, List<String> columns, List<List<Long>> counts,
                         List<Long> rowTotals, List<Long> columnTotals, long total) {

    /**
     * Checks labels, shape, counts and totals; copies the lists.
     *
     * @throws IllegalArgumentException if a label is blank or repeats, the shape does not match
     *                                  the labels, a count is negative or a total is not the sum
     */
    public CountTable {
        Objects.requireNonNull(title, "title of count table must not be null");
        rows = labels(title, "row", rows);
        columns = labels(title, "column", columns);
        Objects.requireNonNull(counts, "counts of count table " + title + " must not be null");
        if (counts.size() != rows.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "count table %s has %d row labels but %d rows of counts", title, rows.size(), counts.size()));
        }
        List<List<Long>> copy = new ArrayList<>(rows.size());
        long[] byColumn = new long[columns.size()];
        long grand = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<Long> row = List.copyOf(Objects.requireNonNull(counts.get(i),
                    "row " + rows.get(i) + " of count table " + title + " must not be null"));
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "row %s of count table %s has %d counts, expected %d", rows.get(i), title, row.size(),
                        columns.size()));
            }
            long sum = 0;
            for (int j = 0; j < columns.size(); j++) {
                long v = row.get(j);
                if (v < 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "count of (%s, %s) in count table %s must not be negative: %d", rows.get(i),
                            columns.get(j), title, v));
                }
                sum += v;
                byColumn[j] += v;
            }
            grand += sum;
            copy.add(row);
        }
        counts = List.copyOf(copy);
        rowTotals = List.copyOf(Objects.requireNonNull(rowTotals, "rowTotals of count table " + title
                + " must not be null"));
        columnTotals = List.copyOf(Objects.requireNonNull(columnTotals, "columnTotals of count table " + title
                + " must not be null"));
        if (rowTotals.size() != rows.size() || columnTotals.size() != columns.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "count table %s has %d row totals and %d column totals for %d rows and %d columns", title,
                    rowTotals.size(), columnTotals.size(), rows.size(), columns.size()));
        }
        for (int i = 0; i < rows.size(); i++) {
            long sum = 0;
            for (long v : counts.get(i)) {
                sum += v;
            }
            checkTotal(title, "row " + rows.get(i), rowTotals.get(i), sum);
        }
        for (int j = 0; j < columns.size(); j++) {
            checkTotal(title, "column " + columns.get(j), columnTotals.get(j), byColumn[j]);
        }
        checkTotal(title, "the grand total", total, grand);
    }

    private static void checkTotal(String title, String what, long given, long sum) {
        if (given != sum) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "total of %s in count table %s must be the sum of its counts, %d: %d", what, title, sum, given));
        }
    }

    /**
     * A table from labels and counts ({@code counts[row][column]}), with its totals.
     *
     * @throws IllegalArgumentException if a label is blank or repeats, the shape does not match
     *                                  the labels, or a count is negative
     */
    public static CountTable of(String title, List<String> rows, List<String> columns, long[][] counts) {
        Objects.requireNonNull(title, "title of count table must not be null");
        Objects.requireNonNull(counts, "counts of count table " + title + " must not be null");
        List<List<Long>> c = new ArrayList<>(counts.length);
        List<Long> rowTotals = new ArrayList<>(counts.length);
        int columnCount = columns == null ? 0 : columns.size();
        long[] byColumn = new long[columnCount];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            long[] r = Objects.requireNonNull(counts[i], "row " + i + " of count table " + title + " must not be null");
            List<Long> row = new ArrayList<>(r.length);
            long sum = 0;
            for (int j = 0; j < r.length; j++) {
                row.add(r[j]);
                sum += r[j];
                if (j < columnCount) {
                    byColumn[j] += r[j];
                }
            }
            c.add(row);
            rowTotals.add(sum);
            total += sum;
        }
        List<Long> columnTotals = new ArrayList<>(columnCount);
        for (long v : byColumn) {
            columnTotals.add(v);
        }
        return new CountTable(title, rows, columns, c, rowTotals, columnTotals, total);
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
     *
     * @throws IllegalArgumentException if the tally has no stop
     */
    public static CountTable stops(StopTally tally) {
        Objects.requireNonNull(tally, "tally must not be null");
        List<Category> groups = tally.groups();
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("the tally has no stop to publish");
        }
        List<String> keys = tally.keyed() ? tally.keys() : List.of(StopTally.ALL);
        Map<String, Map<Category, StopCounts>> cells = tally.cells(); // only the cells it holds: others are 0
        long[][] c = new long[groups.size()][keys.size()];
        for (int i = 0; i < groups.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                StopCounts n = cells.getOrDefault(keys.get(j), Map.of()).get(groups.get(i));
                c[i][j] = n == null ? 0 : n.stops();
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
                DisparityTable t = table.byKey().isEmpty() ? table : table.forKey(keys.get(j));
                c[i][j] = t.row(rs.get(i).group()).counts().stops(); // every key's table has the same groups
            }
        }
        return of("stops", rs.stream().map(r -> r.group().code()).toList(), keys, c);
    }

    /** The same counts under another title (tables published together need different titles). */
    public CountTable withTitle(String newTitle) {
        return new CountTable(newTitle, rows, columns, counts, rowTotals, columnTotals, total);
    }

    /**
     * The table of this table's row totals: the same rows and one column {@link StopTally#ALL}
     * (for stops by group and beat, the city-wide stops by group), e.g. to publish with this one
     * through {@link Suppression#apply(CountTable, CountTable)}.
     */
    public CountTable totals(String newTitle) {
        long[][] c = new long[rows.size()][1];
        for (int i = 0; i < c.length; i++) {
            c[i][0] = rowTotals.get(i);
        }
        return of(newTitle, rows, List.of(StopTally.ALL), c);
    }

    /**
     * The count of a cell, by index.
     *
     * @throws IndexOutOfBoundsException if the row or column is not in the table
     */
    public long count(int row, int column) {
        return counts.get(checkRow(row)).get(checkColumn(column));
    }

    /**
     * The total of a row.
     *
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public long rowTotal(int row) {
        return rowTotals.get(checkRow(row));
    }

    /**
     * The total of a column.
     *
     * @throws IndexOutOfBoundsException if the column is not in the table
     */
    public long columnTotal(int column) {
        return columnTotals.get(checkColumn(column));
    }

    private int checkRow(int row) {
        return Checks.index("row", "count table " + title, row, rows.size());
    }

    private int checkColumn(int column) {
        return Checks.index("column", "count table " + title, column, columns.size());
    }

    /** An aligned table with totals. */
    @Override
    public String toString() {
        String[][] cells = new String[rows.size() + 1][columns.size() + 1];
        for (int i = 0; i <= rows.size(); i++) {
            for (int j = 0; j <= columns.size(); j++) {
                long v = i < rows.size() ? (j < columns.size() ? counts.get(i).get(j) : rowTotals.get(i))
                        : (j < columns.size() ? columnTotals.get(j) : total);
                cells[i][j] = Long.toString(v);
            }
        }
        return Grid.render(title, rows, columns, cells);
    }
}
