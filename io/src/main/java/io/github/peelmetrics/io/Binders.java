package io.github.peelmetrics.io;

import io.github.peelmetrics.core.AgeGroups;
import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.BeatAssignment;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.ComplaintSource;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Shift;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.core.SurveyResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/** The binders of each record type: which fields they read and how rows become records. */
final class Binders {
    private Binders() {}

    /** Binds a field, failing the whole read when a required one has no column. */
    static Field field(String name, Mapping<?> m, Columns cols, String source, boolean required) {
        Field f = new Field(name, m, cols);
        if (required && !f.present()) {
            throw new ReadException(new Rejection(source, 1, name, "",
                    "has no column: expected one of " + f.candidates() + " in the header " + cols.names()));
        }
        return f;
    }

    static Binder<Stop> stops(Mapping<Stop> m, Columns cols, String source) {
        return new StopBinder(m, cols, source);
    }

    /**
     * The time of day in cell {@code c} as an {@code Optional}; a plain cell's is one instance for
     * cells with the same bytes while they repeat (times written to the minute do).
     */
    @SuppressWarnings("unchecked")
    static Optional<LocalTime> localTime(Values v, Field time, Row row, int c) {
        boolean plain = c >= 0 && row.plain(c);
        if (plain && time.byBytes.get(row, c) instanceof Optional<?> o) {
            return (Optional<LocalTime>) o;
        }
        Optional<LocalTime> t = Optional.of(v.time(time, row, c));
        if (plain) {
            time.byBytes.put(row, c, t);
        }
        return t;
    }

    /**
     * Whether a zone keeps a local date and time as written: on a quiet date (no transition from
     * the start of the day before, in UTC, to the start of the day after next, which covers every
     * offset a zone may have) every local time of the date is valid and has one offset, so
     * {@code ZonedDateTime.of} would keep the date and time as they are, and the zone's rules need
     * not be asked; on a date near a transition, every local time outside the transition's gap is
     * kept too (an overlap keeps the local time, at its earlier offset). The dates near a
     * transition, and the gaps, are listed once per year (a handful). Not thread-safe: one per binder.
     */
    static final class QuietDays {
        /** A year at the ends of the range of dates, where no date is taken as quiet. */
        private static final int[] NEVER = new int[0];
        private final java.time.zone.ZoneRules rules;
        private final boolean fixed;
        private final int[] years = new int[64];
        /** Per year (by its low bits), {@code 32 * month + day} of each date that is not quiet. */
        private final int[][] loud = new int[64][];
        /** Per year, the gaps of its transitions: local epoch seconds, from (inclusive) and to (exclusive), in pairs. */
        private final long[][] gaps = new long[64][];

        QuietDays(ZoneId zone) {
            this.rules = zone.getRules();
            this.fixed = rules.isFixedOffset();
        }

