package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.metrics.opp.EligibilityRule;
import io.github.peelmetrics.metrics.opp.EligibilityStep;
import io.github.peelmetrics.metrics.opp.OppBaseRules;
import io.github.peelmetrics.core.stats.Adjustment;
import io.github.peelmetrics.core.stats.Distributions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The outcome test as the Stanford Open Policing Project runs it: hit rates of discretionary
 * searches by race, after OPP's eligibility rules, by district and pooled by location; the KPT
 * test of those hit rates; and the frisk yield (weapons found per frisk).
 *
 * <p>Reference: E. Pierson, C. Simoiu, J. Overgoor, S. Corbett-Davies, D. Jenson, A. Shoemaker,
 * V. Ramachandran, P. Barghouty, C. Phillips, R. Shroff and S. Goel, "A large-scale analysis of
 * racial disparities in police stops across the United States", <i>Nature Human Behaviour</i> 4,
 * 736-745 (2020); code github.com/stanford-policylab/opp at commit {@code fdb3b9f8}:
 * eligibility in {@code lib/eligibility.R} ({@code load_base_for} lines 164-182,
 * {@code load_disparity_for} 124-140, each rule at the line its {@link EligibilityRule} constant
 * gives), preparation in {@code lib/opp.R} ({@code opp_prepare_for_disparity}, 873-951), hit rates
 * in {@code lib/outcome_test.R} (83-149) called as in {@code lib/disparity.R} (29-33). Every figure
 * agrees with OPP's R functions on the conformance cases ({@code metrics/outcome.json}) to 1e-9,
 * every count exactly.
 *
 * <p>Where OPP's code departs from its stated intent, Peel follows the intent, as the conformance
 * cases do: {@code filter_to_discretionary_searches_if_search_basis} tests {@code colnames(tbl)}
 * where {@code tbl} resolves to {@code dplyr::tbl}, so OPP's own run never applies the rule (Peel
 * applies it); {@code remove_locations_with_too_few_searches_per_race} errors when a race has no
 * search at all (Peel drops every district where that race has stops, which usually eliminates the
 * location). The KPT test and the frisk yield are not in OPP's code: they are defined on top of
 * OPP's functions (README-opp.md §1.4-1.5).
 *
 * <h2>What a hit-rate gap can and cannot show</h2>
 * A lower hit rate for one group says that searches of that group found contraband less often. It
 * suggests, but does not show, that officers searched that group on less evidence: the
 * <em>infra-marginality</em> problem (Ayres 2002; Simoiu, Corbett-Davies and Goel 2017) is that
 * hit rates average over everyone searched, not over the marginal searches that a threshold
 * governs, so groups with different distributions of guilt can show different hit rates under one
 * threshold, and equal hit rates under different thresholds. The KPT test only asks whether the hit
 * rates differ. OPP's <em>threshold test</em> (Simoiu et al. 2017; Pierson et al. 2018), a Bayesian
 * model of each group's search threshold, addresses infra-marginality and is the better test of
 * discrimination in search decisions; it is <b>not</b> implemented here.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * OutcomeTestResult r = OutcomeTest.opp().test(Map.of("Springfield, IL", stops));
 * r.searches().orElseThrow().of("Springfield, IL", Races.BLACK);   // pooled hit rate
 * r.testResult();                                                   // omnibus KPT, one location
 * }</pre>
 * The location of a stop is OPP's {@code (state, city)}, given by the caller (a {@link Stop} has no
 * city): as a map of location to stops, or with a function. The district is {@link Stop#district()}.
 *
 * <h2>Search basis</h2>
 * The discretionary bases are OPP's {@code plain view}, {@code consent}, {@code probable cause},
 * {@code k9} and an unrecorded basis ({@link SearchBasis#PLAIN_VIEW}, {@link SearchBasis#CONSENT},
 * {@link SearchBasis#PROBABLE_CAUSE}, {@link SearchBasis#K9}, {@link SearchBasis#UNKNOWN}). OPP's
 * {@code other} (arrest/warrant, probation/parole, inventory) is {@link SearchBasis#OTHER} here,
 * and Peel's finer {@link SearchBasis#INCIDENT_TO_ARREST} and {@link SearchBasis#INVENTORY} are
 * not discretionary either. {@link SearchBasis#FRISK} has no OPP counterpart (OPP records frisks in
 * {@code frisk_performed}); it is treated as not discretionary. Change the set with
 * {@link #discretionaryBases(Set)}.
 *
 * <p>Instances are immutable and thread-safe; each setting returns a new instance. Input stops are
 * never changed; the result does not depend on their order.
 */
public final class OutcomeTest {

    private final LocalDate from;
    private final LocalDate to;
    private final int minStopsPerMonth;
    private final double coverage;
    private final double searchBasisCoverage;
    private final Set<SearchBasis> discretionary;
    private final int minSearches;
    private final int minDistricts;
    private final List<Category> races;

    private OutcomeTest(LocalDate from, LocalDate to, int minStopsPerMonth, double coverage, double searchBasisCoverage,
            Set<SearchBasis> discretionary, int minSearches, int minDistricts, List<Category> races) {
        this.from = from;
        this.to = to;
        this.minStopsPerMonth = minStopsPerMonth;
        this.coverage = coverage;
        this.searchBasisCoverage = searchBasisCoverage;
        this.discretionary = discretionary;
        this.minSearches = minSearches;
        this.minDistricts = minDistricts;
        this.races = races;
    }

    /**
     * OPP's settings: stops from 2011-01-01 to 2018-12-31, months with at least 50 stops, coverage
     * at least 0.5 (race, search, contraband, district, and the search basis for the discretionary
     * rule), at least 50 searches of each race in a district, at least 3 districts, the races white
     * (the reference), black and hispanic, the discretionary bases above.
     */
    public static OutcomeTest opp() {
        return new OutcomeTest(LocalDate.of(2011, 1, 1), LocalDate.of(2018, 12, 31), 50, 0.5, 0.5,
                EnumSet.of(SearchBasis.PLAIN_VIEW, SearchBasis.CONSENT, SearchBasis.PROBABLE_CAUSE, SearchBasis.K9,
                        SearchBasis.UNKNOWN),
                50, 3, List.of(Races.WHITE, Races.BLACK, Races.HISPANIC));
    }

    /** Keeps stops dated {@code from <= date <= to}. */
    public OutcomeTest dateRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("date range of OutcomeTest must not end before it starts: " + from + ".." + to);
        }
        return new OutcomeTest(from, to, minStopsPerMonth, coverage, searchBasisCoverage, discretionary, minSearches,
                minDistricts, races);
    }

    /** Drops calendar months with fewer stops than this (OPP: 50). */
    public OutcomeTest minStopsPerMonth(int value) {
        return new OutcomeTest(from, to, nonNegative("minStopsPerMonth", value), coverage, searchBasisCoverage,
                discretionary, minSearches, minDistricts, races);
    }

    /** Drops months where race, search, contraband or district is recorded for less than this share (OPP: 0.5). */
    public OutcomeTest coverage(double value) {
        return new OutcomeTest(from, to, minStopsPerMonth, unit("coverage", value), searchBasisCoverage, discretionary,
                minSearches, minDistricts, races);
    }

    /** Applies the discretionary-search rule when the basis is recorded for at least this share of searches (OPP: 0.5). */
    public OutcomeTest searchBasisCoverage(double value) {
        return new OutcomeTest(from, to, minStopsPerMonth, coverage, unit("searchBasisCoverage", value), discretionary,
                minSearches, minDistricts, races);
    }

    /** The search bases counted as discretionary ({@link SearchBasis#UNKNOWN} = an unrecorded basis); not empty. */
    public OutcomeTest discretionaryBases(Set<SearchBasis> bases) {
        Objects.requireNonNull(bases, "bases");
        if (bases.isEmpty() || bases.contains(SearchBasis.NONE)) {
            throw new IllegalArgumentException("discretionary bases of OutcomeTest must be search bases (not NONE), "
                    + "at least one: " + bases);
        }
        return new OutcomeTest(from, to, minStopsPerMonth, coverage, searchBasisCoverage, EnumSet.copyOf(bases),
                minSearches, minDistricts, races);
    }

    /** Drops each district where some race has fewer searches than this (OPP: 50; a district needs at least one). */
    public OutcomeTest minSearchesPerRacePerDistrict(int value) {
        return new OutcomeTest(from, to, minStopsPerMonth, coverage, searchBasisCoverage, discretionary,
                nonNegative("minSearchesPerRacePerDistrict", value), minDistricts, races);
    }

    /** Eliminates a location with fewer districts left than this (OPP: 3). */
    public OutcomeTest minDistricts(int value) {
        return new OutcomeTest(from, to, minStopsPerMonth, coverage, searchBasisCoverage, discretionary, minSearches,
                nonNegative("minDistricts", value), races);
    }

    /** The analysis races: the reference (OPP: white) and the others (OPP: black, hispanic), distinct, none unknown. */
    public OutcomeTest races(Category reference, Category... others) {
        List<Category> all = new ArrayList<>();
        all.add(Objects.requireNonNull(reference, "reference"));
        for (Category c : others) {
            all.add(Objects.requireNonNull(c, "race"));
        }
        if (new LinkedHashSet<>(all).size() != all.size() || all.stream().anyMatch(Category::isUnknown)) {
            throw new IllegalArgumentException("races of OutcomeTest must be distinct and known: " + all);
        }
        return new OutcomeTest(from, to, minStopsPerMonth, coverage, searchBasisCoverage, discretionary, minSearches,
                minDistricts, List.copyOf(all));
    }

    private static int nonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " of OutcomeTest must not be negative: " + value);
        }
        return value;
    }

    private static double unit(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " of OutcomeTest must be in [0, 1]: " + value);
        }
        return value;
    }

    /** Runs the test on the stops of one location. */
    public OutcomeTestResult test(String location, Collection<Stop> stops) {
        return test(Map.of(Objects.requireNonNull(location, "location"), stops));
    }

    /** Runs the test, the location of each stop given by a function (e.g. {@code "city, state"}). */
    public OutcomeTestResult test(Collection<Stop> stops, Function<? super Stop, String> location) {
        Objects.requireNonNull(location, "location");
        Map<String, List<Stop>> by = new TreeMap<>();
        for (Stop s : stops) {
            String g = Objects.requireNonNull(location.apply(s), () -> "location of stop " + s.id());
            by.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
        }
        return test(by);
    }

    /** Runs the test on stops by location (OPP's {@code "city, state"}); locations are reported in sorted order. */
    public OutcomeTestResult test(Map<String, ? extends Collection<Stop>> stopsByLocation) {
        Objects.requireNonNull(stopsByLocation, "stopsByLocation");
        Map<String, LocationEligibility> eligibility = new LinkedHashMap<>();
        List<Row> eligible = new ArrayList<>();
        List<Row> friskRows = new ArrayList<>();
        for (String g : new TreeSet<>(stopsByLocation.keySet())) {
            List<Row> rows = new ArrayList<>();
            for (Stop s : stopsByLocation.get(g)) {
                rows.add(new Row(g, Objects.requireNonNull(s, "stop")));
            }
            OppBaseRules.Applied base = baseRules().apply(stopsByLocation.get(g));
            List<EligibilityStep> steps = new ArrayList<>(base.steps());
            List<Row> baseRows = new ArrayList<>(base.stops().size());
            for (Stop s : base.stops()) {
                baseRows.add(new Row(g, s));
            }
            List<Row> kept = eligibility(baseRows, steps);
            long searches = kept.stream().filter(Row::searched).count();
            eligibility.put(g, new LocationEligibility(g, steps, kept.isEmpty(), kept.size(), searches));
            eligible.addAll(kept);
            for (Row r : rows) {
                if (races.contains(r.stop.subject().race())) {
                    friskRows.add(r);
                }
            }
        }
        Optional<HitRates> searches = eligible.isEmpty() ? Optional.empty()
                : Optional.of(hitRates(eligible, "search_conducted", "contraband_found", Stop::searchConducted,
                        Stop::contrabandFound));
        boolean friskRecorded = friskRows.stream().anyMatch(r -> r.stop.frisk().isKnown())
                && friskRows.stream().anyMatch(r -> r.stop.contrabandWeapons().isKnown());
        Optional<HitRates> frisks = friskRecorded
                ? Optional.of(hitRates(friskRows, "frisk_performed", "contraband_weapons", Stop::frisk,
                        Stop::contrabandWeapons))
                : Optional.empty();
        return new OutcomeTestResult(races, eligibility, searches, friskRows.size(), frisks);
    }

    /** A stop and its location. */
    private static final class Row {
        final String geo;
        final Stop stop;
        final YearMonth month;

        Row(String geo, Stop stop) {
            this.geo = geo;
            this.stop = stop;
            this.month = YearMonth.from(stop.date());
        }

        boolean searched() {
            return stop.searchConducted() == Flag.YES;
        }
    }

    // ------------------------------------------------------------------ eligibility

    /** OPP's base rules (steps 1-8) with this test's settings. */
    private OppBaseRules baseRules() {
        return OppBaseRules.of(from, to, minStopsPerMonth, coverage, races);
    }

    /** The rules after OPP's base rules ({@code load_disparity_for}), on the rows the base rules kept. */
    private List<Row> eligibility(List<Row> rows, List<EligibilityStep> steps) {
        List<Row> r = rows;
        r = step(steps, EligibilityRule.UNRELIABLE_SEARCH_DATA, r, r);
        r = coverageStep(steps, EligibilityRule.SEARCH_COVERAGE, r, x -> true, x -> !x.stop.searchConducted().isKnown());
        // the discretionary rule
        long searched = r.stream().filter(Row::searched).count();
        OptionalDouble basisCoverage = OptionalDouble.empty();
        List<Row> next = r;
        if (searched > 0) {
            long noBasis = r.stream().filter(x -> x.searched() && x.stop.searchBasis() == SearchBasis.UNKNOWN).count();
            double c = coverageOf(noBasis, searched);
            basisCoverage = OptionalDouble.of(c);
            if (!(c < searchBasisCoverage)) {
                next = filter(r, x -> x.stop.searchConducted() == Flag.NO
                        || (x.searched() && discretionary.contains(x.stop.searchBasis())));
            }
        }
        steps.add(stepOf(EligibilityRule.DISCRETIONARY_SEARCHES, r, next, List.of(), List.of(), basisCoverage,
                OptionalInt.empty()));
        r = next;
        r = step(steps, EligibilityRule.SEARCH_RECORDED, r, filter(r, x -> x.stop.searchConducted().isKnown()));
        r = step(steps, EligibilityRule.UNRELIABLE_CONTRABAND_DATA, r, r);
        r = coverageStep(steps, EligibilityRule.CONTRABAND_COVERAGE, r, Row::searched,
                x -> !x.stop.contrabandFound().isKnown());
        r = coverageStep(steps, EligibilityRule.SUBGEOGRAPHY_COVERAGE, r, x -> true, x -> x.stop.district().isEmpty());
        r = step(steps, EligibilityRule.SUBGEOGRAPHY_RECORDED, r, filter(r, x -> x.stop.district().isPresent()));
        // too few searches per race in a district
        Set<Category> present = new LinkedHashSet<>();
        Map<String, Map<Category, Long>> searchesBy = new TreeMap<>();
        for (Row x : r) {
            present.add(x.stop.subject().race());
            Map<Category, Long> m = searchesBy.computeIfAbsent(x.stop.district().orElseThrow(), k -> new HashMap<>());
            if (x.searched()) {
                m.merge(x.stop.subject().race(), 1L, Long::sum);
            }
        }
        List<String> removedDistricts = new ArrayList<>();
        searchesBy.forEach((d, m) -> {
            for (Category race : present) {
                if (m.getOrDefault(race, 0L) < Math.max(1, minSearches)) {
                    removedDistricts.add(d);
                    break;
                }
            }
        });
        next = filter(r, x -> !removedDistricts.contains(x.stop.district().orElseThrow()));
        steps.add(stepOf(EligibilityRule.TOO_FEW_SEARCHES_PER_RACE, r, next, List.of(), removedDistricts,
                OptionalDouble.empty(), OptionalInt.empty()));
        r = next;
        Set<String> districts = new TreeSet<>();
        r.forEach(x -> districts.add(x.stop.district().orElseThrow()));
        next = districts.size() < minDistricts ? List.of() : r;
        steps.add(stepOf(EligibilityRule.TOO_FEW_SUBGEOGRAPHIES, r, next, List.of(), List.of(), OptionalDouble.empty(),
                r.isEmpty() ? OptionalInt.empty() : OptionalInt.of(districts.size())));
        return next;
    }

    private static boolean isMissingRace(Category race) {
        return OppBaseRules.isMissingRace(race);
    }

    /** OPP's coverage: 1 - round(share missing, 4) ({@code lib/utils.R} {@code null_rate}). */
    static double coverageOf(long missing, long n) {
        return OppBaseRules.coverageOf(missing, n);
    }

    private static List<Row> filter(List<Row> rows, Predicate<Row> keep) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (keep.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Per month (sorted): [rows matching the predicate, of which missing]. */
    private static Map<YearMonth, long[]> counts(List<Row> rows, Predicate<Row> among, Predicate<Row> missing) {
        Map<YearMonth, long[]> out = new TreeMap<>();
        for (Row r : rows) {
            long[] c = out.computeIfAbsent(r.month, k -> new long[2]);
            if (among.test(r)) {
                c[0]++;
                if (missing.test(r)) {
                    c[1]++;
                }
            }
        }
        return out;
    }

    private List<Row> coverageStep(List<EligibilityStep> steps, EligibilityRule rule, List<Row> rows,
            Predicate<Row> among, Predicate<Row> missing) {
        List<YearMonth> low = new ArrayList<>();
        counts(rows, among, missing).forEach((m, c) -> {
            if (c[0] > 0 && coverageOf(c[1], c[0]) < coverage) {
                low.add(m);
            }
        });
        return monthStep(steps, rule, rows, low);
    }

    private static List<Row> monthStep(List<EligibilityStep> steps, EligibilityRule rule, List<Row> rows,
            List<YearMonth> removed) {
        Set<YearMonth> set = Set.copyOf(removed);
        List<Row> next = filter(rows, x -> !set.contains(x.month));
        steps.add(stepOf(rule, rows, next, removed, List.of(), OptionalDouble.empty(), OptionalInt.empty()));
        return next;
    }

    private static List<Row> step(List<EligibilityStep> steps, EligibilityRule rule, List<Row> before, List<Row> after) {
        steps.add(stepOf(rule, before, after, List.of(), List.of(), OptionalDouble.empty(), OptionalInt.empty()));
        return after;
    }

    private static EligibilityStep stepOf(EligibilityRule rule, List<Row> before, List<Row> after,
            List<YearMonth> months, List<String> districts, OptionalDouble basisCoverage, OptionalInt districtsLeft) {
        long sb = before.stream().filter(Row::searched).count();
        long sa = after.stream().filter(Row::searched).count();
        return new EligibilityStep(rule, after.size(), sa, before.size() - after.size(), sb - sa, months, districts,
                basisCoverage, districtsLeft);
    }

    // ------------------------------------------------------------------ hit rates

    private HitRates hitRates(List<Row> rows, String actionName, String outcomeName, Function<Stop, Flag> actionOf,
            Function<Stop, Flag> outcomeOf) {
        long rowsIn = rows.size();
        long filled = 0;
        long unrecorded = 0;
        long withoutAction = 0;
        // location -> district -> race -> [actions, hits]
        Map<String, Map<String, Map<Category, long[]>>> cells = new TreeMap<>();
        for (Row r : rows) {
            Flag action = actionOf.apply(r.stop);
            Flag outcome = outcomeOf.apply(r.stop);
            if (outcome == Flag.UNKNOWN && action == Flag.NO) {
                outcome = Flag.NO;
                filled++;
            }
            if (!action.isKnown() || !outcome.isKnown() || r.stop.district().isEmpty()
                    || isMissingRace(r.stop.subject().race())) {
                unrecorded++;
                continue;
            }
            if (outcome == Flag.YES && action == Flag.NO) {
                withoutAction++;
                continue;
            }
            if (action == Flag.YES) {
                long[] c = cells.computeIfAbsent(r.geo, k -> new TreeMap<>())
                        .computeIfAbsent(r.stop.district().orElseThrow(), k -> new HashMap<>())
                        .computeIfAbsent(r.stop.subject().race(), k -> new long[2]);
                c[0]++;
                if (outcome == Flag.YES) {
                    c[1]++;
                }
            }
        }
        Preparation prep = new Preparation(rowsIn, filled, rowsIn == 0 ? Double.NaN : (double) unrecorded / rowsIn,
                rowsIn == 0 ? Double.NaN : (double) withoutAction / rowsIn, rowsIn - unrecorded - withoutAction);
        Map<String, Map<String, Map<Category, HitRate>>> byDistrict = new LinkedHashMap<>();
        Map<String, Map<Category, HitRate>> byLocation = new LinkedHashMap<>();
        Map<String, Map<Category, long[]>> pooled = new LinkedHashMap<>();
        cells.forEach((g, districts) -> {
            Map<String, Map<Category, HitRate>> dm = new LinkedHashMap<>();
            Map<Category, long[]> sum = new HashMap<>();
            districts.forEach((d, m) -> {
                dm.put(d, ordered(m));
                m.forEach((race, c) -> {
                    long[] s = sum.computeIfAbsent(race, k -> new long[2]);
                    s[0] += c[0];
                    s[1] += c[1];
                });
            });
            byDistrict.put(g, dm);
            byLocation.put(g, ordered(sum));
            pooled.put(g, sum);
        });
        Map<Category, AverageHitRate> aggregate = new LinkedHashMap<>();
        for (Category race : races) {
            double rate = 0;
            double hits = 0;
            double actions = 0;
            int n = 0;
            for (Map<Category, HitRate> m : byLocation.values()) {
                HitRate h = m.get(race);
                if (h != null) {
                    rate += h.estimate();
                    hits += h.hits();
                    actions += h.actions();
                    n++;
                }
            }
            if (n > 0) {
                aggregate.put(race, new AverageHitRate(rate / n, hits / n, actions / n, n));
            }
        }
        List<KptTest> kpt = kpt(pooled, cells);
        return new HitRates(actionName, outcomeName, prep, byDistrict, byLocation, aggregate, kpt);
    }

    private Map<Category, HitRate> ordered(Map<Category, long[]> m) {
        Map<Category, HitRate> out = new LinkedHashMap<>();
        for (Category race : races) {
            long[] c = m.get(race);
            if (c != null && c[0] > 0) {
                out.put(race, HitRate.of(c[0], c[1]));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ KPT

    /** A test before Holm: its table's figures. */
    private record Raw(KptTest.Level level, String geo, Optional<String> district, KptTest.Kind kind,
            Optional<Category> race, List<Category> races, double[] chi) {}

    private List<KptTest> kpt(Map<String, Map<Category, long[]>> pooled,
            Map<String, Map<String, Map<Category, long[]>>> cells) {
        List<Raw> raws = new ArrayList<>();
        pooled.forEach((g, m) -> {
            tables(raws, KptTest.Level.GEOGRAPHY, g, Optional.empty(), m);
        });
        cells.forEach((g, districts) -> districts.forEach((d, m) ->
                tables(raws, KptTest.Level.SUBGEOGRAPHY, g, Optional.of(d), m)));
        // Holm per family (level, kind), over defined p-values
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            if (r.chi != null) {
                families.computeIfAbsent(r.level + "/" + r.kind, k -> new ArrayList<>()).add(i);
            }
        }
        double[] holm = new double[raws.size()];
        int[] size = new int[raws.size()];
        families.forEach((k, idx) -> {
            double[] p = new double[idx.size()];
            for (int j = 0; j < p.length; j++) {
                p[j] = raws.get(idx.get(j)).chi[2];
            }
            double[] adj = Adjustment.HOLM.adjust(p);
            for (int j = 0; j < p.length; j++) {
                holm[idx.get(j)] = adj[j];
            }
            for (int i = 0; i < raws.size(); i++) {
                Raw r = raws.get(i);
                if ((r.level + "/" + r.kind).equals(k)) {
                    size[i] = idx.size();
                }
            }
        });
        List<KptTest> out = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            boolean defined = r.chi != null;
            int df = r.kind == KptTest.Kind.PAIRWISE ? 1 : Math.max(0, r.races.size() - 1);
            out.add(new KptTest(r.level, r.geo, r.district, r.kind, r.race, races.get(0), r.races,
                    defined ? OptionalDouble.of(r.chi[0]) : OptionalDouble.empty(), df,
                    defined ? OptionalDouble.of(r.chi[2]) : OptionalDouble.empty(),
                    defined ? OptionalDouble.of(r.chi[3]) : OptionalDouble.empty(),
                    defined ? OptionalDouble.of(holm[i]) : OptionalDouble.empty(), size[i]));
        }
        return out;
    }

    private void tables(List<Raw> raws, KptTest.Level level, String geo, Optional<String> district,
            Map<Category, long[]> m) {
        List<Category> acted = new ArrayList<>();
        for (Category race : races) {
            long[] c = m.get(race);
            if (c != null && c[0] > 0) {
                acted.add(race);
            }
        }
        raws.add(new Raw(level, geo, district, KptTest.Kind.OMNIBUS, Optional.empty(), acted, chiSquare(acted, m)));
        Category reference = races.get(0);
        for (Category race : races.subList(1, races.size())) {
            List<Category> pair = new ArrayList<>();
            for (Category c : List.of(race, reference)) {
                if (m.containsKey(c) && m.get(c)[0] > 0) {
                    pair.add(c);
                }
            }
            raws.add(new Raw(level, geo, district, KptTest.Kind.PAIRWISE, Optional.of(race), List.of(),
                    pair.size() == 2 ? chiSquare(pair, m) : null));
        }
    }

    /**
     * Pearson's chi-square of the races x (not found, found) table without continuity correction:
     * {statistic, df, p, min expected}, or null when fewer than 2 rows or a column total is 0.
     */
    static double[] chiSquare(List<Category> rows, Map<Category, long[]> m) {
        if (rows.size() < 2) {
            return null;
        }
        long n = 0;
        long found = 0;
        for (Category r : rows) {
            n += m.get(r)[0];
            found += m.get(r)[1];
        }
        long notFound = n - found;
        if (found == 0 || notFound == 0) {
            return null;
        }
        double stat = 0;
        double minExpected = Double.POSITIVE_INFINITY;
        for (Category r : rows) {
            long a = m.get(r)[0];
            long h = m.get(r)[1];
            double e1 = (double) a * found / n;
            double e0 = (double) a * notFound / n;
            stat += (h - e1) * (h - e1) / e1 + (a - h - e0) * (a - h - e0) / e0;
            minExpected = Math.min(minExpected, Math.min(e0, e1));
        }
        double df = rows.size() - 1;
        return new double[] {stat, df, Distributions.chiSquareSf(stat, df), minExpected};
    }

    @Override
    public String toString() {
        return Format.f("OutcomeTest[%s..%s, >= %d stops/month, coverage %s, basis coverage %s, discretionary %s, "
                + ">= %d searches per race per district, >= %d districts, races %s (reference %s)]", from, to,
                minStopsPerMonth, Format.num(coverage), Format.num(searchBasisCoverage), discretionary, minSearches,
                minDistricts, races.stream().map(Category::code).toList(), races.get(0).code());
    }
}
