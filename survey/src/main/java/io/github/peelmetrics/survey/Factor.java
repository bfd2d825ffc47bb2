package io.github.peelmetrics.survey;

import java.util.List;

/** A categorical column: levels in their order and one level index per respondent. Immutable. */
final class Factor {
    final String name;
    final List<String> levels;
    final int[] codes;
    final int[] counts;

    Factor(String name, List<String> levels, int[] codes) {
        this.name = name;
        this.levels = List.copyOf(levels);
        this.codes = codes;
        this.counts = new int[levels.size()];
        for (int c : codes) {
            counts[c]++;
        }
    }

    int levelCount() {
        return levels.size();
    }

    int indexOf(String level) {
        return levels.indexOf(level);
    }
}
