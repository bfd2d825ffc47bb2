package io.github.peelmetrics.metrics.publish;

/** Why a cell of a {@link SuppressedTable} is shown or hidden. */
public enum CellStatus {
    /** Shown: its count is 0 or at least the minimum, and hiding it was not needed to protect another cell. */
    PUBLISHED,
    /** Hidden because its count is positive and under the minimum (primary suppression). */
    PRIMARY,
    /**
     * Hidden, though not small, so that no primary cell can be recovered from the published cells
     * and totals (complementary suppression).
     */
    COMPLEMENTARY;

    /** Whether the cell is hidden. */
    public boolean hidden() {
        return this != PUBLISHED;
    }
}
