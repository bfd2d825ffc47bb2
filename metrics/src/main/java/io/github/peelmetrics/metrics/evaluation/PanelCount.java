package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * One cell of an area × period panel: the count of events (crimes, homicides) in an area in a
 * period, and the population at risk (the offset of the count models).
 *
 * @param area       the area (beat, district, city), not blank
 * @param period     the period (a year, or a month index), consecutive periods differing by 1 are
 *                   not required: periods are taken in increasing order
 * @param count      the count, non-negative
 * @param population the population at risk, positive and finite
 */
public record PanelCount(String area, int period, long count, double population) {

    /** Validates. */
    public PanelCount {
        Objects.requireNonNull(area, "area of PanelCount must not be null");
        if (area.isBlank()) {
            throw new IllegalArgumentException("area of PanelCount must not be blank");
        }
        if (count < 0) {
            throw new IllegalArgumentException(Format.f("count of area %s in period %d must not be negative: %d",
                    area, period, count));
        }
        if (!(population > 0) || Double.isInfinite(population)) {
            throw new IllegalArgumentException(Format.f("population of area %s in period %d must be positive and "
                    + "finite: %s", area, period, population));
        }
    }

    /** A cell. */
    public static PanelCount of(String area, int period, long count, double population) {
        return new PanelCount(area, period, count, population);
    }

    @Override
    public String toString() {
        return area + " " + period + ": " + count + " in " + Format.num(population);
    }
}
