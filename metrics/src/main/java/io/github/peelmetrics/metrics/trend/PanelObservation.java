package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * One area in one period of a difference-in-differences panel.
 *
 * @param area    the area code (the cluster), not blank
 * @param treated whether the area is in the program
 * @param period  the period number
 * @param post    whether the period is after the program started
 * @param outcome the outcome (a rate, a count, a score), finite
 */
public record PanelObservation(String area, boolean treated, int period, boolean post, double outcome) {

    /** Validates. */
    public PanelObservation {
        Objects.requireNonNull(area, "area");
        if (area.isBlank()) {
            throw new IllegalArgumentException("PanelObservation: area must not be blank");
        }
        if (!Double.isFinite(outcome)) {
            throw new IllegalArgumentException(Format.f("PanelObservation: outcome of area %s period %d must be finite: %s",
                    area, period, outcome));
        }
    }

    /** An observation. */
    public static PanelObservation of(String area, boolean treated, int period, boolean post, double outcome) {
        return new PanelObservation(area, treated, period, post, outcome);
    }
}
