package io.github.peelmetrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One reference case of a family file, with the conformance tolerance rule.
 *
 * <p>A value passes when {@code |actual - expected| <= tolerance * max(1, |expected|)}; the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} are the IEEE values and must be
 * matched exactly; a JSON {@code null} means "not defined" and must be answered with an empty
 * optional. {@code tolerance_overrides} maps a key (at any depth, covering its subtree), or a dotted
 * path of keys with list levels omitted, to its own tolerance: {@code 0} exact, {@code null}
 * informational.
 *
 * <p>Every check records the path it covered. {@link #assertAllChecked()} fails when an expected
 * leaf was neither checked nor explicitly {@linkplain #informational(String, String) waived}, so a
 * case whose expected field the code cannot produce fails instead of passing in silence.
 */
public final class ConformanceCase {

    private final Path file;
    private final JsonNode family;
    private final JsonNode node;
    private final Set<String> covered = new LinkedHashSet<>();

    ConformanceCase(Path file, JsonNode family, JsonNode node) {
        this.file = file;
        this.family = family;
        this.node = node;
    }

    /** The case id. */
    public String id() {
        return node.path("id").asText("(no id)");
    }

    /** The folder holding the family file, against which data-file paths resolve. */
    public Path dir() {
        return file.getParent();
    }

    /** The family file. */
    public Path file() {
        return file;
    }

    /** The whole case node. */
    public JsonNode node() {
        return node;
    }

    /** The family file node (software block, conventions). */
    public JsonNode family() {
        return family;
    }

    /** The {@code input} block. */
    public JsonNode input() {
        return node.path("input");
    }

    /**
     * The data file named by {@code input.<key>}, in the case's folder, after checking that its
     * SHA-256 is {@code input.<key>_sha256} (the file the reference was computed from).
     *
     * @param key the input's key, such as {@code "stops_csv"}
     * @return the file's path
     */
    public Path inputFile(String key) {
        Path p = dir().resolve(input().get(key).asText());
        assertEquals(input().get(key + "_sha256").asText(), sha256(p), p + " differs from the case's file");
        return p;
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(file)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code expected} block. */
    public JsonNode expected() {
        return node.path("expected");
    }

    /** The {@code kind} of the case, or an empty string. */
    public String kind() {
        return node.path("kind").asText("");
    }

    /** The provenance line: the case's oracle and the file's software block. */
    public String provenance() {
        return node.path("oracle").asText("") + " | software " + family.path("software");
    }

    /**
     * The expected node at a dotted path (array elements by index), or a missing node. Keys may
     * themselves contain dots ({@code "0.95"}, {@code "R_fisher.test"}): at each level the longest
     * key that matches the rest of the path is taken.
     */
    public JsonNode expectedAt(String path) {
        JsonNode n = expected();
        for (String part : parts(path)) {
            n = n.isArray() ? n.path(Integer.parseInt(part)) : n.path(part);
        }
        return n;
    }

    /** Splits a dotted path into the keys of {@code expected}, matching keys that contain dots. */
    private List<String> parts(String path) {
        List<String> out = new ArrayList<>();
        JsonNode n = expected();
        String rest = path;
        while (!rest.isEmpty()) {
            String key = null;
            if (n.isObject()) {
                for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if ((rest.equals(k) || rest.startsWith(k + ".")) && (key == null || k.length() > key.length())) {
                        key = k;
                    }
                }
            }
            if (key == null) {
                int dot = rest.indexOf('.');
                key = dot < 0 ? rest : rest.substring(0, dot);
            }
            out.add(key);
            n = n.isArray() && key.chars().allMatch(Character::isDigit) ? n.path(Integer.parseInt(key)) : n.path(key);
            rest = rest.length() == key.length() ? "" : rest.substring(key.length() + 1);
        }
        return out;
    }

    /**
     * The tolerance that applies to a dotted path: the deepest override whose key names a part of
     * the path, else the case tolerance, else the family's. Empty when the key is informational.
     * An override key may be a dotted path with list levels omitted
     * ({@code funnelplotr_cqc.officers.outlier_998} covers {@code funnelplotr_cqc.officers.3.outlier_998});
     * at each depth the longest such path ending there is tried first, then the single key.
     */
    public OptionalDouble toleranceFor(String path) {
        JsonNode overrides = node.path("tolerance_overrides");
        List<String> parts = parts(path);
        List<String> keys = new ArrayList<>();
        List<Integer> keyAt = new ArrayList<>();
        JsonNode n = expected();
        for (int i = 0; i < parts.size(); i++) {
            if (!n.isArray()) {
                keys.add(parts.get(i));
                keyAt.add(i);
            }
            n = n.isArray() && parts.get(i).chars().allMatch(Character::isDigit)
                    ? n.path(Integer.parseInt(parts.get(i))) : n.path(parts.get(i));
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            int k = keyAt.indexOf(i);
            for (int from = 0; k >= 0 && from < k; from++) {
                String dotted = String.join(".", keys.subList(from, k + 1));
                if (overrides.has(dotted)) {
                    JsonNode o = overrides.get(dotted);
                    return o.isNull() ? OptionalDouble.empty() : OptionalDouble.of(o.asDouble());
                }
            }
            if (overrides.has(parts.get(i))) {
                JsonNode o = overrides.get(parts.get(i));
                return o.isNull() ? OptionalDouble.empty() : OptionalDouble.of(o.asDouble());
            }
        }
        if (node.has("tolerance")) {
            return OptionalDouble.of(node.get("tolerance").asDouble());
        }
        if (family.has("tolerance") && family.get("tolerance").isNumber()) {
            return OptionalDouble.of(family.get("tolerance").asDouble());
        }
        throw new IllegalStateException(file + " case " + id() + " states no tolerance for " + path);
    }

    /** Reads a number as a double, decoding {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. */
    public static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            switch (n.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new IllegalArgumentException("not a number: " + n);
    }

    /** Whether {@code actual} passes against {@code expected} under the conformance rule. */
    public static boolean close(double expected, double actual, double tolerance) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(expected, actual) == 0;
        }
        return Math.abs(actual - expected) <= tolerance * Math.max(1.0, Math.abs(expected));
    }

    /** Asserts a number at a dotted path under the tolerance rule (skipped when informational). */
    public void assertNumber(String path, double actual) {
        JsonNode e = require(path);
        covered.add(path);
        OptionalDouble tol = toleranceFor(path);
        if (tol.isEmpty()) {
            return;
        }
        if (e.isNull()) {
            fail(where(path) + ": expected null (not defined), got " + actual);
        }
        double expected = number(e);
        if (!close(expected, actual, tol.getAsDouble())) {
            fail(String.format(Locale.ROOT, "%s: expected %.17g, got %.17g (diff %.3g, tolerance %.3g)",
                    where(path), expected, actual, Math.abs(actual - expected), tol.getAsDouble()));
        }
    }

    /** Asserts a value that may be undefined: a JSON null must be empty, a number must match. */
    public void assertOptional(String path, OptionalDouble actual) {
        JsonNode e = require(path);
        if (e.isNull()) {
            covered.add(path);
            if (toleranceFor(path).isPresent()) {
                assertTrue(actual.isEmpty(), where(path) + ": expected null (not defined), got " + actual);
            }
            return;
        }
        if (actual.isEmpty()) {
            covered.add(path);
            if (toleranceFor(path).isPresent()) {
                fail(where(path) + ": expected " + e + ", got nothing");
            }
            return;
        }
        assertNumber(path, actual.getAsDouble());
    }

    /** Asserts an array of numbers element by element. */
    public void assertNumbers(String path, double[] actual) {
        JsonNode e = require(path);
        assertTrue(e.isArray(), where(path) + " is not an array");
        assertEquals(e.size(), actual.length, where(path) + ": length");
        for (int i = 0; i < actual.length; i++) {
            assertNumber(path + "." + i, actual[i]);
        }
        covered.add(path);
    }

    /** Asserts a count (an integer) exactly. */
    public void assertCount(String path, long actual) {
        JsonNode e = require(path);
        covered.add(path);
        if (toleranceFor(path).isEmpty()) {
            return;
        }
        assertTrue(e.isIntegralNumber() || (e.isNumber() && e.asDouble() == Math.rint(e.asDouble())),
                where(path) + " is not a count: " + e);
        assertEquals(e.asLong(), actual, where(path));
    }

    /** Asserts a boolean exactly. */
    public void assertBoolean(String path, boolean actual) {
        JsonNode e = require(path);
        covered.add(path);
        assertTrue(e.isBoolean(), where(path) + " is not a boolean: " + e);
        assertEquals(e.asBoolean(), actual, where(path));
    }

    /** Asserts a text value exactly. */
    public void assertText(String path, String actual) {
        JsonNode e = require(path);
        covered.add(path);
        assertEquals(e.asText(), actual, where(path));
    }

    /**
     * Asserts a list of texts (e.g. ids) exactly and in order; skipped when the path is
     * informational.
     */
    public void assertTexts(String path, List<String> actual) {
        JsonNode e = require(path);
        covered.add(path);
        if (toleranceFor(path).isEmpty()) {
            return;
        }
        assertTrue(e.isArray(), where(path) + " is not a list: " + e);
        List<String> expected = new ArrayList<>();
        e.forEach(x -> expected.add(x.asText()));
        assertEquals(expected, actual, where(path));
    }

    /** Asserts that a value is not defined (JSON null) and the code says so with an empty optional. */
    public void assertUndefined(String path, Optional<?> actual) {
        JsonNode e = require(path);
        covered.add(path);
        assertTrue(e.isNull(), where(path) + ": expected a value " + e + ", the code says undefined");
        assertTrue(actual.isEmpty(), where(path) + ": expected undefined, got " + actual);
    }

    /**
     * Marks a path (and its subtree) as deliberately not asserted, with the reason; use for
     * informational values such as another oracle's figure. The reason shows in no output but
     * must be written, so the choice is visible in the test.
     */
    public void informational(String path, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to waive " + path);
        }
        require(path);
        covered.add(path);
    }

    /** Fails listing every expected leaf that no check covered. */
    public void assertAllChecked() {
        List<String> missing = new ArrayList<>();
        collectLeaves(expected(), "", missing);
        if (!missing.isEmpty()) {
            fail(where("") + ": expected values not checked by the test: " + missing);
        }
    }

    private void collectLeaves(JsonNode n, String path, List<String> missing) {
        if (!path.isEmpty() && isCovered(path)) {
            return;
        }
        if (n.isObject() && !n.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collectLeaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), missing);
            }
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                collectLeaves(n.get(i), path + "." + i, missing);
            }
        } else if (!path.isEmpty()) {
            missing.add(path);
        }
    }

    private boolean isCovered(String path) {
        for (String c : covered) {
            if (path.equals(c) || path.startsWith(c + ".")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode require(String path) {
        JsonNode e = expectedAt(path);
        if (e.isMissingNode()) {
            fail(where(path) + ": no such expected value");
        }
        return e;
    }

    private String where(String path) {
        return file.getFileName() + " case " + id() + (path.isEmpty() ? "" : " " + path);
    }

    @Override
    public String toString() {
        return id();
    }
}
