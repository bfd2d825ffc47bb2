package io.github.peelmetrics.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Lookup shared by the standard sets. */
final class CategorySet {
    private CategorySet() {}

    static Optional<Category> find(List<Category> set, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Category c : set) {
            if (c.code().toLowerCase(Locale.ROOT).equals(t) || c.label().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
