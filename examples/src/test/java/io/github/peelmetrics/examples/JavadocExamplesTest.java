package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers in Javadoc cannot drift from the code: every {@code <pre>{@code ...}</pre>} block in the
 * main sources of the published modules that holds {@code jshell> } lines runs in JShell, with every
 * Peel package, {@code java.util} and {@code java.time} imported, and what each entry shows must be
 * what it gives.
 *
 * <p>The form: a line {@code jshell> code} starts an entry, lines {@code ...> code} continue it,
 * and the lines after it, up to the next {@code jshell>} line or the end of the block, are what it
 * shows: what the entry printed, or when it printed nothing, {@code String.valueOf} of its value (an
 * expression's, or a declared variable's). An entry with no lines after it must run without error.
 */
class JavadocExamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("core", "survey", "metrics", "io");

    record Entry(String code, String shown) {}

    record Example(String where, List<Entry> entries) {
        @Override
        public String toString() {
            return where;
        }
    }

    static List<Path> sources() {
        List<Path> out = new ArrayList<>();
        for (String m : MODULES) {
            Path dir = ROOT.resolve(m).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Stream<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        for (Path file : sources()) {
            out.addAll(parse(ROOT.relativize(file).toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return out.stream();
    }

    /** The jshell examples of one source file. */
    static List<Example> parse(String name, List<String> lines) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!javadocText(lines.get(i)).startsWith("<pre>{@code")) {
                continue;
            }
            int start = i;
            List<String> block = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !javadocText(lines.get(j)).startsWith("}</pre>")) {
                block.add(javadocText(lines.get(j)));
                j++;
            }
            i = j;
            if (block.stream().noneMatch(l -> l.startsWith("jshell> "))) {
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            StringBuilder code = null;
            List<String> shown = new ArrayList<>();
            for (String l : block) {
                if (l.startsWith("jshell> ")) {
                    if (code != null) {
                        entries.add(new Entry(code.toString(), String.join("\n", shown)));
                    }
                    code = new StringBuilder(l.substring("jshell> ".length()));
                    shown = new ArrayList<>();
                } else if (code != null && shown.isEmpty() && l.stripLeading().startsWith("...> ")) {
                    code.append('\n').append(l.stripLeading().substring("...> ".length()));
                } else if (code != null) {
                    shown.add(l);
                }
            }
            entries.add(new Entry(code.toString(), String.join("\n", shown)));
            out.add(new Example(name + ":" + (start + 1), entries));
        }
        return out;
    }

    /** A Javadoc line without its leading {@code " * "}; {@code {@literal @}} back to {@code @}. */
    private static String javadocText(String line) {
        String s = line.stripLeading();
        if (s.startsWith("*") && !s.startsWith("*/")) {
            s = s.substring(1);
            if (s.startsWith(" ")) {
                s = s.substring(1);
            }
        }
        return s.replace("{@literal @}", "@").stripTrailing();
    }

    private static List<String> imports() {
        TreeSet<String> packages = new TreeSet<>();
        for (Path file : sources()) {
            if (file.getFileName().toString().equals("package-info.java")) {
                try {
                    Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.startsWith("package "))
                            .map(l -> l.substring("package ".length(), l.indexOf(';')).strip())
                            .filter(p -> !p.contains(".internal"))
                            .forEach(packages::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        List<String> out = new ArrayList<>();
        packages.forEach(p -> out.add("import " + p + ".*;"));
        out.add("import java.util.*;");
        out.add("import java.time.*;");
        return out;
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("examples")
    void javadocExampleShowsWhatTheCodeGives(Example example) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try (JShell js = JShellRunner.open(capture)) {
            System.setOut(capture);
            for (String imp : imports()) {
                check(example, imp, js.eval(imp));
            }
            for (Entry e : example.entries()) {
                captured.reset();
                List<SnippetEvent> events = js.eval(e.code().endsWith(";") || e.code().endsWith("}")
                        ? e.code() : e.code() + ";");
                check(example, e.code(), events);
                String printed = captured.toString(StandardCharsets.UTF_8);
                if (e.shown().isBlank()) {
                    continue;
                }
                String actual = printed;
                if (printed.isBlank()) {
                    VarSnippet var = events.stream().map(SnippetEvent::snippet)
                            .filter(VarSnippet.class::isInstance).map(VarSnippet.class::cast)
                            .reduce((a, b) -> b)
                            .orElseThrow(() -> new AssertionError(example + ": '" + e.code()
                                    + "' prints nothing and has no value, but the Javadoc shows: " + e.shown()));
                    captured.reset();
                    check(example, var.name(), js.eval("System.out.print(String.valueOf(" + var.name() + "));"));
                    actual = captured.toString(StandardCharsets.UTF_8);
                }
                assertEquals(normalise(e.shown()), normalise(actual),
                        example + ": the Javadoc shows other output than '" + e.code() + "' gives");
            }
        } finally {
            System.setOut(original);
        }
    }

    private static void check(Example example, String code, List<SnippetEvent> events) {
        for (SnippetEvent ev : events) {
            if (ev.status() == Snippet.Status.REJECTED) {
                fail(example + ": rejected: " + code + " -- " + ev.snippet().source());
            }
            if (ev.exception() != null) {
                fail(example + ": '" + code + "' threw " + ev.exception());
            }
        }
    }

    private static String normalise(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    @Test
    void theParserReadsEntriesContinuationsAndShownLines() {
        List<Example> ex = parse("X.java", List.of(
                "/**",
                " * <pre>{@code",
                " * jshell> var t = List.of(1,",
                " *    ...>     2)",
                " * jshell> t.size()",
                " * 2",
                " * jshell> String.format(Locale.ROOT, \"%s{@literal @}%d\", \"a\", 1)",
                " * a@1",
                " * }</pre>",
                " * <pre>{@code plainCode(); }</pre>",
                " */"));
        assertEquals(1, ex.size());
        assertEquals("X.java:2", ex.get(0).where());
        assertEquals(List.of(new Entry("var t = List.of(1,\n    2)", ""), new Entry("t.size()", "2"),
                new Entry("String.format(Locale.ROOT, \"%s@%d\", \"a\", 1)", "a@1")), ex.get(0).entries());
    }

    @Test
    void theImportsNameEveryPublishedApiPackage() {
        List<String> imports = imports();
        assertTrue(imports.contains("import io.github.peelmetrics.core.stats.*;"), imports.toString());
        assertTrue(imports.contains("import io.github.peelmetrics.io.*;"), imports.toString());
        assertFalse(imports.stream().anyMatch(i -> i.contains("internal")), imports.toString());
        assertTrue(imports.size() >= 10, "too few packages found: " + imports);
    }

    @Test
    void aDriftedNumberIsCaught() {
        Example drifted = new Example("drift", List.of(new Entry("1 + 1", "3")));
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> javadocExampleShowsWhatTheCodeGives(drifted));
        assertTrue(e.getMessage().contains("expected: <3> but was: <2>"), e.getMessage());
        assertEquals("", String.format(Locale.ROOT, ""));
    }
}
