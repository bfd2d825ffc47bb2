package io.github.peelmetrics.metrics.complaints;

import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
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
 */
public final class ComplaintSummary {

    private final long complaints;
    private final long officers;
    private final long contacts;
    private final long[][] counts; // [allegation][finding]
    private final long[] days;     // sorted days to close
    private final double level;
    private final ProportionMethod method;

    private ComplaintSummary(long complaints, long officers, long contacts, long[][] counts, long[] days,
                             double level, ProportionMethod method) {
        this.complaints = complaints;
        this.officers = officers;
        this.contacts = contacts;
        this.counts = counts;
        this.days = days;
        this.level = level;
        this.method = method;
    }

    /**
     * The summary of {@code complaints} against a force of {@code officers} who made {@code contacts}
     * contacts, with 95% Wilson intervals.
     *
     * @throws IllegalArgumentException if {@code officers} or {@code contacts} is negative
     */
    public static ComplaintSummary of(Collection<Complaint> complaints, long officers, long contacts) {
        Objects.requireNonNull(complaints, "complaints must not be null");
        if (officers < 0) {
            throw new IllegalArgumentException("officers of complaint summary must not be negative: " + officers);
        }
        if (contacts < 0) {
            throw new IllegalArgumentException("contacts of complaint summary must not be negative: " + contacts);
        }
        long[][] counts = new long[AllegationType.values().length][Finding.values().length];
        long[] days = new long[complaints.size()];
        int closed = 0;
        for (Complaint c : complaints) {
            Objects.requireNonNull(c, "complaint must not be null");
            counts[c.allegation().ordinal()][c.finding().ordinal()]++;
            Optional<Long> d = c.daysToClose();
            if (d.isPresent()) {
                days[closed++] = d.get();
            }
        }
        long[] sorted = Arrays.copyOf(days, closed);
        Arrays.sort(sorted);
        return new ComplaintSummary(complaints.size(), officers, contacts, counts, sorted, 0.95,
                ProportionMethod.WILSON);
    }

    /** The same summary with intervals at another level and method. */
    public ComplaintSummary interval(double confidence, ProportionMethod intervalMethod) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence level of complaint summary must be in (0, 1): " + confidence);
        }
        return new ComplaintSummary(complaints, officers, contacts, counts, days, confidence,
                Objects.requireNonNull(intervalMethod, "interval method must not be null"));
    }

    /** Complaints counted. */
    public long complaints() {
        return complaints;
    }

    /** Complaints with an allegation type. */
    public long complaints(AllegationType allegation) {
        long s = 0;
        for (long v : counts[Objects.requireNonNull(allegation, "allegation must not be null").ordinal()]) {
            s += v;
        }
        return s;
    }

    /** Complaints with a finding. */
    public long complaints(Finding finding) {
        Objects.requireNonNull(finding, "finding must not be null");
        long s = 0;
        for (long[] row : counts) {
            s += row[finding.ordinal()];
        }
        return s;
    }

    /** Complaints with an allegation type and a finding. */
    public long complaints(AllegationType allegation, Finding finding) {
        return counts[Objects.requireNonNull(allegation, "allegation must not be null").ordinal()]
                [Objects.requireNonNull(finding, "finding must not be null").ordinal()];
    }

    /** Counts by allegation (every type present). */
    public Map<AllegationType, Long> byAllegation() {
        EnumMap<AllegationType, Long> m = new EnumMap<>(AllegationType.class);
        for (AllegationType a : AllegationType.values()) {
            m.put(a, complaints(a));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Counts by finding (every finding present). */
    public Map<Finding, Long> byFinding() {
        EnumMap<Finding, Long> m = new EnumMap<>(Finding.class);
        for (Finding f : Finding.values()) {
            m.put(f, complaints(f));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Complaints per 100 officers; empty with no officer. */
    public OptionalDouble per100Officers() {
        return rate(complaints, officers, 100);
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

    /** Complaints per 1,000 contacts; empty with no contact. */
    public OptionalDouble per1000Contacts() {
        return rate(complaints, contacts, 1000);
    }

    /** Complaints of one allegation type per 1,000 contacts; empty with no contact. */
    public OptionalDouble per1000Contacts(AllegationType allegation) {
        return rate(complaints(allegation), contacts, 1000);
    }

    private static OptionalDouble rate(long x, long n, int per) {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) x / n * per);
    }

    /** Complaints decided on their merits: the denominator of the sustained rate. */
    public long decided() {
        long s = 0;
        for (Finding f : Finding.values()) {
            if (f.isDecided()) {
                s += complaints(f);
            }
        }
        return s;
    }

    /** Sustained complaints over decided complaints; empty when none was decided. */
    public OptionalDouble sustainedRate() {
        long d = decided();
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) complaints(Finding.SUSTAINED) / d);
    }

    /** The interval of the sustained rate (Wilson 95% unless {@linkplain #interval changed}); empty when none was decided. */
    public Optional<Interval> sustainedInterval() {
        long d = decided();
        return d == 0 ? Optional.empty()
                : Optional.of(Proportions.interval(complaints(Finding.SUSTAINED), d, method, level));
    }

    /** The sustained rate of one allegation type; empty when none of that type was decided. */
    public OptionalDouble sustainedRate(AllegationType allegation) {
        long d = 0;
        for (Finding f : Finding.values()) {
            if (f.isDecided()) {
                d += complaints(allegation, f);
            }
        }
        return d == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) complaints(allegation, Finding.SUSTAINED) / d);
    }

    /** Complaints closed (with a closing date). */
    public long closed() {
        return days.length;
    }

    /** The median of days to close; empty when none is closed. */
    public OptionalDouble medianDaysToClose() {
        return daysToClose(0.5);
    }

    /**
     * A percentile of days to close, {@code p} in [0, 1] (R {@code quantile(type = 7)}); empty when
     * none is closed.
     */
    public OptionalDouble daysToClose(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile of days to close must be in [0, 1]: " + p);
        }
        if (days.length == 0) {
            return OptionalDouble.empty();
        }
        double h = (days.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, days.length - 1);
        return OptionalDouble.of(days[lo] + (h - lo) * (days[hi] - days[lo]));
    }

    /** A short report: counts, rates, sustained rate with its interval, and days to close. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d complaints; %s per 100 officers, %s per 1,000 contacts%n", complaints,
                fmt(per100Officers()), fmt(per1000Contacts())));
        sb.append(String.format(Locale.ROOT, "  sustained %d of %d decided: %s %s%n", complaints(Finding.SUSTAINED),
                decided(), fmt(sustainedRate()), sustainedInterval().map(Interval::toString).orElse("")));
        sb.append(String.format(Locale.ROOT, "  days to close (%d closed): median %s, p75 %s, p90 %s%n", closed(),
                fmt(medianDaysToClose()), fmt(daysToClose(0.75)), fmt(daysToClose(0.9))));
        sb.append(String.format(Locale.ROOT, "  %-24s %6s %10s%n", "allegation", "n", "sustained"));
        for (AllegationType a : AllegationType.values()) {
            if (complaints(a) > 0) {
                sb.append(String.format(Locale.ROOT, "  %-24s %6d %10s%n", a.name().toLowerCase(Locale.ROOT),
                        complaints(a), fmt(sustainedRate(a))));
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String fmt(OptionalDouble x) {
        return x.isPresent() ? String.format(Locale.ROOT, "%.3f", x.getAsDouble()) : "-";
    }
}
