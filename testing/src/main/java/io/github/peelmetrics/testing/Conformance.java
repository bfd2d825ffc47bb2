package io.github.peelmetrics.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates and reads the conformance cases.
 *
 * <p>The root is the folder named by the system property {@value #ROOT_PROPERTY} when it is set and
 * not blank, else {@code src/test/resources/conformance} of the module under test (Surefire runs
 * tests in the module's folder). The layout is that of {@code shared/conformance}: {@code core/},
 * {@code metrics/} and {@code survey/<case>/}.
 */
public final class Conformance {

    /** System property that points the conformance tests at another copy of the cases. */
    public static final String ROOT_PROPERTY = "peel.conformance.dir";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Conformance() {}

    /** The root folder of the cases; fails if it does not exist. */
    public static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY, "").trim();
        Path root = configured.isEmpty()
                ? Path.of("src", "test", "resources", "conformance")
                : Path.of(configured);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("conformance root " + root.toAbsolutePath()
                    + " is not a directory (set -D" + ROOT_PROPERTY + " or copy the cases into test resources)");
        }
        return root;
    }

    /** A file or folder under the root, e.g. {@code file("core/proportions.json")}; fails if missing. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("conformance file missing: " + path.toAbsolutePath());
        }
        return path;
    }

    /** Reads a JSON file. */
    public static JsonNode json(Path path) {
        try {
            return MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Every case of a family file such as {@code core/proportions.json}, each carrying the file's
     * tolerance rule and provenance. Fails if the file holds no case.
     */
    public static Stream<ConformanceCase> cases(String relative) {
        Path path = file(relative);
        JsonNode family = json(path);
        JsonNode cases = family.path("cases");
        if (!cases.isArray() || cases.isEmpty()) {
            throw new IllegalStateException(path + " holds no cases");
        }
        List<ConformanceCase> out = new ArrayList<>();
        for (JsonNode c : cases) {
            out.add(new ConformanceCase(path, family, c));
        }
        return out.stream();
    }

    /** The case folders under {@code relative} (e.g. {@code survey}), sorted by name. */
    public static Stream<Path> caseFolders(String relative) {
        try (Stream<Path> list = Files.list(file(relative))) {
            List<Path> dirs = list.filter(Files::isDirectory).sorted().toList();
            if (dirs.isEmpty()) {
                throw new IllegalStateException("no case folders under " + relative);
            }
            return dirs.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
