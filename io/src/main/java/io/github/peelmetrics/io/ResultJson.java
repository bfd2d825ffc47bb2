package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Tally;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Writes a result as JSON, whole, or not at all. What it writes:
 * <ul>
 * <li>a record as an object of its components, in component order, read through their accessors
 *     (no annotations needed; other methods of the record are not written);</li>
 * <li>a {@link Tally} as its {@link Tally#result() result};</li>
 * <li>an enum constant as its name, a {@link Category} as its code (also as a map key);</li>
 * <li>a {@code java.util} collection or array as an array, a map as an object (keys: strings,
 *     categories, enum constants, numbers, booleans and {@code java.time} values, as text);</li>
 * <li>{@code Optional}, {@code OptionalInt}, {@code OptionalLong} and {@code OptionalDouble} as
 *     their value, or {@code null} when empty;</li>
 * <li>{@code java.time} values in their ISO-8601 text ({@code toString});</li>
 * <li>numbers ({@code int}, {@code long}, {@code double}, ... and {@code BigInteger},
 *     {@code BigDecimal}) as numbers, NaN and infinities as the strings {@code "NaN"},
 *     {@code "Infinity"}, {@code "-Infinity"}; strings, characters and booleans as themselves.</li>
 * </ul>
 * Any other type, at any depth of the value, is an {@link IllegalArgumentException} that names the
 * type and the path to it ({@code report.table.rows[0].counts: cannot write ...StopTally}), and
 * nothing is written: a class that is not a record would otherwise come out as {@code {}} or as
 * whatever getters it happens to have. Thread-safe.
 */
public final class ResultJson {
    private ResultJson() {}

    /** Deepest nesting written; deeper is taken for a cycle. */
    static final int MAX_DEPTH = 100;

    private static final String WHAT_IS_WRITTEN = "ResultJson writes records (by their components), tallies (as "
            + "their result), enums, categories, java.util collections, maps and optionals, java.time values, numbers, "
            + "strings and booleans";

    /** Each record class's accessors, in component order, made accessible once. */
    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            RecordComponent[] comps = type.getRecordComponents();
            String[] names = new String[comps.length];
            Method[] methods = new Method[comps.length];
            for (int i = 0; i < comps.length; i++) {
                names[i] = comps[i].getName();
                methods[i] = comps[i].getAccessor();
                methods[i].trySetAccessible(); // when it cannot be, invoking it says so, with the path

            }
            return new Accessors(names, methods);
        }
    };

    private record Accessors(String[] names, Method[] methods) {}

    /**
     * The JSON text of a result.
     *
     * @throws IllegalArgumentException naming the type and its path when a part of the value is of
     *                                  a type that ResultJson does not write
     */
    public static String toJson(Object result) {
        return write(result, false);
    }

    /**
     * The JSON text of a result, indented for people.
     *
     * @throws IllegalArgumentException as {@link #toJson(Object)}
     */
    public static String toPrettyJson(Object result) {
        return write(result, true);
    }

    /**
     * Writes a result as JSON to {@code out} (not closed). Nothing is written when the value cannot
     * be written whole.
     *
     * @throws IllegalArgumentException as {@link #toJson(Object)}
     * @throws UncheckedIOException     when writing to {@code out} fails
     */
    public static void write(Object result, Writer out) {
        Objects.requireNonNull(out, "output must not be null");
        String json = toJson(result);
        try {
            out.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object result, boolean pretty) {
        Objects.requireNonNull(result, "result must not be null");
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Jackson.JSON.createGenerator(text)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            value(result, g, rootName(result), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** The first word of paths: the root's class name in lower camel case ({@code disparityTable}), or {@code result}. */
    private static String rootName(Object result) {
        Class<?> c = result.getClass();
        String simple = c.getSimpleName();
        if (simple.isEmpty() || c.getPackageName().startsWith("java.")) {
            return "result";
        }
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static void value(Object v, JsonGenerator g, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + ": cannot write a value nested more than " + MAX_DEPTH
                    + " levels deep (does it hold itself?)");
        }
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Character c) {
            g.writeString(c.toString());
        } else if (v instanceof Double d) {
            number(d, g);
        } else if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                number(f.doubleValue(), g);
            } else {
                g.writeNumber(f);
            }
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Category c) {
            g.writeString(c.code());
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof Optional<?> o) {
            value(o.orElse(null), g, path, depth + 1);
        } else if (v instanceof OptionalDouble o) {
            if (o.isPresent()) {
                number(o.getAsDouble(), g);
            } else {
                g.writeNull();
            }
        } else if (v instanceof OptionalLong o) {
            if (o.isPresent()) {
                g.writeNumber(o.getAsLong());
            } else {
                g.writeNull();
            }
        } else if (v instanceof OptionalInt o) {
            if (o.isPresent()) {
                g.writeNumber(o.getAsInt());
            } else {
                g.writeNull();
            }
        } else if (isTime(v.getClass())) {
            g.writeString(v.toString());
        } else if (v instanceof Tally<?, ?, ?> t) {
            value(t.result(), g, path, depth + 1);
        } else if (v.getClass().isRecord()) {
            record(v, g, path, depth);
        } else if (v instanceof Map<?, ?> m && !isPeel(v.getClass())) {
            map(m, g, path, depth);
        } else if (v instanceof Collection<?> c && !isPeel(v.getClass())) {
            g.writeStartArray();
            int i = 0;
            for (Object e : c) {
                value(e, g, path + "[" + i++ + "]", depth + 1);
            }
            g.writeEndArray();
        } else if (v.getClass().isArray()) {
            g.writeStartArray();
            for (int i = 0, n = Array.getLength(v); i < n; i++) {
                value(Array.get(v, i), g, path + "[" + i + "]", depth + 1);
            }
            g.writeEndArray();
        } else {
            throw cannotWrite(path, v.getClass());
        }
    }

    private static void number(double d, JsonGenerator g) throws IOException {
        if (Double.isNaN(d)) {
            g.writeString("NaN");
        } else if (Double.isInfinite(d)) {
            g.writeString(d > 0 ? "Infinity" : "-Infinity");
        } else {
            g.writeNumber(d);
        }
    }

    private static void record(Object r, JsonGenerator g, String path, int depth) throws IOException {
        Accessors a = ACCESSORS.get(r.getClass());
        g.writeStartObject();
        for (int i = 0; i < a.names.length; i++) {
            String at = path + "." + a.names[i];
            Object v;
            try {
                v = a.methods[i].invoke(r);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException(at + ": cannot read component " + a.names[i] + " of "
                        + r.getClass().getName() + ": its module does not open it to io.github.peelmetrics.io", e);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(at + ": accessor " + a.names[i] + "() of " + r.getClass().getName()
                        + " threw " + e.getCause(), e.getCause());
            }
            g.writeFieldName(a.names[i]);
            value(v, g, at, depth + 1);
        }
        g.writeEndObject();
    }

    private static void map(Map<?, ?> m, JsonGenerator g, String path, int depth) throws IOException {
        g.writeStartObject();
        Set<String> written = new HashSet<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = key(e.getKey(), path);
            if (!written.add(key)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: cannot write two keys of the map as \"%s\" (the second is %s)", path, key, e.getKey()));
            }
            g.writeFieldName(key);
            value(e.getValue(), g, path + "[" + key + "]", depth + 1);
        }
        g.writeEndObject();
    }

    private static String key(Object k, String path) {
        if (k instanceof String s) {
            return s;
        }
        if (k instanceof Category c) {
            return c.code();
        }
        if (k instanceof Enum<?> e) {
            return e.name();
        }
        if (k instanceof Boolean || k instanceof Character || k instanceof Integer || k instanceof Long
                || k instanceof Short || k instanceof Byte || k instanceof Double || k instanceof Float
                || k instanceof BigInteger || k instanceof BigDecimal || (k != null && isTime(k.getClass()))) {
            return k.toString();
        }
        if (k == null) {
            throw new IllegalArgumentException(path + ": cannot write a map key that is null");
        }
        throw new IllegalArgumentException(path + ": cannot write a map key of type " + k.getClass().getName()
                + " (keys are strings, categories, enum constants, numbers, booleans and java.time values)");
    }

    static IllegalArgumentException cannotWrite(String path, Class<?> type) {
        return new IllegalArgumentException(path + ": cannot write " + type.getName() + " as JSON: " + WHAT_IS_WRITTEN
                + (isPeel(type) ? "; a Peel result must be a record or a Tally" : ""));
    }

    private static boolean isTime(Class<?> c) {
        return c.getPackageName().equals("java.time");
    }

    private static boolean isPeel(Class<?> c) {
        return c.getPackageName().startsWith("io.github.peelmetrics.");
    }
}
