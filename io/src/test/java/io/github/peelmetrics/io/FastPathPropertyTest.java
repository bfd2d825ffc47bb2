package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.testing.Seeded;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's fast paths give what the general code they short-cut gives: the plain-decimal
 * parser agrees bit for bit with {@code Double.parseDouble} (or declines), and the quick
 * case-insensitive test for missing tokens agrees with {@code equalsIgnoreCase}.
 */
class FastPathPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    private static final String DIGITS = "0123456789";
    private static final String ODD = "0123456789.-+eE x\u0660";

    private static String decimal(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(3) == 0) {
            b.append('-');
        }
        int whole = Seeded.edgy(r, 0, 18);
        for (int i = 0; i < whole; i++) {
            b.append(DIGITS.charAt(r.nextInt(i == 0 && r.nextBoolean() ? 1 : 10)));
        }
        if (r.nextInt(4) != 0) {
            b.append('.');
            int frac = Seeded.edgy(r, 0, 18);
            for (int i = 0; i < frac; i++) {
                b.append(DIGITS.charAt(r.nextInt(10)));
            }
        }
        if (r.nextInt(10) == 0) { // now and then a character the fast path must decline
            b.insert(r.nextInt(b.length() + 1), ODD.charAt(r.nextInt(ODD.length())));
        }
        return b.toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simpleDecimalAgreesWithParseDoubleOrDeclines(Seeded s) {
        SplittableRandom r = s.random();
        for (int k = 0; k < 200; k++) {
            String x = decimal(r);
            double fast = Values.simpleDecimal(x);
            if (fast != fast) {
                continue; // declined: the general path decides
            }
            double slow = Double.parseDouble(x);
            assertEquals(Double.doubleToRawLongBits(slow), Double.doubleToRawLongBits(fast),
                    () -> x + " (" + s + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simpleDecimalTakesTheCoordinatesOfOpenPolicingFiles(Seeded s) {
        SplittableRandom r = s.random();
        String lat = String.format(java.util.Locale.ROOT, "%.6f", -90 + 180 * r.nextDouble());
        String lng = String.format(java.util.Locale.ROOT, "%.6f", -180 + 360 * r.nextDouble());
        for (String x : List.of(lat, lng)) {
            assertEquals(Double.parseDouble(x), Values.simpleDecimal(x), () -> x + " (" + s + ")");
        }
    }

    private static final String LETTERS = "aAnNkK\u212A\u017Fs\u0131iI\u00e9\u00c9-1 ";

    @ParameterizedTest
    @MethodSource("seeds")
    void missingTokensMatchAsEqualsIgnoreCaseDoes(Seeded s) {
        SplittableRandom r = s.random();
        for (int k = 0; k < 100; k++) {
            String token = word(r);
            String cell = r.nextInt(4) == 0 ? token.toUpperCase(java.util.Locale.ROOT) : word(r);
            Mapping<Stop> m = Mapping.generic(RecordType.STOPS).missing(token);
            Field f = new Field("x", m, new Columns(List.of("x"), true));
            boolean expected = cell.isEmpty() || cell.strip().isEmpty() || cell.strip().equalsIgnoreCase(Codebook.normalize(token));
            assertEquals(expected, f.isMissing(cell), () -> "token " + token + ", cell " + cell + " (" + s + ")");
        }
        assertTrue(new Field("x", Mapping.generic(RecordType.STOPS).missing("k"), new Columns(List.of("x"), true)).isMissing("\u212A"));
    }

    private static String word(SplittableRandom r) {
        int n = 1 + r.nextInt(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
        }
        return b.toString().strip().isEmpty() ? "a" : b.toString().strip();
    }
}
