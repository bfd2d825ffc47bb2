package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OPP's {@code outcome_test()} ({@code lib/outcome_test.R} lines 83-149): hit rates by district and
 * race, pooled by location, averaged over locations, with the KPT tests.
 *
 * @param action      what was done ({@code search_conducted}, {@code frisk_performed})
 * @param outcome     what was looked for ({@code contraband_found}, {@code contraband_weapons})
 * @param preparation what the preparation did to the rows
 * @param byDistrict  location -> district -> race -> hit rate (a race with no action in a district has no entry)
 * @param byLocation  location -> race -> hit rate, summed over the location's districts
 * @param aggregate   race -> the unweighted mean over locations
 * @param kpt         the KPT tests: per location the omnibus then each race vs the reference, then the same per district
 */
public record HitRates(String action, String outcome, Preparation preparation,
        Map<String, Map<String, Map<Category, HitRate>>> byDistrict, Map<String, Map<Category, HitRate>> byLocation,
        Map<Category, AverageHitRate> aggregate, List<KptTest> kpt) {

    /** Checks nulls and copies (keeping the order). */
    public HitRates {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(preparation, "preparation");
        Map<String, Map<String, Map<Category, HitRate>>> d = new LinkedHashMap<>();
        byDistrict.forEach((g, m) -> {
            Map<String, Map<Category, HitRate>> inner = new LinkedHashMap<>();
            m.forEach((k, v) -> inner.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            d.put(g, java.util.Collections.unmodifiableMap(inner));
        });
        byDistrict = java.util.Collections.unmodifiableMap(d);
        Map<String, Map<Category, HitRate>> l = new LinkedHashMap<>();
        byLocation.forEach((g, m) -> l.put(g, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        byLocation = java.util.Collections.unmodifiableMap(l);
        aggregate = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aggregate));
        kpt = List.copyOf(kpt);
    }

    /** The pooled hit rate of a race in a location; fails listing what is held. */
    public HitRate of(String location, Category race) {
        Map<Category, HitRate> m = byLocation.get(location);
        if (m == null) {
            throw Checks.notHeld("hit rates", "location", location, byLocation.keySet());
        }
        HitRate h = m.get(race);
        if (h == null) {
            throw Checks.notHeld("hit rates of " + location, "race", race, m.keySet());
        }
        return h;
    }

    /** The KPT tests of a location at one level (districts included for {@link KptTest.Level#SUBGEOGRAPHY}). */
    public List<KptTest> kpt(String location, KptTest.Level level) {
        if (!byLocation.containsKey(location)) {
            throw Checks.notHeld("hit rates", "location", location, byLocation.keySet());
        }
        return kpt.stream().filter(t -> t.geography().equals(location) && t.level() == level).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Format.f("%s per %s (%s)%n", outcome, action, preparation));
        sb.append(Format.f("  %-22s %-10s %8s %6s %9s%n", "location / district", "race", "actions", "hits", "hit rate"));
        byLocation.forEach((g, m) -> {
            m.forEach((race, h) -> sb.append(Format.f("  %-22s %-10s %8d %6d %9s%n", g, race.code(), h.actions(),
                    h.hits(), Format.cell(h.estimate()))));
            byDistrict.getOrDefault(g, Map.of()).forEach((district, dm) -> dm.forEach((race, h) -> sb.append(
                    Format.f("  %-22s %-10s %8d %6d %9s%n", "  " + district, race.code(), h.actions(), h.hits(),
                            Format.cell(h.estimate())))));
        });
        if (byLocation.size() > 1) {
            aggregate.forEach((race, a) -> sb.append(Format.f("  %-22s %-10s %8s %6s %9s%n", "mean of locations",
                    race.code(), Format.num(a.averageActions()), Format.num(a.averageHits()), Format.cell(a.estimate()))));
        }
        List<String> lines = new ArrayList<>();
        for (KptTest t : kpt) {
            if (t.level() == KptTest.Level.GEOGRAPHY) {
                lines.add("  KPT " + t);
            }
        }
        sb.append(String.join("\n", lines));
        long districtTests = kpt.stream().filter(t -> t.level() == KptTest.Level.SUBGEOGRAPHY).count();
        if (districtTests > 0) {
            sb.append(Format.f("%n  (%d KPT tests by district: kpt())", districtTests));
        }
        return sb.toString();
    }
}
