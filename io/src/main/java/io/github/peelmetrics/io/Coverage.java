package io.github.peelmetrics.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which of a mapping's fields an input has no column for: the fields a read leaves unrecorded
 * (never read as "no" or zero), reported in the {@link ReadSummary}, and the explicitly mapped
 * columns that are absent, an error in strict mode.
 */
final class Coverage {
    private Coverage() {}

    /** The decision flags that an outcome code can fill. */
    private static final List<String> DECISIONS = List.of("arrest_made", "citation_issued", "warning_issued",
            "summons_issued");

    /** Whether the input has a column (or constant, or row number) for {@code field}. */
    static boolean present(Mapping<?> m, Columns cols, String field) {
        for (String c : m.columnsOf(field)) {
            if (c.equals(Mapping.ROW_NUMBER) || cols.indexOf(c) >= 0) {
                return true;
            }
        }
        return m.constantOf(field).isPresent();
    }

    /**
     * The first field that {@link Mapping#column} named columns for and that the input has none of,
     * as a rejection naming the field, its columns and the header's; null when there is none.
     */
    static Rejection missingMapped(Mapping<?> m, Columns cols, String source) {
        for (String f : m.mappedFields()) {
            if (!present(m, cols, f)) {
                return new Rejection(source, 1, f, String.join(", ", m.columnsOf(f)), "is mapped to "
                        + columns(m, f) + ", which the header does not have; the header's columns are: "
                        + String.join(", ", cols.names()));
            }
        }
        return null;
    }

    /**
     * One warning per field of the mapping's type that the input has no column for, saying that it
     * is not recorded; an explicitly mapped column that is absent is said loudly. Fields that
     * another column stands in for are left out (stops: {@code datetime} beside {@code date} and
     * {@code time}, {@code subject_age_group} when {@code subject_age} is present, {@code outcome}
     * when every decision flag has its column).
     */
    static List<String> notRecorded(Mapping<?> m, Columns cols) {
        List<String> out = new ArrayList<>();
        RecordType<?> type = m.type();
        boolean stops = type == RecordType.STOPS;
        boolean single = stops && present(m, cols, "datetime");
        boolean outcome = stops && present(m, cols, "outcome");
        for (String f : type.fields()) {
            if (present(m, cols, f)) {
                continue;
            }
            if (stops) {
                if (f.equals("datetime") || single && (f.equals("date") || f.equals("time"))
                        || f.equals("subject_age_group") && present(m, cols, "subject_age")
                        || f.equals("outcome") && DECISIONS.stream().allMatch(d -> present(m, cols, d))) {
                    continue;
                }
            }
            String what = stops && outcome && DECISIONS.contains(f)
                    ? "recorded only where " + String.join(" or ", m.columnsOf("outcome")) + " implies it"
                    : "not recorded";
            if (m.mappedFields().contains(f)) {
                out.add(String.format(Locale.ROOT, "WARNING %s is mapped to %s, which the header does not have; %s",
                        f, columns(m, f), what));
            } else {
                out.add(String.format(Locale.ROOT, "%s: no column %s; %s", f,
                        String.join(" or ", m.columnsOf(f)), what));
            }
        }
        return out;
    }

    private static String columns(Mapping<?> m, String f) {
        List<String> c = m.columnsOf(f);
        return (c.size() == 1 ? "column " : "columns ") + String.join(", ", c);
    }
}
