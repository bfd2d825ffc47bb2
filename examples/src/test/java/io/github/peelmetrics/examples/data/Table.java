package io.github.peelmetrics.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV file parsed with plain Java (the sample files never quote), for the tests. */
final class Table {
    final String name;
    final List<String> header;
    final List<String[]> rows;
    private final Map<String, Integer> index = new HashMap<>();

    private Table(String name, String text) {
        this.name = name;
        if (!text.endsWith("\n")) {
            throw new AssertionError(name + " does not end with a line break");
        }
        String[] lines = text.split("\n", -1);
        this.header = List.of(lines[0].split(",", -1));
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        this.rows = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length - 1; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length != header.size()) {
                throw new AssertionError(name + " line " + (i + 1) + " has " + f.length + " fields: " + Arrays.toString(f));
            }
            rows.add(f);
        }
    }

    static Table parse(String name, byte[] bytes) {
        return new Table(name, new String(bytes, StandardCharsets.UTF_8));
    }

    /** The bundled file of that name, from the class path. */
    static Table bundled(String name) {
        return parse(name, bundledBytes(name));
    }

    static byte[] bundledBytes(String name) {
        String resource = "/io/github/peelmetrics/examples/sample/" + name;
        try (InputStream in = Table.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no bundled resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int col(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new AssertionError(name + " has no column " + column + "; it has " + header);
        }
        return i;
    }
}
