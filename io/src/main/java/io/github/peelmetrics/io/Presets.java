package io.github.peelmetrics.io;

import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Sexes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The preset mappings ({@link Mapping#generic}, {@link Mapping#openPolicing}) of each record type. */
final class Presets {
    private Presets() {}

    /** See {@link Mapping#generic(RecordType)}. */
    static <T> Mapping<T> generic(RecordType<T> type) {
        return preset(type, Codebook.of(Races.all()), Codebook.of(Sexes.all()), List.of(""), UnknownValues.KEEP);
    }

    /** See {@link Mapping#openPolicing(RecordType)}. */
    static <T> Mapping<T> openPolicing(RecordType<T> type) {
        return preset(type, Codebook.races(), Codebook.sexes(), List.of("", "na"), UnknownValues.MAP_TO_UNKNOWN);
    }

    private static <T> Mapping<T> preset(RecordType<T> type, Codebook races, Codebook sexes, List<String> missing,
            UnknownValues unknown) {
        java.util.Objects.requireNonNull(type, "record type of mapping must not be null");
        Map<String, List<String>> cols = new LinkedHashMap<>();
        if (type.fields().contains("stop_id")) {
            cols.put("stop_id", List.of("raw_row_number", "stop_id"));
        }
        if (type.fields().contains("officer_id")) {
            cols.put("officer_id", List.of("officer_id_hash", "officer_id"));
        }
        Map<String, Codebook> books = new LinkedHashMap<>();
        List<String> kinds = type.codebookNames();
        if (kinds.contains("race")) {
            books.put("race", races);
        }
        if (kinds.contains("sex")) {
            books.put("sex", sexes);
        }
        if (kinds.contains("age_group")) {
            books.put("age_group", Codebook.ageGroups());
        }
        return new Mapping<>(java.util.Set.of(), type, cols, books, Map.of(), new LinkedHashSet<>(missing), unknown, Optional.empty(),
                Mapping.DEFAULT_DATE_FORMATS, List.of(), List.of());
    }
}
