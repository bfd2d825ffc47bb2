package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.internal.Checks;

/**
 * An event count over an exposure (person-time, residents, officer-years, arrests): a Poisson rate.
 *
 * @param events   the number of events, at least 0
 * @param exposure the exposure, positive and finite
 * @param rate     {@code events / exposure}
 */
public record PoissonRate(long events, double exposure, double rate) {

    /** Validates: events not negative, exposure positive and finite, rate {@code events / exposure}. */
    public PoissonRate {
        if (events < 0) {
            throw new IllegalArgumentException("events of PoissonRate must not be negative: " + events);
        }
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure of PoissonRate must be positive and finite: " + exposure);
        }
        if (Double.compare(rate, events / exposure) != 0) {
            throw new IllegalArgumentException(Format.f("rate of PoissonRate must be events / exposure = %s: %s",
                    events / exposure, rate));
        }
    }

    /** A rate of {@code events} over {@code exposure}. */
    public static PoissonRate of(long events, double exposure) {
        return new PoissonRate(events, exposure, events / exposure);
    }

    /**
     * The exact (Garwood 1936) interval for the rate, as R {@code poisson.test(events, exposure)}:
     * {@code [qgamma(α/2, a)/T, qgamma(1 - α/2, a + 1)/T]}, lower limit 0 when {@code a = 0}.
     *
     * @param level the confidence level, in (0, 1)
     */
    public Interval exactInterval(double level) {
        double alpha = 1 - Checks.level(level, "PoissonRate");
        double lower = events == 0 ? 0 : Distributions.gammaQuantile(alpha / 2, events) / exposure;
        double upper = Distributions.gammaQuantile(1 - alpha / 2, events + 1) / exposure;
        return Interval.of(lower, upper, "exact-poisson", level);
    }

    @Override
    public String toString() {
        return events + "/" + Format.num(exposure) + " = " + Format.num(rate());
    }
}
