package io.github.peelmetrics.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A beat: the area one patrol unit covers, with its residential population by group.
 *
 * @param id         the beat id
 * @param name       a display name
 * @param district   the district (precinct, sector) it belongs to
 * @param population residents by demographic group (race, usually); counts not negative (unmodifiable, in the given order)
 */
public record Beat(String id, String name, String district, Map<Category, Long> population) {

    /** Validates the fields and copies the population. */
    public Beat {
        Checks.id("beat", id);
        String r = "beat " + id;
        Checks.text(r, "name", name);
        Checks.text(r, "district", district);
        Checks.notNull(r, "population", population);
        Map<Category, Long> copy = new LinkedHashMap<>();
        for (Map.Entry<Category, Long> e : population.entrySet()) {
            Checks.notNull(r, "population group", e.getKey());
            Checks.notNull(r, "population of " + e.getKey(), e.getValue());
            Checks.nonNegative(r, "population of " + e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        population = Collections.unmodifiableMap(copy);
    }

    /** A beat whose name is its id. */
    public static Beat of(String id, String district, Map<Category, Long> population) {
        return new Beat(id, id, district, population);
    }

    /** Total residents. */
    public long totalPopulation() {
        return population.values().stream().mapToLong(Long::longValue).sum();
    }
}
