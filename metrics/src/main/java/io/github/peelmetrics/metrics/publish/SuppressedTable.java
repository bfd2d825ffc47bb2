package io.github.peelmetrics.metrics.publish;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A {@link CountTable} after {@link Suppression}: every cell and total either shown or hidden,
 * with the reason ({@link CellStatus}). Hidden values are not kept, so the object itself can be
 * handed to whoever publishes it.
 *
 * <p>Rows and columns are addressed by index, the totals by {@code rowTotal}, {@code columnTotal}
 * and {@code total}. Immutable and thread-safe.
 */
public final class SuppressedTable {

    private final String title;
    private final List<String> rows;
    private final List<String> columns;
    private final long minimum;
    /** Augmented: row {@code rows.size()} holds the column totals, column {@code columns.size()} the row totals. */
    private final long[][] shown;
    private final CellStatus[][] status;

    SuppressedTable(String title, List<String> rows, List<String> columns, long minimum, long[][] values,
                    CellStatus[][] status) {
        this.title = title;
        this.rows = rows;
        this.columns = columns;
        this.minimum = minimum;
        this.status = new CellStatus[status.length][];
        this.shown = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            this.status[i] = status[i].clone();
            this.shown[i] = new long[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                this.shown[i][j] = status[i][j].hidden() ? -1 : values[i][j];
            }
        }
    }

    /** The title of the table. */
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

    /** The minimum count that may be shown. */
    public long minimumCount() {
        return minimum;
    }

    /** A cell's count, empty when hidden. */
    public OptionalLong cell(int row, int column) {
        return value(checkRow(row), checkColumn(column));
    }

    /** Why a cell is shown or hidden. */
    public CellStatus status(int row, int column) {
        return status[checkRow(row)][checkColumn(column)];
    }

    /** A row's total, empty when hidden. */
    public OptionalLong rowTotal(int row) {
        return value(checkRow(row), columns.size());
    }

    /** Why a row total is shown or hidden. */
    public CellStatus rowTotalStatus(int row) {
        return status[checkRow(row)][columns.size()];
    }

    /** A column's total, empty when hidden. */
    public OptionalLong columnTotal(int column) {
        return value(rows.size(), checkColumn(column));
    }

    /** Why a column total is shown or hidden. */
    public CellStatus columnTotalStatus(int column) {
        return status[rows.size()][checkColumn(column)];
    }

    /** The grand total, empty when hidden. */
    public OptionalLong total() {
        return value(rows.size(), columns.size());
    }

    /** Why the grand total is shown or hidden. */
    public CellStatus totalStatus() {
        return status[rows.size()][columns.size()];
    }

    /** How many values (cells and totals) are hidden with the given status. */
    public int count(CellStatus s) {
        Objects.requireNonNull(s, "status must not be null");
        int n = 0;
        for (CellStatus[] r : status) {
            for (CellStatus c : r) {
                if (c == s) {
                    n++;
                }
            }
        }
        return n;
    }

    private OptionalLong value(int i, int j) {
        return status[i][j].hidden() ? OptionalLong.empty() : OptionalLong.of(shown[i][j]);
    }

    private int checkRow(int row) {
        if (row < 0 || row >= rows.size()) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "row %d of suppressed table %s is outside [0, %d)", row, title, rows.size()));
        }
        return row;
    }

    private int checkColumn(int column) {
        if (column < 0 || column >= columns.size()) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "column %d of suppressed table %s is outside [0, %d)", column, title, columns.size()));
        }
        return column;
    }

    /** The table with every hidden value printed as {@code *}, primary and complementary alike. */
    @Override
    public String toString() {
        String[][] cells = new String[shown.length][];
        for (int i = 0; i < shown.length; i++) {
            cells[i] = new String[shown[i].length];
            for (int j = 0; j < shown[i].length; j++) {
                cells[i][j] = status[i][j].hidden() ? "*" : Long.toString(shown[i][j]);
            }
        }
        return Grid.render(String.format(Locale.ROOT, "%s (* hidden: counts under %d and complementary cells)",
                title, minimum), rows, columns, cells);
    }
}
