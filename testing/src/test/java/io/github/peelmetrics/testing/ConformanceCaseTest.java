package io.github.peelmetrics.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The harness itself: it must fail on a wrong value, a missing check and an undefined value answered with a number. */
class ConformanceCaseTest {

    private static ConformanceCase parse(String json) throws Exception {
        JsonNode family = new ObjectMapper().readTree("{\"software\":{},\"cases\":[" + json + "]}");
        return new ConformanceCase(Path.of("family.json"), family, family.get("cases").get(0));
    }

    private static final String CASE = "{\"id\":\"c1\",\"tolerance\":1e-9,"
            + "\"tolerance_overrides\":{\"info\":null,\"exact\":0},"
            + "\"expected\":{\"0.95\":{\"lo\":0.5,\"hi\":\"NaN\"},\"big\":1000.0,\"undef\":null,"
            + "\"info\":123,\"exact\":2.0,\"n\":7}}";

    @Test
    void passesWithinToleranceAndFailsOutsideIt() throws Exception {
        ConformanceCase c = parse(CASE);
        c.assertNumber("0.95.lo", 0.5 + 5e-10);
        c.assertNumber("0.95.hi", Double.NaN);
        c.assertNumber("big", 1000.0 * (1 + 5e-10)); // relative above 1
        c.assertOptional("undef", OptionalDouble.empty());
        c.assertNumber("info", -1); // informational: not asserted
        c.assertNumber("exact", 2.0);
        c.assertCount("n", 7);
        c.assertAllChecked();

        ConformanceCase d = parse(CASE);
        assertThrows(AssertionFailedError.class, () -> d.assertNumber("0.95.lo", 0.5 + 2e-9));
        assertThrows(AssertionFailedError.class, () -> d.assertNumber("0.95.hi", 1.0));
        assertThrows(AssertionFailedError.class, () -> d.assertNumber("exact", 2.0 + 1e-15));
        assertThrows(AssertionFailedError.class, () -> d.assertOptional("undef", OptionalDouble.of(0)));
        assertThrows(AssertionFailedError.class, () -> d.assertCount("n", 8));
        assertThrows(AssertionFailedError.class, () -> d.assertNumber("nosuch", 1));
    }

    @Test
    void anExpectedValueNoTestCheckedFailsTheCase() throws Exception {
        ConformanceCase c = parse(CASE);
        c.assertNumber("0.95.lo", 0.5);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, c::assertAllChecked);
        assertTrue(e.getMessage().contains("0.95.hi") && e.getMessage().contains("big"), e.getMessage());
    }

    @Test
    void aDottedOverrideWithListLevelsOmittedCoversEveryElement() throws Exception {
        ConformanceCase c = parse("{\"id\":\"c2\",\"tolerance\":1e-9,"
                + "\"tolerance_overrides\":{\"b.officers.flag\":null,\"b.ids\":null,\"a.x\":0},"
                + "\"expected\":{\"a\":{\"x\":1.0,\"y\":1.0},\"b\":{\"officers\":[{\"flag\":1,\"z\":0.5}],"
                + "\"ids\":[\"P1\"]},\"c\":{\"officers\":[{\"flag\":1}]}}}");
        c.assertCount("b.officers.0.flag", 0); // informational through the list level
        assertTrue(c.toleranceFor("b.officers.0.z").isPresent());
        c.assertTexts("b.ids", java.util.List.of("other"));
        assertThrows(AssertionFailedError.class, () -> c.assertNumber("a.x", 1.0 + 1e-15));
        c.assertNumber("a.y", 1.0 + 1e-15);
        assertThrows(AssertionFailedError.class, () -> c.assertCount("c.officers.0.flag", 0));
        assertThrows(AssertionFailedError.class, () -> parse(CASE).assertTexts("0.95.lo", java.util.List.of()));
    }
}
