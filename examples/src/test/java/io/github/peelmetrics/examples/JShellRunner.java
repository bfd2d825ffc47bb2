package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/** Runs JShell code (README snippets, the jshell scripts) in-process on the test class path. */
final class JShellRunner {
    private JShellRunner() {}

    /** An in-process JShell on the test class path that writes what it prints to {@code out}. */
    static JShell open(PrintStream out) {
        JShell js = JShell.builder().executionEngine("local").out(out).err(out).build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            js.addToClasspath(entry);
        }
        return js;
    }

    /**
     * Evaluates {@code code} snippet by snippet, failing on a rejected snippet or an exception, and
     * returns what it printed. Lines that start with {@code /} are JShell commands ({@code /exit})
     * and are skipped.
     */
    static String run(String name, String code) {
        String java = code.lines().filter(l -> !l.strip().startsWith("/")).collect(Collectors.joining("\n"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try (JShell js = open(capture)) {
            System.setOut(capture);
            SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
            String remaining = java;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (info.source() == null) {
                    fail(name + ": incomplete snippet: " + remaining);
                }
                for (SnippetEvent e : js.eval(info.source())) {
                    if (e.status() == Snippet.Status.REJECTED) {
                        String why = js.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT))
                                .collect(Collectors.joining("; "));
                        fail(name + ": rejected: " + info.source().strip() + " -- " + why);
                    }
                    if (e.exception() != null) {
                        fail(name + ": threw " + e.exception() + " at " + info.source().strip());
                    }
                }
                remaining = info.remaining();
            }
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
