package io.github.peelmetrics.metrics.complaints;

import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import io.github.peelmetrics.core.internal.Checks;
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
 * Complaint figures for one period: counts by allegation and finding, rates per 100 officers and
 * per 1,000 contacts, the sustained rate with an interval, and days to close.
 *
 * <ul>
 * <li>Each complaint counts once, whatever the number of officers it names.</li>
 * <li>{@code per100Officers = complaints / officers × 100}; {@code per1000Contacts = complaints /
 *     contacts × 1000}, contacts being stops, calls for service or whatever exposure the caller
 *     counts. Empty when the denominator is 0.</li>
 * <li>Sustained rate = {@link Finding#SUSTAINED} / complaints decided on their merits
 *     ({@link Finding#isDecided()}: sustained, not sustained, exonerated, unfounded); withdrawn,
 *     pending and unrecorded findings are left out of the denominator. Its interval is Wilson's
 *     by default (Brown, Cai and DasGupta 2001), any {@link ProportionMethod} on request.</li>
 * <li>Days to close are over closed complaints only; percentiles follow R's default
 *     {@code quantile(type = 7)}: the order statistic at {@code h = (n - 1)p}, linearly
 *     interpolated (Hyndman and Fan 1996).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param complaints                complaints counted
 * @param officers                  the officers of the force (the denominator of {@code per100Officers})
 * @param contacts                  the contacts (the denominator of {@code per1000Contacts})
 * @param method                    the method of the sustained-rate interval
 * @param level                     the confidence level of the sustained-rate interval
 * @param counts                    complaints by allegation type and finding (every type and finding present)
 * @param byAllegation              complaints by allegation type (every type present)
 * @param byFinding                 complaints by finding (every finding present)
 * @param per100Officers            complaints per 100 officers; empty with no officer
 * @param per1000Contacts           complaints per 1,000 contacts; empty with no contact
 * @param sustained                 complaints sustained
 * @param decided                   complaints decided on their merits: the denominator of the sustained rate
 * @param sustainedRate             {@code sustained / decided}; empty when none was decided
 * @param sustainedInterval         the interval of the sustained rate; empty when none was decided
 * @param sustainedRateByAllegation the sustained rate of each allegation type; empty for a type
 *                                  none of whose complaints was decided
 * @param closed                    complaints closed (with a closing date)
 * @param closingDays               the days to close of the closed complaints, ascending
 * @param medianDaysToClose         the median of the days to close; empty when none is closed
 * @param daysToClose75             their 75th percentile; empty when none is closed
 * @param daysToClose90             their 90th percentile; empty when none is closed
 */
public record ComplaintSummary(long complaints, long officers, long contacts, ProportionMethod method, double level,
                               Map<AllegationType, Map<Finding, Long>> counts,
                               Map<AllegationType, Long> byAllegation, Map<Finding, Long> byFinding,
                               OptionalDouble per100Officers, OptionalDouble per1000Contacts, long sustained,
                               long decided, OptionalDouble sustainedRate, Optional<Interval> sustainedInterval,
                               Map<AllegationType, OptionalDouble> sustainedRateByAllegation, long closed,
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
     * contacts, with a 95% Wilson interval for the sustained rate.
     *
     * @throws IllegalArgumentException if {@code officers} or {@code contacts} is negative
     */
    public static ComplaintSummary of(Collection<Complaint> complaints, long officers, long contacts) {
        return of(complaints, officers, contacts, ProportionMethod.WILSON, 0.95);
    }

    /**
     * The summary with the sustained-rate interval by {@code method} at {@code level}.
     *
     * @throws IllegalArgumentException if {@code officers} or {@code contacts} is negative, or the
     *                                  level is outside (0, 1)
     */
    public static ComplaintSummary of(Collection<Complaint> complaints, long officers, long contacts,
                                      ProportionMethod method, double level) {
        Objects.requireNonNull(complaints, "complaints must not be null");
        nonNegative("officers", officers);
        nonNegative("contacts", contacts);
        Objects.requireNonNull(method, "interval method must not be null");
        Checks.level(level, R);
        long[][] n = new long[AllegationType.values().length][Finding.values().length];
        List<Long> days = new ArrayList<>();
        for (Complaint c : complaints) {
            Objects.requireNonNull(c, "complaint must not be null");
            n[c.allegation().ordinal()][c.finding().ordinal()]++;
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
        return new ComplaintSummary(total, officers, contacts, method, level, counts, byAllegation, byFinding,
                rate(total, officers, 100), rate(total, contacts, 1000), sustained, decided,
                decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sustained / decided),
                decided == 0 ? Optional.empty() : Optional.of(Proportions.interval(sustained, decided, method, level)),
                sustainedBy, days.size(), days, quantile7(days, 0.5), quantile7(days, 0.75), quantile7(days, 0.9));
    }

    /** Complaints with an allegation type. */
    public long complaints(AllegationType allegation) {
        return byAllegation.get(Objects.requireNonNull(allegation, "allegation must not be null"));
    }

    /** Complaints with a finding. */
    public long complaints(Finding finding) {
        return byFinding.get(Objects.requireNonNull(finding, "finding must not be null"));
    }

    /** Complaints with an allegation type and a finding. */
    public long complaints(AllegationType allegation, Finding finding) {
        return counts.get(Objects.requireNonNull(allegation, "allegation must not be null"))
                .get(Objects.requireNonNull(finding, "finding must not be null"));
    }

    /** Complaints of one allegation type per 100 officers; empty with no officer. */
    public OptionalDouble per100Officers(AllegationType allegation) {
        return rate(complaints(allegation), officers, 100);
    }

    /** Complaints with one finding per 100 officers; empty with no officer. */
    public OptionalDouble per100Officers(Finding finding) {
        return rate(complaints(finding), officers, 100);
    }

    /** Complaints with one finding per 1,000 contacts; empty with no contact. */
    public OptionalDouble per1000Contacts(Finding finding) {
        return rate(complaints(finding), contacts, 1000);
    }

    /** Complaints of one allegation type per 1,000 contacts; empty with no contact. */
    public OptionalDouble per1000Contacts(AllegationType allegation) {
        return rate(complaints(allegation), contacts, 1000);
    }

    private static OptionalDouble rate(long x, long n, int per) {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) x / n * per);
    }

    /** The sustained rate of one allegation type; empty when none of that type was decided. */
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
        sb.append(String.format(Locale.ROOT, "  sustained %d of %d decided: %s %s%n", sustained, decided,
                fmt(sustainedRate), sustainedInterval.map(Interval::toString).orElse("")));
        sb.append(String.format(Locale.ROOT, "  days to close (%d closed): median %s, p75 %s, p90 %s%n", closed,
                fmt(medianDaysToClose), fmt(daysToClose75), fmt(daysToClose90)));
        sb.append(String.format(Locale.ROOT, "  %-24s %6s %10s%n", "allegation", "n", "sustained"));
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
