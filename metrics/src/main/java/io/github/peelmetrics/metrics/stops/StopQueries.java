package io.github.peelmetrics.metrics.stops;

import static io.github.peelmetrics.metrics.stops.StopTally.BASES;
import static io.github.peelmetrics.metrics.stops.StopTally.BASIS;
import static io.github.peelmetrics.metrics.stops.StopTally.FLAGS;
import static io.github.peelmetrics.metrics.stops.StopTally.F_ARREST;
import static io.github.peelmetrics.metrics.stops.StopTally.F_ARREST_FORCE;
import static io.github.peelmetrics.metrics.stops.StopTally.F_CITATION;
import static io.github.peelmetrics.metrics.stops.StopTally.F_DRUGS;
import static io.github.peelmetrics.metrics.stops.StopTally.F_FORCE;
import static io.github.peelmetrics.metrics.stops.StopTally.F_FRISK;
import static io.github.peelmetrics.metrics.stops.StopTally.F_FRISK_WEAPONS;
import static io.github.peelmetrics.metrics.stops.StopTally.F_HIT;
import static io.github.peelmetrics.metrics.stops.StopTally.F_SEARCH;
import static io.github.peelmetrics.metrics.stops.StopTally.F_SEARCHED_ARREST;
import static io.github.peelmetrics.metrics.stops.StopTally.F_SUMMONS;
import static io.github.peelmetrics.metrics.stops.StopTally.F_WARNING;
import static io.github.peelmetrics.metrics.stops.StopTally.F_WEAPONS;
import static io.github.peelmetrics.metrics.stops.StopTally.OUTCOME;
import static io.github.peelmetrics.metrics.stops.StopTally.OUTCOMES;
import static io.github.peelmetrics.metrics.stops.StopTally.STRIDE;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.StopOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reads of a {@link StopTally}: counts by group, by key and by cell (the joint counters folded
 * into marginal counts), the {@link StopTable} result, the text table, and the messages of a
 * lookup of a group or key the tally does not hold. Stateless.
 */
final class StopQueries {

    /** How many held values a message lists before "... and N more". */
    private static final int LISTED = 20;

    private StopQueries() {}

    static long count(StopTally t) {
        long[] v = new long[STRIDE];
        int n = t.index().cellCount();
        for (int c = 0; c < n; c++) {
            t.fold(c, v, 0);
        }
        long stops = 0;
        for (int o = 0; o < OUTCOMES.length; o++) {
            stops += v[OUTCOME + o];
        }
        return stops;
    }

    static List<Category> groups(StopIndex ix) {
        List<Category> out = new ArrayList<>(ix.groupCount());
        for (int g = 0; g < ix.groupCount(); g++) {
            out.add(ix.group(g));
        }
        out.sort(StopTally.GROUP_ORDER);
        return Collections.unmodifiableList(out);
    }

    static List<String> keys(StopIndex ix) {
        List<String> out = new ArrayList<>(ix.keyCount());
        for (int k = 0; k < ix.keyCount(); k++) {
            out.add(ix.key(k));
        }
        Collections.sort(out);
        return Collections.unmodifiableList(out);
    }

    static StopCounts counts(StopTally t, Category group) {
        int g = groupIndex(t, group);
        return groupCounts(t, g);
    }

    static StopCounts countsOrEmpty(StopTally t, Category group) {
        Objects.requireNonNull(group, "group must not be null");
        int g = t.index().groupIndex(group);
        return g < 0 ? StopCounts.empty() : groupCounts(t, g);
    }

    private static StopCounts groupCounts(StopTally t, int g) {
        StopIndex ix = t.index();
        long[] v = new long[STRIDE];
        for (int k = 0; k < ix.keyCount(); k++) {
            int c = ix.cellAt(g, k);
            if (c != StopIndex.NO_CELL) {
                t.fold(c, v, 0);
            }
        }
        return fromMarginals(v);
    }

    static StopCounts counts(StopTally t, Category group, String key) {
        int g = groupIndex(t, group);
        int k = keyIndex(t, key);
        int c = t.index().cellAt(g, k);
        return c == StopIndex.NO_CELL ? StopCounts.empty() : fromMarginals(t.marginals(c));
    }

