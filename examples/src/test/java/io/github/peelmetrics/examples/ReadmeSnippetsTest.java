package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ```jshell} block of the README and of {@code docs/*.md} runs in JShell against the
 * built modules, and when a {@code ```text} block follows it, what the snippet prints must equal
 * that block: the examples and the output they show cannot drift from the code.
 */
class ReadmeSnippetsTest {

    record Snippet0(String name, String code, String expectedOutput) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** README.md and every docs/*.md. */
    static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("..", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    static Stream<Snippet0> snippets() throws IOException {
        List<Snippet0> out = new ArrayList<>();
        for (Path doc : documents()) {
            out.addAll(snippets(doc.getFileName().toString(), Files.readAllLines(doc, StandardCharsets.UTF_8)));
        }
        assertFalse(out.stream().noneMatch(s -> s.name().startsWith("README.md")), "the README has no jshell snippets");
        return out.stream();
    }

    /** The {@code ```jshell} blocks of one document, each with the {@code ```text} block after it, if any. */
    static List<Snippet0> snippets(String name, List<String> lines) {
        List<Snippet0> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```jshell")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (!lines.get(end).strip().equals("```")) {
                end++;
            }
            String code = String.join("\n", lines.subList(start, end));
            String expected = null;
            int j = end + 1;
            while (j < lines.size() && lines.get(j).isBlank()) {
                j++;
            }
            if (j < lines.size() && lines.get(j).strip().equals("```text")) {
                int k = j + 1;
                while (!lines.get(k).strip().equals("```")) {
                    k++;
                }
                expected = String.join("\n", lines.subList(j + 1, k));
            }
            out.add(new Snippet0(name + " line " + (i + 1), code, expected));
            i = end;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void snippetRunsAndPrintsWhatTheDocumentShows(Snippet0 s) {
        String printed = JShellRunner.run(s.name(), s.code());
        if (s.expectedOutput() != null) {
            assertEquals(normalise(s.expectedOutput()), normalise(printed),
                    s + ": the document shows other output than the snippet prints");
        }
    }

    private static String normalise(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }
}
