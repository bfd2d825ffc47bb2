package io.github.peelmetrics.metrics.opp;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.core.internal.Format;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * OPP's base eligibility rules for one location ({@code lib/eligibility.R load_base_for}, lines
 * 164-182, commit {@code fdb3b9f8}; README-opp §1.1 steps 1-8), the one implementation behind
 * {@link io.github.peelmetrics.metrics.outcome.OutcomeTest} and
 * {@link io.github.peelmetrics.metrics.rates.OppStopRates}. In order, each reported as an
 * {@link EligibilityStep} (after {@link EligibilityRule#INIT}):
 * <ol>
 *   <li>{@link EligibilityRule#HIGHWAY_PATROL_ONLY}: statewide data only; a no-op for one location;</li>
 *   <li>{@link EligibilityRule#VEHICULAR}: keep {@link StopType#VEHICULAR} stops (an unrecorded type is dropped);</li>
 *   <li>{@link EligibilityRule#DATE_RANGE}: keep {@code from <= date <= to};</li>
 *   <li>{@link EligibilityRule#MONTHS_WITH_TOO_FEW_STOPS}: drop each calendar month with fewer stops than the minimum;</li>
 *   <li>{@link EligibilityRule#RACE_COVERAGE}: drop each month whose race coverage, 1 - (share of stops
 *       with an unknown race, rounded to 4 places half-even as R's {@code round} in OPP's {@code null_rate}),
 *       is below the minimum (a race is unknown when {@link Category#isUnknown()} or its code contains
 *       {@code unknown}, OPP's {@code additional_na_vals});</li>
 *   <li>{@link EligibilityRule#RACES}: keep the analysis races;</li>
 *   <li>{@link EligibilityRule#SUBGEOGRAPHY}, {@link EligibilityRule#ANOMALOUS_SUBGEOGRAPHIES}: no change to the stops.</li>
 * </ol>
 * Immutable and thread-safe; the input stops are never changed, their order kept.
 */
public final class OppBaseRules {
    private final LocalDate from;
    private final LocalDate to;
    private final int minStopsPerMonth;
    private final double minRaceCoverage;
    private final List<Category> races;

    private OppBaseRules(LocalDate from, LocalDate to, int minStopsPerMonth, double minRaceCoverage,
            List<Category> races) {
        this.from = from;
        this.to = to;
        this.minStopsPerMonth = minStopsPerMonth;
        this.minRaceCoverage = minRaceCoverage;
        this.races = races;
    }

    /**
     * The base rules with these settings (OPP: 2011-01-01..2018-12-31, 50, 0.5, white, black, hispanic).
     *
     * @throws IllegalArgumentException when the range ends before it starts, the minimum is negative, the
     *                                  coverage is outside [0, 1], or the races are empty or not distinct
     */
    public static OppBaseRules of(LocalDate from, LocalDate to, int minStopsPerMonth, double minRaceCoverage,
            List<Category> races) {
        Objects.requireNonNull(from, "from of OppBaseRules");
        Objects.requireNonNull(to, "to of OppBaseRules");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("OppBaseRules: date range " + from + ".." + to + " ends before it starts");
        }
        if (minStopsPerMonth < 0) {
            throw new IllegalArgumentException("OppBaseRules: minStopsPerMonth must not be negative: " + minStopsPerMonth);
        }
        if (!(minRaceCoverage >= 0 && minRaceCoverage <= 1)) {
            throw new IllegalArgumentException("OppBaseRules: minRaceCoverage must lie in [0, 1]: " + minRaceCoverage);
        }
        List<Category> list = List.copyOf(races);
        if (list.isEmpty() || new LinkedHashSet<>(list).size() != list.size()) {
            throw new IllegalArgumentException("OppBaseRules: the races must be distinct and not empty: " + list);
        }
        return new OppBaseRules(from, to, minStopsPerMonth, minRaceCoverage, list);
    }

    /**
     * The stops the base rules kept, in their input order, and every step ({@link EligibilityRule#INIT} first).
     * Analyses that add OPP's own steps after the base rules (the veil of darkness:
     * {@link io.github.peelmetrics.metrics.vod.VeilOfDarkness#testWithOppRules}) continue it with
     * {@link #keep} and {@link #removeMonthsWithLowCoverage}, each of which returns a new value with one step more.
     */
    public static final class Applied {
        private final List<Stop> stops;
        private final List<EligibilityStep> steps;
        private final double minCoverage;

        private Applied(List<Stop> stops, List<EligibilityStep> steps, double minCoverage) {
            this.stops = List.copyOf(stops);
            this.steps = List.copyOf(steps);
            this.minCoverage = minCoverage;
        }

        /** The stops kept. */
        public List<Stop> stops() {
            return stops;
        }

        /** Each step with the stops and searches it left and dropped, {@link EligibilityRule#INIT} first. */
        public List<EligibilityStep> steps() {
            return steps;
        }

        /**
         * One step more: the stops for which {@code keep} holds, in order, reported under {@code rule}.
         *
         * @param rule the step's name
         * @param keep which stops the step keeps
         * @return the stops kept and the steps so far, this one last
         */
        public Applied keep(EligibilityRule rule, Predicate<? super Stop> keep) {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(keep, "keep");
            List<EligibilityStep> next = new ArrayList<>(steps);
            List<Stop> kept = step(next, rule, stops, filter(stops, keep::test));
            return new Applied(kept, next, minCoverage);
        }

        /**
         * One step more: OPP's {@code remove_months_with_low_coverage} for a field, with the base rules'
         * coverage threshold: drop each calendar month whose coverage (1 - share of stops for which
         * {@code missing} holds, rounded as {@link #coverageOf}) is below it.
         *
         * @param rule    the step's name
         * @param missing whether a stop lacks the field
         * @return the stops kept and the steps so far, this one last (with the months removed)
         */
        public Applied removeMonthsWithLowCoverage(EligibilityRule rule, Predicate<? super Stop> missing) {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(missing, "missing");
            List<EligibilityStep> next = new ArrayList<>(steps);
            List<Stop> kept = lowCoverageStep(next, rule, stops, missing::test, minCoverage);
            return new Applied(kept, next, minCoverage);
        }

        @Override
        public String toString() {
            return stops.size() + " stops kept by OPP's base rules " + steps;
        }
    }

    /** Applies the rules to the stops of one location. */
    public Applied apply(Iterable<? extends Stop> stops) {
        Objects.requireNonNull(stops, "stops");
        List<Stop> r = new ArrayList<>();
        for (Stop s : stops) {
            r.add(Objects.requireNonNull(s, "stop"));
        }
        List<EligibilityStep> steps = new ArrayList<>();
        r = step(steps, EligibilityRule.INIT, r, r);
        r = step(steps, EligibilityRule.HIGHWAY_PATROL_ONLY, r, r);
        r = step(steps, EligibilityRule.VEHICULAR, r, filter(r, x -> x.type() == StopType.VEHICULAR));
        r = step(steps, EligibilityRule.DATE_RANGE, r, filter(r, x -> !x.date().isBefore(from) && !x.date().isAfter(to)));
        List<YearMonth> few = new ArrayList<>();
        perMonth(r, x -> false).forEach((m, c) -> {
            if (c[0] < minStopsPerMonth) {
                few.add(m);
            }
        });
        r = monthStep(steps, EligibilityRule.MONTHS_WITH_TOO_FEW_STOPS, r, few);
        r = lowCoverageStep(steps, EligibilityRule.RACE_COVERAGE, r, x -> isMissingRace(x.subject().race()),
                minRaceCoverage);
        r = step(steps, EligibilityRule.RACES, r, filter(r, x -> races.contains(x.subject().race())));
        r = step(steps, EligibilityRule.SUBGEOGRAPHY, r, r);
        r = step(steps, EligibilityRule.ANOMALOUS_SUBGEOGRAPHIES, r, r);
        return new Applied(r, steps, minRaceCoverage);
    }

    /** OPP's missing race: unknown, or a code containing {@code unknown} ({@code additional_na_vals}). */
    public static boolean isMissingRace(Category race) {
        return race.isUnknown() || race.code().contains("unknown");
    }

    /**
     * OPP's coverage: 1 - (missing / n rounded to 4 places, half-even on the exact binary value, as R's
     * {@code round}; {@code lib/utils.R null_rate}).
     */
    public static double coverageOf(long missing, long n) {
        double share = (double) missing / n;
        return 1 - new BigDecimal(share).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static List<Stop> filter(List<Stop> rows, Predicate<Stop> keep) {
        List<Stop> out = new ArrayList<>(rows.size());
        for (Stop s : rows) {
            if (keep.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Per month (sorted): [stops, of which missing]. */
    private static Map<YearMonth, long[]> perMonth(List<Stop> rows, Predicate<Stop> missing) {
        Map<YearMonth, long[]> out = new TreeMap<>();
        for (Stop s : rows) {
            long[] c = out.computeIfAbsent(YearMonth.from(s.date()), k -> new long[2]);
            c[0]++;
            if (missing.test(s)) {
                c[1]++;
            }
        }
        return out;
    }

    /** Drops each month whose coverage of a field (1 - share missing, rounded as OPP) is under {@code min}. */
    private static List<Stop> lowCoverageStep(List<EligibilityStep> steps, EligibilityRule rule, List<Stop> rows,
            Predicate<Stop> missing, double min) {
        List<YearMonth> low = new ArrayList<>();
        perMonth(rows, missing).forEach((m, c) -> {
            if (c[0] > 0 && coverageOf(c[1], c[0]) < min) {
                low.add(m);
            }
        });
        return monthStep(steps, rule, rows, low);
    }

    private static List<Stop> monthStep(List<EligibilityStep> steps, EligibilityRule rule, List<Stop> rows,
            List<YearMonth> removed) {
        Set<YearMonth> set = Set.copyOf(removed);
        List<Stop> next = filter(rows, x -> !set.contains(YearMonth.from(x.date())));
        steps.add(stepOf(rule, rows, next, removed));
        return next;
    }

    private static List<Stop> step(List<EligibilityStep> steps, EligibilityRule rule, List<Stop> before,
            List<Stop> after) {
        steps.add(stepOf(rule, before, after, List.of()));
        return after;
    }

    private static EligibilityStep stepOf(EligibilityRule rule, List<Stop> before, List<Stop> after,
            List<YearMonth> months) {
        long sb = before.stream().filter(x -> x.searchConducted() == Flag.YES).count();
        long sa = after.stream().filter(x -> x.searchConducted() == Flag.YES).count();
        return new EligibilityStep(rule, after.size(), sa, before.size() - after.size(), sb - sa, months, List.of(),
                OptionalDouble.empty(), OptionalInt.empty());
    }

    @Override
    public String toString() {
        return Format.f("OppBaseRules[%s..%s, >= %d stops/month, race coverage >= %s, races %s]", from, to,
                minStopsPerMonth, Format.num(minRaceCoverage), races.stream().map(Category::code).toList());
    }
}
