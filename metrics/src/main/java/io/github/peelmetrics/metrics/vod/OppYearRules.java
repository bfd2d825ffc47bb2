package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Stop;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Stanford Open Policing Project's year rules for the veil of darkness
 * ({@code lib/veil_of_darkness.R}, commit fdb3b9f: {@code remove_partial_years}, line 1024, and
 * {@code remove_location_yrs_with_too_few_stops_per_race}, line 1128), over one geography.
 */
final class OppYearRules {
    /** {@code days_per_yr_threshold}. */
    static final int MIN_DAYS_PER_YEAR = 100;
    /** {@code max_start_day}. */
    static final MonthDay MAX_START_DAY = MonthDay.of(1, 15);
    /** {@code min_end_day}. */
    static final MonthDay MIN_END_DAY = MonthDay.of(12, 15);

    private OppYearRules() {
    }

    /**
     * The years to remove: fewer than 100 days with stops, or not all 12 months, or a first stop after
     * 15 January and a last one before 15 December (OPP keeps a year when either end is near enough).
     */
    static Set<Integer> partialYears(List<Stop> stops) {
        Map<Integer, Set<LocalDate>> days = new TreeMap<>();
        for (Stop s : stops) {
            days.computeIfAbsent(s.date().getYear(), y -> new TreeSet<>()).add(s.date());
        }
        Set<Integer> out = new TreeSet<>();
        days.forEach((year, dates) -> {
            Set<Integer> months = new HashSet<>();
            dates.forEach(d -> months.add(d.getMonthValue()));
            TreeSet<LocalDate> sorted = (TreeSet<LocalDate>) dates;
            boolean ends = !MonthDay.from(sorted.first()).isAfter(MAX_START_DAY)
                    || !MonthDay.from(sorted.last()).isBefore(MIN_END_DAY);
            if (dates.size() < MIN_DAYS_PER_YEAR || months.size() < 12 || !ends) {
                out.add(year);
            }
        });
        return out;
    }

    /**
     * The years in which some race present in the stops has fewer than {@code min} stops (a race
     * with none in a year counts 0, as OPP's {@code spread(fill = 0)}).
     */
    static Set<Integer> yearsWithTooFewStopsPerRace(List<Stop> stops, int min) {
        Set<Category> races = new HashSet<>();
        Map<Integer, Map<Category, Long>> counts = new TreeMap<>();
        for (Stop s : stops) {
            races.add(s.subject().race());
            counts.computeIfAbsent(s.date().getYear(), y -> new HashMap<>()).merge(s.subject().race(), 1L, Long::sum);
        }
        Set<Integer> out = new TreeSet<>();
        counts.forEach((year, n) -> {
            for (Category r : races) {
                if (n.getOrDefault(r, 0L) < min) {
                    out.add(year);
                }
            }
        });
        return out;
    }
}
