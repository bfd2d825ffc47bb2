package io.github.peelmetrics.metrics.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;

/**
 * The checks every metrics package makes the same way: a confidence level, and a lookup of a
 * key, group or id that a result does not hold. <b>Not API</b> (see the package).
 */
public final class Checks {

    /** Lookup errors list at most this many of the held values. */
    public static final int LISTED = 20;

    private Checks() {}

    /**
     * The confidence level, checked to lie in (0, 1) (NaN rejected).
     *
     * @param level the level
     * @param owner what it is the level of, named in the message (e.g. {@code MannKendall})
     * @return {@code level}
     * @throws IllegalArgumentException {@code confidence level of <owner> must be in (0, 1): <level>}
     */
    public static double level(double level, String owner) {
        return openUnit("confidence level", owner, level);
    }

    /**
     * A probability-like setting (a significance level, a false discovery rate), checked to lie
     * in (0, 1) (NaN rejected).
     *
     * @param field what the value is, e.g. {@code alpha}
     * @param owner what it is the setting of, e.g. {@code disparity}
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code <field> of <owner> must be in (0, 1): <value>}
     */
    public static double openUnit(String field, String owner, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s of %s must be in (0, 1): %s", field,
                    owner, value));
        }
        return value;
    }

    /**
     * The error for a lookup of something a result does not hold, naming the bad value and listing
     * what is held (at most {@value #LISTED}, then {@code ... and N more}), e.g.
     * {@code disparity table has no key "B3"; it holds 8: B01, B02, ...}.
     *
     * @param owner what was asked, e.g. {@code disparity table}
     * @param what  the kind of value, e.g. {@code key}
     * @param value the value asked for
     * @param held  the values it holds, in the order to list them
     * @return the exception, to throw
     */
    public static IllegalArgumentException notHeld(String owner, String what, Object value, Collection<?> held) {
        Objects.requireNonNull(held, "held");
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s has no %s \"%s\"", owner, what, value));
        if (held.isEmpty()) {
            return new IllegalArgumentException(sb.append(" (it holds none)").toString());
        }
        sb.append(String.format(Locale.ROOT, "; it holds %d: ", held.size()));
        Iterator<?> it = held.iterator();
        for (int i = 0; i < LISTED && it.hasNext(); i++) {
            sb.append(i == 0 ? "" : ", ").append(it.next());
        }
        if (held.size() > LISTED) {
            sb.append(String.format(Locale.ROOT, ", ... and %d more", held.size() - LISTED));
        }
        return new IllegalArgumentException(sb.toString());
    }
}
