package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link SurveyCells} tally: every cell with its sums, as the tally holds them
 * (its JSON is this record's). {@code b} is a respondent's base weight and {@code y} their answer to
 * an item; an item's sums run over the cell's respondents who answered it.
 *
 * @param categoricals the categorical variables whose levels make the cells
 * @param numerics     the numeric variables (items)
 * @param respondents  respondents counted (the sum of the cells' {@code n})
 * @param cells        the non-empty cells, sorted by their levels
 */
public record SurveyCellSums(List<String> categoricals, List<String> numerics, long respondents, List<Cell> cells) {

    /** Copies the lists. */
    public SurveyCellSums {
        categoricals = List.copyOf(categoricals);
        numerics = List.copyOf(numerics);
        cells = List.copyOf(cells);
    }

    /**
     * One cell.
     *
     * @param levels          the cell's level of each categorical variable, in their order
     * @param n               respondents in the cell
     * @param weightSum       {@code Σb}
     * @param weightSquareSum {@code Σb²}
     * @param items           the sums of each numeric variable, in their order
     */
    public record Cell(List<String> levels, long n, double weightSum, double weightSquareSum, List<Item> items) {
        /** Copies the lists. */
        public Cell {
            levels = List.copyOf(levels);
            items = List.copyOf(items);
        }
    }

    /**
     * One item's sums in a cell, over the respondents who answered it.
     *
     * @param variable the item
     * @param answered respondents who answered ({@code M})
     * @param sumY     {@code Σy}
     * @param sumB     {@code Σb}
     * @param sumBY    {@code Σby}
     * @param sumBY2   {@code Σby²}
     * @param sumB2    {@code Σb²}
     * @param sumB2Y   {@code Σb²y}
     * @param sumB2Y2  {@code Σb²y²}
     */
    public record Item(String variable, long answered, double sumY, double sumB, double sumBY, double sumBY2,
            double sumB2, double sumB2Y, double sumB2Y2) {
        /** Checks the name. */
        public Item {
            Objects.requireNonNull(variable, "variable must not be null");
        }
    }

    /**
     * A heading line, then one row per cell: its levels, {@code n}, {@code Σb}, {@code Σb²}, then
     * per item the answered count and {@code Σby} (the other sums are in the record); sums as
     * table cells (three decimals below 10, one from 100, scientific from a million).
     */
    @Override
    public String toString() {
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(categoricals);
        head.addAll(List.of("n", "sum_b", "sum_b2"));
        for (String v : numerics) {
            head.add(v + ".answered");
            head.add(v + ".sum_by");
        }
        rows.add(head.toArray(String[]::new));
        for (Cell c : cells) {
            List<String> row = new ArrayList<>(c.levels());
            row.add(Long.toString(c.n()));
            row.add(Format.cell(c.weightSum()));
            row.add(Format.cell(c.weightSquareSum()));
            for (Item i : c.items()) {
                row.add(Long.toString(i.answered()));
                row.add(Format.cell(i.sumBY()));
            }
            rows.add(row.toArray(String[]::new));
        }
        int[] width = new int[head.size()];
        for (String[] r : rows) {
            for (int j = 0; j < r.length; j++) {
                width[j] = Math.max(width[j], r[j].length());
            }
        }
        StringBuilder sb = new StringBuilder(Format.f("SurveyCells: %d respondents in %d cells of %s, numeric %s",
                respondents, cells.size(), categoricals, numerics));
        for (String[] r : rows) {
            sb.append('\n');
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < r.length; j++) {
                boolean left = j < categoricals.size();
                String pad = " ".repeat(width[j] - r[j].length());
                line.append(j == 0 ? "" : "  ").append(left ? r[j] + pad : pad + r[j]);
            }
            sb.append(line.toString().stripTrailing());
        }
        return sb.toString();
    }
}
