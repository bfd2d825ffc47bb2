package io.github.peelmetrics.metrics.rates;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.metrics.trend.RateComparison;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The stop rate of one race in a {@link StopRateTable}: OPP's annualized rate and the Poisson
 * rate with its comparison against the reference race.
 *
 * <p>OPP's figures ({@code lib/prima_facie_stats.R stop_rates_by_geo}, {@code n_months = 12}):
 * {@code averageMonthlyStops} = mean of the race's monthly stop counts over the year-months in
 * which the race has at least one stop (a month without a stop of the race is left out, not
 * counted as zero), {@code averageAnnualStops} = 12 × that, {@code annualStopRate} = that /
 * population, {@code annualStopsPer1000} = 1000 × that. A race with no stop has no OPP row: the
 * four figures are empty, never 0.
 *
 * <p>The Poisson figures count every stop of the race in the analysed data over an exposure of
 * {@code population × months / 12} person-years ({@code months} = distinct year-months of the
 * analysed data, all races): {@code stopsPer1000PerYear} = {@code 1000 × stops / exposure}. They
 * agree with OPP's when the race has a stop in every month; for a sparse race OPP's average is
 * larger.
 *
 * @param race                the race
 * @param stops               stops of the race in the analysed data
 * @param monthsWithStops     year-months in which the race has at least one stop
 * @param population          residents of the race
 * @param averageMonthlyStops OPP's average monthly stops (empty when the race has no stop)
 * @param averageAnnualStops  OPP's average annual stops (empty when the race has no stop)
 * @param annualStopRate      OPP's annual stops per resident (empty when the race has no stop)
 * @param annualStopsPer1000  OPP's annual stops per 1,000 residents (empty when the race has no stop)
 * @param exposure            person-years, {@code population × months / 12}
 * @param stopsPer1000PerYear the Poisson rate per 1,000 residents per year (empty when no month
 *                            of data survived the rules)
 * @param vsReference         the Poisson comparison with the reference race (empty for the
 *                            reference itself and when neither race has a stop)
 * @param oppAnnualRateRatio  the ratio of OPP's annual rates to the reference's (empty when
 *                            either has no OPP row, and for the reference itself)
 */
public record StopRate(Category race, long stops, int monthsWithStops, long population,
                       OptionalDouble averageMonthlyStops, OptionalDouble averageAnnualStops,
                       OptionalDouble annualStopRate, OptionalDouble annualStopsPer1000, double exposure,
                       OptionalDouble stopsPer1000PerYear, Optional<RateComparison> vsReference,
                       OptionalDouble oppAnnualRateRatio) {

    /** Validates: no nulls, counts not negative, OPP's figures present exactly when the race has a stop. */
    public StopRate {
        Objects.requireNonNull(race, "race of StopRate");
        Objects.requireNonNull(averageMonthlyStops, "averageMonthlyStops of StopRate");
        Objects.requireNonNull(averageAnnualStops, "averageAnnualStops of StopRate");
        Objects.requireNonNull(annualStopRate, "annualStopRate of StopRate");
        Objects.requireNonNull(annualStopsPer1000, "annualStopsPer1000 of StopRate");
        Objects.requireNonNull(stopsPer1000PerYear, "stopsPer1000PerYear of StopRate");
        Objects.requireNonNull(vsReference, "vsReference of StopRate");
        Objects.requireNonNull(oppAnnualRateRatio, "oppAnnualRateRatio of StopRate");
        if (stops < 0 || monthsWithStops < 0 || population <= 0 || !(exposure >= 0)) {
            throw new IllegalArgumentException(Format.f(
                    "StopRate of %s: stops %d, months %d, population %d and exposure %s must not be negative "
                            + "(population positive)", race, stops, monthsWithStops, population, exposure));
        }
        if ((stops > 0) != averageMonthlyStops.isPresent() || (stops > 0) != annualStopRate.isPresent()) {
            throw new IllegalArgumentException("StopRate of " + race + ": OPP's figures are present exactly when the "
                    + "race has a stop (" + stops + " stops)");
        }
    }

    /** Whether OPP's {@code stop_rates_by_geo} has a row for the race (it has at least one stop). */
    public boolean oppRowPresent() {
        return averageMonthlyStops.isPresent();
    }

    @Override
    public String toString() {
        return race.label() + ": " + stops + " stops, " + population + " residents, "
                + (annualStopsPer1000.isPresent() ? Format.num(annualStopsPer1000.getAsDouble()) + " per 1,000 per year (OPP)"
                        : "no OPP row (no stop)")
                + (stopsPer1000PerYear.isPresent() ? ", " + Format.num(stopsPer1000PerYear.getAsDouble())
                        + " per 1,000 per year (Poisson)" : "")
                + vsReference.map(r -> ", ratio " + Format.num(r.rateRatio().estimate()) + " ["
                        + Format.num(r.rateRatio().interval().lower()) + ", "
                        + Format.num(r.rateRatio().interval().upper()) + "]").orElse("");
    }
}
