package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.List;
import java.util.Objects;

/**
 * The officers outside a funnel's limits under one model at one level: above ({@code z > q}) and
 * below ({@code z < -q}), {@code q = qnorm(1 - (1 - level)/2)}; a point on a limit is inside.
 *
 * @param model the model of the limits
 * @param level the level of the limits, e.g. 0.998
 * @param high  officers above the upper limit, in code-point order
 * @param low   officers below the lower limit, in code-point order
 */
public record Outside(FunnelModel model, double level, List<String> high, List<String> low) {

    /** Copies the lists. */
    public Outside {
        Objects.requireNonNull(model, "model");
        Checks.level(level, "Outside");
        high = List.copyOf(high);
        low = List.copyOf(low);
    }

    @Override
    public String toString() {
        return model + " " + Format.percent(level) + "%: " + high.size() + " high " + high + ", " + low.size() + " low "
                + low;
    }
}
