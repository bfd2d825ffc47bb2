package io.github.peelmetrics.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.testing.Conformance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The expected.json of a survey case folder, with the tolerances of the survey conformance README
 * and a record of what was checked, like the shared harness's {@code ConformanceCase} (whose
 * factory reads family files only; the survey cases are folders whose expected.json has no
 * tolerance block).
 *
 * <p>A number passes when {@code |actual − expected| <= tol · max(|expected|, 1e-3)}: relative, as
 * the README asks, with a floor so that an expected exact 0 (a one-respondent domain) accepts
 * rounding noise.
 */
final class Expected {
    final Path dir;
    final JsonNode root;
    private final Set<String> covered = new LinkedHashSet<>();

    Expected(Path dir) {
        this.dir = dir;
        this.root = Conformance.json(dir.resolve("expected.json"));
    }

    JsonNode at(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.isArray() && part.chars().allMatch(Character::isDigit) ? n.path(Integer.parseInt(part)) : n.path(part);
        }
        if (n.isMissingNode()) {
            fail(where(path) + ": no such expected value");
        }
        return n;
    }

    void number(String path, double actual, double tol) {
        JsonNode e = at(path);
        covered.add(path);
        if (e.isNull()) {
            assertTrue(Double.isNaN(actual), where(path) + ": expected null (undefined), got " + actual);
            return;
        }
        double x = e.asDouble();
        if (!(Math.abs(actual - x) <= tol * Math.max(Math.abs(x), 1e-3))) {
            fail(String.format(Locale.ROOT, "%s: expected %.17g, got %.17g (rel diff %.3g, tolerance %.1g)",
                    where(path), x, actual, Math.abs(actual - x) / Math.abs(x), tol));
        }
    }

    /** An absolute tolerance, for values that are rounding noise around 0 (margin errors). */
    void absolute(String path, double actual, double tol) {
        JsonNode e = at(path);
        covered.add(path);
        double x = e.asDouble();
        if (!(Math.abs(actual - x) <= tol)) {
            fail(String.format(Locale.ROOT, "%s: expected %.17g, got %.17g (abs tolerance %.3g)", where(path), x, actual, tol));
        }
    }

    void numbers(String path, double[] actual, double tol) {
        JsonNode e = at(path);
        assertEquals(e.size(), actual.length, where(path) + ": length");
        for (int i = 0; i < actual.length; i++) {
            number(path + "." + i, actual[i], tol);
        }
        covered.add(path);
    }

    void count(String path, long actual) {
        JsonNode e = at(path);
        covered.add(path);
        assertTrue(e.isIntegralNumber(), where(path) + " is not a count: " + e);
        assertEquals(e.asLong(), actual, where(path));
    }

    void countWithin(String path, long actual, long slack) {
        JsonNode e = at(path);
        covered.add(path);
        assertTrue(Math.abs(e.asLong() - actual) <= slack, where(path) + ": expected " + e + " ± " + slack + ", got " + actual);
    }

    void bool(String path, boolean actual) {
        JsonNode e = at(path);
        covered.add(path);
        assertEquals(e.asBoolean(), actual, where(path));
    }

    void text(String path, String actual) {
        JsonNode e = at(path);
        covered.add(path);
        assertEquals(e.asText(), actual, where(path));
    }

    void waive(String path, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to waive " + path);
        }
        at(path);
        covered.add(path);
    }

    int checkedCount() {
        return covered.size();
    }

    void assertAllChecked() {
        List<String> missing = new ArrayList<>();
        collect(root, "", missing);
        if (!missing.isEmpty()) {
            fail(where("") + ": expected values not checked: " + missing);
        }
    }

    private void collect(JsonNode n, String path, List<String> missing) {
        if (!path.isEmpty() && isCovered(path)) {
            return;
        }
        if (n.isObject() && !n.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), missing);
            }
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), path + "." + i, missing);
            }
        } else if (!path.isEmpty()) {
            missing.add(path);
        }
    }

    private boolean isCovered(String path) {
        // the path itself or any ancestor (prefix up to a dot) was checked or waived
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            if (covered.contains(path.substring(0, dot))) {
                return true;
            }
        }
        return covered.contains(path);
    }

    private String where(String path) {
        return dir.getFileName() + (path.isEmpty() ? "" : " " + path);
    }
}
