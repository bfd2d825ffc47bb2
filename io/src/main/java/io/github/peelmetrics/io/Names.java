package io.github.peelmetrics.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Messages that name a bad name, list the valid ones and, when one is close, suggest it. */
final class Names {
    private Names() {}

    /** Longest list of valid names written out in a message; the rest are counted. */
    static final int MAX_LISTED = 25;

    /** {@code " (did you mean "race"?)"} when a valid name is close to {@code bad}, else empty. */
    static String suggestion(String bad, Collection<String> valid) {
        return closest(bad, valid).map(c -> " (did you mean \"" + c + "\"?)").orElse("");
    }

    /** The names, comma-separated, at most {@value #MAX_LISTED} of them and then "... and N more". */
    static String list(Collection<String> names) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String n : names) {
            if (i == MAX_LISTED) {
                sb.append(String.format(Locale.ROOT, ", ... and %d more", names.size() - MAX_LISTED));
                break;
            }
            sb.append(i++ > 0 ? ", " : "").append(n);
        }
        return sb.toString();
    }

    /**
     * The valid name closest to {@code bad}: the same ignoring case; else the only one that has
     * {@code bad} as its first or last words ({@code subject_race} for {@code race},
     * {@code subject_age_group} for {@code subject_age}); else the nearest one at most two edits
     * away (insertions, deletions, substitutions and swaps of neighbours, ignoring case).
     */
    static Optional<String> closest(String bad, Collection<String> valid) {
        String b = bad.strip().toLowerCase(Locale.ROOT);
        if (b.isEmpty()) {
            return Optional.empty();
        }
        String word = null;
        int words = 0;
        for (String v : valid) {
            String l = v.toLowerCase(Locale.ROOT);
            if (l.equals(b)) {
                return Optional.of(v);
            }
            if (l.endsWith("_" + b) || l.startsWith(b + "_")) {
                word = v;
                words++;
            }
        }
        if (words == 1) {
            return Optional.of(word);
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = distance(b, v.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.min(2, b.length() - 1) ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance (Levenshtein with swaps of neighbours). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
