package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.stats.Interval;
import java.util.List;
import java.util.Objects;

/**
 * Domain means with an interval each; {@code toString} prints a small aligned table:
 *
 * <pre>
 *   race      n     approve  95% CI (logit)    se
 *   Black     54    0.4921   [0.3616, 0.6237]  0.0688
 * </pre>
 *
 * @param variable the estimated variable
 * @param domain   the domain variable
 * @param method   the interval method
 * @param level    the confidence level
 * @param rows     one row per domain level, in level order (unmodifiable)
 */
public record DomainTable(String variable, String domain, CiMethod method, double level, List<Row> rows) {

    /** Copies the rows. */
    public DomainTable {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(method, "method");
        rows = List.copyOf(rows);
    }

    /**
     * One domain level.
     *
     * @param level    the domain level
     * @param mean     its mean
     * @param interval its interval
     */
    public record Row(String level, SurveyMean mean, Interval interval) {
        /** Checks for nulls. */
        public Row {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(interval, "interval");
        }
    }

    /** The aligned table. */
    @Override
    public String toString() {
        String ciHead = Text.f("%s%% CI (%s)", Text.num(level * 100), method.rName());
        int w0 = domain.length();
        for (Row r : rows) {
            w0 = Math.max(w0, r.level().length());
        }
        int w2 = Math.max(variable.length(), 7);
        int w3 = Math.max(ciHead.length(), 18);
        StringBuilder sb = new StringBuilder();
        String fmt = "  %-" + w0 + "s  %6s  %-" + w2 + "s  %-" + w3 + "s  %s%n";
        sb.append(Text.f(fmt, domain, "n", variable, ciHead, "se"));
        for (Row r : rows) {
            Interval ci = r.interval();
            sb.append(Text.f(fmt, r.level(), Integer.toString(r.mean().nonMissing()), Text.f("%.4f", r.mean().mean()),
                    Text.f("[%.4f, %.4f]", ci.lower(), ci.upper()), Text.f("%.4f", r.mean().standardError())));
        }
        return sb.toString();
    }
}
