package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code ```jshell} example of docs/outcome.md runs in JShell on the sample city and prints
 * exactly the {@code ```text} block after it.
 */
class OutcomeDocSnippetsTest {

    @Test
    void theOutcomeDocExamplePrintsWhatTheDocShows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "outcome.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("```jshell");
        assertTrue(start >= 0, "docs/outcome.md has no jshell block");
        int end = lines.subList(start + 1, lines.size()).indexOf("```") + start + 1;
        int text = lines.subList(end, lines.size()).indexOf("```text") + end;
        int textEnd = lines.subList(text + 1, lines.size()).indexOf("```") + text + 1;
        String code = String.join("\n", lines.subList(start + 1, end));
        String expected = String.join("\n", lines.subList(text + 1, textEnd));
        assertEquals(normalise(expected), normalise(JShellRunner.run("docs/outcome.md", code)));
    }

    private static String normalise(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }
}
