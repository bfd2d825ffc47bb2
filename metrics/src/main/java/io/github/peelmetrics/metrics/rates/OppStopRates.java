package io.github.peelmetrics.metrics.rates;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.metrics.opp.EligibilityStep;
import io.github.peelmetrics.metrics.opp.OppBaseRules;
import io.github.peelmetrics.metrics.trend.RateComparison;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * OPP's annualized stop rates per race, with Poisson rate ratios against a reference race, as the
 * Stanford Open Policing Project computes them (github.com/stanford-policylab/opp, commit
 * {@code fdb3b9f}: {@code lib/eligibility.R load_base_for}, {@code lib/prima_facie_stats.R
 * stop_rates_by_geo}).
 *
 * <p><b>Eligibility</b> ({@code load_base_for}, steps 1-8, applied by {@link OppBaseRules}, each
 * reported as an {@link EligibilityStep}): (1) {@code keep_only_highway_patrol_if_state} (statewide data only; a
 * no-op here: one location per call); (2) keep vehicular stops ({@link StopType#VEHICULAR}; an
 * unrecorded type is dropped); (3) keep dates in the date range (OPP: 2011-01-01..2018-12-31);
 * (4) drop every calendar month with fewer than 50 stops; (5) drop every month in which the share
 * of stops without a race (unknown, or a code containing {@code unknown}), rounded to 4 places as OPP's {@code null_rate}, leaves a
 * coverage below 0.5; (6) keep the analysis races (white, black, Hispanic); (7, 8)
 * {@code add_subgeography}, {@code remove_anomalous_subgeographies}: no change to the stops.
 *
 * <p><b>Rates</b> (see {@link StopRate}): OPP averages a race's monthly stops over the months in
 * which it has a stop, × 12, per resident; a race with no stop has no OPP row. The Poisson rate
 * counts every stop over {@code population × months / 12} person-years.
 *
 * <p><b>Why Poisson, not Katz.</b> Stops are events: one resident can be stopped many times and a
 * race's stops can outnumber its residents (a small group on a busy road). A Katz risk ratio
 * treats stops/residents as a proportion of people and needs stops &lt; residents; the Poisson
 * rate ratio ({@link RateComparison}: Wald, mid-p and R {@code poisson.test}'s exact conditional
 * test; Rothman and Greenland 1998, ch. 14; epitools {@code rateratio}) has no such bound.
 *
 * <p>What it cannot show: a higher stop rate per resident is a benchmark comparison. Residents
 * are not the people on the road (commuters, visitors, driving exposure), so the ratio measures
 * a disparity against residence, not bias.
 *
 * <pre>{@code
 * StopRateTable t = OppStopRates.per(Map.of(Races.WHITE, 61250L, Races.BLACK, 21400L, Races.HISPANIC, 14100L))
 *         .of(stops);
 * }</pre>
 * Immutable and thread-safe; every setting returns a new instance. Conformance:
 * {@code metrics/stop_rates.json} ({@code opp_stop_rates}).
 */
public final class OppStopRates {
    /** OPP's date range ({@code lib/eligibility.R}). */
    public static final LocalDate OPP_FIRST_DATE = LocalDate.of(2011, 1, 1);
    /** OPP's date range ({@code lib/eligibility.R}). */
    public static final LocalDate OPP_LAST_DATE = LocalDate.of(2018, 12, 31);

    private final Map<Category, Long> population;
    private final List<Category> races;
    private final Category reference;
    private final LocalDate first;
    private final LocalDate last;
    private final int minStopsPerMonth;
    private final double minCoverage;
    private final double level;

    private OppStopRates(Map<Category, Long> population, List<Category> races, Category reference, LocalDate first,
                         LocalDate last, int minStopsPerMonth, double minCoverage, double level) {
        this.population = population;
        this.races = races;
        this.reference = reference;
        this.first = first;
        this.last = last;
        this.minStopsPerMonth = minStopsPerMonth;
        this.minCoverage = minCoverage;
        this.level = level;
    }

    /**
     * Stop rates per resident of each race, with OPP's settings: races white, Black and Hispanic,
     * white the reference, dates 2011-01-01..2018-12-31, at least 50 stops a month, race
     * coverage at least 0.5, 95% intervals.
     *
     * @param residents the residents of each race; every analysis race must be there, with a
     *                  positive count (other races are ignored)
     * @throws IllegalArgumentException when a count is not positive or an analysis race is missing
     */
    public static OppStopRates per(Map<Category, ? extends Number> residents) {
        Objects.requireNonNull(residents, "residents of OppStopRates");
        Map<Category, Long> pop = new LinkedHashMap<>();
        residents.forEach((k, v) -> {
            Objects.requireNonNull(k, "a race of the residents of OppStopRates");
            long n = Objects.requireNonNull(v, "residents of " + k).longValue();
            if (n <= 0 || n != v.doubleValue()) {
                throw new IllegalArgumentException(
                        "OppStopRates: residents of " + k + " must be a positive whole number: " + v);
            }
            pop.put(k, n);
        });
        return new OppStopRates(Map.copyOf(pop), List.of(Races.WHITE, Races.BLACK, Races.HISPANIC), Races.WHITE,
                OPP_FIRST_DATE, OPP_LAST_DATE, 50, 0.5, 0.95).checked();
    }

    /** The analysis races (OPP's {@code filter_to_races}), in the order of the rows; must include the reference. */
    public OppStopRates races(Category... analysisRaces) {
        List<Category> list = List.of(analysisRaces);
        if (list.isEmpty() || list.stream().distinct().count() != list.size()) {
            throw new IllegalArgumentException("OppStopRates: the races must be distinct and not empty: " + list);
        }
        return new OppStopRates(population, list, reference, first, last, minStopsPerMonth, minCoverage, level)
                .checked();
    }

    /** The race every other race is compared with (default white); must be an analysis race. */
    public OppStopRates reference(Category race) {
        return new OppStopRates(population, races, Objects.requireNonNull(race, "reference"), first, last,
                minStopsPerMonth, minCoverage, level).checked();
    }

    /** The dates kept, both inclusive (OPP's {@code filter_to_date_range}; default 2011-01-01..2018-12-31). */
    public OppStopRates dates(LocalDate from, LocalDate to) {
        if (to.isBefore(Objects.requireNonNull(from, "from"))) {
            throw new IllegalArgumentException("OppStopRates: date range " + from + ".." + to + " ends before it starts");
        }
        return new OppStopRates(population, races, reference, from, to, minStopsPerMonth, minCoverage, level);
    }

    /** Months with fewer stops are removed whole (OPP's {@code remove_months_with_too_few_stops}; default 50). */
    public OppStopRates minStopsPerMonth(int stops) {
        if (stops < 0) {
            throw new IllegalArgumentException("OppStopRates: minStopsPerMonth must not be negative: " + stops);
        }
        return new OppStopRates(population, races, reference, first, last, stops, minCoverage, level);
    }

    /** Months whose race coverage is below this are removed whole (OPP's {@code remove_months_with_low_coverage}; default 0.5). */
    public OppStopRates minRaceCoverage(double coverage) {
        if (!(coverage >= 0 && coverage <= 1)) {
            throw new IllegalArgumentException("OppStopRates: minRaceCoverage must lie in [0, 1]: " + coverage);
        }
        return new OppStopRates(population, races, reference, first, last, minStopsPerMonth, coverage, level);
    }

    /** The level of the intervals (default 0.95). */
    public OppStopRates level(double newLevel) {
        return new OppStopRates(population, races, reference, first, last, minStopsPerMonth, minCoverage,
                Checks.level(newLevel, "OppStopRates"));
    }

    private OppStopRates checked() {
        if (!races.contains(reference)) {
            throw Checks.notHeld("OppStopRates' analysis races", "reference race", reference, races);
        }
        for (Category r : races) {
            if (!population.containsKey(r)) {
                throw Checks.notHeld("OppStopRates' residents", "race", r, population.keySet().stream().sorted().toList());
            }
        }
        return this;
    }

    /** Applies OPP's base rules ({@link OppBaseRules}) to the stops and computes the rates. */
    public StopRateTable of(Iterable<? extends Stop> stops) {
        Objects.requireNonNull(stops, "stops");
        OppBaseRules.Applied base = OppBaseRules.of(first, last, minStopsPerMonth, minCoverage, races).apply(stops);
        List<EligibilityStep> steps = base.steps();
        long rows = base.stops().size();
        Map<YearMonth, Map<Category, Long>> byMonth = new TreeMap<>();
        for (Stop s : base.stops()) {
            byMonth.computeIfAbsent(YearMonth.from(s.date()), k -> new HashMap<>())
                    .merge(s.subject().race(), 1L, Long::sum);
        }
        List<YearMonth> months = List.copyOf(byMonth.keySet());
        int nMonths = months.size();
        Map<Category, long[]> counts = new LinkedHashMap<>();   // stops, months with stops
        for (Category r : races) {
            long n = 0;
            long withStops = 0;
            for (Map<Category, Long> m : byMonth.values()) {
                long k = m.getOrDefault(r, 0L);
                n += k;
                withStops += k > 0 ? 1 : 0;
            }
            counts.put(r, new long[] {n, withStops});
        }
        long refStops = counts.get(reference)[0];
        double refExposure = population.get(reference) * (double) nMonths / 12;
        OptionalDouble refAnnual = annualRate(counts.get(reference), population.get(reference));
        List<StopRate> out = new ArrayList<>();
        for (Category r : races) {
            long[] c = counts.get(r);
            long pop = population.get(r);
            double exposure = pop * (double) nMonths / 12;
            OptionalDouble monthly = c[0] == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) c[0] / c[1]);
            OptionalDouble annualStops = map(monthly, x -> x * 12);
            OptionalDouble annual = annualRate(c, pop);
            OptionalDouble per1000 = map(annual, x -> x * 1000);
            OptionalDouble poisson = nMonths == 0 ? OptionalDouble.empty() : OptionalDouble.of(c[0] / exposure * 1000);
            Optional<RateComparison> vs = Optional.empty();
            OptionalDouble oppRatio = OptionalDouble.empty();
            if (!r.equals(reference)) {
                if (nMonths > 0) {
                    vs = RateComparison.testIfDefined(c[0], exposure, refStops, refExposure, level);
                }
                if (annual.isPresent() && refAnnual.isPresent()) {
                    oppRatio = OptionalDouble.of(annual.getAsDouble() / refAnnual.getAsDouble());
                }
            }
            out.add(new StopRate(r, c[0], (int) c[1], pop, monthly, annualStops, annual, per1000, exposure, poisson,
                    vs, oppRatio));
        }
        return new StopRateTable(reference, level, steps, rows, months, out);
    }

    /** OPP's annual stop rate: 12 × mean monthly stops over months with stops, per resident. */
    private static OptionalDouble annualRate(long[] c, long pop) {
        return c[0] == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) c[0] / c[1] * 12 / pop);
    }

    private static OptionalDouble map(OptionalDouble x, java.util.function.DoubleUnaryOperator f) {
        return x.isPresent() ? OptionalDouble.of(f.applyAsDouble(x.getAsDouble())) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return Format.f("OppStopRates[races %s vs %s, %s..%s, >= %d stops/month, race coverage >= %s, level %s]",
                races, reference, first, last, minStopsPerMonth, Format.num(minCoverage), Format.num(level));
    }
}
