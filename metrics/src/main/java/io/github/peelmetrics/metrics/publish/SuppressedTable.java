package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A {@link CountTable} after {@link Suppression}: the public view. Every cell and total is either
 * shown or hidden; a hidden value is not kept, and nothing says why it is hidden (a small count
 * and a complementary cell look the same), so the object itself, its {@code toString} and its
 * JSON can be handed to whoever publishes it. Its {@link #audit()} gives, for every hidden value,
 * the interval a reader can derive from everything published with it, and states whether every
 * small count is protected.
 *
 * <p>Rows and columns are addressed by index ({@link #cell}), the totals by {@link #rowTotal},
 * {@link #columnTotal} and {@link #total}. Immutable and thread-safe.
 *
 * @param title        the title of the table
 * @param rows         the row labels
 * @param columns      the column labels
 * @param minimumCount the minimum count that may be shown
 * @param cells        the cells, one list per row with one cell per column
 * @param rowTotals    the total of each row
 * @param columnTotals the total of each column
 * @param grandTotal   the grand total
 * @param audit        what a reader can derive about the hidden values of this table and of the
 *                     tables published with it
 */
public record SuppressedTable(String title, List<String> rows, List<String> columns, long minimumCount,
                              List<List<Cell>> cells, List<Cell> rowTotals, List<Cell> columnTotals, Cell grandTotal,
                              Audit audit) {

    /**
     * One value of the table: its count when shown, empty when hidden.
     *
     * @param count the count, empty when the value is hidden
     */
    public record Cell(OptionalLong count) {

        /** Checks that a shown count is not negative. */
        public Cell {
            Objects.requireNonNull(count, "count of suppressed cell must not be null");
            if (count.isPresent() && count.getAsLong() < 0) {
                throw new IllegalArgumentException("count of suppressed cell must not be negative: " + count.getAsLong());
            }
        }

        static Cell of(long count, boolean hidden) {
            return new Cell(hidden ? OptionalLong.empty() : OptionalLong.of(count));
        }

        /** Whether the value is hidden. */
        public boolean hidden() {
            return count.isEmpty();
        }

        /** The count, or {@code *} when hidden. */
        @Override
        public String toString() {
            return count.isPresent() ? Long.toString(count.getAsLong()) : "*";
        }
    }

    /** Checks the shape and copies the lists. */
    public SuppressedTable {
        Objects.requireNonNull(title, "title of suppressed table must not be null");
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        Objects.requireNonNull(grandTotal, "grandTotal of suppressed table " + title + " must not be null");
        Objects.requireNonNull(audit, "audit of suppressed table " + title + " must not be null");
        List<List<Cell>> copy = new ArrayList<>();
        for (List<Cell> row : cells) {
            List<Cell> r = List.copyOf(row);
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "suppressed table %s has a row of %d cells for %d columns", title, r.size(), columns.size()));
            }
            copy.add(r);
        }
        cells = List.copyOf(copy);
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
        if (cells.size() != rows.size() || rowTotals.size() != rows.size() || columnTotals.size() != columns.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "suppressed table %s has %d rows of cells, %d row totals and %d column totals for %d rows and "
                            + "%d columns", title, cells.size(), rowTotals.size(), columnTotals.size(), rows.size(),
                    columns.size()));
        }
    }

    /** The table from the augmented arrays: row {@code m} the column totals, column {@code n} the row totals. */
    static SuppressedTable of(String title, List<String> rows, List<String> columns, long minimum, long[][] values,
                              boolean[][] hidden, Audit audit) {
        int m = rows.size();
        int n = columns.size();
        List<List<Cell>> cells = new ArrayList<>(m);
        List<Cell> rowTotals = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            List<Cell> row = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                row.add(Cell.of(values[i][j], hidden[i][j]));
            }
            cells.add(row);
            rowTotals.add(Cell.of(values[i][n], hidden[i][n]));
        }
        List<Cell> columnTotals = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            columnTotals.add(Cell.of(values[m][j], hidden[m][j]));
        }
        return new SuppressedTable(title, rows, columns, minimum, cells, rowTotals, columnTotals,
                Cell.of(values[m][n], hidden[m][n]), audit);
    }

    /** A cell's count, empty when hidden. */
    public OptionalLong cell(int row, int column) {
        return cells.get(checkRow(row)).get(checkColumn(column)).count();
    }

    /** A row's total, empty when hidden. */
    public OptionalLong rowTotal(int row) {
        return rowTotals.get(checkRow(row)).count();
    }

    /** A column's total, empty when hidden. */
    public OptionalLong columnTotal(int column) {
        return columnTotals.get(checkColumn(column)).count();
    }

    /** The grand total, empty when hidden. */
    public OptionalLong total() {
        return grandTotal.count();
    }

    /** The augmented value (i, j): cells, row totals in column {@code n}, column totals in row {@code m}. */
    OptionalLong augmented(int i, int j) {
        int m = rows.size();
        int n = columns.size();
        return i < m ? (j < n ? cell(i, j) : rowTotal(i)) : (j < n ? columnTotal(j) : total());
    }

    /** How many values (cells and totals) are hidden. */
    public int hiddenCount() {
        int k = grandTotal.hidden() ? 1 : 0;
        for (List<Cell> r : cells) {
            for (Cell c : r) {
                k += c.hidden() ? 1 : 0;
            }
        }
        for (Cell c : rowTotals) {
            k += c.hidden() ? 1 : 0;
        }
        for (Cell c : columnTotals) {
            k += c.hidden() ? 1 : 0;
        }
        return k;
    }

    private int checkRow(int row) {
        return Checks.index("row", "suppressed table " + title, row, rows.size());
    }

    private int checkColumn(int column) {
        return Checks.index("column", "suppressed table " + title, column, columns.size());
    }

    /** The table with every hidden value printed as {@code *}, then the audit's statement. */
    @Override
    public String toString() {
        int m = rows.size();
        int n = columns.size();
        String[][] out = new String[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                Cell c = i < m ? (j < n ? cells.get(i).get(j) : rowTotals.get(i))
                        : (j < n ? columnTotals.get(j) : grandTotal);
                out[i][j] = c.toString();
            }
        }
        return Grid.render(minimumCount <= 1 ? title + " (nothing under 1 to hide)"
                : String.format(Locale.ROOT, "%s (* hidden; no count from 1 to %d is shown)", title, minimumCount - 1),
                rows, columns, out) + System.lineSeparator() + "  " + audit;
    }
}
