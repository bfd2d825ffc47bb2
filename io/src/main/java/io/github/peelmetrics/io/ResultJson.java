package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.peelmetrics.core.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes any result as JSON: records by their components (no annotations needed), lists, maps,
 * numbers, strings, enums by name. {@code Optional}, {@code OptionalInt}, {@code OptionalLong} and
 * {@code OptionalDouble} are written as their value, or {@code null} when empty; a {@link Category}
 * as its code (also as a map key); {@code java.time} values in ISO-8601 text; NaN and infinities
 * as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. Properties appear in
 * component order. Thread-safe.
 */
public final class ResultJson {
    private ResultJson() {}

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(peelModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private static SimpleModule peelModule() {
        SimpleModule m = new SimpleModule("peel");
        m.addSerializer(Category.class, new JsonSerializer<>() {
            @Override
            public void serialize(Category c, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(c.code());
            }
        });
        m.addKeySerializer(Category.class, new JsonSerializer<>() {
            @Override
            public void serialize(Category c, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeFieldName(c.code());
            }
        });
        @SuppressWarnings({"rawtypes", "unchecked"})
        Class<Optional<?>> optional = (Class) Optional.class;
        m.addSerializer(optional, new JsonSerializer<Optional<?>>() {
            @Override
            public void serialize(Optional<?> o, JsonGenerator g, SerializerProvider p) throws IOException {
                if (o.isPresent()) {
                    p.defaultSerializeValue(o.get(), g);
                } else {
                    g.writeNull();
                }
            }
        });
        m.addSerializer(OptionalDouble.class, new JsonSerializer<>() {
            @Override
            public void serialize(OptionalDouble o, JsonGenerator g, SerializerProvider p) throws IOException {
                if (o.isPresent()) {
                    g.writeNumber(o.getAsDouble());
                } else {
                    g.writeNull();
                }
            }
        });
        m.addSerializer(OptionalInt.class, new JsonSerializer<>() {
            @Override
            public void serialize(OptionalInt o, JsonGenerator g, SerializerProvider p) throws IOException {
                if (o.isPresent()) {
                    g.writeNumber(o.getAsInt());
                } else {
                    g.writeNull();
                }
            }
        });
        m.addSerializer(OptionalLong.class, new JsonSerializer<>() {
            @Override
            public void serialize(OptionalLong o, JsonGenerator g, SerializerProvider p) throws IOException {
                if (o.isPresent()) {
                    g.writeNumber(o.getAsLong());
                } else {
                    g.writeNull();
                }
            }
        });
        return m;
    }

    /**
     * The JSON text of a result.
     *
     * @throws IllegalArgumentException naming the type when the value cannot be written
     */
    public static String toJson(Object result) {
        Objects.requireNonNull(result, "result must not be null");
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + result.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The JSON text of a result, indented for people. */
    public static String toPrettyJson(Object result) {
        Objects.requireNonNull(result, "result must not be null");
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + result.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Writes a result as JSON to {@code out} (not closed). */
    public static void write(Object result, Writer out) {
        Objects.requireNonNull(out, "output must not be null");
        try {
            out.write(toJson(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
