package io.github.peelmetrics.metrics.disparity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Runs the JShell example of docs/disparity.md through the JShell API and checks that it prints
 * exactly the output the document shows, so the README section cannot drift from the code.
 */
class ReadmeExampleTest {

    private static final Path DOC = Path.of("..", "docs", "disparity.md");

    private static String block(String doc, String fence, int from) {
        int start = doc.indexOf(fence, from);
        assertTrue(start >= 0, "no " + fence + " block in " + DOC);
        start = doc.indexOf('\n', start) + 1;
        int end = doc.indexOf("\n```", start);
        return doc.substring(start, end + 1);
    }

    @Test
    void theReadmeExamplePrintsWhatTheReadmeShows() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int section = doc.indexOf("## README section");
        String code = block(doc, "```java", section);
        String shown = block(doc, "```\n", doc.indexOf("prints", doc.indexOf("```java", section)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (JShell js = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                js.addToClasspath(entry);
            }
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            SourceCodeAnalysis sca = js.sourceCodeAnalysis();
            String rest = code;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
                List<SnippetEvent> events = js.eval(info.source());
                for (SnippetEvent e : events) {
                    if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                        System.setOut(saved);
                        fail("snippet failed: " + info.source() + " " + e.exception() + " "
                                + js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
                    }
                }
                rest = info.remaining();
            }
        } finally {
            System.setOut(saved);
        }
        assertEquals(shown, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