        boolean quiet(LocalDate d) {
            if (fixed) {
                return true;
            }
            int[] near = near(d);
            if (near == NEVER) {
                return false;
            }
            int md = 32 * d.getMonthValue() + d.getDayOfMonth();
            for (int x : near) {
                if (x == md) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether {@code ZonedDateTime.of(d, t, zone)} keeps date {@code d} and the time of day
         * {@code t} whose whole seconds are {@code secondOfDay} (every transition is at a whole
         * second): the date is quiet, or the time is not in a gap.
         */
        boolean keeps(LocalDate d, int secondOfDay) {
            if (quiet(d)) {
                return true;
            }
            if (loud[d.getYear() & (years.length - 1)] == NEVER) {
                return false;
            }
            long local = d.toEpochDay() * 86_400 + secondOfDay;
            long[] g = gaps[d.getYear() & (years.length - 1)];
            for (int i = 0; i < g.length; i += 2) {
                if (local >= g[i] && local < g[i + 1]) {
                    return false;
                }
            }
            return true;
        }

        /** The year's loud dates, listed when the year is first met. */
        private int[] near(LocalDate d) {
            int y = d.getYear();
            int i = y & (years.length - 1);
            int[] near = loud[i];
            if (near == null || years[i] != y) {
                near = loudDays(y, i);
                loud[i] = near;
                years[i] = y;
            }
            return near;
        }

        /** The dates of year {@code y} from two days before to a day after the UTC date of a transition; its gaps into {@code gaps[i]}. */
        private int[] loudDays(int y, int i) {
            java.time.Instant from;
            java.time.Instant to;
            try {
                from = LocalDate.of(y, 1, 1).minusDays(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                to = LocalDate.of(y, 12, 31).plusDays(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e) {
                gaps[i] = new long[0];
                return NEVER; // at the ends of the range of dates: let ZonedDateTime.of decide
            }
            List<Integer> out = new ArrayList<>();
            List<Long> gap = new ArrayList<>();
            for (java.time.zone.ZoneOffsetTransition t = rules.nextTransition(from);
                    t != null && !t.getInstant().isAfter(to); t = rules.nextTransition(t.getInstant())) {
                LocalDate u = LocalDate.ofInstant(t.getInstant(), java.time.ZoneOffset.UTC);
                for (int k = -2; k <= 1; k++) {
                    LocalDate x = u.plusDays(k);
                    if (x.getYear() == y) {
                        out.add(32 * x.getMonthValue() + x.getDayOfMonth());
                    }
                }
                if (t.isGap()) {
                    gap.add(t.getDateTimeBefore().toEpochSecond(java.time.ZoneOffset.UTC));
                    gap.add(t.getDateTimeAfter().toEpochSecond(java.time.ZoneOffset.UTC));
                }
            }
            gaps[i] = gap.stream().mapToLong(Long::longValue).toArray();
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Whether time cell {@code c} ends in an offset {@code ±HH:MM} (the writer's mark of the repeated hour). */
    static boolean offsetAfter(Row r, int c) {
        if (c < 0) {
            return false;
        }
        if (r.plain(c)) {
            int e = r.ends[c];
            byte sign = r.length(c) > 6 ? r.bytes[e - 6] : 0;
            return (sign == '+' || sign == '-') && r.bytes[e - 3] == ':';
        }
        String s = r.get(c).strip();
        int n = s.length();
        return n > 6 && (s.charAt(n - 6) == '+' || s.charAt(n - 6) == '-') && s.charAt(n - 3) == ':';
    }

    /** A time of day followed by its offset ({@code 01:30:00-05:00}) on day {@code d}. */
    static ZonedDateTime withOffset(Field f, String raw, LocalDate d, ZoneId zone) {
        String s = raw.strip();
        try {
            java.time.ZoneOffset offset = java.time.ZoneOffset.of(s.substring(s.length() - 6));
            LocalDateTime local = LocalDateTime.of(d, LocalTime.parse(s.substring(0, s.length() - 6)));
            if (!zone.getRules().isValidOffset(local, offset)) {
                throw new Reject(f.label(), raw, "has offset " + offset + ", which " + zone + " does not have at "
                        + local);
            }
            return ZonedDateTime.ofLocal(local, zone, offset);
        } catch (DateTimeException e) {
            throw new Reject(f.label(), raw, "is not a time of day with an offset (HH:mm[:ss]+HH:MM)");
        }
    }

    static ZonedDateTime dateTime(Values v, Field f, Row row, ZoneId zone) {
        String raw = f.raw(row);
        if (raw == null) {
            throw new Reject(f.label(), "", "is missing");
        }
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(zone);
        } catch (DateTimeParseException e) {
            // a local date-time
        } catch (DateTimeException e) {
            // parsed, but its instant is out of range in the zone (such as +999999999-12-31T23:59:59-18:00)
            throw new Reject(f.label(), raw, "is out of the range of date-times: " + e.getMessage());
        }
        try {
            return ZonedDateTime.of(LocalDateTime.parse(s.replace(' ', 'T')), zone);
        } catch (DateTimeParseException e) {
            throw new Reject(f.label(), raw, "is not an ISO date-time (yyyy-MM-ddTHH:mm[:ss], with or without offset)");
        } catch (DateTimeException e) {
            throw new Reject(f.label(), raw, "is out of the range of date-times: " + e.getMessage());
        }
    }

    static Optional<GeoPoint> location(Values v, Field lat, Field lng, Row row) {
        int la = lat.cell(row);
        int lo = lng.cell(row);
        if (la == Field.MISSING && lo == Field.MISSING) {
            return Optional.empty();
        }
        if (la == Field.MISSING || lo == Field.MISSING) {
            Field missing = la == Field.MISSING ? lat : lng;
            throw new Reject(missing.label(), "", "is missing while " + (la == Field.MISSING ? lng : lat).label()
                    + " is given");
        }
        double a = v.decimal(lat, row, la);
        double o = v.decimal(lng, row, lo);
        if (!(a >= -90 && a <= 90)) {
            throw new Reject(lat.label(), Values.text(lat, row, la), "is not a latitude in [-90, 90]");
        }
        if (!(o >= -180 && o <= 180)) {
            throw new Reject(lng.label(), Values.text(lng, row, lo), "is not a longitude in [-180, 180]");
        }
        return Optional.of(new GeoPoint(a, o));
    }

    /**
     * Per most-severe outcome, the arrest, citation, warning and summons flags it implies, as
     * {@link Stop.Builder#outcome} defines them: its own flag YES, the more severe ones NO, the
     * less severe ones unrecorded.
     */
    private static final Flag[][] DECISIONS = new Flag[StopOutcome.values().length][];

    static {
        for (StopOutcome o : StopOutcome.values()) {
            Stop s = Stop.builder("x", java.time.LocalDate.EPOCH, java.time.ZoneOffset.UTC).outcome(o).build();
            DECISIONS[o.ordinal()] = new Flag[] {s.arrest(), s.citation(), s.warning(), s.summons()};
        }
    }

    /** The arrest, citation, warning and summons flags that a most severe outcome implies (do not change the array). */
    static Flag[] implied(StopOutcome o) {
        return DECISIONS[o.ordinal()];
    }

    /**
     * A decision flag given both by its own column ({@code explicit}) and by the outcome code
     * ({@code implied}): the explicit flag when recorded (an outcome code never overrides it), else
     * what the outcome implies; a recorded flag that the outcome contradicts rejects the row.
     */
    static Flag fill(Flag explicit, Flag implied, Field flag, Field outcome, StopOutcome o, Row row) {
        if (implied == Flag.UNKNOWN || implied == explicit) {
            return explicit;
        }
        if (explicit == Flag.UNKNOWN) {
            return implied;
        }
        throw new Reject(flag.label(), flag.raw(row), "is " + (explicit == Flag.YES ? "true" : "false") + " but "
                + outcome.label() + " \"" + outcome.raw(row) + "\" (most severe outcome " + RecordWriter.name(o)
                + ") says " + (implied == Flag.YES ? "true" : "false"));
    }

    static Binder<SurveyResponse> survey(Mapping<SurveyResponse> m, Columns cols, String source) {
        Values v = new Values(m);
        Field id = field("respondent_id", m, cols, source, true);
        Field wave = field("wave", m, cols, source, false); // a one-off survey has no wave
        Field date = field("date", m, cols, source, false);
        Field race = field("race", m, cols, source, false);
        Field ageGroup = field("age_group", m, cols, source, false);
        Field sex = field("sex", m, cols, source, false);
        Field beat = field("beat", m, cols, source, false);
        Field weight = field("base_weight", m, cols, source, true);
        Set<String> used = new HashSet<>();
        for (String f : RecordType.SURVEY_RESPONSES.fields()) {
            used.addAll(m.columnsOf(f));
        }
        List<Field> attributes = new ArrayList<>();
        for (String a : m.attributes()) {
            attributes.add(field(a, m, cols, source, true));
            used.addAll(m.columnsOf(a));
        }
        for (String item : m.items()) {
            field(item, m, cols, source, true);
        }
        List<Field> items = new ArrayList<>();
        int[] known = {-1};
        return reporting(v, (row, sink) -> {
            if (known[0] != cols.size()) { // JSON lines: new keys may be items
                if (m.items().isEmpty()) {
                    // only the keys met since the last row: a file whose every line adds a key stays linear
                    List<String> names = cols.names();
                    for (int k = Math.max(known[0], 0); k < names.size(); k++) {
                        String c = names.get(k);
                        if (!used.contains(c) && !c.isEmpty()) {
                            items.add(new Field(c, m.withColumns(c, List.of(c)), cols));
                        }
                    }
                } else {
                    items.clear();
                    for (String c : m.items()) {
                        items.add(new Field(c, m, cols));
                    }
                }
                known[0] = cols.size();
            }
            String rid = v.id(id, row);
            String w = v.strippedOrNull(wave, row); // a blank cell: this respondent's wave is not recorded
            String weightRaw = weight.raw(row);
            if (weightRaw == null) {
                throw new Reject(weight.label(), "", "is missing");
            }
            double wt = v.decimal(weight, weightRaw);
            if (!(wt > 0)) {
                throw new Reject(weight.label(), weightRaw, "is not a positive weight");
            }
            Optional<LocalDate> when = v.optionalDate(date, row);
            String b = v.strippedOrNull(beat, row);
            Demographics demo = new Demographics(v.category(race, row, sink), v.category(sex, row, sink),
                    v.category(ageGroup, row, sink), OptionalInt.empty());
            Map<String, String> attrs = new TreeMap<>();
            for (Field a : attributes) {
                String raw = a.raw(row);
                if (raw != null) {
                    attrs.put(a.name, raw.strip());
                }
            }
            Map<String, Double> answers = new TreeMap<>();
            for (Field item : items) {
                int c = item.cell(row);
                if (c != Field.MISSING) {
                    answers.put(item.name, answer(v.decimal(item, row, c))); // "3", "3.0", "72.5", "1e2"
                }
            }
            sink.emit(new SurveyResponse(rid, Optional.ofNullable(w), when, b == null ? Stop.UNKNOWN_BEAT : b, demo, attrs, answers, wt), 1);
        });
    }

    /** Boxed whole answers 0..100 (Likert points, 0/1 codes, whole 0-100 scores), made once. */
    private static final Double[] WHOLE_ANSWERS = java.util.stream.IntStream.rangeClosed(0, 100)
            .mapToObj(i -> Double.valueOf(i)).toArray(Double[]::new);

    /** The answer boxed, sharing one instance for each whole answer 0..100 (as Integer.valueOf did for int answers); -0.0 is 0. */
    private static Double answer(double x) {
        int i = (int) x;
        return i == x && i >= 0 && i <= 100 ? WHOLE_ANSWERS[i] : Double.valueOf(x);
    }

    static Binder<Complaint> complaints(Mapping<Complaint> m, Columns cols, String source) {
        Values v = new Values(m);
        Field id = field("complaint_id", m, cols, source, true);
        Field received = field("received", m, cols, source, true);
        Field closed = field("closed", m, cols, source, false);
        Field beat = field("beat", m, cols, source, false);
        Field officers = field("officer_ids", m, cols, source, false);
        Field allegation = field("allegation", m, cols, source, false);
        Field finding = field("finding", m, cols, source, false);
        Field race = field("complainant_race", m, cols, source, false);
        Field sex = field("complainant_sex", m, cols, source, false);
        Field src = field("source", m, cols, source, false);
        return reporting(v, (row, sink) -> {
            String cid = v.id(id, row);
            LocalDate rec = v.requiredDate(received, row);
            Optional<LocalDate> clo = v.optionalDate(closed, row);
            if (clo.isPresent() && clo.get().isBefore(rec)) {
                throw new Reject(closed.label(), closed.raw(row), "is before " + received.label() + " " + rec);
            }
            String b = v.strippedOrNull(beat, row);
            List<String> ids = new ArrayList<>();
            String o = officers.raw(row);
            if (o != null) {
                for (String part : o.split(";", -1)) {
                    if (part.isBlank()) {
                        throw new Reject(officers.label(), o, "has an empty officer id between ';' separators");
                    }
                    String oid = part.strip();
                    if (ids.contains(oid)) {
                        throw new Reject(officers.label(), o, "names officer " + oid + " twice");
                    }
                    ids.add(oid);
                }
            }
            AllegationType at = v.enumValue(allegation, row, AllegationType.class, AllegationType.UNKNOWN,
                    AllegationType.UNKNOWN, sink);
            Finding fi = v.enumValue(finding, row, Finding.class, Finding.UNKNOWN, Finding.UNKNOWN, sink);
            Demographics who = new Demographics(v.category(race, row, sink), v.category(sex, row, sink),
                    Category.UNKNOWN, OptionalInt.empty());
            ComplaintSource cs = v.enumValue(src, row, ComplaintSource.class, ComplaintSource.UNKNOWN,
                    ComplaintSource.UNKNOWN, sink);
            sink.emit(Complaint.of(cid, rec, clo, b == null ? Stop.UNKNOWN_BEAT : b, ids, at, fi, who, cs), 1);
        });
    }

    static Binder<Officer> officers(Mapping<Officer> m, Columns cols, String source) {
        Values v = new Values(m);
        Field id = field("officer_id", m, cols, source, true);
        Field race = field("race", m, cols, source, false);
        Field sex = field("sex", m, cols, source, false);
        Field hired = field("hired", m, cols, source, false);
        Field separated = field("separated", m, cols, source, false);
        return reporting(v, (row, sink) -> {
            String oid = v.id(id, row);
            Optional<LocalDate> hiredOn = v.optionalDate(hired, row);
            Optional<LocalDate> separatedOn = v.optionalDate(separated, row);
            if (hiredOn.isPresent() && separatedOn.isPresent() && separatedOn.get().isBefore(hiredOn.get())) {
                throw new Reject(separated.label(), separated.raw(row), "is before " + hired.label() + " " + hiredOn.get());
            }
            Demographics d = new Demographics(v.category(race, row, sink), v.category(sex, row, sink),
                    Category.UNKNOWN, OptionalInt.empty());
            sink.emit(new Officer(oid, d, hiredOn, separatedOn), 1);
        });
    }

    static Binder<BeatAssignment> assignments(Mapping<BeatAssignment> m, Columns cols, String source) {
        Values v = new Values(m);
        Field id = field("officer_id", m, cols, source, true);
        Field beat = field("beat", m, cols, source, true);
        Field date = field("date", m, cols, source, true);
        Field shift = field("shift", m, cols, source, true);
        return reporting(v, (row, sink) -> {
            String oid = v.id(id, row);
            String b = v.id(beat, row);
            LocalDate day = v.requiredDate(date, row);
            Shift s = v.enumValue(shift, row, Shift.class, null, null, sink);
            sink.emit(new BeatAssignment(oid, b, day, s), 1);
        });
    }

    /**
     * Beats in long format: consecutive rows with the same beat id make one {@code Beat}. A beat
     * whose rows are not consecutive, a group given twice, a district that changes, or any bad row
     * rejects every row of that beat.
     */
    static Binder<Beat> beats(Mapping<Beat> m, Columns cols, String source) {
        Values v = new Values(m);
        Field beat = field("beat", m, cols, source, true);
        Field district = field("district", m, cols, source, true);
        Field race = field("race", m, cols, source, true);
        Field population = field("population", m, cols, source, true);
        return new Binder<>() {
            private String current;
            private String currentDistrict;
            private long firstLine = -1;
            private long rows;
            private Map<Category, Long> groups = new LinkedHashMap<>();
            private String badField;
            private String badValue;
            private String badReason;
            private long badLine;
            private final Set<String> done = new HashSet<>();

            @Override
            public void accept(Row row, Sink<Beat> sink) {
                String id = v.id(beat, row);
                if (!id.equals(current)) {
                    finish(sink);
                    if (done.contains(id)) {
                        throw new Reject(beat.label(), id, "appears again after other beats (rows of a beat must be consecutive)");
                    }
                    current = id;
                    firstLine = row.line;
                }
                rows++;
                if (badReason != null) {
                    return;
                }
                try {
                    String d = v.id(district, row);
                    if (currentDistrict == null) {
                        currentDistrict = d;
                    } else if (!currentDistrict.equals(d)) {
                        throw new Reject(district.label(), d, "differs from district " + currentDistrict
                                + " of beat " + id);
                    }
                    Category g = v.category(race, row, sink);
                    String p = population.raw(row);
                    if (p == null) {
                        throw new Reject(population.label(), "", "is missing");
                    }
                    long n = v.integer(population, p);
                    if (n < 0) {
                        throw new Reject(population.label(), p, "is negative");
                    }
                    if (groups.put(g, n) != null) {
                        throw new Reject(race.label(), race.raw(row), "is given twice for beat " + id);
                    }
                } catch (Reject e) {
                    badField = e.field;
                    badValue = e.value;
                    badReason = e.reason;
                    badLine = row.line;
                }
            }

            @Override
            public void finish(Sink<Beat> sink) {
                if (current == null) {
                    return;
                }
                if (badReason != null) {
                    sink.reject(badLine, badField, badValue, badReason + " (all " + rows + " rows of beat "
                            + current + " from line " + firstLine + " are rejected)", rows);
                } else {
                    try {
                        sink.emit(Beat.of(current, currentDistrict, groups), rows);
                    } catch (IllegalArgumentException e) {
                        sink.reject(firstLine, "(record)", current, e.getMessage(), rows);
                    }
                }
                done.add(current);
                current = null;
                currentDistrict = null;
                rows = 0;
                groups = new LinkedHashMap<>();
                badReason = null;
            }

            @Override
            public long pendingLine() {
                return current == null ? -1 : firstLine;
            }

            @Override
            public Set<String> nullLike() {
                return v.nullLike();
            }
        };
    }

    /** {@code body} as a binder that also reports the null spellings {@code v} met ({@link Binder#nullLike()}). */
    private static <T> Binder<T> reporting(Values v, Binder<T> body) {
        return new Binder<>() {
            @Override
            public void accept(Row row, Sink<T> sink) {
                body.accept(row, sink);
            }

            @Override
            public Set<String> nullLike() {
                return v.nullLike();
            }
        };
    }
}
