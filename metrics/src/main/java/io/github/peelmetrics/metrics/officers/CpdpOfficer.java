package io.github.peelmetrics.metrics.officers;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One officer's row of a {@link CpdpPercentile} ranking: the service window, the allegations in
 * it, and, when the officer is ranked, the service years, the metric and the percentile.
 *
 * <p>Every decimal figure is the double nearest the exact 4-decimal value CPDP computes.
 *
 * @param officerId           the officer id
 * @param allegations         allegations against the officer in the window
 * @param start               {@code max(appointed, window start)}; empty without an appointment date
 * @param end                 the resignation date if it is before the window's end, else the window's end
 * @param serviceDays         {@code end - start} in days; empty without an appointment date
 * @param ranked              whether the officer is ranked: an appointment date and
 *                            {@code end >= start + 365 days}
 * @param serviceYears        {@code ROUND(serviceDays / 365.0, 4)} (half away from zero); empty when not ranked
 * @param metric              {@code ROUND(allegations / serviceYears, 4)} (half away from zero); empty when not ranked
 * @param officersBelow       ranked officers with a strictly smaller metric; empty when not ranked
 * @param percentileUnrounded {@code 100.0 * officersBelow / ranked officers}; empty when not ranked
 * @param percentile          that double rounded to 4 decimals half to even on its exact binary
 *                            value (Python {@code round(x, 4)}); empty when not ranked
 */
public record CpdpOfficer(String officerId, long allegations, Optional<LocalDate> start, LocalDate end,
                          OptionalLong serviceDays, boolean ranked, OptionalDouble serviceYears, OptionalDouble metric,
                          OptionalInt officersBelow, OptionalDouble percentileUnrounded, OptionalDouble percentile) {

    /** Checks that nothing is null, the counts are not negative and a ranked row has every figure. */
    public CpdpOfficer {
        Objects.requireNonNull(officerId, "officerId of CPDP officer must not be null");
        String r = "CPDP officer " + officerId;
        if (allegations < 0) {
            throw new IllegalArgumentException("allegations of " + r + " must not be negative: " + allegations);
        }
        Objects.requireNonNull(start, () -> "start of " + r + " must not be null");
        Objects.requireNonNull(end, () -> "end of " + r + " must not be null");
        Objects.requireNonNull(serviceDays, () -> "serviceDays of " + r + " must not be null");
        Objects.requireNonNull(serviceYears, () -> "serviceYears of " + r + " must not be null");
        Objects.requireNonNull(metric, () -> "metric of " + r + " must not be null");
        Objects.requireNonNull(officersBelow, () -> "officersBelow of " + r + " must not be null");
        Objects.requireNonNull(percentileUnrounded, () -> "percentileUnrounded of " + r + " must not be null");
        Objects.requireNonNull(percentile, () -> "percentile of " + r + " must not be null");
        boolean all = serviceYears.isPresent() && metric.isPresent() && officersBelow.isPresent()
                && percentileUnrounded.isPresent() && percentile.isPresent();
        boolean none = serviceYears.isEmpty() && metric.isEmpty() && officersBelow.isEmpty()
                && percentileUnrounded.isEmpty() && percentile.isEmpty();
        if (ranked ? !all : !none) {
            throw new IllegalArgumentException(r + (ranked ? " is ranked but lacks a figure" : " is not ranked but has a figure"));
        }
        if (start.isPresent() != serviceDays.isPresent()) {
            throw new IllegalArgumentException(r + ": service days are recorded exactly when the start is");
        }
    }

    @Override
    public String toString() {
        String window = start.map(LocalDate::toString).orElse("no appointment date") + ".." + end;
        if (!ranked) {
            return String.format(Locale.ROOT, "%s %d allegations, %s: not ranked", officerId, allegations, window);
        }
        return String.format(Locale.ROOT, "%s %d allegations, %s (%s years): %s a year, percentile %s",
                officerId, allegations, window, CpdpPercentile.dec(serviceYears.getAsDouble()),
                CpdpPercentile.dec(metric.getAsDouble()), CpdpPercentile.dec(percentile.getAsDouble()));
    }
}
