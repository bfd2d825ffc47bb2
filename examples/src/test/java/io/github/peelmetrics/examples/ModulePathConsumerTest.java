package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer on the module path: a small application with its own {@code module-info.java} that
 * requires Peel's modules, compiled and run in a fresh JVM with Peel and its dependencies on the
 * module path only, with no {@code --add-modules}, {@code --add-reads} or {@code --add-opens}. It
 * fails when a Peel module does not declare a module it needs (a {@code NoClassDefFoundError} for
 * Jackson or Commons Numbers at run time) or does not export a package its API uses.
 */
class ModulePathConsumerTest {

    /** Test-only jars and Peel's own test and example classes stay off the consumer's module path. */
    private static final Pattern TEST_ONLY = Pattern.compile(
            ".*(junit|opentest4j|apiguardian|peel-testing|[/\\\\]testing[/\\\\]target|test-classes"
                    + "|[/\\\\]examples[/\\\\]target|peel-examples).*");

    static List<String> modulePath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !TEST_ONLY.matcher(e).matches())
                .collect(Collectors.toList());
    }

    @Test
    void aModularApplicationRunsWithPeelOnTheModulePath(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        copy("consumer/module-info.java", src.resolve("module-info.java"));
        copy("consumer/peel/consumer/Main.java", src.resolve("peel/consumer/Main.java"));
        String mp = String.join(File.pathSeparator, modulePath());

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler");
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("--module-path", mp, "-d", out.toString(), "-Xlint:-requires-automatic"), null,
                javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)
                        .getJavaFileObjects(src.resolve("module-info.java").toFile(),
                                src.resolve("peel/consumer/Main.java").toFile()))
                .call();
        assertTrue(compiled, "the consumer does not compile against Peel's modules:\n" + diagnostics);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", out + File.pathSeparator + mp,
                "--module", "peel.consumer/peel.consumer.Main"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed;
        try (InputStream in = p.getInputStream()) {
            printed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the consumer did not finish");
        assertEquals(0, p.exitValue(), "the consumer failed on the module path:\n" + printed);
        List<String> lines = printed.lines().collect(Collectors.toList());
        assertEquals(4, lines.size(), printed);
        assertEquals("[0.3942, 0.5865] 95% wilson", lines.get(0));
        assertTrue(lines.get(2).startsWith("{") && lines.get(2).contains("\"lower\":0.38"), lines.get(2));
        assertEquals("peel.consumer read io.github.peelmetrics.core and io.github.peelmetrics.io", lines.get(3));
    }

    private static void copy(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = ModulePathConsumerTest.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource);
            Files.copy(in, to);
        }
    }
}
