package io.github.peelmetrics.metrics.publish;

import java.util.List;

/** Renders a labelled grid with a total row and column, right-aligned, for {@code toString}. */
final class Grid {
    private Grid() {}

    /** {@code cells} has one more row and column than the labels: the totals. */
    static String render(String title, List<String> rows, List<String> columns, String[][] cells) {
        int labelWidth = "total".length();
        for (String r : rows) {
            labelWidth = Math.max(labelWidth, r.length());
        }
        int[] width = new int[columns.size() + 1];
        for (int j = 0; j <= columns.size(); j++) {
            width[j] = j < columns.size() ? columns.get(j).length() : "total".length();
            for (String[] row : cells) {
                width[j] = Math.max(width[j], row[j].length());
            }
        }
        StringBuilder sb = new StringBuilder(title).append(System.lineSeparator());
        sb.append("  ").append(pad("", labelWidth, false));
        for (int j = 0; j <= columns.size(); j++) {
            sb.append("  ").append(pad(j < columns.size() ? columns.get(j) : "total", width[j], true));
        }
        for (int i = 0; i < cells.length; i++) {
            sb.append(System.lineSeparator()).append("  ")
                    .append(pad(i < rows.size() ? rows.get(i) : "total", labelWidth, false));
            for (int j = 0; j < cells[i].length; j++) {
                sb.append("  ").append(pad(cells[i][j], width[j], true));
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
