package io.github.peelmetrics.metrics.beats;

import io.github.peelmetrics.core.Category;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One group's line of a {@link WorkforceRepresentation}.
 *
 * @param group         the group
 * @param officers      officers of the group
 * @param residents     residents of the group, when the benchmark has them
 * @param officerShare  share of the officers of a known group (empty for {@link Category#UNKNOWN})
 * @param residentShare share of the residents
 * @param ratio         {@code officerShare / residentShare}: 1 means the force looks like the community
 */
public record RepresentationRow(Category group, long officers, OptionalLong residents, OptionalDouble officerShare,
                                OptionalDouble residentShare, OptionalDouble ratio) {
    /** Checks that no component is null. */
    public RepresentationRow {
        Objects.requireNonNull(group, "group of representation row must not be null");
        Objects.requireNonNull(residents, "residents of representation row must not be null");
        Objects.requireNonNull(officerShare, "officerShare of representation row must not be null");
        Objects.requireNonNull(residentShare, "residentShare of representation row must not be null");
        Objects.requireNonNull(ratio, "ratio of representation row must not be null");
    }
}
