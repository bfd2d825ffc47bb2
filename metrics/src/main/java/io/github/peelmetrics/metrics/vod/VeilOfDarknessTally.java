package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.core.Tally;
import io.github.peelmetrics.core.TallyFormatException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;

/**
 * The stops of a {@link VeilOfDarkness} test, tallied: a {@link Tally} whose result is the test.
 * {@link #add(Stop)} one stop at a time, {@link #merge(VeilOfDarknessTally)} tallies built on
 * parts of the data (threads, files, machines; {@link #toByteArray()} and
 * {@link #fromByteArray(byte[], VeilOfDarkness)} carry one between processes), then
 * {@link #result()}. Memory does not grow with the number of stops: a stop is counted in a cell of
 * (location, beat, group, clock minute, class on its own date, class as the previous evening),
 * where a class is light, dark or twilight against that date's sunset and civil dusk. The
 * inter-twilight window, which depends on the years of all the data, is applied in
 * {@link #result()}; merging any split of the stops and then computing the result gives the same
 * answer as one pass.
 *
 * <p>Solar times are computed once per location and date that has stops, and cached in the tally
 * (not shared between tallies, and not in its bytes).
 *
 * <p><b>Bytes.</b> The format is drawn in {@code VeilOfDarknessTallyFormat}: the Peel tally
 * preamble (magic number, kind, version, length, CRC32C over everything), a SHA-256 digest of the
 * test's settings (so that only a tally of an equal test reads them), the stops counted and
 * excluded, the years per location, the beats and the cells. They are canonical: equal tallies
 * give equal bytes.
 *
 * <p>Not thread-safe: use one tally per thread and merge them, as {@link VeilOfDarkness#collector()}
 * and {@link #collector(VeilOfDarkness)} do.
 */
public final class VeilOfDarknessTally implements Tally<Stop, VeilOfDarknessTally, VeilOfDarknessResult> {

    private static final byte LIGHT = 0;
    private static final byte DARK = 1;
    static final byte TWILIGHT = 2;
    static final int MAX_BEATS = 1 << 20;

    private final VeilOfDarkness test;
    private final ZoneId zone;
    private final List<GeoPoint> points;
    private final Map<String, Integer> beatPoint;
    private final int[] minYear;
    private final int[] maxYear;
    private final int[] duskLo;   // DarknessRule.OPP_MINUTES: the dusk minutes of the stops present, per location
    private final int[] duskHi;
    private final boolean opp;
    private final DayCache[] solar;
    private final LongCounts cells = new LongCounts();
    private final Map<String, Integer> beatIndex = new HashMap<>();
    private final List<String> beats = new ArrayList<>();
    private final EnumMap<Exclusion, Long> excluded = new EnumMap<>(Exclusion.class);
    private long added;

    VeilOfDarknessTally(VeilOfDarkness test) {
        this.test = test;
        this.zone = test.zone();
        this.points = test.points();
        this.beatPoint = test.perBeat() ? test.beatPoints() : Map.of();
        this.minYear = new int[points.size()];
        this.maxYear = new int[points.size()];
        Arrays.fill(minYear, Integer.MAX_VALUE);
        Arrays.fill(maxYear, Integer.MIN_VALUE);
        this.opp = test.rule() == DarknessRule.OPP_MINUTES;
        this.duskLo = new int[points.size()];
        this.duskHi = new int[points.size()];
        Arrays.fill(duskLo, Integer.MAX_VALUE);
        Arrays.fill(duskHi, Integer.MIN_VALUE);
        this.solar = new DayCache[points.size()];
        for (int l = 0; l < solar.length; l++) {
            solar[l] = new DayCache();
        }
    }

    /** Sunset and civil dusk clock minutes of each date at one location, filled on first use. */
    private static final class DayCache {
        long base;
        double[] sunset = new double[0];
        double[] dusk = new double[0];

