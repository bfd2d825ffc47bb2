package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.Allegation;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The Citizens Police Data Project's percentile of allegations per year of service, computed
 * exactly as CPDP computes {@code percentile_allegation} (invinst/CPDBv2_backend, commit
 * {@code 21d5f6d}: {@code cpdb/data/officer_percentile.py} {@code _officer_service_year} and
 * {@code _compute_metric}, {@code cpdb/data/utils/percentile.py}, {@code cpdb/data/utils/round.py}).
 *
 * <p>For a window {@code [from, to]}:
 * <ul>
 * <li>{@code start = max(appointed, from)}; {@code end = resigned} if it is before {@code to}, else
 *     {@code to}; {@code serviceDays = end - start}.</li>
 * <li>An officer without an appointment date, or with {@code end < start + 365 days}, is not
 *     ranked (every figure empty).</li>
 * <li>{@code serviceYears = ROUND(serviceDays / 365.0, 4)} and
 *     {@code metric = ROUND(allegations / serviceYears, 4)}, PostgreSQL {@code numeric} rounding
 *     (half away from zero), computed exactly in decimal.</li>
 * <li>The ranked officers sorted by metric; an officer's percentile is {@code 100.0 * i / n} with
 *     {@code i} the number of ranked officers with a strictly smaller metric (ties share the first
 *     position) and {@code n} the number ranked, then Python's {@code round(x, 4)}: the exact
 *     binary value of that double rounded half to even (so {@code 61.71875 -> 61.7188} but
 *     {@code 72.65625 -> 72.6562}).</li>
 * </ul>
 *
 * <p>Allegations: from complaints, each {@link Allegation} naming the officer whose complaint was
 * received in the window, both ends included (CPDP counts an officer's allegations by incident
 * date; Peel's complaints carry the date received). Allegations against officers not on the roster
 * are counted in {@link #allegationsOfUnlistedOfficers()} and rank no one.
 *
 * <p>What it can and cannot show: a percentile ranks an officer's raw allegation rate among
 * colleagues; it does not adjust for assignment, shift or exposure, and ties at 0 allegations all
 * share percentile 0. Use the peer comparison of this package to ask whether a rate is unusual.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from                           the window's first day
 * @param to                             the window's last day
 * @param ranked                         officers ranked
 * @param allegationsOfUnlistedOfficers  allegations in the window against officers not on the roster
 * @param officers                       every roster officer, in officer id order
 */
public record CpdpPercentile(LocalDate from, LocalDate to, int ranked, long allegationsOfUnlistedOfficers,
                             List<CpdpOfficer> officers) {

    private static final String R = "CPDP percentile";
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    /** Checks the window and the rows (one per officer, in id order, {@code ranked} of them ranked). */
    public CpdpPercentile {
        window(from, to);
        if (allegationsOfUnlistedOfficers < 0) {
            throw new IllegalArgumentException("allegationsOfUnlistedOfficers of " + R + " must not be negative: "
                    + allegationsOfUnlistedOfficers);
        }
        officers = List.copyOf(Objects.requireNonNull(officers, "officers of " + R + " must not be null"));
        int n = 0;
        for (int i = 0; i < officers.size(); i++) {
            if (i > 0 && officers.get(i - 1).officerId().compareTo(officers.get(i).officerId()) >= 0) {
                throw new IllegalArgumentException("officers of " + R + " must be in strictly ascending id order: "
                        + officers.get(i - 1).officerId() + " before " + officers.get(i).officerId());
            }
            n += officers.get(i).ranked() ? 1 : 0;
        }
        if (n != ranked) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ranked of %s must be the %d ranked officers: %d", R, n, ranked));
        }
    }

    /**
     * The percentiles of the {@code roster}, counting each officer's allegations in the
     * {@code complaints} received from {@code from} to {@code to} (both included).
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}, or an officer id
     *                                  appears twice on the roster
     */
    public static CpdpPercentile of(Collection<Complaint> complaints, Collection<Officer> roster, LocalDate from,
                                    LocalDate to) {
        Objects.requireNonNull(complaints, "complaints of " + R + " must not be null");
        window(from, to);
        Map<String, Long> counts = new HashMap<>();
        for (Complaint c : complaints) {
            Objects.requireNonNull(c, "complaint of " + R + " must not be null");
            if (c.received().isBefore(from) || c.received().isAfter(to)) {
                continue;
            }
            for (Allegation a : c.allegations()) {
                a.officerId().ifPresent(o -> counts.merge(o, 1L, Long::sum));
            }
        }
        return rank(counts, roster, from, to, true);
    }

    /**
     * The percentiles of the {@code roster} from each officer's allegation count in the window
     * (an officer absent from {@code allegations} has none).
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}, an officer id appears
     *                                  twice on the roster, a count is negative, or a count names
     *                                  an officer not on the roster (the message lists the roster)
     */
    public static CpdpPercentile ofCounts(Map<String, Long> allegations, Collection<Officer> roster, LocalDate from,
                                          LocalDate to) {
        Objects.requireNonNull(allegations, "allegations of " + R + " must not be null");
        window(from, to);
        for (Map.Entry<String, Long> e : allegations.entrySet()) {
            Objects.requireNonNull(e.getKey(), "officer id of " + R + " must not be null");
            Objects.requireNonNull(e.getValue(), () -> "allegations of officer " + e.getKey() + " must not be null");
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("allegations of officer " + e.getKey() + " must not be negative: "
                        + e.getValue());
            }
        }
        return rank(allegations, roster, from, to, false);
    }

    private static CpdpPercentile rank(Map<String, Long> counts, Collection<Officer> roster, LocalDate from,
                                       LocalDate to, boolean unlistedAllowed) {
        Objects.requireNonNull(roster, "roster of " + R + " must not be null");
        TreeMap<String, Officer> byId = new TreeMap<>();
        for (Officer o : roster) {
            Objects.requireNonNull(o, "officer of " + R + " must not be null");
            if (byId.put(o.id(), o) != null) {
                throw new IllegalArgumentException("officer " + o.id() + " appears twice on the roster of " + R);
            }
        }
        long unlisted = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!byId.containsKey(e.getKey())) {
                if (!unlistedAllowed) {
                    throw Checks.notHeld("the roster of " + R, "officer", e.getKey(), byId.keySet());
                }
                unlisted += e.getValue();
            }
        }
        // service windows and metrics
        List<String> ids = new ArrayList<>(byId.keySet());
        Optional<LocalDate>[] starts = newOptionals(ids.size());
        LocalDate[] ends = new LocalDate[ids.size()];
        BigDecimal[] years = new BigDecimal[ids.size()];
        BigDecimal[] metrics = new BigDecimal[ids.size()];
        List<BigDecimal> rankedMetrics = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Officer o = byId.get(ids.get(i));
            long n = counts.getOrDefault(ids.get(i), 0L);
            LocalDate end = o.separated().filter(s -> s.isBefore(to)).orElse(to);
            ends[i] = end;
            starts[i] = o.hired().map(h -> h.isBefore(from) ? from : h);
            if (starts[i].isPresent() && !end.isBefore(starts[i].get().plusDays(365))) {
                years[i] = postgresRound4(new BigDecimal(ChronoUnit.DAYS.between(starts[i].get(), end)), DAYS_PER_YEAR);
                metrics[i] = postgresRound4(new BigDecimal(n), years[i]);
                rankedMetrics.add(metrics[i]);
            }
        }
        rankedMetrics.sort(null);
        int n = rankedMetrics.size();
        List<CpdpOfficer> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long allegations = counts.getOrDefault(ids.get(i), 0L);
            OptionalLong days = starts[i].isPresent()
                    ? OptionalLong.of(ChronoUnit.DAYS.between(starts[i].get(), ends[i])) : OptionalLong.empty();
            if (metrics[i] == null) {
                rows.add(new CpdpOfficer(ids.get(i), allegations, starts[i], ends[i], days, false,
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty()));
                continue;
            }
            int below = below(rankedMetrics, metrics[i]);
            double unrounded = 100.0 * below / n;
            rows.add(new CpdpOfficer(ids.get(i), allegations, starts[i], ends[i], days, true,
                    OptionalDouble.of(years[i].doubleValue()), OptionalDouble.of(metrics[i].doubleValue()),
                    OptionalInt.of(below), OptionalDouble.of(unrounded), OptionalDouble.of(pythonRound4(unrounded))));
        }
        return new CpdpPercentile(from, to, n, unlisted, rows);
    }

    @SuppressWarnings("unchecked")
    private static Optional<LocalDate>[] newOptionals(int n) {
        return (Optional<LocalDate>[]) new Optional<?>[n];
    }

    /** The number of sorted values strictly smaller than {@code x} (the first index holding x). */
    private static int below(List<BigDecimal> sorted, BigDecimal x) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).compareTo(x) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Python's {@code round(x, 4)}: the exact binary value of {@code x} rounded to 4 decimals, half
     * to even, as the nearest double.
     */
    static double pythonRound4(double x) {
        return new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * PostgreSQL's {@code ROUND(CAST(x AS numeric), 4)} of the exact quotient {@code numerator /
     * denominator}: half away from zero.
     */
    static BigDecimal postgresRound4(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }

    private static void window(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from of " + R + " must not be null");
        Objects.requireNonNull(to, "to of " + R + " must not be null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window of " + R + " ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The row of one officer. */
    public CpdpOfficer officer(String officerId) {
        Objects.requireNonNull(officerId, "officer id must not be null");
        for (CpdpOfficer o : officers) {
            if (o.officerId().equals(officerId)) {
                return o;
            }
        }
        throw Checks.notHeld(R, "officer", officerId, officers.stream().map(CpdpOfficer::officerId).toList());
    }

    /** The ranked officers, highest percentile first (ties in id order). */
    public List<CpdpOfficer> top(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k of " + R + " must not be negative: " + k);
        }
        return officers.stream().filter(CpdpOfficer::ranked)
                .sorted(java.util.Comparator.comparingDouble((CpdpOfficer o) -> o.percentileUnrounded().getAsDouble())
                        .reversed())
                .limit(k).toList();
    }

    static String dec(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** One line, then one line per officer. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "CPDP allegation percentiles %s..%s: %d of %d officers ranked", from, to, ranked, officers.size()));
        if (allegationsOfUnlistedOfficers > 0) {
            sb.append(String.format(Locale.ROOT, "; %d allegations against officers not on the roster",
                    allegationsOfUnlistedOfficers));
        }
        for (CpdpOfficer o : officers) {
            sb.append(System.lineSeparator()).append("  ").append(o);
        }
        return sb.toString();
    }
}
