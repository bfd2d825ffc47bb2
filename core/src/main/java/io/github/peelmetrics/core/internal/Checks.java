package io.github.peelmetrics.core.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;

/**
 * Argument checks and lookup errors shared by Peel's modules, with messages that name the
 * setting, its owner and the value, formatted with {@link Locale#ROOT}; NaN is rejected. Not API.
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
     * A name (of a variable, a level, a group): not null, not blank.
     *
     * @param what what the name is, for the message (e.g. {@code "variable name"})
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if it is blank
     */
    public static String name(String what, String name) {
        if (name == null) {
            throw new NullPointerException(what + " must not be null");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank: \"" + name + "\"");
        }
        return name;
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
        return new IllegalArgumentException(sb.append(list(held)).toString());
    }

    /** At most {@value #LISTED} values, comma-separated, then {@code , ... and N more}. */
    public static String list(Collection<?> values) {
        StringBuilder sb = new StringBuilder();
        Iterator<?> it = values.iterator();
        for (int i = 0; i < LISTED && it.hasNext(); i++) {
            sb.append(i == 0 ? "" : ", ").append(it.next());
        }
        if (values.size() > LISTED) {
            sb.append(String.format(Locale.ROOT, ", ... and %d more", values.size() - LISTED));
        }
        return sb.toString();
    }

    /**
     * An index checked to lie in [0, size).
     *
     * @param what  the kind of index, e.g. {@code row}
     * @param owner what it indexes, e.g. {@code count table stops}
     * @throws IndexOutOfBoundsException {@code <what> <index> of <owner> is outside [0, <size>)}
     */
    public static int index(String what, String owner, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT, "%s %d of %s is outside [0, %d)", what,
                    index, owner, size));
        }
        return index;
    }
}