        /** The slot of {@code day}, growing the arrays to hold it; NaN until filled. */
        int slot(long day) {
            if (sunset.length == 0) {
                base = day - 200;
                sunset = nan(800);
                dusk = nan(800);
            }
            if (day < base) {
                int shift = (int) Math.max(base - day + 200, sunset.length);
                sunset = prepend(sunset, shift);
                dusk = prepend(dusk, shift);
                base -= shift;
            }
            if (day - base >= sunset.length) {
                int size = (int) Math.max(day - base + 200, 2L * sunset.length);
                sunset = extend(sunset, size);
                dusk = extend(dusk, size);
            }
            return (int) (day - base);
        }

        private static double[] nan(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }

        private static double[] prepend(double[] a, int shift) {
            double[] b = nan(a.length + shift);
            System.arraycopy(a, 0, b, shift, a.length);
            return b;
        }

        private static double[] extend(double[] a, int size) {
            double[] b = nan(size);
            System.arraycopy(a, 0, b, 0, a.length);
            return b;
        }
    }

    /**
     * An empty tally of {@code test}, as {@code test.tally()}, offered as a {@link Collector} whose
     * combiner is the merge: {@code stops.parallelStream().collect(VeilOfDarknessTally.collector(vod))}.
     * ({@link VeilOfDarkness#collector()} finishes with the result instead.)
     *
     * @param test the test
     * @return a collector into a tally
     * @throws IllegalStateException if the test has no group of interest
     */
    public static Collector<Stop, ?, VeilOfDarknessTally> collector(VeilOfDarkness test) {
        Objects.requireNonNull(test, "veil of darkness test of a collector must not be null");
        test.tally();   // fail now, not at the first stop
        return Collector.of(test::tally, VeilOfDarknessTally::add, VeilOfDarknessTally::merge,
                Collector.Characteristics.IDENTITY_FINISH);
    }

    /**
     * Counts one stop.
     *
     * @param stop the stop
     */
    @Override
    public void add(Stop stop) {
        Objects.requireNonNull(stop, "a stop added to a veil of darkness tally is null");
        long key = key(stop, true);
        added++;
        if (key < 0) {
            excluded.merge(Exclusion.values()[(int) (-1 - key)], 1L, Long::sum);
        } else {
            cells.add(key, 1);
        }
    }

    /**
     * Adds another tally of the same test (an equal {@link VeilOfDarkness} configuration) to this one.
     *
     * @param other a tally of other stops
     * @return this tally
     * @throws IllegalArgumentException if {@code other} belongs to a differently configured test
     */
    @Override
    public VeilOfDarknessTally merge(VeilOfDarknessTally other) {
        Objects.requireNonNull(other, "veil of darkness tally to merge must not be null");
        if (other == this) {
            other = other.copy();
        }
        if (!test.equals(other.test)) {
            throw new IllegalArgumentException("cannot merge tallies of different veil of darkness tests: "
                    + test + " and " + other.test);
        }
        added += other.added;
        other.excluded.forEach((k, v) -> excluded.merge(k, v, Long::sum));
        for (int l = 0; l < points.size(); l++) {
            minYear[l] = Math.min(minYear[l], other.minYear[l]);
            maxYear[l] = Math.max(maxYear[l], other.maxYear[l]);
            duskLo[l] = Math.min(duskLo[l], other.duskLo[l]);
            duskHi[l] = Math.max(duskHi[l], other.duskHi[l]);
        }
        boolean fe = test.effects().byLevel();
        List<String> otherBeats = other.beats;
        other.cells.forEach((k, v) -> {
            long key = k;
            if (fe) {   // beat indices are per tally: map by name
                key = withBeat(k, beat(otherBeats.get(beatOf(k))));
            }
            cells.add(key, v);
        });
        return this;
    }

    /** An independent copy: the same test and counts (the solar-time cache is not copied). */
    @Override
    public VeilOfDarknessTally copy() {
        return new VeilOfDarknessTally(test).merge(this);
    }

