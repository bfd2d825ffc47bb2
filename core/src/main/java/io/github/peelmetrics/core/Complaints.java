package io.github.peelmetrics.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Complaints exported as agencies export them: one row per allegation (or per group of accused
 * officers sharing a type and finding), the complaint's own fields repeated on each row.
 *
 * <p>{@link #group(Collection)} turns such rows, each read as a {@link Complaint}, into one
 * complaint per id holding every row's allegations.
 */
public final class Complaints {
    private Complaints() {}

    /**
     * One complaint per id, in the order of each id's first row, with the allegations of all its
     * rows in row order.
     *
     * @throws IllegalArgumentException if two rows of one complaint disagree on received, closed,
     *                                  beat, complainant or source (the message names the complaint
     *                                  and the field), or name one officer twice with one allegation
     *                                  type
     */
    public static List<Complaint> group(Collection<Complaint> rows) {
        Objects.requireNonNull(rows, "rows must not be null");
        Map<String, List<Complaint>> byId = new LinkedHashMap<>();
        for (Complaint c : rows) {
            Objects.requireNonNull(c, "complaint row must not be null");
            byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c);
        }
        List<Complaint> out = new ArrayList<>(byId.size());
        for (List<Complaint> same : byId.values()) {
            Complaint first = same.get(0);
            if (same.size() == 1) {
                out.add(first);
                continue;
            }
            List<Allegation> all = new ArrayList<>();
            for (Complaint c : same) {
                agree(first, c, "received", first.received(), c.received());
                agree(first, c, "closed", first.closed(), c.closed());
                agree(first, c, "beat", first.beat(), c.beat());
                agree(first, c, "complainant", first.complainant(), c.complainant());
                agree(first, c, "source", first.source(), c.source());
                all.addAll(c.allegations());
            }
            out.add(new Complaint(first.id(), first.received(), first.closed(), first.beat(), all,
                    first.complainant(), first.source()));
        }
        return List.copyOf(out);
    }

    private static void agree(Complaint first, Complaint other, String field, Object a, Object b) {
        if (!a.equals(b)) {
            throw new IllegalArgumentException("rows of complaint " + first.id() + " disagree on " + field + ": "
                    + a + " and " + b);
        }
    }
}
