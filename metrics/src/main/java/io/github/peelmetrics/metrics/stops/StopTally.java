package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopFacts;
import io.github.peelmetrics.core.StopKey;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.Tally;
import io.github.peelmetrics.core.TallyFormatException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A one-pass, mergeable tally of stops by group (race, by default) and, optionally, by a key the
 * caller chooses (beat, month, officer, ...): for every fact a stop records, the stops that
 * recorded it YES and NO (searches by basis, contraband found and by kind, frisks and the weapons
 * they found, arrest, citation, warning and summons each from its own flag, force per stop and per
 * arrest), the derived most severe outcome, and the first and last date of the stops (the period
 * a rate covers). A fact no stop recorded gives an absent rate, never 0: see {@link StopCounts}.
 *
 * <pre>{@code
 * StopTally tally = stops.parallelStream().collect(StopTally.collector(Stop::beat));
 * tally.counts(Races.BLACK, "B03").searchRate();
 * // by month, or by any key the caller computes:
 * StopTally monthly = stops.stream().collect(StopTally.collector(s -> YearMonth.from(s.dateTime()).toString()));
 * // by another group than race:
 * StopTally bySex = stops.stream().collect(StopTally.collector(s -> s.subject().sex(), Stop::beat));
 * }</pre>
 *
 * <p>Keyed by a {@link StopKey} ({@code StopTally.byRace(StopKey.BEAT)}, the same counts as
 * {@code Stop::beat}) or by nothing, the tally is also a {@link StopFacts.Counter}: a reader can
 * count a row from its facts without building the {@code Stop}, which Peel's
 * {@code RecordStream.tally} does ({@code reader.openCsv(file).tally(StopTally.byRace(StopKey.BEAT))}).
 *
 * <p>A {@link Tally}: {@link #add} one stop, {@link #merge} another tally (associative and
 * commutative: merging the tallies of any split of the records gives the tally of all of them, in
 * any order), {@link #copy}, {@link #toByteArray} / {@link #fromByteArray(byte[])} to carry it to
 * another machine, {@link #count}, and {@link #result} the immutable {@link StopTable} (the
 * tally's JSON). {@link #collector} offers it as a {@link Collector} whose combiner is the merge,
 * so a parallel stream works.
 *
 * <p><b>What a tally holds.</b> Its groups and keys are those of the stops counted: every group in
 * {@link #groups()} and every key in {@link #keys()} has at least one stop. Asking for a group or
 * key it does not hold is a mistake (a misspelt beat, a race from another codebook), and
 * {@link #counts(Category)}, {@link #counts(Category, String)} and {@link #total(String)} throw
 * an {@link IllegalArgumentException} that names the value and lists what the tally holds. A
 * group it holds that has no stop under a key it holds is a real zero: {@code counts(group, key)}
 * gives {@link StopCounts#empty()} (the tally is the grid of its groups and keys). Where absence
 * is an ordinary answer (a benchmark's group with no stop at all), {@link #countsOrEmpty(Category)}
 * and {@link #countsOrEmpty(Category, String)} say so explicitly.
 *
 * <p><b>How missing values count</b> (conformance README §4): every stop counts in
 * {@link StopCounts#stops()} whatever its group, so {@link Category#UNKNOWN} race is in every
 * total (the disparity measures then leave it out of shares and ratios); an unrecorded search
 * status leaves the stop out of the search denominator; an unrecorded arrest flag leaves it out of
 * the arrest denominator (and likewise for every fact), while a derived {@link StopOutcome#NONE}
 * is a real outcome.
 *
 * <p><b>Bytes.</b> {@link #toByteArray()} writes the format drawn in {@code StopTallyFormat}: the
 * Peel tally preamble (magic number, kind, version, length, CRC32C over everything), then the
 * names of the enum values counted (so the bytes survive a reordering of core's enums), the
 * groups' codes and labels, the keys, and every cell's counts. The bytes do not hold the group and
 * key functions: {@link #fromByteArray(byte[], Function, Function)} takes them.
 *
 * <p><b>Internals.</b> A {@code StopIndex} gives groups and keys dense indices (found by
 * reference in small direct-mapped caches) and maps the two to a cell. Each cell counts a stop in
 * two {@code long}s, one per joint table of flags: (arrest, summons, citation, warning) and
 * (search status, frisk, force, arrest); a searched stop's basis and contraband findings, and a
 * frisked stop's weapons finding, go to a run of marginal counters. Adding a stop boxes nothing and allocates
 * nothing once its group and key have been seen. Reads fold the joint counters into marginal
 * counts ({@code StopQueries}).
 *
 * <p>Not thread-safe: use one tally per thread and merge (what the collector does).
 */
public final class StopTally implements Tally<Stop, StopTally, StopTable>, StopFacts.Counter {

    /** The key of every stop in a tally made without a key function. */
    public static final String ALL = "all";

    /** Order of groups in every table: by code, {@link Category#UNKNOWN} last. */
    public static final Comparator<Category> GROUP_ORDER =
            Comparator.comparing(Category::isUnknown).thenComparing(Comparator.naturalOrder());

    static final int FLAGS = Flag.values().length;
    static final StopOutcome[] OUTCOMES = StopOutcome.values();
    static final SearchBasis[] BASES = SearchBasis.values();
    // Per cell, STRIDE marginal counters: FLAGS slots (by Flag ordinal) for each fact, then every
    // derived outcome, then every basis. Facts of every stop, then conditional facts.
    static final int F_SEARCH = 0;
    static final int F_FRISK = 1;
    static final int F_ARREST = 2;
    static final int F_CITATION = 3;
    static final int F_WARNING = 4;
    static final int F_SUMMONS = 5;
    static final int F_FORCE = 6;
    /** Conditional facts: contraband found, weapons, drugs and arrest among searches; weapons among frisks; force among arrests. */
    static final int F_HIT = 7;
    static final int F_WEAPONS = 8;
    static final int F_DRUGS = 9;
    static final int F_SEARCHED_ARREST = 10;
    static final int F_FRISK_WEAPONS = 11;
    static final int F_ARREST_FORCE = 12;
    static final int FACTS = 13;
    static final int OUTCOME = FACTS * FLAGS;
    static final int BASIS = OUTCOME + OUTCOMES.length;
    static final int STRIDE = BASIS + BASES.length;
    // The flags of every stop are counted jointly in two tables, so that a stop increments two
    // slots of {@link #joint} instead of seven: (warning, summons, citation, arrest), which also
    // gives the derived outcome, and (force, frisk, searched, arrest), which gives arrests among
    // searches and force among arrests. Marginals are folded from them when read. The flags that
    // files most often lack (warning, summons, force, frisk: always unknown then) come first, so
    // that a cell's stops fall in nine neighbouring slots of each table, one or two cache lines,
    // rather than spread over its 1,296 bytes.
    static final int J = FLAGS * FLAGS * FLAGS * FLAGS;
    static final int JOINT = 2 * J;
    /** The derived outcome of each (warning, summons, citation, arrest) combination of the first table. */
    private static final int[] OUTCOME_OF = new int[J];

    static {
        Flag[] f = Flag.values();
        for (int i = 0; i < J; i++) {
            Stop s = Stop.builder("x", LocalDate.EPOCH, ZoneOffset.UTC)
                    .warning(f[i / 27]).summons(f[i / 9 % 3]).citation(f[i / 3 % 3]).arrest(f[i % 3]).build();
            OUTCOME_OF[i] = s.outcome().ordinal();
        }
    }

    private static final Function<Stop, Category> RACE = s -> s.subject().race();
    private static final Function<Stop, String> NO_KEY = s -> ALL;

    private final Function<? super Stop, Category> groupOf;
    private final Function<? super Stop, String> keyOf;
    private final boolean keyed;
    /** See {@link #countsFacts()}: fixed by the functions, and asked of every row a reader counts. */
    private final boolean countsFacts;
    private final StopIndex index = new StopIndex(this::ensureCells);
    /** Per cell, JOINT counters: the two tables of flags above; see {@link #fold}. */
    private long[] joint = new long[16 * JOINT];
    /** Per cell, STRIDE marginal counters: the rare facts of searched and frisked stops, and whatever merge and fromByteArray add. */
    private long[] counters = new long[16 * STRIDE];
    /**
     * The first and last stop date; the empty range MAX to MIN while no stop is counted (so that no
     * branch tests for a first stop). A stop's date is placed by comparing fields: no
     * {@code toEpochDay} arithmetic, which stops in no date order would pay every row.
     */
    private LocalDate periodFrom = LocalDate.MAX;
    private LocalDate periodTo = LocalDate.MIN;
    /** The date last seen by {@link #add}: most stops share their date object with the stop before. */
    private LocalDate lastDate;

    private StopTally(Function<? super Stop, Category> groupOf, Function<? super Stop, String> keyOf, boolean keyed) {
        this.groupOf = groupOf;
        this.keyOf = keyOf;
        this.keyed = keyed;
        this.countsFacts = groupOf == RACE && (!keyed || keyOf instanceof StopKey);
    }

    /** An empty tally by race ({@code subject().race()}), with no key. */
    public static StopTally byRace() {
        return new StopTally(RACE, NO_KEY, false);
    }

    /**
     * An empty tally by race and by {@code key}: a {@link StopKey} ({@code StopKey.BEAT}), which lets
     * a reader count each row from its facts without building the stop (see {@link #countsFacts()}),
     * or any function ({@code Stop::beat}, {@code s -> s.officerId().orElse("-")}).
     */
    public static StopTally byRace(Function<? super Stop, String> key) {
        return new StopTally(RACE, Objects.requireNonNull(key, "key function must not be null"), true);
    }

    /**
     * An empty tally by any group (e.g. {@code s -> s.subject().sex()}) and any key. The functions
     * must not return {@code null} (a stop whose group is not recorded belongs to {@link Category#UNKNOWN}).
     */
    public static StopTally by(Function<? super Stop, Category> group, Function<? super Stop, String> key) {
        return new StopTally(Objects.requireNonNull(group, "group function must not be null"),
                Objects.requireNonNull(key, "key function must not be null"), true);
    }

    /** An empty tally for {@code fromByteArray}: keyed with the functions given, or unkeyed by group. */
    static StopTally empty(Function<? super Stop, Category> group, Function<? super Stop, String> key, boolean keyed) {
        return keyed ? new StopTally(group, key, true) : new StopTally(group, NO_KEY, false);
    }

    /** A collector into a tally {@linkplain #byRace() by race}; the combiner is {@link #merge}. */
    public static Collector<Stop, ?, StopTally> collector() {
        return Collector.of(StopTally::byRace, StopTally::add, StopTally::merge, Collector.Characteristics.IDENTITY_FINISH);
    }

    /** A collector into a tally {@linkplain #byRace(Function) by race and key}; the combiner is {@link #merge}. */
    public static Collector<Stop, ?, StopTally> collector(Function<? super Stop, String> key) {
        Objects.requireNonNull(key, "key function must not be null");
        return Collector.of(() -> byRace(key), StopTally::add, StopTally::merge,
                Collector.Characteristics.IDENTITY_FINISH);
    }

    /** A collector into a tally {@linkplain #by(Function, Function) by group and key}; the combiner is {@link #merge}. */
    public static Collector<Stop, ?, StopTally> collector(Function<? super Stop, Category> group,
                                                         Function<? super Stop, String> key) {
        Objects.requireNonNull(group, "group function must not be null");
        Objects.requireNonNull(key, "key function must not be null");
        return Collector.of(() -> by(group, key), StopTally::add, StopTally::merge,
                Collector.Characteristics.IDENTITY_FINISH);
    }

    /**
     * Counts one stop.
     *
     * @throws NullPointerException if the stop is null, or the group or key function returns null for it
     */
    @Override
    public void add(Stop stop) {
        Objects.requireNonNull(stop, "stop added to a stop tally must not be null");
        Category g = groupOf.apply(stop);
        String k = keyOf.apply(stop);
        if (g == null || k == null) {
            throw nullFrom(g, stop);
        }
        count(index.cell(g, k), stop.searchConducted(), stop.frisk(), stop.arrest(), stop.summons(), stop.citation(),
                stop.warning(), stop.useOfForce(), stop.searchBasis(), stop.contrabandFound(), stop.contrabandWeapons(),
                stop.contrabandDrugs(), stop.date());
    }

    /**
     * Whether {@link #addFacts} counts as {@link #add} does: true for a tally {@linkplain #byRace()
     * by race} without a key or {@linkplain #byRace(Function) keyed} by a {@link StopKey} (such as
     * {@code StopTally.byRace(StopKey.BEAT)}), whose functions read only a stop's facts; false for
     * any other group or key function (a lambda or method reference may read any field).
     */
    @Override
    public boolean countsFacts() {
        return countsFacts;
    }

    /**
     * Counts one stop from its facts, as {@link #add} counts the stop they are the facts of.
     *
     * @throws IllegalStateException naming the functions, if the tally does not {@linkplain #countsFacts count facts}
     */
    @Override
    public void addFacts(StopFacts facts) {
        Objects.requireNonNull(facts, "stop facts added to a stop tally must not be null");
        if (!countsFacts) {
            throw new IllegalStateException("this stop tally's group or key function (" + groupOf + ", " + keyOf
                    + ") needs the whole stop: count built stops with add, or make the tally with StopTally.byRace()"
                    + " or StopTally.byRace(StopKey...)");
        }
        Category g = facts.race();
        String k = keyed ? facts.key((StopKey) keyOf) : ALL;
        if (g == null || k == null) {
            throw new NullPointerException((g == null ? "race" : "key") + " of stop facts " + facts + " is null");
        }
        count(index.cell(g, k), facts.searchConducted(), facts.frisk(), facts.arrest(), facts.summons(),
                facts.citation(), facts.warning(), facts.useOfForce(), facts.searchBasis(), facts.contrabandFound(),
                facts.contrabandWeapons(), facts.contrabandDrugs(), facts.date());
    }

    /** Counts one stop's flags in {@code cell}: the one body of {@link #add} and {@link #addFacts}. */
    private void count(int cell, Flag searched, Flag frisk, Flag arrest, Flag summons, Flag citation, Flag warning,
            Flag force, SearchBasis basis, Flag hit, Flag weapons, Flag drugs, LocalDate d) {
        int a = arrest.ordinal();
        int j = cell * JOINT;
        joint[j + ((warning.ordinal() * FLAGS + summons.ordinal()) * FLAGS + citation.ordinal()) * FLAGS + a]++;
        joint[j + J + ((force.ordinal() * FLAGS + frisk.ordinal()) * FLAGS + searched.ordinal()) * FLAGS + a]++;
        if (searched == Flag.YES) {
            int base = cell * STRIDE;
            counters[base + BASIS + basis.ordinal()]++;
            counters[base + F_HIT * FLAGS + hit.ordinal()]++;
            counters[base + F_WEAPONS * FLAGS + weapons.ordinal()]++;
            counters[base + F_DRUGS * FLAGS + drugs.ordinal()]++;
        }
        if (frisk == Flag.YES) {
            counters[cell * STRIDE + F_FRISK_WEAPONS * FLAGS + weapons.ordinal()]++;
        }
        if (d != lastDate) {
            noteDate(d);
        }
    }

    private void noteDate(LocalDate d) {
        lastDate = d;
        if (d.isBefore(periodFrom)) {
            periodFrom = d;
        }
        if (d.isAfter(periodTo)) {
            periodTo = d;
        }
    }

    /** Whether no stop date has been noted. */
    private boolean noPeriod() {
        return periodFrom.isAfter(periodTo);
    }

    /** Widens the period to hold {@code [first, last]} (epoch days; none when first > last): for fromByteArray. */
    void notePeriod(long first, long last) {
        if (first <= last) {
            noteDate(LocalDate.ofEpochDay(first));
            noteDate(LocalDate.ofEpochDay(last));
        }
    }

    /** The epoch day of the first stop date; {@code Long.MAX_VALUE} when empty. */
    long firstDay() {
        return noPeriod() ? Long.MAX_VALUE : periodFrom.toEpochDay();
    }

    /** The epoch day of the last stop date; {@code Long.MIN_VALUE} when empty. */
    long lastDay() {
        return noPeriod() ? Long.MIN_VALUE : periodTo.toEpochDay();
    }

    /** Grows the counter arrays (doubling) to hold {@code cells} cells: called by the index when it makes a cell. */
    private void ensureCells(int cells) {
        if (joint.length < cells * JOINT) {
            int room = Math.max(16, cells * 2);
            joint = Arrays.copyOf(joint, room * JOINT);
            counters = Arrays.copyOf(counters, room * STRIDE);
        }
    }

    private static NullPointerException nullFrom(Category g, Stop stop) {
        return new NullPointerException((g == null ? "group" : "key") + " function returned null for stop " + stop.id());
    }

    /** Counts every stop of {@code stops}. */
    public void addAll(Iterable<? extends Stop> stops) {
        for (Stop s : stops) {
            add(s);
        }
    }

    /**
     * Adds every count of {@code other} to this tally and returns this tally. Cells are matched by
     * group and key value, so tallies built on different machines merge exactly.
     *
     * @throws IllegalArgumentException if one tally is keyed and the other is not
     */
    @Override
    public StopTally merge(StopTally other) {
        Objects.requireNonNull(other, "other tally must not be null");
        if (other.keyed != keyed) {
            throw new IllegalArgumentException("cannot merge a keyed stop tally with an unkeyed one (keyed: "
                    + keyed + ", other: " + other.keyed + ")");
        }
        StopIndex from = other.index;
        int n = from.cellCount();
        for (int c = 0; c < n; c++) {
            int cell = index.cellOf(from.group(from.groupOfCell(c)), from.key(from.keyOfCell(c)));
            int base = cell * STRIDE;
            int src = c * STRIDE;
            for (int f = 0; f < STRIDE; f++) {
                counters[base + f] += other.counters[src + f];
            }
            int jb = cell * JOINT;
            int js = c * JOINT;
            for (int j = 0; j < JOINT; j++) {
                joint[jb + j] += other.joint[js + j];
            }
        }
        if (!other.noPeriod()) {
            noteDate(other.periodFrom);
            noteDate(other.periodTo);
        }
        return this;
    }

    /** Adds marginal counts (STRIDE slots) to the cell of (group, key), made if new: for {@code fromByteArray}. */
    void addMarginals(Category g, String k, long[] marginals) {
        int cell = index.cellOf(g, k);
        int base = cell * STRIDE;
        for (int f = 0; f < STRIDE; f++) {
            counters[base + f] += marginals[f];
        }
    }

    /** An independent copy (same group and key functions, same counts). */
    @Override
    public StopTally copy() {
        return new StopTally(groupOf, keyOf, keyed).merge(this);
    }

    /**
     * The counts as bytes, canonical (equal tallies give equal bytes whatever the order of their
     * stops), to merge tallies made on other machines ({@link #fromByteArray}). The layout is drawn
     * in {@code StopTallyFormat}: a preamble with a magic number, the kind of tally, the format
     * version, the total length and a CRC32C of everything; then sections naming the enum values
     * counted, the groups (code and label, in {@link #GROUP_ORDER}), the keys (sorted) and each
     * cell's counts. It does not hold the group and key functions.
     *
     * @throws IllegalArgumentException if a group or key is not valid Unicode (an unpaired surrogate)
     */
    @Override
    public byte[] toByteArray() {
        return StopTallyFormat.write(this);
    }

    /**
     * A tally read from {@link #toByteArray()}, which will count further stops with {@code group}
     * and {@code key} (pass those the bytes were made with; for bytes of an unkeyed tally the key
     * function is not used).
     *
     * @throws TallyFormatException if the bytes are not a whole, unaltered stop tally: too short,
     *         a wrong magic number, kind or version, a length or checksum that does not match, a
     *         length that runs past the bytes, an enum value this version does not know, or counts
     *         that contradict each other
     */
    public static StopTally fromByteArray(byte[] bytes, Function<? super Stop, Category> group,
                                          Function<? super Stop, String> key) {
        Objects.requireNonNull(bytes, "bytes must not be null");
        Objects.requireNonNull(group, "group function must not be null");
        Objects.requireNonNull(key, "key function must not be null");
        return StopTallyFormat.read(bytes, group, key);
    }

    /**
     * {@link #fromByteArray(byte[], Function, Function)} by race, with the key function {@link StopKey#BEAT}.
     *
     * @throws TallyFormatException as {@link #fromByteArray(byte[], Function, Function)}
     */
    public static StopTally fromByteArray(byte[] bytes) {
        return fromByteArray(bytes, RACE, StopKey.BEAT);
    }

    /** Whether the tally was made with a key function. */
    public boolean keyed() {
        return keyed;
    }

    /** All stops counted (including those of merged tallies). */
    @Override
    public long count() {
        return StopQueries.count(this);
    }

    /** The date of the earliest stop counted; empty when the tally is empty. */
    public Optional<LocalDate> firstDate() {
        return noPeriod() ? Optional.empty() : Optional.of(periodFrom);
    }

    /** The date of the latest stop counted; empty when the tally is empty. */
    public Optional<LocalDate> lastDate() {
        return noPeriod() ? Optional.empty() : Optional.of(periodTo);
    }

    /**
     * The groups held (each with at least one stop), in {@link #GROUP_ORDER} (independent of
     * record order).
     */
    public List<Category> groups() {
        return StopQueries.groups(index);
    }

    /** The keys held (each with at least one stop), sorted; empty for a tally without a key. */
    public List<String> keys() {
        return keyed ? StopQueries.keys(index) : List.of();
    }

    /**
     * The counts of one group over all keys.
     *
     * @throws IllegalArgumentException naming the group and listing those held, if the tally holds
     *                                  no stop of it (see {@link #countsOrEmpty(Category)})
     */
    public StopCounts counts(Category group) {
        return StopQueries.counts(this, group);
    }

    /**
     * The counts of one group under one key; {@link StopCounts#empty()} when the tally holds both
     * but no stop has both (a real zero). For a tally without a key, the one key is {@link #ALL}.
     *
     * @throws IllegalArgumentException naming the value and listing those held, if the tally holds
     *                                  no stop of the group or no stop under the key (see
     *                                  {@link #countsOrEmpty(Category, String)})
     */
    public StopCounts counts(Category group, String key) {
        return StopQueries.counts(this, group, key);
    }

    /**
     * The counts of one group over all keys, or {@link StopCounts#empty()} when the tally holds no
     * stop of it: for callers to whom a group with no stops is an ordinary answer (the groups of a
     * benchmark, say). A misspelt group gives zeros here, so prefer {@link #counts(Category)}.
     */
    public StopCounts countsOrEmpty(Category group) {
        return StopQueries.countsOrEmpty(this, group);
    }

    /**
     * The counts of one group under one key, or {@link StopCounts#empty()} when the tally holds no
     * stop with both (including a group or key it does not hold at all). A misspelt group or key
     * gives zeros here, so prefer {@link #counts(Category, String)}.
     */
    public StopCounts countsOrEmpty(Category group, String key) {
        return StopQueries.countsOrEmpty(this, group, key);
    }

    /** The counts of every stop, every group included ({@link Category#UNKNOWN} too). */
    public StopCounts total() {
        return StopQueries.total(this);
    }

    /**
     * The counts of every stop under one key, every group included. For a tally without a key, the
     * one key is {@link #ALL}.
     *
     * @throws IllegalArgumentException naming the key and listing those held, if the tally holds no
     *                                  stop under it
     */
    public StopCounts total(String key) {
        return StopQueries.total(this, key);
    }

    /**
     * Every cell with stops: key (sorted; {@link #ALL} for a tally without a key) to group (in
     * {@link #GROUP_ORDER}) to counts. Immutable; equal for equal tallies whatever the record order.
     */
    public Map<String, Map<Category, StopCounts>> cells() {
        return StopQueries.cells(this);
    }

    /**
     * The immutable table of the counts so far: every cell by key and group, the counts of each
     * group over all keys and the total. It is the tally's JSON.
     */
    @Override
    public StopTable result() {
        return StopQueries.table(this);
    }

    /**
     * A small aligned table of the counts by group (over all keys): stops, searches out of known,
     * hits out of known, arrests out of known outcomes, force out of known.
     */
    @Override
    public String toString() {
        return StopQueries.format("StopTally", result());
    }

    // ---- for StopQueries and StopTallyFormat

    StopIndex index() {
        return index;
    }

    /**
     * Adds the STRIDE marginal counts of cell {@code c} (its marginal counters plus its joint
     * counters folded) to {@code into} from {@code at}. Reads only: reading a tally does not change it.
     */
    void fold(int c, long[] into, int at) {
        int base = c * STRIDE;
        for (int f = 0; f < STRIDE; f++) {
            into[at + f] += counters[base + f];
        }
        int j = c * JOINT;
        for (int i = 0; i < J; i++) {
            long n = joint[j + i];
            if (n != 0) {
                into[at + F_WARNING * FLAGS + i / 27] += n;
                into[at + F_SUMMONS * FLAGS + i / 9 % 3] += n;
                into[at + F_CITATION * FLAGS + i / 3 % 3] += n;
                into[at + F_ARREST * FLAGS + i % 3] += n;
                into[at + OUTCOME + OUTCOME_OF[i]] += n;
            }
        }
        int yes = Flag.YES.ordinal();
        for (int i = 0; i < J; i++) {
            long n = joint[j + J + i];
            if (n != 0) {
                int force = i / 27;
                int searched = i / 3 % 3;
                int arrest = i % 3;
                into[at + F_SEARCH * FLAGS + searched] += n;
                into[at + F_FRISK * FLAGS + i / 9 % 3] += n;
                into[at + F_FORCE * FLAGS + force] += n;
                if (searched == yes) {
                    into[at + F_SEARCHED_ARREST * FLAGS + arrest] += n;
                }
                if (arrest == yes) {
                    into[at + F_ARREST_FORCE * FLAGS + force] += n;
                }
            }
        }
    }

    /** The STRIDE marginal counts of cell {@code c}. */
    long[] marginals(int c) {
        long[] v = new long[STRIDE];
        fold(c, v, 0);
        return v;
    }
}
