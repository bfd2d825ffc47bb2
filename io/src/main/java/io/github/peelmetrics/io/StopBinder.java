package io.github.peelmetrics.io;

import io.github.peelmetrics.core.AgeGroups;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopFacts;
import io.github.peelmetrics.core.StopKey;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.StopType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The binder of stops: checks every mapped cell of a row in one order and makes the {@link Stop};
 * or, {@linkplain #countingInto counting} into a {@link StopFacts.Counter}, checks the same cells
 * in the same order and hands the counter the row's facts (this binder itself, a view of the row
 * valid during the call) without making the stop, its id string, demographics, times of day or
 * texts. The rows accepted and rejected, with their reasons, are the same in both modes: the
 * checks are one code; where a row holds something only the stop's constructor checks (an id or
 * beat that is not a plain cell, so might be blank; an offset, which must be one the zone has),
 * the counting binder makes the stop too, for its checks alone.
 *
 * <p>Not thread-safe: one per thread of a read (its fields' caches are its own).
 */
final class StopBinder implements Binder<Stop>, StopFacts {
    /** {@code OptionalInt.of(age)} for every age a stop may have, made once. */
    private static final OptionalInt[] AGES = java.util.stream.IntStream.rangeClosed(0, 130)
            .mapToObj(OptionalInt::of).toArray(OptionalInt[]::new);

    private final ZoneId zone;
    private final Values v;
    private final boolean single;
    private final Field datetime;
    private final Field id;
    private final Field date;
    private final Field time;
    private final Field lat;
    private final Field lng;
    private final Field beat;
    private final Field district;
    private final Field precinct;
    private final Field race;
    private final Field age;
    private final Field ageGroup;
    private final Field sex;
    private final Field type;
    private final Field officer;
    private final Field reason;
    private final Field searched;
    private final Field basis;
    private final Field contraband;
    private final Field weapons;
    private final Field drugs;
    private final Field frisk;
    private final Field outcome;
    private final Field arrest;
    private final Field citation;
    private final Field warning;
    private final Field summons;
    private final Field force;
    private final Binders.QuietDays days;
    /** Where the facts of each row go; null when the binder makes stops. */
    private final StopFacts.Counter counter;
    /** What made the binder, for {@link #countingInto}. */
    private final Mapping<Stop> mapping;
    private final Columns columns;
    private final String source;

    // The row being bound: its facts, as the stop would hold them.
    private Row row;
    private LocalDate day;
    private Category raceValue;
    private String beatValue;
    private Flag sc;
    private SearchBasis sb;
    private Flag cf;
    private Flag weaponsFlag;
    private Flag drugsFlag;
    private Flag friskFlag;
    private Flag ar;
    private Flag ci;
    private Flag wa;
    private Flag su;
    private Flag forceFlag;

    /**
     * Counting only: the one column of every field (see {@link Field#soleColumn()}), resolved once
     * for the header, when every field has at most one and there is no date-time column; then a
     * row whose every cell reads cleanly is bound by {@link #byColumns} and the rest by the checks
     * of {@link #accept}. Null otherwise.
     */
    private final int[] sole;
    /** The flag fields of {@link #sole} that have a column, their columns and their indices in {@link #sole}. */
    private final Field[] flagFields;
    private final int[] flagColumns;
    private final int[] flagRoles;
    /** Per index of {@link #sole}: the flag read by {@link #byColumns}, unknown for a flag without a column. */
    private final Flag[] flags;
    /** Rows bound by {@link #byColumns} since the last {@link #finish}, added to {@link #BY_COLUMNS} there. */
    private long byColumnsRows;
    /** Rows bound by {@link #byColumns} in this JVM, for the tests that check that it is used. */
    static final java.util.concurrent.atomic.AtomicLong BY_COLUMNS = new java.util.concurrent.atomic.AtomicLong();

    /** A binder that makes stops. */
    StopBinder(Mapping<Stop> m, Columns cols, String source) {
        this(m, cols, source, null);
    }

    private StopBinder(Mapping<Stop> m, Columns cols, String source, StopFacts.Counter counter) {
        this.zone = m.zone().orElseThrow(() -> new IllegalArgumentException(
                "reading stops needs an explicit time zone: set Mapping.zone(...) (mapping " + m + ")"));
        this.counter = counter;
        this.v = new Values(m);
        this.datetime = Binders.field("datetime", m, cols, source, false);
        this.single = cols.fixed() && datetime.present();
        this.id = Binders.field("stop_id", m, cols, source, true);
        this.date = Binders.field("date", m, cols, source, !single);
        this.time = Binders.field("time", m, cols, source, false);
        this.lat = Binders.field("lat", m, cols, source, false);
        this.lng = Binders.field("lng", m, cols, source, false);
        this.beat = Binders.field("beat", m, cols, source, false);
        this.district = Binders.field("district", m, cols, source, false);
        this.precinct = Binders.field("precinct", m, cols, source, false);
        this.race = Binders.field("subject_race", m, cols, source, false);
        this.age = Binders.field("subject_age", m, cols, source, false);
        this.ageGroup = Binders.field("subject_age_group", m, cols, source, false);
        this.sex = Binders.field("subject_sex", m, cols, source, false);
        this.type = Binders.field("type", m, cols, source, false);
        this.officer = Binders.field("officer_id", m, cols, source, false);
        this.reason = Binders.field("reason_for_stop", m, cols, source, false);
        this.searched = Binders.field("search_conducted", m, cols, source, false);
        this.basis = Binders.field("search_basis", m, cols, source, false);
        this.contraband = Binders.field("contraband_found", m, cols, source, false);
        this.weapons = Binders.field("contraband_weapons", m, cols, source, false);
        this.drugs = Binders.field("contraband_drugs", m, cols, source, false);
        this.frisk = Binders.field("frisk_performed", m, cols, source, false);
        this.outcome = Binders.field("outcome", m, cols, source, false);
        this.arrest = Binders.field("arrest_made", m, cols, source, false);
        this.citation = Binders.field("citation_issued", m, cols, source, false);
        this.warning = Binders.field("warning_issued", m, cols, source, false);
        this.summons = Binders.field("summons_issued", m, cols, source, false);
        this.force = Binders.field("use_of_force", m, cols, source, false);
        this.days = new Binders.QuietDays(zone);
        this.mapping = m;
        this.columns = cols;
        this.source = source;
        this.sole = counter == null ? null : soleColumns();
        Field[] fs = fields();
        int[] flagAt = sole == null ? new int[0] : java.util.stream.IntStream.of(SEARCHED, CONTRABAND, ARREST, CITATION,
                WARNING, SUMMONS, WEAPONS, DRUGS, FRISK, FORCE).filter(i -> sole[i] >= 0).toArray();
        this.flagRoles = flagAt;
        this.flagFields = java.util.Arrays.stream(flagAt).mapToObj(i -> fs[i]).toArray(Field[]::new);
        this.flagColumns = java.util.Arrays.stream(flagAt).map(i -> sole[i]).toArray();
        this.flags = new Flag[fs.length];
        java.util.Arrays.fill(flags, Flag.UNKNOWN);
    }

    /** The fields in the order of {@link #sole}. */
    private Field[] fields() {
        return new Field[] {id, date, time, beat, lat, lng, ageGroup, age, race, sex, type, searched, basis, contraband,
            arrest, citation, warning, summons, outcome, weapons, drugs, frisk, force};
    }

    private static final int ID = 0;
    private static final int DATE = 1;
    private static final int TIME = 2;
    private static final int BEAT = 3;
    private static final int LAT = 4;
    private static final int LNG = 5;
    private static final int AGE_GROUP = 6;
    private static final int AGE = 7;
    private static final int RACE = 8;
    private static final int SEX = 9;
    private static final int TYPE = 10;
    private static final int SEARCHED = 11;
    private static final int BASIS = 12;
    private static final int CONTRABAND = 13;
    private static final int ARREST = 14;
    private static final int CITATION = 15;
    private static final int WARNING = 16;
    private static final int SUMMONS = 17;
    private static final int OUTCOME = 18;
    private static final int WEAPONS = 19;
    private static final int DRUGS = 20;
    private static final int FRISK = 21;
    private static final int FORCE = 22;

    /** {@link #sole}, or null when some field has no one column or a date-time column is present. */
    private int[] soleColumns() {
        if (!columns.fixed() || datetime.soleColumn() != Field.MISSING) {
            return null;
        }
        Field[] fs = fields();
        int[] c = new int[fs.length];
        for (int i = 0; i < fs.length; i++) {
            c[i] = fs[i].soleColumn();
            boolean ok = c[i] >= Field.MISSING || i == ID && c[i] == Field.ROW_NUMBER_ONLY;
            if (!ok || !fs[i].bytewiseTokens()) {
                return null;
            }
        }
        return c[DATE] >= 0 ? c : null;
    }


    @Override
    public Binder<Stop> countingInto(StopFacts.Counter into) {
        return into.countsFacts() ? new StopBinder(mapping, columns, source, into) : null;
    }

    @Override
    public java.util.Set<String> nullLike() {
        return v.nullLike();
    }

    @Override
    public void finish(Sink<Stop> sink) {
        BY_COLUMNS.addAndGet(byColumnsRows);
        byColumnsRows = 0;
    }

    @Override
    public void accept(Row r, Sink<Stop> sink) {
        if (sole != null && byColumns(r)) {
            byColumnsRows++;
            counter.addFacts(this);
            sink.counted(1);
            return;
        }
        row = r;
        boolean facts = counter != null;
        // the stop's checks that only its constructor makes are needed when this is set
        boolean needStop = !facts;
        String sid = null;
        int idCell = id.cell(r);
        if (!facts || idCell < 0 || !r.plain(idCell)) { // a plain cell is never blank
            sid = v.id(id, r);
            needStop |= sid.isBlank();
        }
        Optional<LocalTime> clock;
        int simple;
        Optional<ZoneOffset> held = Optional.empty(); // the earlier offset, or the only one
        if (single || datetime.raw(r) != null) {
            ZonedDateTime when = Binders.dateTime(v, datetime, r, zone);
            day = when.toLocalDate();
            clock = Optional.of(when.toLocalTime());
            held = Optional.of(when.getOffset()); // the stop keeps it when it is the later of a repeated hour
        } else {
            LocalDate d = v.requiredDate(date, r);
            int t = time.cell(r);
            if (t == Field.MISSING) {
                day = d; // kept without a time of day: analyses that need one exclude it and say so
                clock = Optional.empty();
            } else if (Binders.offsetAfter(r, t)) {
                // one in the repeated hour takes the offset written after it, else the earlier one
                ZonedDateTime when = Binders.withOffset(time, r.get(t), d, zone);
                day = when.toLocalDate();
                clock = Optional.of(when.toLocalTime());
                held = Optional.of(when.getOffset());
            } else if (facts && (simple = Values.simpleTime(r, t)) >= 0 && days.keeps(d, simple)) {
                day = d; // a valid time of day that the zone keeps: counting needs neither the time nor its Optional
                clock = Optional.empty();
            } else {
                Optional<LocalTime> local = Binders.localTime(v, time, r, t);
                if (days.keeps(d, local.get().toSecondOfDay())) {
                    day = d; // not in a gap: the local date and time stand as written
                    clock = local;
                } else {
                    // a local time in a daylight-saving gap moves forward, as ZonedDateTime.of does
                    ZonedDateTime when = ZonedDateTime.of(d, local.get(), zone);
                    day = when.toLocalDate();
                    clock = when.toLocalTime().equals(local.get()) ? local : Optional.of(when.toLocalTime());
                }
            }
        }
        needStop |= held.isPresent();
        int beatCell = beat.cell(r);
        beatValue = v.strippedOrNull(beat, r);
        if (beatValue == null) {
            beatValue = Stop.UNKNOWN_BEAT;
        } else if (beatCell < 0 || !r.plain(beatCell)) {
            needStop |= beatValue.isBlank();
        }
        Optional<GeoPoint> location = Binders.location(v, lat, lng, r);
        int agCell = ageGroup.cell(r);
        Category ag = v.category(ageGroup, r, agCell, sink);
        int ageCell = age.cell(r);
        OptionalInt years = OptionalInt.empty();
        if (ageCell != Field.MISSING) {
            long a = v.integer(age, r, ageCell);
            if (a < 0 || a > 130) {
                throw new Reject(age.label(), Values.text(age, r, ageCell), "is not an age in [0, 130]");
            }
            years = AGES[(int) a];
            if (agCell == Field.MISSING) {
                ag = AgeGroups.ofAge((int) a);
            }
        }
        raceValue = v.category(race, r, sink);
        Category sexValue = v.category(sex, r, sink);
        StopType st = v.enumValue(type, r, StopType.class, StopType.UNKNOWN, StopType.UNKNOWN, sink);
        sc = v.flag(searched, r);
        int basisCell = basis.cell(r);
        boolean basisGiven = basisCell != Field.MISSING;
        cf = v.flag(contraband, r);
        if (sc == Flag.NO) {
            if (basisGiven) {
                throw new Reject(basis.label(), basis.raw(r), "is given but " + searched.label() + " is false");
            }
            if (cf == Flag.YES) {
                throw new Reject(contraband.label(), contraband.raw(r), "is true but " + searched.label()
                        + " is false");
            }
            sb = SearchBasis.NONE;
            cf = Flag.UNKNOWN; // Open Policing writes FALSE or NA for stops without a search
        } else if (!basisGiven) {
            sb = sc == Flag.YES ? SearchBasis.UNKNOWN : SearchBasis.NONE;
        } else {
            sb = v.enumValue(basis, r, basisCell, SearchBasis.class, SearchBasis.UNKNOWN, SearchBasis.UNKNOWN, sink);
            if (sb == SearchBasis.NONE && sc == Flag.YES) {
                throw new Reject(basis.label(), basis.raw(r), "is none but " + searched.label() + " is true");
            }
        }
        ar = v.flag(arrest, r);
        ci = v.flag(citation, r);
        wa = v.flag(warning, r);
        su = v.flag(summons, r);
        int outcomeCell = outcome.cell(r);
        if (outcomeCell != Field.MISSING) {
            fillDecisions(v.enumValue(outcome, r, outcomeCell, StopOutcome.class, StopOutcome.UNKNOWN,
                    StopOutcome.UNKNOWN, sink), r);
        }
        // officer and reason are texts: never rejected, so a counter need not read them
        Optional<String> off = facts ? Optional.empty() : v.optionalText(officer, r, true);
        Optional<String> why = facts ? Optional.empty() : v.optionalText(reason, r, false);
        weaponsFlag = v.flag(weapons, r);
        drugsFlag = v.flag(drugs, r);
        friskFlag = v.flag(frisk, r);
        forceFlag = v.flag(force, r);
        if (needStop) {
            if (sid == null) {
                sid = v.id(id, r);
            }
            if (facts) {
                off = v.optionalText(officer, r, true);
                why = v.optionalText(reason, r, false);
            }
            Stop stop = new Stop(sid, day, clock, zone, held, beatValue, v.optionalText(district, r, true),
                    v.optionalText(precinct, r, true), location, st, new Demographics(raceValue, sexValue, ag, years),
                    why, sc, sb, cf, weaponsFlag, drugsFlag, friskFlag, ar, ci, wa, su, forceFlag, off);
            if (!facts) {
                sink.emit(stop, 1);
                return;
            }
            day = stop.date(); // the constructor checks the stop and keeps what the facts say
        }
        counter.addFacts(this);
        sink.counted(1);
    }

    /**
     * Binds a row's facts by the columns of {@link #sole} when every cell reads cleanly, that is
     * as {@link #accept} would read it without a rejection, an unknown value or a stop's own
     * check: plain or empty cells, values already in the fields' byte caches (a value first met,
     * an unknown code or any other spelling is left to {@code accept}, which reads it and caches
     * it), flags written {@code TRUE} or {@code FALSE}, ages of digits, times of day
     * {@link Values#simpleTime simple} and kept by the zone, and no rule between fields broken.
     * False, with nothing counted, for every other row, which {@code accept} then binds with its
     * checks in their order: so the rows accepted and rejected, the reasons and the unknown values
     * are the same whichever path a row takes.
     */
    private boolean byColumns(Row r) {
        if (r.bytes == null) {
            return false;
        }
        int[] c = sole;
        int idCell = c[ID];
        if (idCell >= 0 && (r.kinds[idCell] != Row.PLAIN || id.plainMissing(r, idCell))) {
            return false; // a missing id (rejected) or one that might be blank: accept's checks
        }
        if (present(date, r, c[DATE]) != 1 || !(date.byBytes.get(r, c[DATE]) instanceof LocalDate d)) {
            return false;
        }
        int t = present(time, r, c[TIME]);
        int second = t == 1 ? Values.simpleTime(r, c[TIME]) : 0;
        if (t < 0 || second < 0 || t == 1 && !days.keeps(d, second)) {
            return false;
        }
        String b = known(beat, r, c[BEAT], String.class, Stop.UNKNOWN_BEAT);
        if (b == null) {
            return false;
        }
        if (c[LAT] >= 0 || c[LNG] >= 0) {
            try {
                Binders.location(v, lat, lng, r);
            } catch (RuntimeException e) { // a Reject, or a point the core refuses: accept's checks
                return false;
            }
        }
        if (c[AGE] >= 0) {
            int a = present(age, r, c[AGE]);
            long years = a == 1 ? Values.digits(r, c[AGE]) : 0;
            if (a < 0 || years < 0 || years > 130) {
                return false;
            }
        }
        Category rc = known(race, r, c[RACE], Category.class, Category.UNKNOWN);
        if (rc == null || known(ageGroup, r, c[AGE_GROUP], Category.class, Category.UNKNOWN) == null
                || known(sex, r, c[SEX], Category.class, Category.UNKNOWN) == null
                || known(type, r, c[TYPE], StopType.class, StopType.UNKNOWN) == null) {
            return false;
        }
        // the flags in one loop: one copy of the flag test in the compiled method, which stays within
        // the compiler's inlining budget (with a copy per flag, the last ones became calls in some JVMs)
        Flag[] fl = flags;
        for (int k = 0; k < flagFields.length; k++) {
            Flag x = flag(flagFields[k], r, flagColumns[k]);
            if (x == null) {
                return false;
            }
            fl[flagRoles[k]] = x;
        }
        Flag s = fl[SEARCHED];
        Flag found = fl[CONTRABAND];
        int basisGiven = present(basis, r, c[BASIS]);
        SearchBasis given = basisGiven == 1 ? known(basis, r, c[BASIS], SearchBasis.class, null) : null;
        if (basisGiven < 0 || basisGiven == 1 && given == null) {
            return false;
        }
        if (s == Flag.NO) {
            if (given != null || found == Flag.YES) {
                return false; // rejected by accept
            }
            sb = SearchBasis.NONE;
            found = Flag.UNKNOWN;
        } else if (given == null) {
            sb = s == Flag.YES ? SearchBasis.UNKNOWN : SearchBasis.NONE;
        } else if (given == SearchBasis.NONE && s == Flag.YES) {
            return false; // rejected by accept
        } else {
            sb = given;
        }
        ar = fl[ARREST];
        ci = fl[CITATION];
        wa = fl[WARNING];
        su = fl[SUMMONS];
        if (c[OUTCOME] >= 0 && present(outcome, r, c[OUTCOME]) != 0) {
            StopOutcome o = known(outcome, r, c[OUTCOME], StopOutcome.class, null);
            if (o == null) {
                return false;
            }
            try {
                fillDecisions(o, r);
            } catch (Reject e) {
                return false; // a flag the outcome contradicts: rejected by accept
            }
        }
        row = r;
        day = d;
        raceValue = rc;
        beatValue = b;
        sc = s;
        cf = found;
        weaponsFlag = fl[WEAPONS];
        drugsFlag = fl[DRUGS];
        friskFlag = fl[FRISK];
        forceFlag = fl[FORCE];
        return true;
    }

    /**
     * The decision flags as the most severe outcome {@code o} fills them ({@link Binders#fill}: a
     * recorded flag stands, an unrecorded one takes what the outcome implies).
     *
     * @throws Reject naming the flag, when the outcome contradicts a recorded one
     */
    private void fillDecisions(StopOutcome o, Row r) {
        Flag[] implied = Binders.implied(o);
        ar = Binders.fill(ar, implied[0], arrest, outcome, o, r);
        ci = Binders.fill(ci, implied[1], citation, outcome, o, r);
        wa = Binders.fill(wa, implied[2], warning, outcome, o, r);
        su = Binders.fill(su, implied[3], summons, outcome, o, r);
    }

    /** Whether cell {@code c} of a field holds a value: 1 when plain, 0 when missing (no column, empty or a missing token), -1 when neither. */
    private static int present(Field f, Row r, int c) {
        if (c < 0) {
            return 0;
        }
        byte k = r.kinds[c];
        return k == Row.EMPTY ? 0 : k != Row.PLAIN ? -1 : f.plainMissing(r, c) ? 0 : 1;
    }

    /**
     * The value of {@code type} in a field's byte cache for plain cell {@code c}, {@code missing}
     * when the cell holds no value; null when it is neither (a value not yet cached, an unknown
     * code, a cell that is not plain).
     */
    private static <X> X known(Field f, Row r, int c, Class<X> type, X missing) {
        int p = present(f, r, c);
        if (p == 0) {
            return missing;
        }
        Object x = p == 1 ? f.byBytes.get(r, c) : null;
        return type.isInstance(x) ? type.cast(x) : null;
    }

    /**
     * A flag's cell {@code c} as {@link Values#flag} reads it: {@code TRUE}, {@code FALSE}, missing,
     * or another spelling it has read before (its byte cache); null for any other.
     */
    private static Flag flag(Field f, Row r, int c) {
        if (c < 0) {
            return Flag.UNKNOWN;
        }
        byte k = r.kinds[c];
        if (k == Row.EMPTY) {
            return Flag.UNKNOWN;
        }
        if (k != Row.PLAIN) {
            return null;
        }
        // byte by byte: this path is too deep in the binder for a VarHandle read to be compiled inline
        int p = r.starts[c];
        int n = r.ends[c] - p;
        byte[] b = r.bytes;
        if (n == 4 && b[p] == 'T' && b[p + 1] == 'R' && b[p + 2] == 'U' && b[p + 3] == 'E') {
            return Flag.YES;
        }
        if (n == 5 && b[p] == 'F' && b[p + 1] == 'A' && b[p + 2] == 'L' && b[p + 3] == 'S' && b[p + 4] == 'E') {
            return Flag.NO;
        }
        if (f.plainMissing(r, c)) {
            return Flag.UNKNOWN;
        }
        return f.byBytes.get(r, c) instanceof Flag read ? read : null; // another spelling, once accept has read it
    }

    // ---- StopFacts: the row being bound, during counter.addFacts

    @Override
    public Category race() {
        return raceValue;
    }

    @Override
    public String key(StopKey key) {
        return switch (key) {
            case BEAT -> beatValue;
            case DISTRICT -> v.optionalText(district, row, true).orElse(Stop.UNKNOWN_BEAT);
            case PRECINCT -> v.optionalText(precinct, row, true).orElse(Stop.UNKNOWN_BEAT);
        };
    }

    @Override
    public LocalDate date() {
        return day;
    }

    @Override
    public Flag searchConducted() {
        return sc;
    }

    @Override
    public SearchBasis searchBasis() {
        return sb;
    }

    @Override
    public Flag contrabandFound() {
        return cf;
    }

    @Override
    public Flag contrabandWeapons() {
        return weaponsFlag;
    }

    @Override
    public Flag contrabandDrugs() {
        return drugsFlag;
    }

    @Override
    public Flag frisk() {
        return friskFlag;
    }

    @Override
    public Flag arrest() {
        return ar;
    }

    @Override
    public Flag citation() {
        return ci;
    }

    @Override
    public Flag warning() {
        return wa;
    }

    @Override
    public Flag summons() {
        return su;
    }

    @Override
    public Flag useOfForce() {
        return forceFlag;
    }

    @Override
    public String toString() {
        return "the stop on line " + (row == null ? "?" : Long.toString(row.line));
    }
}