    /**
     * The tally as bytes, canonical (equal tallies give equal bytes whatever the order of their
     * stops), to merge on another machine ({@link #fromByteArray}). The layout is drawn in
     * {@code VeilOfDarknessTallyFormat}.
     */
    @Override
    public byte[] toByteArray() {
        return VeilOfDarknessTallyFormat.write(this);
    }

    /**
     * A tally read from {@link #toByteArray()} of a tally of an equal test.
     *
     * @param bytes the bytes
     * @param test  the test the tally was made for (settings equal to those of the bytes' tally)
     * @return the tally, which counts further stops and merges as the original
     * @throws TallyFormatException if the bytes are not a whole, unaltered veil of darkness tally
     *         of an equal test: too short, a wrong magic number, kind or version, a length or
     *         checksum that does not match, a length that runs past the bytes, another test's
     *         settings, or counts that contradict each other
     * @throws IllegalStateException if the test has no group of interest
     */
    public static VeilOfDarknessTally fromByteArray(byte[] bytes, VeilOfDarkness test) {
        Objects.requireNonNull(bytes, "bytes must not be null");
        Objects.requireNonNull(test, "veil of darkness test must not be null");
        return VeilOfDarknessTallyFormat.read(bytes, test.tally());
    }

    /** The number of stops added (used or excluded, including those of merged tallies). */
    @Override
    public long count() {
        return added;
    }

    /**
     * The test on the stops tallied so far.
     *
     * @return the result
     * @throws IllegalStateException as {@link VeilOfDarkness#test(java.util.Collection)}
     */
    @Override
    public VeilOfDarknessResult result() {
        InterTwilightWindow[] window = windows();
        EnumMap<Exclusion, Long> ex = new EnumMap<>(excluded);
        boolean fe = test.effects().byLevel();
        // evening minutes used, and beats kept
        boolean[] present = new boolean[Math.max(1, beats.size())];
        List<long[]> used = new ArrayList<>();   // {beat, dark, evening minute, group, count}
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        cells.forEach((k, count) -> {
            int[] c = resolve(k, window);
            if (c[0] >= 2) {
                ex.merge(Exclusion.values()[c[0] - 2], count, Long::sum);
                return;
            }
            int b = fe ? beatOf(k) : 0;
            present[b] = true;
            range[0] = Math.min(range[0], c[1]);
            range[1] = Math.max(range[1], c[1]);
            used.add(new long[] {b, c[0], c[1], groupOf(k), count});
        });
        int minMinute = range[0];
        int maxMinute = range[1];
        List<String> sortedBeats;
        int[] rank = new int[present.length];
        if (fe) {
            sortedBeats = new ArrayList<>();
            for (int b = 0; b < beats.size(); b++) {
                if (present[b]) {
                    sortedBeats.add(beats.get(b));
                }
            }
            sortedBeats.sort(null);
            Arrays.fill(rank, -1);
            for (int r = 0; r < sortedBeats.size(); r++) {
                rank[beatIndex.get(sortedBeats.get(r))] = r;
            }
        } else {
            sortedBeats = List.of("all");
        }
        int span = used.isEmpty() ? 1 : maxMinute - minMinute + 1;
        int base = used.isEmpty() ? 0 : minMinute;
        long[] trials = new long[sortedBeats.size() * 2 * span];
        long[] successes = new long[trials.length];
        long[] hist = new long[span];
        for (long[] u : used) {
            int c = (rank[(int) u[0]] * 2 + (int) u[1]) * span + (int) (u[2] - base);
            trials[c] += u[4];
            if (u[3] == 1) {
                successes[c] += u[4];
            }
            hist[(int) (u[2] - base)] += u[4];
        }
        return test.fit(sortedBeats, base, span, trials, successes, hist, ex, test.windowsByKey(window));
    }

