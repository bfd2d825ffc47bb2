package io.github.peelmetrics.metrics.complaints;

import io.github.peelmetrics.core.Allegation;
import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import io.github.peelmetrics.core.internal.Checks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Complaint figures for one period: complaints and their allegations by type and finding, rates
 * per 100 officers and per 1,000 contacts, sustained rates per allegation and per complaint with
 * intervals, allegations per officer-year of service, and days to close.
 *
 * <ul>
 * <li>An <b>allegation</b> is one {@link Allegation} of a complaint: one accused officer (or an
 *     unidentified one), one type, one finding. Counts by type and finding
 *     ({@code counts}, {@code byAllegation}, {@code byFinding}) and the sustained rate
 *     ({@code sustained / decided}) are per allegation, as agencies publish them. A complaint with
 *     no recorded allegation counts as a complaint and for no allegation.</li>
 * <li>A <b>complaint</b> is sustained when any of its allegations is; it is decided when any of
 *     its allegations was decided on its merits. {@code complaintSustainedRate =
 *     sustainedComplaints / decidedComplaints}.</li>
 * <li>{@code per100Officers = complaints / officers × 100}; {@code per1000Contacts = complaints /
 *     contacts × 1000}, contacts being stops, calls for service or whatever exposure the caller
 *     counts. Empty when the denominator is 0.</li>
 * <li>Sustained = {@link Finding#SUSTAINED} / allegations decided on their merits
 *     ({@link Finding#isDecided()}: sustained, not sustained, exonerated, unfounded); withdrawn,
 *     pending and unrecorded findings are left out of the denominator. Intervals are Wilson's by
 *     default (Brown, Cai and DasGupta 2001), any {@link ProportionMethod} on request.</li>
 * <li>{@code allegationsPerServiceYear = identifiedAllegations / serviceYears}: allegations
 *     against identified officers per officer-year of service, a year being 365.25 days. The
 *     service years are the caller's ({@link #ofServiceYears}) or the officers' days of service
 *     within the period, from {@link Officer#hired()} (or the period's start) to
 *     {@link Officer#separated()} (or the period's end), both days included
 *     ({@link #of(Collection, Collection, LocalDate, LocalDate, long)}). "Not recorded" (empty)
 *     when no service years were given, or when any officer's hire date is missing: a missing
 *     hire date would silently shorten the exposure.</li>
 * <li>Days to close are over closed complaints only; percentiles follow R's default
 *     {@code quantile(type = 7)}: the order statistic at {@code h = (n - 1)p}, linearly
 *     interpolated (Hyndman and Fan 1996).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param complaints                  complaints counted
 * @param officers                    the officers of the force (the denominator of {@code per100Officers})
 * @param contacts                    the contacts (the denominator of {@code per1000Contacts})
 * @param method                      the method of the sustained-rate intervals
 * @param level                       the confidence level of the sustained-rate intervals
 * @param allegations                 allegations counted (every allegation of every complaint)
 * @param counts                      allegations by type and finding (every type and finding present)
 * @param byAllegation                allegations by type (every type present)
 * @param byFinding                   allegations by finding (every finding present)
 * @param per100Officers              complaints per 100 officers; empty with no officer
 * @param per1000Contacts             complaints per 1,000 contacts; empty with no contact
 * @param sustained                   allegations sustained
 * @param decided                     allegations decided on their merits: the denominator of the sustained rate
 * @param sustainedRate               {@code sustained / decided}, per allegation; empty when none was decided
 * @param sustainedInterval           the interval of the sustained rate; empty when none was decided
 * @param sustainedRateByAllegation   the sustained rate of the allegations of each type; empty for a
 *                                    type none of whose allegations was decided
 * @param sustainedComplaints         complaints with at least one sustained allegation
 * @param decidedComplaints           complaints with at least one allegation decided on its merits
 * @param complaintSustainedRate      {@code sustainedComplaints / decidedComplaints}; empty when none was decided
 * @param complaintSustainedInterval  its interval; empty when none was decided
 * @param identifiedAllegations       allegations against an identified officer
 * @param serviceYears                officer-years of service in the period; empty when not recorded
 * @param allegationsPerServiceYear   {@code identifiedAllegations / serviceYears}; empty when the
 *                                    service years are not recorded or 0
 * @param closed                      complaints closed (with a closing date)
 * @param closingDays                 the days to close of the closed complaints, ascending
 * @param medianDaysToClose           the median of the days to close; empty when none is closed
 * @param daysToClose75               their 75th percentile; empty when none is closed
 * @param daysToClose90               their 90th percentile; empty when none is closed
 */
public record ComplaintSummary(long complaints, long officers, long contacts, ProportionMethod method, double level,
                               long allegations, Map<AllegationType, Map<Finding, Long>> counts,
                               Map<AllegationType, Long> byAllegation, Map<Finding, Long> byFinding,
                               OptionalDouble per100Officers, OptionalDouble per1000Contacts, long sustained,
                               long decided, OptionalDouble sustainedRate, Optional<Interval> sustainedInterval,
                               Map<AllegationType, OptionalDouble> sustainedRateByAllegation,
                               long sustainedComplaints, long decidedComplaints, OptionalDouble complaintSustainedRate,
                               Optional<Interval> complaintSustainedInterval, long identifiedAllegations,
                               OptionalDouble serviceYears, OptionalDouble allegationsPerServiceYear, long closed,
                               List<Long> closingDays, OptionalDouble medianDaysToClose, OptionalDouble daysToClose75,
                               OptionalDouble daysToClose90) {

    private static final String R = "complaint summary";

    /** Checks that no component is null and the closing days are sorted; copies the collections. */
    public ComplaintSummary {
        nonNegative("complaints", complaints);
        nonNegative("officers", officers);
        nonNegative("contacts", contacts);
        nonNegative("sustained", sustained);
        nonNegative("decided", decided);
        nonNegative("allegations", allegations);
        nonNegative("sustainedComplaints", sustainedComplaints);
        nonNegative("decidedComplaints", decidedComplaints);
        nonNegative("identifiedAllegations", identifiedAllegations);
        Objects.requireNonNull(complaintSustainedRate, "complaintSustainedRate of " + R + " must not be null");
        Objects.requireNonNull(complaintSustainedInterval, "complaintSustainedInterval of " + R + " must not be null");
        Objects.requireNonNull(serviceYears, "serviceYears of " + R + " must not be null");
        Objects.requireNonNull(allegationsPerServiceYear, "allegationsPerServiceYear of " + R + " must not be null");
        if (serviceYears.isPresent() && !(serviceYears.getAsDouble() >= 0 && serviceYears.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("serviceYears of " + R + " must be finite and not negative: "
                    + serviceYears.getAsDouble());
        }
        Objects.requireNonNull(method, "method of " + R + " must not be null");
        Checks.level(level, R);
        Objects.requireNonNull(counts, "counts of " + R + " must not be null");
        EnumMap<AllegationType, Map<Finding, Long>> c = new EnumMap<>(AllegationType.class);
        for (AllegationType a : AllegationType.values()) {
            c.put(a, complete("counts of " + a, Finding.class, counts.get(a)));
        }
        counts = Collections.unmodifiableMap(c);
        byAllegation = complete("byAllegation", AllegationType.class, byAllegation);
        byFinding = complete("byFinding", Finding.class, byFinding);
        Objects.requireNonNull(per100Officers, "per100Officers of " + R + " must not be null");
        Objects.requireNonNull(per1000Contacts, "per1000Contacts of " + R + " must not be null");
        Objects.requireNonNull(sustainedRate, "sustainedRate of " + R + " must not be null");
        Objects.requireNonNull(sustainedInterval, "sustainedInterval of " + R + " must not be null");
        Objects.requireNonNull(sustainedRateByAllegation, "sustainedRateByAllegation of " + R + " must not be null");
        EnumMap<AllegationType, OptionalDouble> rates = new EnumMap<>(AllegationType.class);
        for (AllegationType a : AllegationType.values()) {
            rates.put(a, Objects.requireNonNull(sustainedRateByAllegation.get(a),
                    () -> "sustainedRateByAllegation of " + a + " in " + R + " must not be null"));
        }
        sustainedRateByAllegation = Collections.unmodifiableMap(rates);
        closingDays = List.copyOf(closingDays);
        for (int i = 1; i < closingDays.size(); i++) {
            if (closingDays.get(i) < closingDays.get(i - 1)) {
                throw new IllegalArgumentException("closingDays of " + R + " must be ascending: " + closingDays);
            }
        }
        if (closed != closingDays.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "closed of %s must be the %d closing days: %d", R, closingDays.size(), closed));
        }
        Objects.requireNonNull(medianDaysToClose, "medianDaysToClose of " + R + " must not be null");
        Objects.requireNonNull(daysToClose75, "daysToClose75 of " + R + " must not be null");
        Objects.requireNonNull(daysToClose90, "daysToClose90 of " + R + " must not be null");
    }

    private static void nonNegative(String field, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s of %s must not be negative: %d", field, R, v));
        }
    }

    private static <E extends Enum<E>> Map<E, Long> complete(String what, Class<E> type, Map<E, Long> m) {
        Objects.requireNonNull(m, what + " of " + R + " must not be null");
        EnumMap<E, Long> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            Long v = Objects.requireNonNull(m.get(e), () -> what + " of " + R + " has no count of " + e);
            nonNegative(what + "." + e, v);
            out.put(e, v);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The summary of {@code complaints} against a force of {@code officers} who made {@code contacts}
     * contacts, with 95% Wilson intervals for the sustained rates; service years not recorded.
     *
     * @throws IllegalArgumentException if {@code officers} or {@code contacts} is negative
     */
    public static ComplaintSummary of(Collection<Complaint> complaints, long officers, long contacts) {
        return of(complaints, officers, contacts, ProportionMethod.WILSON, 0.95);
    }

    /**
     * The summary with the sustained-rate intervals by {@code method} at {@code level}; service
     * years not recorded.
     *
     * @throws IllegalArgumentException if {@code officers} or {@code contacts} is negative, or the
     *                                  level is outside (0, 1)
     */
    public static ComplaintSummary of(Collection<Complaint> complaints, long officers, long contacts,
                                      ProportionMethod method, double level) {
        return build(complaints, officers, contacts, OptionalDouble.empty(), method, level);
    }

    /**
     * The summary with the caller's officer-years of service (or of any exposure the caller
     * measures in years) as the denominator of {@code allegationsPerServiceYear}.
     *
     * @throws IllegalArgumentException if {@code officers} or {@code contacts} is negative, or
     *                                  {@code serviceYears} is negative or not finite
     */
    public static ComplaintSummary ofServiceYears(Collection<Complaint> complaints, long officers, double serviceYears,
                                                  long contacts) {
        if (!(serviceYears >= 0 && serviceYears < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("serviceYears of " + R + " must be finite and not negative: " + serviceYears);
        }
        return build(complaints, officers, contacts, OptionalDouble.of(serviceYears), ProportionMethod.WILSON, 0.95);
    }

    /**
     * The summary of the complaints of the period {@code from}..{@code to} (both days included;
     * the caller selects the complaints) against the {@code roster}, whose officers' days of
     * service within the period give the service years (365.25 days a year); "not recorded" when
     * any officer's hire date is missing. An officer who served no day of the period adds 0.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from} or {@code contacts} is negative
     */
    public static ComplaintSummary of(Collection<Complaint> complaints, Collection<Officer> roster, LocalDate from,
                                      LocalDate to, long contacts) {
        Objects.requireNonNull(roster, "roster must not be null");
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period of " + R + " ends (" + to + ") before it starts (" + from + ")");
        }
        long days = 0;
        boolean recorded = true;
        for (Officer o : roster) {
            Objects.requireNonNull(o, "officer must not be null");
            if (o.hired().isEmpty()) {
                recorded = false;
                continue;
            }
            LocalDate start = o.hired().get().isAfter(from) ? o.hired().get() : from;
            LocalDate end = o.separated().filter(s -> s.isBefore(to)).orElse(to);
            if (!end.isBefore(start)) {
                days += ChronoUnit.DAYS.between(start, end) + 1;
            }
        }
        return build(complaints, roster.size(), contacts,
                recorded ? OptionalDouble.of(days / 365.25) : OptionalDouble.empty(), ProportionMethod.WILSON, 0.95);
    }

    private static ComplaintSummary build(Collection<Complaint> complaints, long officers, long contacts,
                                          OptionalDouble serviceYears, ProportionMethod method, double level) {
        Objects.requireNonNull(complaints, "complaints must not be null");
        nonNegative("officers", officers);
        nonNegative("contacts", contacts);
        Objects.requireNonNull(method, "interval method must not be null");
        Checks.level(level, R);
        long[][] n = new long[AllegationType.values().length][Finding.values().length];
        List<Long> days = new ArrayList<>();
        long allegations = 0;
        long identified = 0;
        long sustainedComplaints = 0;
        long decidedComplaints = 0;
        for (Complaint c : complaints) {
            Objects.requireNonNull(c, "complaint must not be null");
            boolean anySustained = false;
            boolean anyDecided = false;
            for (Allegation a : c.allegations()) {
                n[a.type().ordinal()][a.finding().ordinal()]++;
                allegations++;
                if (a.officerId().isPresent()) {
                    identified++;
                }
                anySustained |= a.sustained();
                anyDecided |= a.finding().isDecided();
            }
            if (anySustained) {
                sustainedComplaints++;
            }
            if (anyDecided) {
                decidedComplaints++;
            }
            c.daysToClose().ifPresent(days::add);
        }
        Collections.sort(days);
        Map<AllegationType, Map<Finding, Long>> counts = new EnumMap<>(AllegationType.class);
        Map<AllegationType, Long> byAllegation = new EnumMap<>(AllegationType.class);
        Map<Finding, Long> byFinding = new EnumMap<>(Finding.class);
        Map<AllegationType, OptionalDouble> sustainedBy = new EnumMap<>(AllegationType.class);
        for (Finding f : Finding.values()) {
            byFinding.put(f, 0L);
        }
        long decided = 0;
        for (AllegationType a : AllegationType.values()) {
            Map<Finding, Long> row = new EnumMap<>(Finding.class);
            long all = 0;
            long decidedA = 0;
            for (Finding f : Finding.values()) {
                long v = n[a.ordinal()][f.ordinal()];
                row.put(f, v);
                all += v;
                byFinding.merge(f, v, Long::sum);
                if (f.isDecided()) {
                    decidedA += v;
                }
            }
            counts.put(a, row);
            byAllegation.put(a, all);
            decided += decidedA;
            sustainedBy.put(a, decidedA == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) n[a.ordinal()][Finding.SUSTAINED.ordinal()] / decidedA));
        }
        long total = complaints.size();
        long sustained = byFinding.get(Finding.SUSTAINED);
        OptionalDouble perYear = serviceYears.isPresent() && serviceYears.getAsDouble() > 0
                ? OptionalDouble.of(identified / serviceYears.getAsDouble()) : OptionalDouble.empty();
        return new ComplaintSummary(total, officers, contacts, method, level, allegations, counts, byAllegation,
                byFinding, rate(total, officers, 100), rate(total, contacts, 1000), sustained, decided,
                ratio(sustained, decided), interval(sustained, decided, method, level), sustainedBy,
                sustainedComplaints, decidedComplaints, ratio(sustainedComplaints, decidedComplaints),
                interval(sustainedComplaints, decidedComplaints, method, level), identified, serviceYears, perYear,
                days.size(), days, quantile7(days, 0.5), quantile7(days, 0.75), quantile7(days, 0.9));
    }

    private static OptionalDouble ratio(long x, long n) {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) x / n);
    }

    private static Optional<Interval> interval(long x, long n, ProportionMethod method, double level) {
        return n == 0 ? Optional.empty() : Optional.of(Proportions.interval(x, n, method, level));
    }

    /** Allegations of a type. */
    public long allegations(AllegationType allegation) {
        return byAllegation.get(Objects.requireNonNull(allegation, "allegation must not be null"));
    }

    /** Allegations with a finding. */
    public long allegations(Finding finding) {
        return byFinding.get(Objects.requireNonNull(finding, "finding must not be null"));
    }

    /** Allegations of a type with a finding. */
    public long allegations(AllegationType allegation, Finding finding) {
        return counts.get(Objects.requireNonNull(allegation, "allegation must not be null"))
                .get(Objects.requireNonNull(finding, "finding must not be null"));
    }

    /** Allegations of one type per 100 officers; empty with no officer. */
    public OptionalDouble per100Officers(AllegationType allegation) {
        return rate(allegations(allegation), officers, 100);
    }

    /** Allegations with one finding per 100 officers; empty with no officer. */
    public OptionalDouble per100Officers(Finding finding) {
        return rate(allegations(finding), officers, 100);
    }

    /** Allegations with one finding per 1,000 contacts; empty with no contact. */
    public OptionalDouble per1000Contacts(Finding finding) {
        return rate(allegations(finding), contacts, 1000);
    }

    /** Allegations of one type per 1,000 contacts; empty with no contact. */
    public OptionalDouble per1000Contacts(AllegationType allegation) {
        return rate(allegations(allegation), contacts, 1000);
    }

    private static OptionalDouble rate(long x, long n, int per) {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) x / n * per);
    }

    /** The sustained rate of the allegations of one type; empty when none of that type was decided. */
    public OptionalDouble sustainedRate(AllegationType allegation) {
        return sustainedRateByAllegation.get(Objects.requireNonNull(allegation, "allegation must not be null"));
    }

    /**
     * A percentile of days to close, {@code p} in [0, 1] (R {@code quantile(type = 7)}); empty when
     * none is closed.
     */
    public OptionalDouble daysToClose(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile of days to close must be in [0, 1]: " + p);
        }
        return quantile7(closingDays, p);
    }

    private static OptionalDouble quantile7(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return OptionalDouble.empty();
        }
        double h = (sorted.size() - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return OptionalDouble.of(sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo)));
    }

    /** A short report: counts, rates, sustained rate with its interval, and days to close. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d complaints; %s per 100 officers, %s per 1,000 contacts%n", complaints,
                fmt(per100Officers), fmt(per1000Contacts)));
        sb.append(String.format(Locale.ROOT, "  complaints sustained %d of %d decided: %s %s%n", sustainedComplaints,
                decidedComplaints, fmt(complaintSustainedRate),
                complaintSustainedInterval.map(Interval::toString).orElse("")));
        sb.append(String.format(Locale.ROOT, "  %d allegations, sustained %d of %d decided: %s %s%n", allegations,
                sustained, decided, fmt(sustainedRate), sustainedInterval.map(Interval::toString).orElse("")));
        sb.append(serviceYears.isPresent()
                ? String.format(Locale.ROOT, "  allegations per officer-year of service: %s (%d identified over %.1f years)%n",
                        allegationsPerServiceYear.isPresent() ? fmt(allegationsPerServiceYear) : "-",
                        identifiedAllegations, serviceYears.getAsDouble())
                : String.format(Locale.ROOT, "  allegations per officer-year of service: not recorded%n"));
        sb.append(String.format(Locale.ROOT, "  days to close (%d closed): median %s, p75 %s, p90 %s%n", closed,
                fmt(medianDaysToClose), fmt(daysToClose75), fmt(daysToClose90)));
        sb.append(String.format(Locale.ROOT, "  %-24s %6s %10s%n", "allegation type", "n", "sustained"));
        for (AllegationType a : AllegationType.values()) {
            if (byAllegation.get(a) > 0) {
                sb.append(String.format(Locale.ROOT, "  %-24s %6d %10s%n", a.name().toLowerCase(Locale.ROOT),
                        byAllegation.get(a), fmt(sustainedRateByAllegation.get(a))));
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String fmt(OptionalDouble x) {
        return x.isPresent() ? String.format(Locale.ROOT, "%.3f", x.getAsDouble()) : "-";
    }
}
