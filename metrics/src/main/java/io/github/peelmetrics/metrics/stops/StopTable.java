package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.Category;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The immutable result of a {@link StopTally} ({@link StopTally#result()}), and its JSON: every
 * cell's counts by key and group, each group's counts over all keys, and the total. Its
 * {@code toString} prints the tally's table (stops, and searches, hits, arrests and force out of
 * their known denominators, by group); every figure it prints is in {@link #total()},
 * {@link #byGroup()} and {@link #cells()}.
 *
 * <p>Lookups follow the tally's rule: a group or key the table does not hold is an error that
 * names it and lists those held; a group and a key that it holds with no stop in common are a
 * real zero ({@link StopCounts#empty()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param keyed   whether the tally had a key function (without one, the one key is {@link StopTally#ALL})
 * @param count   the stops counted: {@code total.stops()}
 * @param firstDate the date of the earliest stop; empty when there is none
 * @param lastDate  the date of the latest stop; empty when there is none
 * @param total   the counts of every stop, every group included
 * @param byGroup each group's counts over all keys, in {@link StopTally#GROUP_ORDER}; every group
 *                has at least one stop
 * @param cells   every cell with stops: key (sorted) to group (in {@link StopTally#GROUP_ORDER}) to counts
 */
public record StopTable(
        boolean keyed,
        long count,
        Optional<LocalDate> firstDate,
        Optional<LocalDate> lastDate,
        StopCounts total,
        Map<Category, StopCounts> byGroup,
        Map<String, Map<Category, StopCounts>> cells) {

    /**
     * Validates that the cells add up to the groups and the groups to the total, that every cell
     * and group has stops and that a table without a key has only the key {@link StopTally#ALL};
     * copies the maps into unmodifiable maps in table order.
     */
    public StopTable {
        Objects.requireNonNull(total, "total of stop table must not be null");
        Objects.requireNonNull(firstDate, "firstDate of stop table must not be null");
        Objects.requireNonNull(lastDate, "lastDate of stop table must not be null");
        if (firstDate.isPresent() != (count > 0) || lastDate.isPresent() != (count > 0)
                || firstDate.isPresent() && firstDate.get().isAfter(lastDate.get())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "period %s..%s of stop table must be present, in order, exactly when it has stops (%d)",
                    firstDate.map(Object::toString).orElse("-"), lastDate.map(Object::toString).orElse("-"), count));
        }
        Objects.requireNonNull(byGroup, "byGroup of stop table must not be null");
        Objects.requireNonNull(cells, "cells of stop table must not be null");
        if (count != total.stops()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "count %d of stop table differs from the total's stops %d", count, total.stops()));
        }
        Map<String, Map<Category, StopCounts>> sortedCells = new TreeMap<>();
        Map<Category, StopCounts> sums = new TreeMap<>(StopTally.GROUP_ORDER);
        cells.forEach((k, row) -> {
            Objects.requireNonNull(k, "a key of stop table cells is null");
            Objects.requireNonNull(row, () -> "cells of key " + k + " of stop table must not be null");
            if (!keyed && !k.equals(StopTally.ALL)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "stop table without a key holds key \"%s\"; its one key is \"%s\"", k, StopTally.ALL));
            }
            Map<Category, StopCounts> sortedRow = new TreeMap<>(StopTally.GROUP_ORDER);
            row.forEach((g, c) -> {
                Objects.requireNonNull(g, () -> "a group of key " + k + " of stop table is null");
                Objects.requireNonNull(c, () -> "counts of " + g.code() + " under " + k + " of stop table must not be null");
                if (c.stops() == 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "cell (%s, %s) of stop table has no stops: a table holds only cells with stops", g.code(), k));
                }
                sortedRow.put(g, c);
                sums.merge(g, c, StopCounts::plus);
            });
            if (!sortedRow.isEmpty()) {
                sortedCells.put(k, Collections.unmodifiableMap(sortedRow));
            }
        });
        Map<Category, StopCounts> sortedGroups = new TreeMap<>(StopTally.GROUP_ORDER);
        StopCounts all = StopCounts.empty();
        for (Map.Entry<Category, StopCounts> e : byGroup.entrySet()) {
            Category g = Objects.requireNonNull(e.getKey(), "a group of stop table is null");
            StopCounts c = Objects.requireNonNull(e.getValue(), () -> "counts of " + g.code() + " must not be null");
            if (!c.equals(sums.get(g))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "counts of group %s of stop table (%s) are not the sum of its cells (%s)", g.code(), c,
                        sums.get(g)));
            }
            sortedGroups.put(g, c);
            all = all.plus(c);
        }
        if (!sortedGroups.keySet().equals(sums.keySet())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "groups of stop table %s differ from the groups of its cells %s", sortedGroups.keySet(), sums.keySet()));
        }
        if (!all.equals(total)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "total of stop table (%s) is not the sum of its groups (%s)", total, all));
        }
        byGroup = Collections.unmodifiableMap(new LinkedHashMap<>(sortedGroups));
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(sortedCells));
    }

    /** The groups, in {@link StopTally#GROUP_ORDER}. */
    public List<Category> groups() {
        return List.copyOf(byGroup.keySet());
    }

    /** The keys, sorted; empty for a table without a key. */
    public List<String> keys() {
        return keyed ? List.copyOf(cells.keySet()) : List.of();
    }

    /**
     * The counts of one group over all keys.
     *
     * @throws IllegalArgumentException naming the group and listing those held, if the table has no stop of it
     */
    public StopCounts counts(Category group) {
        Objects.requireNonNull(group, "group must not be null");
        StopCounts c = byGroup.get(group);
        if (c == null) {
            throw StopQueries.absentGroup(group, groups());
        }
        return c;
    }

    /**
     * The counts of one group under one key; {@link StopCounts#empty()} when the table holds both
     * but no stop has both.
     *
     * @throws IllegalArgumentException naming the value and listing those held, if the table has
     *                                  no stop of the group or none under the key
     */
    public StopCounts counts(Category group, String key) {
        counts(group);
        return row(key).getOrDefault(group, StopCounts.empty());
    }

    /**
     * The counts of every stop under one key.
     *
     * @throws IllegalArgumentException naming the key and listing those held, if the table has no stop under it
     */
    public StopCounts total(String key) {
        StopCounts all = StopCounts.empty();
        for (StopCounts c : row(key).values()) {
            all = all.plus(c);
        }
        return all;
    }

    private Map<Category, StopCounts> row(String key) {
        Objects.requireNonNull(key, "key must not be null");
        Map<Category, StopCounts> row = cells.get(key);
        if (row == null) {
            throw StopQueries.absentKey(key, keyed, new ArrayList<>(cells.keySet()));
        }
        return row;
    }

    /** The table by group: stops, and searches, hits, arrests and force out of their known denominators. */
    @Override
    public String toString() {
        return StopQueries.format("StopTable", this);
    }
}
