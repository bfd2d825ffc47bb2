package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A {@link CountTable} after {@link Suppression}: every cell and total either shown or hidden,
 * with the reason ({@link CellStatus}). Hidden values are not kept, so the object itself can be
 * handed to whoever publishes it.
 *
 * <p>Rows and columns are addressed by index ({@link #cell}, {@link #status}), the totals by
 * {@link #rowTotal}, {@link #columnTotal} and {@link #total}. Immutable and thread-safe.
 *
 * @param title        the title of the table
 * @param rows         the row labels
 * @param columns      the column labels
 * @param minimumCount the minimum count that may be shown
 * @param cells        the cells, one list per row with one cell per column
 * @param rowTotals    the total of each row
 * @param columnTotals the total of each column
 * @param grandTotal   the grand total
 */
public record SuppressedTable(String title, List<String> rows, List<String> columns, long minimumCount,
                              List<List<Cell>> cells, List<Cell> rowTotals, List<Cell> columnTotals, Cell grandTotal) {

    /**
     * One value of the table: its count when shown, and why it is shown or hidden.
     *
     * @param count  the count, empty exactly when the value is hidden
     * @param status why it is shown or hidden
     */
    public record Cell(OptionalLong count, CellStatus status) {

        /** Checks that a count is present exactly when the status shows it, and is not negative. */
        public Cell {
            Objects.requireNonNull(count, "count of suppressed cell must not be null");
            Objects.requireNonNull(status, "status of suppressed cell must not be null");
            if (status.hidden() == count.isPresent()) {
                throw new IllegalArgumentException("a suppressed cell has a count exactly when it is published: "
                        + status + " with " + count);
            }
            if (count.isPresent() && count.getAsLong() < 0) {
                throw new IllegalArgumentException("count of suppressed cell must not be negative: " + count.getAsLong());
            }
        }

        /** The cell of a count with a status; the count is dropped when the status hides it. */
        static Cell of(long count, CellStatus status) {
            return new Cell(status.hidden() ? OptionalLong.empty() : OptionalLong.of(count), status);
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

    /** The table from the augmented arrays of {@link Suppression}: row {@code m} the column totals, column {@code n} the row totals. */
    static SuppressedTable of(String title, List<String> rows, List<String> columns, long minimum, long[][] values,
                              CellStatus[][] status) {
        int m = rows.size();
        int n = columns.size();
        List<List<Cell>> cells = new ArrayList<>(m);
        List<Cell> rowTotals = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            List<Cell> row = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                row.add(Cell.of(values[i][j], status[i][j]));
            }
            cells.add(row);
            rowTotals.add(Cell.of(values[i][n], status[i][n]));
        }
        List<Cell> columnTotals = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            columnTotals.add(Cell.of(values[m][j], status[m][j]));
        }
        return new SuppressedTable(title, rows, columns, minimum, cells, rowTotals, columnTotals,
                Cell.of(values[m][n], status[m][n]));
    }

    /** A cell's count, empty when hidden. */
    public OptionalLong cell(int row, int column) {
        return cells.get(checkRow(row)).get(checkColumn(column)).count();
    }

    /** Why a cell is shown or hidden. */
    public CellStatus status(int row, int column) {
        return cells.get(checkRow(row)).get(checkColumn(column)).status();
    }

    /** A row's total, empty when hidden. */
    public OptionalLong rowTotal(int row) {
        return rowTotals.get(checkRow(row)).count();
    }

    /** Why a row total is shown or hidden. */
    public CellStatus rowTotalStatus(int row) {
        return rowTotals.get(checkRow(row)).status();
    }

    /** A column's total, empty when hidden. */
    public OptionalLong columnTotal(int column) {
        return columnTotals.get(checkColumn(column)).count();
    }

    /** Why a column total is shown or hidden. */
    public CellStatus columnTotalStatus(int column) {
        return columnTotals.get(checkColumn(column)).status();
    }

    /** The grand total, empty when hidden. */
    public OptionalLong total() {
        return grandTotal.count();
    }

    /** Why the grand total is shown or hidden. */
    public CellStatus totalStatus() {
        return grandTotal.status();
    }

    /** How many values (cells and totals) have the given status. */
    public int count(CellStatus s) {
        Objects.requireNonNull(s, "status must not be null");
        int k = grandTotal.status() == s ? 1 : 0;
        for (List<Cell> r : cells) {
            for (Cell c : r) {
                k += c.status() == s ? 1 : 0;
            }
        }
        for (Cell c : rowTotals) {
            k += c.status() == s ? 1 : 0;
        }
        for (Cell c : columnTotals) {
            k += c.status() == s ? 1 : 0;
        }
        return k;
    }

    private int checkRow(int row) {
        return Checks.index("row", "suppressed table " + title, row, rows.size());
    }

    private int checkColumn(int column) {
        return Checks.index("column", "suppressed table " + title, column, columns.size());
    }

    /** The table with every hidden value printed as {@code *}, primary and complementary alike. */
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
        return Grid.render(String.format(Locale.ROOT, "%s (* hidden: counts under %d and complementary cells)",
                title, minimumCount), rows, columns, out);
    }
}
