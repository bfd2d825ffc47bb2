package io.github.peelmetrics.io;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The counts of one read: rows read, accepted and rejected, records produced, the raw values
 * that were read as unknown or kept as categories of their own (see {@link UnknownValues}), and
 * warnings: each field the input has no column for, which every record therefore leaves
 * unrecorded (an unknown flag, an empty optional, an unknown category; never "no" or zero), and
 * each common spelling of a missing value that was read as a value.
 *
 * <p>{@code read == accepted + rejected} always holds (the constructor checks it). Rows are data
 * rows of a CSV file (the header and blank lines are not rows) or non-blank lines of a JSON-lines
 * file. {@code records} equals {@code accepted} except for beats, where several rows (one per
 * population group) make one {@code Beat}.
 *
 * @param source        the file (or stream name)
 * @param read          rows read
 * @param accepted      rows that went into records
 * @param rejected      rows rejected
 * @param records       records produced
 * @param unknownValues per field, per raw value, how many times it was read as unknown or kept
 *                      (unmodifiable, sorted)
 * @param firstRejections the first few rejections (at most 3), for {@link #toString()}
 * @param warnings      one line per field that the input has no column for, such as
 *                      {@code frisk_performed: no column frisk_performed; not recorded}; a column
 *                      that the mapping named explicitly and the input lacks starts with
 *                      {@code WARNING} (in {@link ErrorMode#STRICT} mode it fails the read instead);
 *                      then, sorted, one line per column and raw value that is a common spelling of
 *                      a missing value ({@code NULL}, {@code N/A}, {@code -}, ...) read as a text
 *                      value because the mapping's missing tokens do not include it, such as
 *                      {@code WARNING beat holds "NULL", a common spelling of a missing value, ...}
 *                      (a tally of stop facts warns about the fields it reads)
 * @param truncated     whether a per-read structure reached its limit (see {@link RecordStream}): the
 *                      counts stay exact, but some unknown values are counted under
 *                      {@value #OTHER_VALUES} and some rejections were counted without being kept
 * @param stoppedEarly  whether the read stopped before the end of the input (a fault that ends
 *                      reading, see the last rejection): the counts cover only the rows read
 */
public record ReadSummary(String source, long read, long accepted, long rejected, long records,
        Map<String, Map<String, Long>> unknownValues, List<Rejection> firstRejections, List<String> warnings,
        boolean truncated, boolean stoppedEarly) {

    /**
     * The key under which unknown values are counted once the distinct values kept reach their
     * limit (see {@link RecordStream#MAX_UNKNOWN_VALUES}).
     */
    public static final String OTHER_VALUES = "(other values, not kept)";

    /** Validates the counts and copies the maps. */
    public ReadSummary {
        Objects.requireNonNull(source, "source of read summary must not be null");
        if (read < 0 || accepted < 0 || rejected < 0 || records < 0 || read != accepted + rejected) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "read summary of %s must have read = accepted + rejected, all non-negative: %d, %d, %d",
                    source, read, accepted, rejected));
        }
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        Objects.requireNonNull(unknownValues, "unknownValues of read summary must not be null")
                .forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        unknownValues = Collections.unmodifiableMap(copy);
        firstRejections = List.copyOf(Objects.requireNonNull(firstRejections,
                "firstRejections of read summary must not be null"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings of read summary must not be null"));
    }

    /** A complete, untruncated summary. */
    public ReadSummary(String source, long read, long accepted, long rejected, long records,
            Map<String, Map<String, Long>> unknownValues, List<Rejection> firstRejections, List<String> warnings) {
        this(source, read, accepted, rejected, records, unknownValues, firstRejections, warnings, false, false);
    }

    /** How many values of a field were read as unknown or kept (0 when none). */
    public long unknownCount(String field) {
        return unknownValues.getOrDefault(field, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * {@code stops.csv: 1500 read, 1497 accepted, 3 rejected (line 88: approve "maybe" is not an
     * integer; ...)}, then each warning on a line of its own, then {@code STOPPED EARLY} and
     * {@code TRUNCATED} lines when they apply.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d read, %d accepted, %d rejected",
                source, read, accepted, rejected));
        if (records != accepted) {
            sb.append(String.format(Locale.ROOT, ", %d records", records));
        }
        if (!firstRejections.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < firstRejections.size(); i++) {
                Rejection r = firstRejections.get(i);
                sb.append(i > 0 ? "; " : "").append(String.format(Locale.ROOT, "line %d: %s \"%s\" %s",
                        r.line(), r.field(), r.value(), r.reason()));
            }
            sb.append(rejected > firstRejections.size() ? "; ...)" : ")");
        }
        unknownValues.forEach((field, values) -> sb.append(String.format(Locale.ROOT, "; %s unknown %s",
                field, values)));
        for (String w : warnings) {
            sb.append("\n  ").append(w);
        }
        if (stoppedEarly) {
            sb.append("\n  STOPPED EARLY: the rest of the input was not read (see the last rejection); "
                    + "the counts cover only the rows read");
        }
        if (truncated) {
            sb.append("\n  TRUNCATED: a per-read limit was reached; the counts are exact, but some unknown values "
                    + "are counted under " + OTHER_VALUES + " or some rejections were counted without being kept");
        }
        return sb.toString();
    }
}