    /**
     * Widens this tally's inter-twilight windows (under {@link DarknessRule#OPP_MINUTES}) to those of
     * {@code other}, a tally of a superset of its stops: OPP computes the window before its year rules.
     */
    void widenWindows(VeilOfDarknessTally other) {
        for (int l = 0; l < points.size(); l++) {
            duskLo[l] = Math.min(duskLo[l], other.duskLo[l]);
            duskHi[l] = Math.max(duskHi[l], other.duskHi[l]);
        }
    }

    /**
     * How one stop enters the test: dark or light, or left out with the reason.
     *
     * @param stop      the stop
     * @param dark      whether it is dark (after its day's civil dusk) rather than light (before
     *                  sunset); empty when the stop is excluded
     * @param exclusion why the stop is left out; empty when it is used
     */
    public record Classification(Stop stop, Optional<Boolean> dark, Optional<Exclusion> exclusion) {
        /** Validates that exactly one of {@code dark} and {@code exclusion} is present. */
        public Classification {
            Objects.requireNonNull(stop, "stop");
            if (dark.isPresent() == exclusion.isPresent()) {
                throw new IllegalArgumentException("stop " + stop.id() + " must be either dark/light or excluded");
            }
        }
    }

    /**
     * Was each stop dark? The classification of every stop given everything tallied so far (the
     * inter-twilight windows depend on the years tallied), as the test uses it: the dark/light
     * class of each used stop and the reason for each excluded one.
     */
    public List<Classification> classify(List<Stop> stops) {
        int[] status = statuses(stops);
        List<Classification> out = new ArrayList<>(status.length);
        Exclusion[] reasons = Exclusion.values();
        for (int i = 0; i < status.length; i++) {
            out.add(status[i] < 2
                    ? new Classification(stops.get(i), Optional.of(status[i] == 1), Optional.empty())
                    : new Classification(stops.get(i), Optional.empty(), Optional.of(reasons[status[i] - 2])));
        }
        return out;
    }

    /**
     * The class of each stop given everything tallied so far: 0 light, 1 dark, or 2 + the
     * {@link Exclusion} ordinal (package-private, for the row-by-row conformance check).
     */
    int[] statuses(List<Stop> stops) {
        InterTwilightWindow[] window = windows();
        int[] out = new int[stops.size()];
        for (int i = 0; i < out.length; i++) {
            long key = key(stops.get(i), false);
            out[i] = key < 0 ? (int) (2 - 1 - key) : resolve(key, window)[0];
        }
        return out;
    }

    /** {class (0 light, 1 dark, 2 + exclusion), evening minute} of a cell under the windows. */
    private int[] resolve(long key, InterTwilightWindow[] window) {
        int l = locOf(key);
        int m = minuteOf(key);
        InterTwilightWindow w = window[l];
        int cls;
        if (w != null && w.containsMinute(m)) {
            cls = cls0Of(key);
        } else if (w != null && !opp && w.containsMinute(m + 1440)) {
            cls = cls1Of(key);   // after midnight: the previous evening
            m += 1440;
        } else {
            return new int[] {2 + Exclusion.OUTSIDE_WINDOW.ordinal(), m};
        }
        return new int[] {cls == TWILIGHT ? 2 + Exclusion.TWILIGHT.ordinal() : cls, m};
    }

