package io.github.peelmetrics.metrics.rates;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.metrics.opp.EligibilityStep;
import io.github.peelmetrics.metrics.trend.RateComparison;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * OPP's stop rates per race over the months that survive OPP's base eligibility rules, made by
 * {@link OppStopRates#of}. Every rate is per resident per year over the months listed in
 * {@link #months()} ({@link #period()}); the toString says so, and prints an exact p-value
 * below 1e-300 as {@code < 1e-300} (the tails of the binomial lose their digits there; the
 * component keeps what was computed).
 *
 * @param reference    the race every other race is compared with
 * @param level        the level of the Wald intervals printed (and of every comparison)
 * @param steps        each eligibility step with the stops it left ({@code init} first)
 * @param rowsAnalysed stops left after the rules
 * @param months       the year-months of the analysed data, in order (gaps are months removed)
 * @param rows         one row per analysis race, in the order of the settings
 */
public record StopRateTable(Category reference, double level, List<EligibilityStep> steps, long rowsAnalysed,
                            List<YearMonth> months, List<StopRate> rows) {

    private static final double TINY_P = 1e-300;

    /** Validates: no nulls, the lists copied, a level in (0, 1). */
    public StopRateTable {
        Objects.requireNonNull(reference, "reference of StopRateTable");
        Checks.level(level, "StopRateTable");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps of StopRateTable"));
        months = List.copyOf(Objects.requireNonNull(months, "months of StopRateTable"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows of StopRateTable"));
        if (rowsAnalysed < 0) {
            throw new IllegalArgumentException("rowsAnalysed of StopRateTable must not be negative: " + rowsAnalysed);
        }
    }

    /** The number of distinct year-months in the analysed data (OPP's {@code n_months}). */
    public int monthsInData() {
        return months.size();
    }

    /** The months the rates cover, {@code 2016-01..2017-12}, or {@code no months} when no stop survived. */
    public String period() {
        return months.isEmpty() ? "no months" : months.get(0) + ".." + months.get(months.size() - 1);
    }

    /**
     * The row of a race.
     *
     * @throws IllegalArgumentException naming the races held, when the table has no row for it
     */
    public StopRate row(Category race) {
        for (StopRate r : rows) {
            if (r.race().equals(race)) {
                return r;
            }
        }
        throw Checks.notHeld("stop rate table", "race", race, rows.stream().map(StopRate::race).toList());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String pct = Format.percent(level) + "%";
        sb.append("Stops per 1,000 residents per year, ").append(period()).append(" (").append(months.size())
                .append(" months, ").append(rowsAnalysed).append(" stops after OPP's base rules)\n");
        sb.append(Format.f("  %-24s %8s %10s %11s %11s %9s %-20s %s%n", "race", "stops", "residents",
                "OPP annual", "Poisson", "ratio", pct + " CI (Wald)", "exact p"));
        for (StopRate r : rows) {
            String ratio = "-";
            String ci = r.race().equals(reference) ? "(reference)" : "-";
            String p = "-";
            if (r.vsReference().isPresent()) {
                RateComparison c = r.vsReference().get();
                Interval i = c.rateRatio().interval();
                ratio = Format.cell(c.rateRatio().estimate());
                ci = "[" + Format.cell(i.lower()) + ", " + Format.cell(i.upper()) + "]";
                double pv = c.testResult().pValue();
                p = pv < TINY_P ? "< 1e-300" : Format.p(pv);   // below this the binomial tails are not accurate
            }
            sb.append(Format.f("  %-24s %8d %10d %11s %11s %9s %-20s %s%n", r.race().label(), r.stops(),
                    r.population(), r.oppRowPresent() ? Format.cell(r.annualStopsPer1000()) : "no row",
                    Format.cell(r.stopsPer1000PerYear()), ratio, ci, p));
        }
        return sb.toString().stripTrailing();
    }
}
