package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Every {@code ```jshell} block of {@code docs/*.md} runs in JShell against the built modules
 * (the bundled sample city included), and when a {@code ```text} block follows it, what the
 * snippet prints must equal that block, as {@link ReadmeSnippetsTest} does for the README.
 * (The metrics module's own {@code ```java} examples, which need no sample data, are run by its
 * {@code ReadmeExampleTest}s.)
 */
class DocsSnippetsTest {

    static Stream<ReadmeSnippetsTest.Snippet0> snippets() throws IOException {
        List<ReadmeSnippetsTest.Snippet0> out = new ArrayList<>();
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                out.addAll(snippets(doc));
            }
        }
        return out.stream();
    }

    private static List<ReadmeSnippetsTest.Snippet0> snippets(Path doc) {
        List<String> lines;
        try {
            lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ReadmeSnippetsTest.Snippet0> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```jshell")) {
                continue;
            }
            int end = i + 1;
            while (!lines.get(end).strip().equals("```")) {
                end++;
            }
            String code = String.join("\n", lines.subList(i + 1, end));
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
            out.add(new ReadmeSnippetsTest.Snippet0(doc.getFileName() + " line " + (i + 1), code, expected));
            i = end;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void docSnippetRunsAndPrintsWhatTheDocShows(ReadmeSnippetsTest.Snippet0 s) {
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
