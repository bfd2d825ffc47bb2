package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.metrics.internal.Glm;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.metrics.opp.EligibilityRule;
import io.github.peelmetrics.metrics.opp.EligibilityStep;
import io.github.peelmetrics.metrics.opp.OppBaseRules;
import org.apache.commons.numbers.gamma.LogGamma;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * The veil of darkness test for stops (Grogger and Ridgeway 2006, "Testing for racial profiling in
 * traffic stops from behind a veil of darkness", JASA 101(475):878–887; Pierson et al. 2020, "A
 * large-scale analysis of racial disparities in police stops across the United States", Nature
 * Human Behaviour 4:736–745, as in the Stanford Open Policing Project's code).
 *
 * <p><b>Method.</b> For each stop, take its local clock minute {@code m = HH·60 + MM} (seconds
 * dropped) in the analysis time zone and its location's sunset and civil dusk of that date
 * ({@link SolarTimes}). Keep stops inside the location's {@link InterTwilightWindow} (the clock
 * times between the earliest and latest civil dusk over the calendar years of the data,
 * compared in whole minutes as {@link InterTwilightWindow#containsMinute(int)}); a
 * stop is <b>dark</b> when {@code m} is after that day's civil dusk, <b>light</b> when before
 * sunset, and is dropped in between ({@link Exclusion#TWILIGHT}). Then fit by maximum likelihood
 * (IRLS) the logistic regression
 * <pre>  logit P(group | group or reference) = β0 + β·dark + ns(m, df) [+ beat or district [× spline]]</pre>
 * with R's natural spline basis ({@link NaturalSpline}, knots from all stops used) and report β,
 * its standard error from the observed information, {@code z = β/se}, the two-sided normal
 * p-value, and the odds ratio {@code exp(β)} with the Wald interval — the numbers of R's
 * {@code glm(minority ~ is_dark + splines::ns(minute_of_day, df = 6) [+ factor(beat)],
 * family = binomial)} with {@code summary()} and {@code exp(confint.default())}.
 *
 * <p><b>The comparison.</b> The outcome is 1 for a stop of the group(s) of interest and 0 for one
 * of the reference group: white drivers by default, as OPP; stops of any other race are dropped
 * ({@link Exclusion#OTHER_RACE}), never coded 0. {@link #against} chooses the reference and
 * {@link #againstAllOthers()} compares with every other known race. {@link FixedEffects} adds beat
 * or district indicators, additive or interacted with the spline (OPP's default);
 * {@link DarknessRule#OPP_MINUTES} and {@link ModelRows#OPP_ROUNDED_CELLS} reproduce OPP's code,
 * and {@link #opp()} sets all of OPP's per-stop choices at once (docs/vod.md says what differs
 * and why Peel's defaults do).
 *
 * <p>A window that reaches past midnight (a dusk after 24:00 at high latitude) is handled by
 * counting a stop shortly after midnight as minute {@code m + 1440} of the previous evening.
 *
 * <p><b>Cost.</b> Solar times are computed once per location and date; stops are tallied into
 * cells ({@link VeilOfDarknessTally}, mergeable, also offered as a {@link #collector()}), so
 * memory does not grow with the number of stops and the model is fitted on at most
 * {@code 2 × beats × window minutes} rows; the fit equals the one-row-per-stop fit.
 *
 * <p>The factories take the required settings (where, the time zone, the group or groups of
 * interest); the optional ones ({@link #splineDf}, {@link #fixedEffects}, {@link #level}) return a
 * new instance and check their argument at once. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * VeilOfDarkness vod = VeilOfDarkness.at(GeoPoint.of(37.8044, -122.2712), ZoneId.of("America/Los_Angeles"),
 *         Races.BLACK);
 * VeilOfDarknessResult r = vod.test(stops);
 * VeilOfDarknessResult same = stops.parallelStream().collect(vod.collector());
 * }</pre>
 */
public final class VeilOfDarkness {

    /** The default spline degrees of freedom (Pierson et al. use 6). */
    public static final int DEFAULT_SPLINE_DF = 6;

    /** OPP's minimum stops per compared race for a year to enter its veil of darkness test. */
    public static final int DEFAULT_MIN_STOPS_PER_RACE_PER_YEAR = 100;

    private static final String CITY = "city";
    /** OPP's {@code rounded_minute = round(minute / 5) * 5}. */
    static final int ROUNDING_MINUTES = 5;

    private final GeoPoint city;                       // null when per beat (internal only)
    private final Map<String, GeoPoint> beatLocations; // empty when one city location
    private final ZoneId zone;
    private final Set<Category> minority;
    private final Set<Category> reference;             // empty: every other known race
    private final int splineDf;
    private final FixedEffects fixedEffects;
    private final DarknessRule rule;
    private final ModelRows rows;
    private final boolean vehicularOnly;
    private final double level;

    private VeilOfDarkness(GeoPoint city, Map<String, GeoPoint> beatLocations, ZoneId zone, Set<Category> minority,
                           Set<Category> reference, int splineDf, FixedEffects fixedEffects, DarknessRule rule,
                           ModelRows rows, boolean vehicularOnly, double level) {
        this.city = city;
        this.beatLocations = beatLocations;
        this.zone = zone;
        this.minority = minority;
        this.reference = reference;
        this.splineDf = splineDf;
        this.fixedEffects = fixedEffects;
        this.rule = rule;
        this.rows = rows;
        this.vehicularOnly = vehicularOnly;
        this.level = level;
    }

    private VeilOfDarkness with(Set<Category> ref, int df, FixedEffects fe, DarknessRule r, ModelRows mr, boolean veh,
                                double lvl) {
        return new VeilOfDarkness(city, beatLocations, zone, minority, ref, df, fe, r, mr, veh, lvl);
    }

    /** White drivers, OPP's reference, unless white is a group of interest (then every other known race). */
    private static Set<Category> defaultReference(Set<Category> minority) {
        return minority.contains(Races.WHITE) ? Set.of() : Set.of(Races.WHITE);
    }

    /**
     * A test for stops in one city: every stop gets the solar times of {@code place}.
     *
     * @param place    the city's location
     * @param zone     the local time zone (stop times are converted to it)
     * @param minority the group of interest: the outcome is 1 for stops whose subject's race is
     *                 this one (or one of {@code more}), 0 for the reference group: white drivers by
     *                 default, as the Stanford Open Policing Project (stops of other races are
     *                 dropped, {@link Exclusion#OTHER_RACE}; see {@link #against} and
     *                 {@link #againstAllOthers()}); every other known race when white is a group of interest
     * @param more     further groups of interest
     * @return a test against white drivers, with spline df 6, no fixed effects, level 0.95, Peel's
     *         {@link DarknessRule#CALENDAR_WINDOW} and {@link ModelRows#STOPS}
     * @throws IllegalArgumentException if a group is {@link Category#UNKNOWN}
     */
    public static VeilOfDarkness at(GeoPoint place, ZoneId zone, Category minority, Category... more) {
        Objects.requireNonNull(place, "place of veil of darkness test must not be null");
        Objects.requireNonNull(zone, "zone of veil of darkness test must not be null");
        Set<Category> groups = groups(minority, more);
        return new VeilOfDarkness(place, Map.of(), zone, groups, defaultReference(groups), DEFAULT_SPLINE_DF,
                FixedEffects.NONE, DarknessRule.CALENDAR_WINDOW, ModelRows.STOPS, false, 0.95);
    }

    /**
     * A test for stops located by beat: each stop gets the solar times of its beat's location;
     * stops of other beats are excluded ({@link Exclusion#UNKNOWN_LOCATION}).
     *
     * @param beatLocations a location per beat id, not empty
     * @param zone          the local time zone
     * @param minority      the group of interest (as {@link #at})
     * @param more          further groups of interest
     * @return a test as {@link #at}
     * @throws IllegalArgumentException if there is no beat location or a group is {@link Category#UNKNOWN}
     */
    public static VeilOfDarkness atBeats(Map<String, GeoPoint> beatLocations, ZoneId zone, Category minority,
                                         Category... more) {
        Objects.requireNonNull(beatLocations, "beatLocations of veil of darkness test must not be null");
        Objects.requireNonNull(zone, "zone of veil of darkness test must not be null");
        if (beatLocations.isEmpty()) {
            throw new IllegalArgumentException("beatLocations of veil of darkness test must not be empty");
        }
        Map<String, GeoPoint> copy = new TreeMap<>();
        beatLocations.forEach((k, v) -> {
            Objects.requireNonNull(k, "a beat id in beatLocations of veil of darkness test is null");
            Objects.requireNonNull(v, () -> "location of beat " + k + " in veil of darkness test must not be null");
            copy.put(k, v);
        });
        Set<Category> groups = groups(minority, more);
        return new VeilOfDarkness(null, Collections.unmodifiableMap(copy), zone, groups, defaultReference(groups),
                DEFAULT_SPLINE_DF, FixedEffects.NONE, DarknessRule.CALENDAR_WINDOW, ModelRows.STOPS, false, 0.95);
    }

    private static Set<Category> groups(Category first, Category... more) {
        Objects.requireNonNull(first, "minority group of veil of darkness test must not be null");
        Objects.requireNonNull(more, "minority groups of veil of darkness test must not be null");
        Set<Category> groups = new LinkedHashSet<>();
        groups.add(first);
        for (Category c : more) {
            groups.add(Objects.requireNonNull(c, "a minority group of veil of darkness test is null"));
        }
        for (Category c : groups) {
            if (c.isUnknown()) {
                throw new IllegalArgumentException("minority group of veil of darkness test must be a known race: " + c);
            }
        }
        return Collections.unmodifiableSet(groups);
    }

    /**
     * The degrees of freedom of the time-of-day natural spline (default 6).
     *
     * @param df at least 1
     * @return a new test
     */
    public VeilOfDarkness splineDf(int df) {
        if (df < 1 || df > 50) {
            throw new IllegalArgumentException("splineDf of veil of darkness test must be in [1, 50]: " + df);
        }
        return with(reference, df, fixedEffects, rule, rows, vehicularOnly, level);
    }

    /**
     * The fixed effects of the model (default {@link FixedEffects#NONE}).
     *
     * @param effects the fixed effects
     * @return a new test
     */
    public VeilOfDarkness fixedEffects(FixedEffects effects) {
        Objects.requireNonNull(effects, "fixedEffects of veil of darkness test must not be null");
        return with(reference, splineDf, effects, rule, rows, vehicularOnly, level);
    }

    /**
     * The confidence level of the odds-ratio interval (default 0.95).
     *
     * @param value in (0, 1)
     * @return a new test
     */
    public VeilOfDarkness level(double value) {
        return with(reference, splineDf, fixedEffects, rule, rows, vehicularOnly, Checks.level(value, "veil of darkness test"));
    }

    /**
     * The reference group: the outcome is 0 for stops whose subject's race is {@code reference}
     * (or one of {@code more}); stops of any other race are dropped ({@link Exclusion#OTHER_RACE}),
     * never coded 0. {@code against(Races.WHITE)} is the default and the Stanford Open Policing
     * Project's comparison ({@code filter_to_races(c("white", "black"))}).
     *
     * @param reference a known race, not a group of interest
     * @param more      further reference races
     * @return a new test
     * @throws IllegalArgumentException if a reference race is unknown or a group of interest
     */
    public VeilOfDarkness against(Category reference, Category... more) {
        Set<Category> ref = groups(reference, more);
        for (Category c : ref) {
            if (minority.contains(c)) {
                throw new IllegalArgumentException("reference group of veil of darkness test must not be a group of "
                        + "interest: " + c.code() + " (groups of interest " + minority + ")");
            }
        }
        return with(ref, splineDf, fixedEffects, rule, rows, vehicularOnly, level);
    }

    /**
     * Compares the group(s) of interest with every other known race (Peel's comparison before
     * 0.2, and Grogger and Ridgeway's "minority vs non-minority"): no stop is dropped for its race.
     *
     * @return a new test
     */
    public VeilOfDarkness againstAllOthers() {
        return with(Set.of(), splineDf, fixedEffects, rule, rows, vehicularOnly, level);
    }

    /**
     * How stops are classified light, dark or twilight, and where the window comes from (default
     * {@link DarknessRule#CALENDAR_WINDOW}).
     *
     * @param value the rule
     * @return a new test
     */
    public VeilOfDarkness darknessRule(DarknessRule value) {
        Objects.requireNonNull(value, "darknessRule of veil of darkness test must not be null");
        return with(reference, splineDf, fixedEffects, value, rows, vehicularOnly, level);
    }

    /**
     * The rows of the regression: one per stop (default) or OPP's aggregated cells of rounded
     * minutes ({@link ModelRows}).
     *
     * @param value the rows
     * @return a new test
     */
    public VeilOfDarkness modelRows(ModelRows value) {
        Objects.requireNonNull(value, "modelRows of veil of darkness test must not be null");
        return with(reference, splineDf, fixedEffects, rule, value, vehicularOnly, level);
    }

    /**
     * Keeps vehicular stops only: any other type, an unrecorded one included, is excluded
     * ({@link Exclusion#NOT_VEHICULAR}), as OPP's {@code filter_to_vehicular_stops}.
     *
     * @return a new test
     */
    public VeilOfDarkness vehicularOnly() {
        return with(reference, splineDf, fixedEffects, rule, rows, true, level);
    }

    /**
     * The Stanford Open Policing Project's veil of darkness test as its code runs it
     * ({@code lib/veil_of_darkness.R}, commit fdb3b9f, Pierson et al. 2020): vehicular stops only,
     * the group(s) of interest against white drivers (other races dropped),
     * {@link DarknessRule#OPP_MINUTES}, {@link ModelRows#OPP_ROUNDED_CELLS} and
     * {@link FixedEffects#DISTRICT_INTERACTED} ({@code ns(rounded_minute, df = 6) * district}).
     * OPP's month rules (months with fewer than 50 stops, race and time coverage under 50%) and
     * its year rules ({@code remove_partial_years}, 100 stops per race per year) look at all the
     * stops at once: {@link #test(Collection)} and the tally do not apply them,
     * {@link #testWithOppRules(Collection, OppBaseRules)} does.
     *
     * @return a new test
     */
    public VeilOfDarkness opp() {
        Set<Category> ref = minority.contains(Races.WHITE) ? reference : Set.of(Races.WHITE);
        return with(ref, splineDf, FixedEffects.DISTRICT_INTERACTED, DarknessRule.OPP_MINUTES,
                ModelRows.OPP_ROUNDED_CELLS, true, level);
    }

    /**
     * Runs the test on a collection of stops: {@code stops.forEach(tally::add)} then
     * {@link VeilOfDarknessTally#result()}.
     *
     * @param stops the stops (any order)
     * @return the darkness effect, the model summary and the counts used and excluded
     * @throws IllegalStateException if no stop is usable, or the
     *                               usable stops are all dark, all light, all in the group or none
     *                               in it; or if the model cannot be fitted (rank-deficient design,
     *                               separation, no convergence)
     */
    public VeilOfDarknessResult test(Collection<Stop> stops) {
        Objects.requireNonNull(stops, "stops of veil of darkness test must not be null");
        VeilOfDarknessTally t = tally();
        for (Stop s : stops) {
            t.add(s);
        }
        return t.result();
    }

    /**
     * The test after all of the Stanford Open Policing Project's eligibility steps for the veil of
     * darkness, with {@link #DEFAULT_MIN_STOPS_PER_RACE_PER_YEAR} stops per race per year: see
     * {@link #testWithOppRules(Collection, OppBaseRules, int)}.
     */
    public OppVeilOfDarknessResult testWithOppRules(Collection<Stop> stops, OppBaseRules baseRules) {
        return testWithOppRules(stops, baseRules, DEFAULT_MIN_STOPS_PER_RACE_PER_YEAR);
    }

    /**
     * The test after all of the Stanford Open Policing Project's eligibility steps for the veil of
     * darkness, in OPP's order ({@code load_vod_base_for}, {@code lib/veil_of_darkness.R} 82-90 and
     * 209-250, commit fdb3b9f; README-opp §3), each reported as an {@link EligibilityStep}:
     * <ol>
     *   <li>the base rules ({@link OppBaseRules#apply}: vehicular stops, date range, months with too few
     *       stops or too little race coverage, the analysis races);</li>
     *   <li>{@link EligibilityRule#TIME_COVERAGE}: months where fewer stops than the base rules' coverage
     *       threshold record the time; {@link EligibilityRule#TIME_RECORDED}: stops without a time;</li>
     *   <li>{@link EligibilityRule#COMPARED_RACES}: the groups of interest and the reference only;</li>
     *   <li>{@link EligibilityRule#INTER_TWILIGHT_PERIOD} (the window from the dusk minutes of the stops
     *       present at this step) and {@link EligibilityRule#SUNSET_TO_DUSK};</li>
     *   <li>{@link EligibilityRule#PARTIAL_YEARS} and {@link EligibilityRule#TOO_FEW_STOPS_PER_RACE_PER_YEAR},
     *       decided on the stops left by the window, over the whole data (OPP's geography is the city).</li>
     * </ol>
     * The model is then fitted on the stops left, with the window of step 4 (it is not recomputed after
     * years are removed, as in OPP's code); the result's exclusions count the stops of the years kept
     * (the steps count every stop). Each step needs the whole data (months and years are judged
     * on all stops), so this path takes a collection; a {@link #tally()} cannot apply these rules.
     *
     * @param stops                  the stops of one location (any order)
     * @param baseRules              OPP's base rules (their races must include the groups compared)
     * @param minStopsPerRacePerYear the minimum stops per compared race for a year to be kept (OPP: 100)
     * @return every step with the stops it kept and dropped, and the test on the stops left
     * @throws IllegalStateException    if this test does not use {@link DarknessRule#OPP_MINUTES} (call
     *                                  {@link #opp()} first), or as {@link #test(Collection)} when no usable stop
     *                                  is left (the steps say where they went)
     * @throws IllegalArgumentException if the minimum is negative
     */
    public OppVeilOfDarknessResult testWithOppRules(Collection<Stop> stops, OppBaseRules baseRules,
            int minStopsPerRacePerYear) {
        Objects.requireNonNull(stops, "stops of veil of darkness test must not be null");
        Objects.requireNonNull(baseRules, "baseRules of veil of darkness test must not be null");
        if (rule != DarknessRule.OPP_MINUTES) {
            throw new IllegalStateException("OPP's eligibility steps need OPP's darkness rule (its window comes from "
                    + "the stops present): call opp() first on " + this);
        }
        if (minStopsPerRacePerYear < 0) {
            throw new IllegalArgumentException("minStopsPerRacePerYear of veil of darkness test must not be negative: "
                    + minStopsPerRacePerYear);
        }
        OppBaseRules.Applied a = baseRules.apply(stops)
                .removeMonthsWithLowCoverage(EligibilityRule.TIME_COVERAGE, x -> x.time().isEmpty())
                .keep(EligibilityRule.TIME_RECORDED, x -> x.time().isPresent())
                .keep(EligibilityRule.COMPARED_RACES, x -> minority.contains(x.subject().race())
                        || (reference.isEmpty() ? !x.subject().race().isUnknown() : reference.contains(x.subject().race())));
        List<Stop> present = a.stops();
        VeilOfDarknessTally window = tally();
        present.forEach(window::add);
        Map<Stop, Exclusion> excludedBy = new java.util.IdentityHashMap<>();
        for (VeilOfDarknessTally.Classification c : window.classify(present)) {
            c.exclusion().ifPresent(e -> excludedBy.put(c.stop(), e));
        }
        a = a.keep(EligibilityRule.INTER_TWILIGHT_PERIOD, x -> excludedBy.get(x) != Exclusion.OUTSIDE_WINDOW);
        a = a.keep(EligibilityRule.SUNSET_TO_DUSK, x -> excludedBy.get(x) != Exclusion.TWILIGHT);
        Set<Integer> partial = OppYearRules.partialYears(a.stops());
        a = a.keep(EligibilityRule.PARTIAL_YEARS, x -> !partial.contains(x.date().getYear()));
        Set<Integer> few = OppYearRules.yearsWithTooFewStopsPerRace(a.stops(), minStopsPerRacePerYear);
        a = a.keep(EligibilityRule.TOO_FEW_STOPS_PER_RACE_PER_YEAR, x -> !few.contains(x.date().getYear()));
        VeilOfDarknessTally kept = tally();
        for (Stop s : present) {
            int year = s.date().getYear();
            if (!partial.contains(year) && !few.contains(year)) {
                kept.add(s);
            }
        }
        kept.widenWindows(window);   // OPP's window: from the stops present before the year rules
        try {
            return new OppVeilOfDarknessResult(a.steps(), kept.result());
        } catch (IllegalStateException e) {
            StringBuilder where = new StringBuilder();
            for (EligibilityStep s : a.steps()) {
                if (s.rowsDropped() > 0) {
                    where.append(where.length() == 0 ? "" : ", ").append(s.rule().oppFunction()).append(" dropped ")
                            .append(s.rowsDropped());
                }
            }
            throw new IllegalStateException(e.getMessage() + "; OPP's steps left " + a.stops().size() + " of "
                    + stops.size() + " stops (" + (where.length() == 0 ? "none dropped" : where) + ")"
                    + (a.steps().stream().anyMatch(s -> s.rule() == EligibilityRule.VEHICULAR
                            && s.rowsAfter() == 0 && s.rowsDropped() > 0)
                            ? "; no stop is vehicular: if the export has no type column and holds traffic stops only, "
                                    + "map it with .constant(\"type\", \"vehicular\")" : ""), e);
        }
    }

    /**
     * An empty tally for this test, to fill with {@link VeilOfDarknessTally#add(Stop)} and merge
     * with tallies of other parts of the data.
     *
     * @return a new, empty tally
     */
    public VeilOfDarknessTally tally() {
        return new VeilOfDarknessTally(this);
    }

    /**
     * The test as a {@link Collector}, for streams of any size, sequential or parallel
     * (one tally per thread, merged).
     *
     * @return a collector giving the test's result
     */
    public Collector<Stop, VeilOfDarknessTally, VeilOfDarknessResult> collector() {
        return Collector.of(this::tally, VeilOfDarknessTally::add, VeilOfDarknessTally::merge,
                VeilOfDarknessTally::result);
    }

    // ---- configuration read by the tally

    ZoneId zone() {
        return zone;
    }

    boolean perBeat() {
        return city == null;
    }

    FixedEffects effects() {
        return fixedEffects;
    }

    boolean inGroup(Category race) {
        return minority.contains(race);
    }

    /** Whether a known race is in the comparison (a group of interest or the reference). */
    boolean compared(Category race) {
        return reference.isEmpty() || minority.contains(race) || reference.contains(race);
    }

    boolean hasReference() {
        return !reference.isEmpty();
    }

    boolean keepsVehicularOnly() {
        return vehicularOnly;
    }

    DarknessRule rule() {
        return rule;
    }

    /** The distinct locations: the city, or the beats' points in sorted beat order. */
    List<GeoPoint> points() {
        if (city != null) {
            return List.of(city);
        }
        List<GeoPoint> out = new ArrayList<>();
        for (GeoPoint p : beatLocations.values()) {   // a TreeMap copy: sorted by beat
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Point index of each beat (per-beat locations only). */
    Map<String, Integer> beatPoints() {
        List<GeoPoint> pts = points();
        Map<String, Integer> out = new HashMap<>();
        beatLocations.forEach((b, p) -> out.put(b, pts.indexOf(p)));
        return out;
    }

    /** The windows by location key: {@code "city"}, or every beat id at each located point. */
    Map<String, InterTwilightWindow> windowsByKey(InterTwilightWindow[] window) {
        Map<String, InterTwilightWindow> out = new LinkedHashMap<>();
        if (city != null) {
            if (window[0] != null) {
                out.put(CITY, window[0]);
            }
            return out;
        }
        List<GeoPoint> pts = points();
        beatLocations.forEach((b, p) -> {
            InterTwilightWindow w = window[pts.indexOf(p)];
            if (w != null) {
                out.put(b, w);
            }
        });
        return out;
    }

    /**
     * Fits the model to the tallied cells: {@code trials}/{@code successes} indexed by
     * {@code (beatRank · 2 + dark) · span + (minute − minMinute)}, {@code hist} the stops per minute.
     */
    VeilOfDarknessResult fit(List<String> sortedBeats, int minMinute, int span, long[] trials, long[] successes,
                             long[] hist, EnumMap<Exclusion, Long> excluded, Map<String, InterTwilightWindow> windows) {
        int levels = sortedBeats.size();
        long used = 0;
        long nDark = 0;
        long nGroup = 0;
        for (int c = 0; c < trials.length; c++) {
            used += trials[c];
            nGroup += successes[c];
            if ((c / span) % 2 == 1) {
                nDark += trials[c];
            }
        }
        long nLight = used - nDark;
        if (used == 0 || nDark == 0 || nLight == 0 || nGroup == 0 || nGroup == used) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "veil of darkness test needs stops both dark and light, in the group and not: "
                            + "used %d (dark %d, light %d, group %d), excluded %s", used, nDark, nLight, nGroup, excluded));
        }
        checkLevels(trials, successes, levels, span, sortedBeats, fixedEffects.term());

        // the regression's rows: {level, dark, x (minute or rounded minute)} with trials and successes
        List<double[]> rowList = new ArrayList<>();
        NaturalSpline spline;
        try {
            if (rows == ModelRows.STOPS) {
                for (int c = 0; c < trials.length; c++) {
                    if (trials[c] > 0) {
                        int rest = c / span;
                        rowList.add(new double[] {rest / 2, rest % 2, minMinute + c % span, trials[c], successes[c]});
                    }
                }
                long[] cumulative = new long[span];
                long run = 0;
                for (int m = 0; m < span; m++) {
                    run += hist[m];
                    cumulative[m] = run;
                }
                spline = NaturalSpline.fromOrderStatistics(k -> {
                    int idx = Arrays.binarySearch(cumulative, k + 1);
                    if (idx < 0) {
                        idx = -idx - 1;
                    }
                    while (idx > 0 && cumulative[idx - 1] >= k + 1) {
                        idx--;
                    }
                    return minMinute + idx;
                }, used, splineDf);
            } else {
                TreeMap<Long, long[]> cells = new TreeMap<>();   // (level, dark, rounded minute) -> {trials, successes}
                for (int c = 0; c < trials.length; c++) {
                    if (trials[c] > 0) {
                        int rest = c / span;
                        long rounded = Math.round((minMinute + c % span) / (double) ROUNDING_MINUTES) * ROUNDING_MINUTES;
                        long[] cell = cells.computeIfAbsent((long) rest << 32 | rounded, k -> new long[2]);
                        cell[0] += trials[c];
                        cell[1] += successes[c];
                    }
                }
                double[] xs = new double[cells.size()];
                int i = 0;
                for (Map.Entry<Long, long[]> e : cells.entrySet()) {
                    int rest = (int) (e.getKey() >>> 32);
                    double x = (double) (e.getKey() & 0xffffffffL);
                    xs[i++] = x;
                    rowList.add(new double[] {rest / 2, rest % 2, x, e.getValue()[0], e.getValue()[1]});
                }
                Arrays.sort(xs);
                spline = NaturalSpline.fromSorted(xs, splineDf);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("veil of darkness test: cannot build the time-of-day spline: "
                    + e.getMessage(), e);
        }
        int n = rowList.size();
        double[] xValues = new double[n];
        for (int r = 0; r < n; r++) {
            xValues[r] = rowList.get(r)[2];
        }
        double[][] basisAt = spline.basis(xValues);
        boolean interacted = fixedEffects.interacted();
        int p = 2 + splineDf + (levels - 1) + (interacted ? splineDf * (levels - 1) : 0);
        String[] names = new String[p];
        names[0] = "(intercept)";
        names[1] = "dark";
        String term = fixedEffects.term();
        for (int j = 0; j < splineDf; j++) {
            names[2 + j] = "ns(minute)" + (j + 1);
        }
        for (int b = 1; b < levels; b++) {
            names[1 + splineDf + b] = term + " " + sortedBeats.get(b);
            if (interacted) {
                for (int j = 0; j < splineDf; j++) {
                    names[1 + splineDf + levels + (b - 1) * splineDf + j] = "ns(minute)" + (j + 1) + ":" + term + " "
                            + sortedBeats.get(b);
                }
            }
        }
        double[] x = new double[n * p];
        double[] tr = new double[n];
        double[] su = new double[n];
        double saturated = 0;
        double logChoose = 0;
        for (int r = 0; r < n; r++) {
            double[] row = rowList.get(r);
            int b = (int) row[0];
            int o = r * p;
            x[o] = 1;
            x[o + 1] = row[1];
            System.arraycopy(basisAt[r], 0, x, o + 2, splineDf);
            if (b > 0) {
                x[o + 1 + splineDf + b] = 1;
                if (interacted) {
                    System.arraycopy(basisAt[r], 0, x, o + 1 + splineDf + levels + (b - 1) * splineDf, splineDf);
                }
            }
            tr[r] = row[3];
            su[r] = row[4];
            saturated += xlogy(su[r], su[r] / tr[r]) + xlogy(tr[r] - su[r], (tr[r] - su[r]) / tr[r]);
            logChoose += LogGamma.value(tr[r] + 1) - LogGamma.value(su[r] + 1) - LogGamma.value(tr[r] - su[r] + 1);
        }
        Glm.Fit fit = Glm.binomial(x, p, tr, su, names);
        double beta = fit.beta()[1];
        double se = Math.sqrt(fit.covariance()[1][1]);
        double z = beta / se;
        double pValue = Math.min(1.0, 2 * Distributions.normalSf(Math.abs(z)));
        double q = Distributions.normalQuantile(0.5 + level / 2);
        RatioEstimate or = new RatioEstimate(Math.exp(beta),
                Interval.of(Math.exp(beta - q * se), Math.exp(beta + q * se), "wald", level));
        double pBar = (double) nGroup / used;
        double bernoulliNull = -2 * (nGroup * Math.log(pBar) + (used - nGroup) * Math.log1p(-pBar));
        double deviance;
        double nullDeviance;
        double logLik;
        long nRows;
        if (rows == ModelRows.STOPS) {
            deviance = fit.deviance();
            nullDeviance = bernoulliNull;
            logLik = -fit.deviance() / 2;
            nRows = used;
        } else {   // binomial cells: deviance against the saturated cell model, R's logLik with log C(n, k)
            deviance = fit.deviance() + 2 * saturated;
            nullDeviance = bernoulliNull + 2 * saturated;
            logLik = -fit.deviance() / 2 + logChoose;
            nRows = n;
        }
        long excludedTotal = 0;
        for (long e : excluded.values()) {
            excludedTotal += e;
        }
        return new VeilOfDarknessResult(minority, reference, fixedEffects, rule, rows, beta, se, z, pValue, or,
                deviance, nullDeviance, logLik, -2 * logLik + 2 * p, nRows - p, p, nRows, fit.iterations(), used, nDark,
                nLight, nGroup, excluded, excludedTotal, windows, spline);
    }

    /** {@code a · log(b)}, 0 when {@code a} is 0. */
    private static double xlogy(double a, double b) {
        return a == 0 ? 0 : a * Math.log(b);
    }

    /**
     * Fails when a level of darkness or of a beat has stops all in the group or none in it: its
     * coefficient would be infinite (quasi-complete separation) and the model has no estimate.
     */
    private static void checkLevels(long[] trials, long[] successes, int levels, int span, List<String> beats,
                                    String term) {
        long[][] byDark = new long[2][2];
        for (int b = 0; b < levels; b++) {
            long bt = 0;
            long bs = 0;
            for (int d = 0; d < 2; d++) {
                for (int m = 0; m < span; m++) {
                    int c = (b * 2 + d) * span + m;
                    bt += trials[c];
                    bs += successes[c];
                    byDark[d][0] += trials[c];
                    byDark[d][1] += successes[c];
                }
            }
            if (levels > 1 && (bs == 0 || bs == bt)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "veil of darkness test: %s of the %d stops of %s %s are in the group, so its coefficient is "
                                + "infinite (separation); drop or merge that %s, or fit without %s effects",
                        bs == 0 ? "none" : "all", bt, term, beats.get(b), term, term));
            }
        }
        for (int d = 0; d < 2; d++) {
            if (byDark[d][1] == 0 || byDark[d][1] == byDark[d][0]) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "veil of darkness test: %s of the %d %s stops are in the group, so the darkness coefficient is "
                                + "infinite (separation)", byDark[d][1] == 0 ? "none" : "all", byDark[d][0],
                        d == 1 ? "dark" : "light"));
            }
        }
    }

    /**
     * A SHA-256 digest of every setting, in a fixed order and unambiguous encoding: equal tests
     * have equal digests. A tally's bytes carry it, so that only a tally of an equal test reads them.
     */
    byte[] configurationDigest() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeBoolean(city != null);
            if (city != null) {
                out.writeDouble(city.latitude());
                out.writeDouble(city.longitude());
            } else {
                out.writeInt(beatLocations.size());
                for (Map.Entry<String, GeoPoint> e : beatLocations.entrySet()) {   // a TreeMap copy: sorted
                    writeString(out, e.getKey());
                    out.writeDouble(e.getValue().latitude());
                    out.writeDouble(e.getValue().longitude());
                }
            }
            writeString(out, zone.getId());
            List<String> codes = new ArrayList<>();
            minority.forEach(c -> codes.add(c.code()));
            Collections.sort(codes);
            out.writeInt(codes.size());
            for (String c : codes) {
                writeString(out, c);
            }
            codes.clear();
            reference.forEach(c -> codes.add(c.code()));
            Collections.sort(codes);
            out.writeInt(codes.size());
            for (String c : codes) {
                writeString(out, c);
            }
            out.writeInt(splineDf);
            writeString(out, fixedEffects.name());
            writeString(out, rule.name());
            writeString(out, rows.name());
            out.writeBoolean(vehicularOnly);
            out.writeDouble(level);
            out.flush();
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the veil of darkness settings", e);   // neither can happen
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Equal when every setting is equal (tallies of equal tests can be merged). */
    @Override
    public boolean equals(Object o) {
        return o instanceof VeilOfDarkness v && Objects.equals(city, v.city) && beatLocations.equals(v.beatLocations)
                && zone.equals(v.zone) && minority.equals(v.minority) && reference.equals(v.reference)
                && splineDf == v.splineDf && fixedEffects == v.fixedEffects && rule == v.rule && rows == v.rows
                && vehicularOnly == v.vehicularOnly && Double.compare(level, v.level) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(city, beatLocations, zone, minority, reference, splineDf, fixedEffects, rule, rows,
                vehicularOnly, level);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VeilOfDarkness[%s, zone %s, minority %s vs %s, ns df %d, fixed effects %s, "
                        + "%s, rows %s%s, level %s]",
                city != null ? "city " + city : beatLocations.size() + " beat locations", zone, minority,
                reference.isEmpty() ? "all others" : reference, splineDf, fixedEffects, rule, rows,
                vehicularOnly ? ", vehicular only" : "", level);
    }
}