    static StopCounts countsOrEmpty(StopTally t, Category group, String key) {
        Objects.requireNonNull(group, "group must not be null");
        Objects.requireNonNull(key, "key must not be null");
        StopIndex ix = t.index();
        int g = ix.groupIndex(group);
        int k = ix.keyIndex(key);
        int c = g < 0 || k < 0 ? StopIndex.NO_CELL : ix.cellAt(g, k);
        return c == StopIndex.NO_CELL ? StopCounts.empty() : fromMarginals(t.marginals(c));
    }

    static StopCounts total(StopTally t) {
        long[] v = new long[STRIDE];
        int n = t.index().cellCount();
        for (int c = 0; c < n; c++) {
            t.fold(c, v, 0);
        }
        return fromMarginals(v);
    }

    static StopCounts total(StopTally t, String key) {
        int k = keyIndex(t, key);
        StopIndex ix = t.index();
        long[] v = new long[STRIDE];
        for (int g = 0; g < ix.groupCount(); g++) {
            int c = ix.cellAt(g, k);
            if (c != StopIndex.NO_CELL) {
                t.fold(c, v, 0);
            }
        }
        return fromMarginals(v);
    }

    static Map<String, Map<Category, StopCounts>> cells(StopTally t) {
        StopIndex ix = t.index();
        Map<String, Map<Category, StopCounts>> sorted = new TreeMap<>();
        for (int c = 0; c < ix.cellCount(); c++) {
            sorted.computeIfAbsent(ix.key(ix.keyOfCell(c)), k -> new TreeMap<>(StopTally.GROUP_ORDER))
                    .put(ix.group(ix.groupOfCell(c)), fromMarginals(t.marginals(c)));
        }
        return frozen(sorted);
    }

