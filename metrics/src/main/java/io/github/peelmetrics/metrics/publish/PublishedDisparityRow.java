package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.core.Category;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One group's line of a {@link PublishedDisparity}: the counts that may be published and the
 * rates and ratios derived from them alone.
 *
 * <p>A count is empty when it is hidden (or its measure was not recorded for every stop; see
 * {@link PublishedDisparity#notRecorded()}). A rate is empty when its numerator or denominator is
 * empty or the denominator is 0, so that no rate times a published denominator gives a hidden
 * count back; a ratio is empty when either rate is. Definitions, all from published values:
 * {@code stopRate = stops / (population × years) × ratePer} (the {@code years} of a per-year
 * table, else 1), {@code searchRate = searches / stops}, {@code hitRate = hits / searches},
 * {@code arrestRate = arrests / stops}, and each ratio the group's rate over the reference
 * group's. Measures are published only when every stop recorded them, so these are the rates of
 * {@link io.github.peelmetrics.metrics.disparity.DisparityRow}; the view has no intervals or tests.
 * The reference group and {@link Category#UNKNOWN} have no ratios.
 *
 * @param group           the group
 * @param population      its benchmark count (public), empty when the benchmark has none
 * @param stops           its stops, empty when hidden
 * @param stopRate        stops per {@code ratePer} of population
 * @param stopRateRatio   its stop rate over the reference group's
 * @param searches        its searches, empty when hidden or not recorded
 * @param searchRate      searches per stop
 * @param searchRateRatio its search rate over the reference group's
 * @param hits            its searches that found contraband, empty when hidden or not recorded
 * @param hitRate         hits per search (the outcome test's rate)
 * @param hitRateRatio    its hit rate over the reference group's
 * @param arrests         its stops with an arrest, empty when hidden or not recorded
 * @param arrestRate      arrests per stop
 * @param arrestRateRatio its arrest rate over the reference group's
 */
public record PublishedDisparityRow(Category group, OptionalLong population, OptionalLong stops,
                                    OptionalDouble stopRate, OptionalDouble stopRateRatio, OptionalLong searches,
                                    OptionalDouble searchRate, OptionalDouble searchRateRatio, OptionalLong hits,
                                    OptionalDouble hitRate, OptionalDouble hitRateRatio, OptionalLong arrests,
                                    OptionalDouble arrestRate, OptionalDouble arrestRateRatio) {

    /** Checks that no component is null and that no rate is published without its counts. */
    public PublishedDisparityRow {
        Objects.requireNonNull(group, "group of published disparity row must not be null");
        String r = "published disparity row of " + group.code() + ": ";
        for (Object o : new Object[] {population, stops, stopRate, stopRateRatio, searches, searchRate,
                searchRateRatio, hits, hitRate, hitRateRatio, arrests, arrestRate, arrestRateRatio}) {
            Objects.requireNonNull(o, r + "no component may be null");
        }
        needs(r, "stopRate", stopRate, stops.isPresent() && population.isPresent());
        needs(r, "searchRate", searchRate, searches.isPresent() && stops.isPresent());
        needs(r, "hitRate", hitRate, hits.isPresent() && searches.isPresent());
        needs(r, "arrestRate", arrestRate, arrests.isPresent() && stops.isPresent());
        needs(r, "stopRateRatio", stopRateRatio, stopRate.isPresent());
        needs(r, "searchRateRatio", searchRateRatio, searchRate.isPresent());
        needs(r, "hitRateRatio", hitRateRatio, hitRate.isPresent());
        needs(r, "arrestRateRatio", arrestRateRatio, arrestRate.isPresent());
    }

    private static void needs(String row, String name, OptionalDouble x, boolean published) {
        if (x.isPresent() && !published) {
            throw new IllegalArgumentException(row + name + " must be empty when a count it is derived from is not "
                    + "published: " + x.getAsDouble());
        }
    }
}
