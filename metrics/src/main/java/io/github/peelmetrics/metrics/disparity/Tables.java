package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.core.internal.Format;
import java.util.Optional;

/** Number formatting of the disparity tables: fixed locale, a dash for an undefined value. */
final class Tables {
    private Tables() {}

    static String ratio(Optional<RatioEstimate> r) {
        return r.map(e -> Format.cell(e.estimate())).orElse("-");
    }

    static String ratioWithInterval(Optional<RatioEstimate> r) {
        return r.map(e -> Format.cell(e.estimate()) + " [" + Format.cell(e.interval().lower()) + ", "
                + Format.cell(e.interval().upper()) + "]").orElse("-");
    }
}
