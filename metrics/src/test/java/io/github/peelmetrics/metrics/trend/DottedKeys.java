package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.testing.ConformanceCase;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The harness addresses expected values by dotted paths, so a key that itself holds a dot (R
 * function names such as {@code R_prop.test_chi_square} or {@code p_value_R_poisson.test}) can be
 * neither asserted nor waived through it. {@link #assertNumber} checks such a leaf with the same
 * tolerance rule; {@link #assertAllCheckedExcept} then requires that {@code assertAllChecked}
 * reports exactly those leaves, and nothing else, as unchecked.
 */
final class DottedKeys {
    private DottedKeys() {}

    /** Asserts the number at {@code keys} (each a literal key, dots included) under the case tolerance. */
    static void assertNumber(ConformanceCase c, double actual, String... keys) {
        JsonNode n = c.expected();
        for (String k : keys) {
            n = n.isArray() ? n.get(Integer.parseInt(k)) : n.get(k);
            assertTrue(n != null, c.id() + ": no expected value at " + String.join("/", keys));
        }
        double expected = ConformanceCase.number(n);
        double tol = c.node().get("tolerance").asDouble();
        assertTrue(ConformanceCase.close(expected, actual, tol),
                c.id() + " " + String.join("/", keys) + ": expected " + expected + ", got " + actual);
    }

    /** Requires that the only unchecked leaves are {@code manual}, in the harness's order. */
    static void assertAllCheckedExcept(ConformanceCase c, String... manual) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, c::assertAllChecked);
        List<String> list = new ArrayList<>(List.of(manual));
        assertTrue(e.getMessage().endsWith("expected values not checked by the test: " + list), e.getMessage());
    }
}
