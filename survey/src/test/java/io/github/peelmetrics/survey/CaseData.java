package io.github.peelmetrics.survey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny reader of the conformance cases' CSV files (test only: the survey module does not depend
 * on io). Every field is plain: no quotes, no commas inside fields; an empty field is missing.
 */
final class CaseData {
    final List<String> header;
    final List<String[]> rows;

    private CaseData(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static CaseData read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != header.size()) {
                    throw new IllegalStateException(file + ": " + f.length + " fields in " + line);
                }
                rows.add(f);
            }
            return new CaseData(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int n() {
        return rows.size();
    }

    String[] text(String column) {
        int k = header.indexOf(column);
        if (k < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[k];
        }
        return out;
    }

    double[] numbers(String column) {
        String[] t = text(column);
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = t[i].isEmpty() ? Double.NaN : Double.parseDouble(t[i]);
        }
        return out;
    }

    /** margins.csv: variable → (level → population), in file order. */
    static Map<String, Map<String, Double>> margins(Path file) {
        CaseData m = read(file);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String[] r : m.rows) {
            out.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Double.parseDouble(r[2]));
        }
        return out;
    }
}
