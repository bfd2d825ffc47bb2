package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.metrics.complaints.ComplaintSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The public view of a {@link ComplaintSummary}, made by {@link Suppression#publish(ComplaintSummary)}:
 * allegations by type (rows, every {@link AllegationType}) and finding (columns, every
 * {@link Finding}) with their totals, suppressed ({@link Suppression#apply(CountTable)}) and
 * audited, and the sustained rates derived from the published cells alone.
 *
 * <p>The sustained rate of a type is {@code SUSTAINED / (allegations decided on their merits)}
 * ({@link Finding#isDecided()}), published only when the sustained cell and every decided cell of
 * its row are: a rate times a published denominator never gives a hidden count back, and its
 * denominator is itself a sum of published cells. The overall rate is the same over the column
 * totals. Counts of complaints, officers, days to close and intervals are not part of the view.
 * Immutable and thread-safe.
 *
 * @param allegations               allegations by type and finding, suppressed, with the audit
 * @param sustainedRateByAllegation the sustained rate of each type (by its name), empty when hidden
 *                                  or when none was decided
 * @param sustainedRate             the sustained rate of every allegation, empty when hidden or none was decided
 */
public record PublishedComplaints(SuppressedTable allegations, Map<String, OptionalDouble> sustainedRateByAllegation,
                                  OptionalDouble sustainedRate) {

    /** Checks that no component is null; copies the map. */
    public PublishedComplaints {
        Objects.requireNonNull(allegations, "allegations of published complaints must not be null");
        Objects.requireNonNull(sustainedRate, "sustainedRate of published complaints must not be null");
        sustainedRateByAllegation = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(
                sustainedRateByAllegation, "sustainedRateByAllegation of published complaints must not be null")));
    }

    /** The allegations of a summary as a count table (types by findings). */
    static CountTable table(ComplaintSummary summary) {
        AllegationType[] types = AllegationType.values();
        Finding[] findings = Finding.values();
        long[][] c = new long[types.length][findings.length];
        for (int i = 0; i < types.length; i++) {
            Map<Finding, Long> row = summary.counts().getOrDefault(types[i], Map.of());
            for (int j = 0; j < findings.length; j++) {
                c[i][j] = row.getOrDefault(findings[j], 0L);
            }
        }
        List<String> rows = new ArrayList<>();
        for (AllegationType t : types) {
            rows.add(t.name().toLowerCase(Locale.ROOT));
        }
        List<String> columns = new ArrayList<>();
        for (Finding f : findings) {
            columns.add(f.name().toLowerCase(Locale.ROOT));
        }
        return CountTable.of("allegations", rows, columns, c);
    }

    static PublishedComplaints of(SuppressedTable t) {
        Finding[] findings = Finding.values();
        Map<String, OptionalDouble> byType = new LinkedHashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<OptionalLong> row = new ArrayList<>();
            for (int j = 0; j < findings.length; j++) {
                row.add(t.cell(i, j));
            }
            byType.put(t.rows().get(i), rate(row, findings));
        }
        List<OptionalLong> totals = new ArrayList<>();
        for (int j = 0; j < findings.length; j++) {
            totals.add(t.columnTotal(j));
        }
        return new PublishedComplaints(t, byType, rate(totals, findings));
    }

    private static OptionalDouble rate(List<OptionalLong> cells, Finding[] findings) {
        long sustained = 0;
        long decided = 0;
        for (int j = 0; j < findings.length; j++) {
            if (!findings[j].isDecided()) {
                continue;
            }
            if (cells.get(j).isEmpty()) {
                return OptionalDouble.empty();
            }
            decided += cells.get(j).getAsLong();
            if (findings[j] == Finding.SUSTAINED) {
                sustained = cells.get(j).getAsLong();
            }
        }
        return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sustained / decided);
    }

    /** The suppressed table with its audit, then the sustained rates ({@code *} hidden, {@code -} none decided). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(allegations.toString()).append(System.lineSeparator())
                .append("  sustained rate: ").append(cell(sustainedRate, decidedHidden(allegations.rows().size()) ? 1 : 0));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < allegations.rows().size(); i++) {
            String name = allegations.rows().get(i);
            OptionalDouble r = sustainedRateByAllegation.get(name);
            parts.add(name + " " + cell(r, decidedHidden(i) ? 1 : 0));
        }
        return sb.append(" (").append(String.join(", ", parts)).append(")").toString();
    }

    /** Whether a decided cell of row {@code i} (the column totals when {@code i} is the row count) is hidden. */
    private boolean decidedHidden(int i) {
        boolean hidden = false;
        for (int j = 0; j < allegations.columns().size(); j++) {
            OptionalLong v = i < allegations.rows().size() ? allegations.cell(i, j) : allegations.columnTotal(j);
            hidden |= v.isEmpty() && Finding.values()[j].isDecided();
        }
        return hidden;
    }

    private static String cell(OptionalDouble r, int hidden) {
        return r.isPresent() ? Format.cell(r) : hidden > 0 ? "*" : "-";
    }
}
