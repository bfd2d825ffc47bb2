package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script in examples/jshell runs to the end and prints what its last line promises. */
class JShellScriptsTest {

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("jshell"))) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
            assertFalse(all.isEmpty(), "no jshell scripts");
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void scriptRunsAndPrintsItsReport(Path script) throws IOException {
        String code = Files.readString(script, StandardCharsets.UTF_8);
        assertTrue(code.strip().endsWith("/exit"), script + " must end with /exit so the README command returns");
        String printed = JShellRunner.run(script.toString(), code);
        // Each script states in its first comment line the word its output must contain.
        String expect = code.lines().filter(l -> l.startsWith("// prints:")).findFirst()
                .map(l -> l.substring("// prints:".length()).strip()).orElseThrow(() -> new AssertionError(script + " has no // prints: line"));
        assertTrue(printed.contains(expect), script + " printed:\n" + printed);
    }
}
