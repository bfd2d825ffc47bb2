package io.github.peelmetrics.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of one read (or of one range of a file read in parallel), with the bounded structures
 * of {@link RecordStream}: the kept rejections (a prefix of all of them: once one is not kept, no
 * later one is) and the unknown values (the first distinct ones, by first occurrence; once full,
 * every new value counts under {@link ReadSummary#OTHER_VALUES}). Ranges merge in file order.
 */
final class Tallies {
    long accepted;
    long rejected;
    long records;
    final List<Rejection> kept = new ArrayList<>();
    private long keptChars;
    private boolean keptFull;
    /** Per field, per value (first occurrence order). */
    final Map<String, Map<String, Long>> unknown = new LinkedHashMap<>();
    private int distinct;
    private long unknownChars;
    private boolean unknownFull;
    boolean truncated;
    /** The warnings of null spellings read as values (see {@link Values#nullLike()}), sorted, bounded. */
    final java.util.TreeSet<String> nullLike = new java.util.TreeSet<>();

    /** Counts one record made of (or counted from) {@code rows} accepted rows. */
    void record(long rows) {
        accepted += rows;
        records++;
    }

    /** Keeps a rejection while the limits allow. */
    void keep(Rejection r) {
        if (!keptFull && kept.size() < RecordStream.MAX_KEPT_REJECTIONS
                && keptChars + r.chars() <= RecordStream.MAX_KEPT_REJECTION_CHARS) {
            kept.add(r);
            keptChars += r.chars();
        } else {
            keptFull = true;
            truncated = true;
        }
    }

    /** Counts {@code n} occurrences of an unknown value (cut to 200 characters). */
    void unknown(String field, String raw, long n) {
        String key = raw.length() > Rejection.MAX_VALUE_CHARS ? raw.substring(0, Rejection.MAX_VALUE_CHARS) + "..." : raw;
        Map<String, Long> values = unknown.get(field);
        if (values == null || !values.containsKey(key)) {
            if (key.equals(ReadSummary.OTHER_VALUES) || unknownFull || distinct >= RecordStream.MAX_UNKNOWN_VALUES
                    || unknownChars + key.length() + field.length() > RecordStream.MAX_UNKNOWN_CHARS) {
                unknownFull = !key.equals(ReadSummary.OTHER_VALUES) || unknownFull;
                truncated = true;
                key = ReadSummary.OTHER_VALUES;
            } else {
                distinct++;
                unknownChars += key.length() + (values == null ? field.length() : 0);
            }
            if (values == null) {
                values = new LinkedHashMap<>();
                unknown.put(field, values);
            }
        }
        values.merge(key, n, Long::sum);
    }

    /** Adds the null spellings a binder met (at most {@link Values#MAX_NULL_LIKE}; more truncate the summary). */
    void nullLike(java.util.Set<String> warnings) {
        for (String w : warnings) {
            if (nullLike.size() < Values.MAX_NULL_LIKE) {
                nullLike.add(w);
            } else if (!nullLike.contains(w)) {
                truncated = true;
            }
        }
        if (warnings.size() >= Values.MAX_NULL_LIKE) {
            truncated = true; // the binder may have met more than it kept
        }
    }

    /** A summary's warnings: the columns' ({@code columns}), then the null spellings read as values. */
    List<String> warnings(List<String> columns) {
        if (nullLike.isEmpty()) {
            return columns;
        }
        List<String> all = new ArrayList<>(columns);
        all.addAll(nullLike);
        return all;
    }

    /** Adds the tallies of the range after this one. */
    void merge(Tallies next) {
        accepted += next.accepted;
        rejected += next.rejected;
        records += next.records;
        truncated |= next.truncated;
        for (Rejection r : next.kept) {
            keep(r);
        }
        if (next.keptFull) {
            keptFull = true;
        }
        next.unknown.forEach((field, values) -> values.forEach((v, n) -> unknown(field, v, n)));
        nullLike(next.nullLike);
    }
}
