package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;

/**
 * An event count over an exposure (person-time, residents, officer-years, arrests): a Poisson rate.
 *
 * @param events   the number of events, at least 0
 * @param exposure the exposure, positive and finite
 */
public record PoissonRate(long events, double exposure) {

    /** Validates: events not negative, exposure positive and finite. */
    public PoissonRate {
        if (events < 0) {
            throw new IllegalArgumentException("PoissonRate: events must not be negative: " + events);
        }
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("PoissonRate: exposure must be positive and finite: " + exposure);
        }
    }

    /** A rate of {@code events} over {@code exposure}. */
    public static PoissonRate of(long events, double exposure) {
        return new PoissonRate(events, exposure);
    }

    /** {@code events / exposure}. */
    public double rate() {
        return events / exposure;
    }

    /**
     * The exact (Garwood 1936) interval for the rate, as R {@code poisson.test(events, exposure)}:
     * {@code [qgamma(α/2, a)/T, qgamma(1 - α/2, a + 1)/T]}, lower limit 0 when {@code a = 0}.
     *
     * @param level the confidence level, in (0, 1)
     */
    public Interval exactInterval(double level) {
        double alpha = 1 - Series.checkLevel(level, "PoissonRate");
        double lower = events == 0 ? 0 : Distributions.gammaQuantile(alpha / 2, events) / exposure;
        double upper = Distributions.gammaQuantile(1 - alpha / 2, events + 1) / exposure;
        return Interval.of(lower, upper, "exact-poisson", level);
    }

    @Override
    public String toString() {
        return events + "/" + Fmt.num(exposure) + " = " + Fmt.num(rate());
    }
}