    private InterTwilightWindow[] windows() {
        InterTwilightWindow[] window = new InterTwilightWindow[points.size()];
        for (int l = 0; l < points.size(); l++) {
            if (opp) {
                if (duskLo[l] <= duskHi[l]) {
                    window[l] = new InterTwilightWindow(duskLo[l], duskHi[l], 0);
                }
            } else if (minYear[l] <= maxYear[l]) {
                try {
                    window[l] = InterTwilightWindow.of(points.get(l), zone, minYear[l], maxYear[l]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("veil of darkness test: " + e.getMessage(), e);
                }
            }
        }
        return window;
    }

    /** The cell key of a stop, or {@code −1 − ordinal} of the exclusion that applies before any solar time. */
    private long key(Stop s, boolean register) {
        if (test.keepsVehicularOnly() && s.type() != StopType.VEHICULAR) {
            return -1 - Exclusion.NOT_VEHICULAR.ordinal();
        }
        Category race = s.subject().race();
        if (race.isUnknown()) {
            return -1 - Exclusion.UNKNOWN_RACE.ordinal();
        }
        if (!test.compared(race)) {
            return -1 - Exclusion.OTHER_RACE.ordinal();
        }
        int l = 0;
        if (test.perBeat()) {
            Integer li = beatPoint.get(s.beat());
            if (li == null) {
                return -1 - Exclusion.UNKNOWN_LOCATION.ordinal();
            }
            l = li;
        }
        ZonedDateTime t = null;
        long day = 0;
        int m = 0;
        if (s.time().isPresent()) {
            t = s.dateTime().orElseThrow();
            if (!t.getZone().equals(zone)) {
                t = t.withZoneSameInstant(zone);
            }
            day = t.toLocalDate().toEpochDay();
            m = t.getHour() * 60 + t.getMinute();
            if (register && opp) {   // OPP's window: over every stop present with a time (its level aside)
                double dusk = dusk(l, day);
                if (Double.isFinite(dusk)) {
                    duskLo[l] = Math.min(duskLo[l], (int) Math.floor(dusk));
                    duskHi[l] = Math.max(duskHi[l], (int) Math.floor(dusk));
                }
            }
        }
        int b = 0;
        FixedEffects fe = test.effects();
        if (fe.byLevel()) {
            Optional<String> name;
            if (fe.byDistrict()) {
                name = s.district();
                if (name.isEmpty()) {
                    return -1 - Exclusion.UNKNOWN_DISTRICT.ordinal();
                }
            } else {
                if (s.beat().equals(Stop.UNKNOWN_BEAT)) {
                    return -1 - Exclusion.UNKNOWN_BEAT.ordinal();
                }
                name = Optional.of(s.beat());
            }
            b = beat(name.get());
        }
        if (t == null) {
            return -1 - Exclusion.UNKNOWN_TIME.ordinal();
        }
        if (register) {
            minYear[l] = Math.min(minYear[l], t.getYear());
            maxYear[l] = Math.max(maxYear[l], t.getYear());
        }
        int cls0;
        int cls1;
        if (opp) {
            cls0 = classifyOpp(l, day, m);
            cls1 = TWILIGHT;   // no wrap past midnight under OPP's rule
        } else {
            cls0 = classify(l, day, m);
            cls1 = classify(l, day - 1, m + 1440);
        }
        int group = test.inGroup(race) ? 1 : 0;
        return key(l, b, group, m, cls0, cls1);
    }

    /** The index of a beat (fixed effects by beat), registered if new. */
    private int beat(String name) {
        Integer bi = beatIndex.get(name);
        if (bi == null) {
            if (beats.size() >= MAX_BEATS) {
                throw new IllegalStateException("veil of darkness tally: more than " + MAX_BEATS + " beats");
            }
            beats.add(name);
            bi = beats.size() - 1;
            beatIndex.put(name, bi);
        }
        return bi;
    }

    // ---- for VeilOfDarknessTallyFormat

    VeilOfDarkness test() {
        return test;
    }

    int locations() {
        return points.size();
    }

    /** OPP's dusk minutes of location {@code l}: {min, max}, or {MAX_VALUE, MIN_VALUE} when none. */
    int[] duskMinutes(int l) {
        return new int[] {duskLo[l], duskHi[l]};
    }

    /** The years of location {@code l}: {min, max}, or {MAX_VALUE, MIN_VALUE} when it has no stop. */
    int[] years(int l) {
        return new int[] {minYear[l], maxYear[l]};
    }

    EnumMap<Exclusion, Long> excluded() {
        return excluded;
    }

    LongCounts cells() {
        return cells;
    }

    String beatName(int b) {
        return beats.get(b);
    }

    /** Sets what a tally read from bytes holds: counts, years, beats in rank order and cells keyed by rank. */
    void restore(long count, EnumMap<Exclusion, Long> excludedCounts, int[] min, int[] max, int[] duskMin,
                 int[] duskMax, List<String> beatNames, LongCounts cellCounts) {
        System.arraycopy(duskMin, 0, duskLo, 0, duskMin.length);
        System.arraycopy(duskMax, 0, duskHi, 0, duskMax.length);
        added = count;
        excluded.putAll(excludedCounts);
        System.arraycopy(min, 0, minYear, 0, min.length);
        System.arraycopy(max, 0, maxYear, 0, max.length);
        for (String b : beatNames) {
            beat(b);
        }
        cellCounts.forEach(cells::add);
    }

    /** The cell key of (location, beat, group, minute, class on its date, class the evening before). */
    static long key(int l, int b, int group, int m, int cls0, int cls1) {
        return ((((((long) l << 20 | b) << 1 | group) << 11 | m) << 2 | cls0) << 2) | cls1;
    }

    static int cls1Of(long k) {
        return (int) (k & 3);
    }

    static int cls0Of(long k) {
        return (int) ((k >>> 2) & 3);
    }

    static int minuteOf(long k) {
        return (int) ((k >>> 4) & 2047);
    }

    static int groupOf(long k) {
        return (int) ((k >>> 15) & 1);
    }

    static int beatOf(long k) {
        return (int) ((k >>> 16) & (MAX_BEATS - 1));
    }

    static int locOf(long k) {
        return (int) (k >>> 36);
    }

    static long withBeat(long k, int beat) {
        return (k & ~((long) (MAX_BEATS - 1) << 16)) | ((long) beat << 16);
    }

    /** The cache slot of {@code day} at location {@code l}, its solar times filled. */
    private int solarSlot(int l, long day) {
        DayCache cache = solar[l];
        int i = cache.slot(day);
        if (Double.isNaN(cache.sunset[i])) {
            SolarDay sd = SolarTimes.day(points.get(l), zone, LocalDate.ofEpochDay(day));
            cache.sunset[i] = minutes(sd.sunset());
            cache.dusk[i] = minutes(sd.civilDusk());
        }
        return i;
    }

    private double dusk(int l, long day) {
        int i = solarSlot(l, day);   // may grow the arrays: read them after
        return solar[l].dusk[i];
    }

    /**
     * OPP's classes ({@link DarknessRule#OPP_MINUTES}): twilight when
     * {@code ⌊sunset⌋ <= m <= ⌊dusk⌋}, light before, dark after.
     */
    private int classifyOpp(int l, long day, int m) {
        int i = solarSlot(l, day);
        DayCache cache = solar[l];
        if (m < Math.floor(cache.sunset[i])) {
            return LIGHT;
        }
        if (m > Math.floor(cache.dusk[i])) {
            return DARK;
        }
        return TWILIGHT;
    }

    /** Light, dark or twilight for clock minute {@code m} of the evening of {@code day} at location {@code l}. */
    private int classify(int l, long day, int m) {
        DayCache cache = solar[l];
        int i = solarSlot(l, day);
        if (m < cache.sunset[i]) {
            return LIGHT;
        }
        if (m > cache.dusk[i]) {
            return DARK;
        }
        return TWILIGHT;
    }

    /** Clock minutes of an event; +∞ when the sun stays above (never sets), −∞ when it stays below. */
    private static double minutes(SolarEvent e) {
        switch (e.occurrence()) {
            case OCCURS: return e.clockMinutes().getAsDouble();
            case SUN_STAYS_ABOVE: return Double.POSITIVE_INFINITY;
            default: return Double.NEGATIVE_INFINITY;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "veil of darkness tally: %d stops in %d cells, %d excluded before the window",
                added, cells.size(), excluded.values().stream().mapToLong(Long::longValue).sum());
    }
}