    /** Key to group to counts, copied into unmodifiable maps that keep the iteration order. */
    static Map<String, Map<Category, StopCounts>> frozen(Map<String, Map<Category, StopCounts>> cells) {
        Map<String, Map<Category, StopCounts>> out = new LinkedHashMap<>();
        cells.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    static StopTable table(StopTally t) {
        StopIndex ix = t.index();
        int groups = ix.groupCount();
        long[] byGroup = new long[groups * STRIDE];
        long[] all = new long[STRIDE];
        Map<String, Map<Category, StopCounts>> cells = new TreeMap<>();
        for (int c = 0; c < ix.cellCount(); c++) {
            long[] v = t.marginals(c);
            int g = ix.groupOfCell(c);
            for (int f = 0; f < STRIDE; f++) {
                byGroup[g * STRIDE + f] += v[f];
                all[f] += v[f];
            }
            cells.computeIfAbsent(ix.key(ix.keyOfCell(c)), k -> new TreeMap<>(StopTally.GROUP_ORDER))
                    .put(ix.group(g), fromMarginals(v));
        }
        Map<Category, StopCounts> rows = new TreeMap<>(StopTally.GROUP_ORDER);
        for (int g = 0; g < groups; g++) {
            long[] v = new long[STRIDE];
            System.arraycopy(byGroup, g * STRIDE, v, 0, STRIDE);
            rows.put(ix.group(g), fromMarginals(v));
        }
        StopCounts total = fromMarginals(all);
        return new StopTable(t.keyed(), total.stops(), t.firstDate(), t.lastDate(), total, rows, cells);
    }

    /** The counts of STRIDE marginal counters. */
    static StopCounts fromMarginals(long[] c) {
        EnumMap<SearchBasis, Long> basis = new EnumMap<>(SearchBasis.class);
        for (SearchBasis b : BASES) {
            if (b != SearchBasis.NONE) {
                basis.put(b, c[BASIS + b.ordinal()]);
            }
        }
        EnumMap<StopOutcome, Long> outcomes = new EnumMap<>(StopOutcome.class);
        long stops = 0;
        for (StopOutcome o : OUTCOMES) {
            outcomes.put(o, c[OUTCOME + o.ordinal()]);
            stops += c[OUTCOME + o.ordinal()];
        }
        return new StopCounts(stops, yes(c, F_SEARCH), no(c, F_SEARCH), basis, yes(c, F_HIT), no(c, F_HIT),
                yes(c, F_WEAPONS), no(c, F_WEAPONS), yes(c, F_DRUGS), no(c, F_DRUGS), yes(c, F_FRISK),
                no(c, F_FRISK), yes(c, F_FRISK_WEAPONS), no(c, F_FRISK_WEAPONS), yes(c, F_ARREST), no(c, F_ARREST),
                yes(c, F_CITATION), no(c, F_CITATION), yes(c, F_WARNING), no(c, F_WARNING), yes(c, F_SUMMONS),
                no(c, F_SUMMONS), outcomes, yes(c, F_SEARCHED_ARREST), no(c, F_SEARCHED_ARREST), yes(c, F_FORCE),
                no(c, F_FORCE), yes(c, F_ARREST_FORCE), no(c, F_ARREST_FORCE));
    }

    private static long yes(long[] c, int fact) {
        return c[fact * FLAGS + Flag.YES.ordinal()];
    }

    private static long no(long[] c, int fact) {
        return c[fact * FLAGS + Flag.NO.ordinal()];
    }

    private static int groupIndex(StopTally t, Category group) {
        Objects.requireNonNull(group, "group must not be null");
        int g = t.index().groupIndex(group);
        if (g < 0) {
            throw absentGroup(group, groups(t.index()));
        }
        return g;
    }

    private static int keyIndex(StopTally t, String key) {
        Objects.requireNonNull(key, "key must not be null");
        int k = t.index().keyIndex(key);
        if (k < 0) {
            throw absentKey(key, t.keyed(), keys(t.index()));
        }
        return k;
    }

    /** The error of a lookup of a group that holds no stop. */
    static IllegalArgumentException absentGroup(Category group, List<Category> held) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "stop tally holds no stop of group %s; %s (countsOrEmpty gives zeros for a group with no stops)",
                group.code(), held.isEmpty() ? "it holds no stops at all"
                        : "its groups are " + listed(held.stream().map(Category::code).collect(Collectors.toList()))));
    }

    /** The error of a lookup of a key that holds no stop. */
    static IllegalArgumentException absentKey(String key, boolean keyed, List<String> held) {
        if (!keyed) {
            return new IllegalArgumentException(String.format(Locale.ROOT,
                    "stop tally has no key function, so it holds no key \"%s\"; its one key is \"%s\"", key,
                    StopTally.ALL));
        }
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "stop tally holds no stop under key \"%s\"; %s", key,
                held.isEmpty() ? "it holds no stops at all" : "its keys are " + listed(held)));
    }

    /** Up to {@value #LISTED} values, then "... and N more". */
    static String listed(Collection<String> values) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String v : values) {
            if (i == LISTED) {
                sb.append(String.format(Locale.ROOT, ", ... and %d more", values.size() - LISTED));
                break;
            }
            sb.append(i == 0 ? "" : ", ").append(v);
            i++;
        }
        return sb.toString();
    }

    /** The text table of {@link StopTally#toString()} and {@link StopTable#toString()}. */
    static String format(String title, StopTable t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d stops, %d groups%s%s%n", title, t.count(), t.groups().size(),
                t.keyed() ? ", " + t.keys().size() + " keys" : "",
                t.firstDate().isPresent() ? ", " + t.firstDate().get() + ".." + t.lastDate().get() : ""));
        sb.append(String.format(Locale.ROOT, "  %-24s %9s %15s %13s %13s %15s %15s %13s%n",
                "group", "stops", "searched/known", "hits/known", "frisks/known", "arrests/known", "citations/known",
                "force/known"));
        t.byGroup().forEach((g, n) -> sb.append(String.format(Locale.ROOT,
                "  %-24s %9d %15s %13s %13s %15s %15s %13s%n", g.code(), n.stops(),
                outOf(n.searched(), n.searchKnown()), outOf(n.hits(), n.hitKnown()), outOf(n.frisked(), n.friskKnown()),
                outOf(n.arrests(), n.arrestKnown()), outOf(n.citations(), n.citationKnown()),
                outOf(n.force(), n.forceKnown()))));
        return sb.toString().stripTrailing();
    }

    /** {@code yes/known}, or "not recorded" when no stop recorded the fact. */
    static String outOf(long yes, long known) {
        return known == 0 ? "not recorded" : yes + "/" + known;
    }
}
