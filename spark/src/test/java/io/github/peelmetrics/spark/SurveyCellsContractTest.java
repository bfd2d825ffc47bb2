package io.github.peelmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.io.ResultJson;
import io.github.peelmetrics.testing.Seeded;
import io.github.peelmetrics.testing.TallyContractTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared tally contract for {@link SurveyCells}, by beat and an attribute, with two items.
 *
 * <p>The contract compares bytes, and a cell's sums are doubles: the records' weights are
 * multiples of 1/4 up to 64 and their answers whole numbers and halves, so that every sum is exact
 * and the bytes are the same whatever the order of the additions (ties, one cell, one respondent,
 * missing answers and the largest weights are drawn on purpose). {@link #anyWeightsMergeToOnePassWithinRounding}
 * checks arbitrary weights and answers to 1e-12.
 */
class SurveyCellsContractTest extends TallyContractTest<SurveyResponse, SurveyCells, SurveyCellSums> {
    private static final List<String> CATEGORICALS = List.of("beat", "group");
    private static final List<String> NUMERICS = List.of("approve", "trust");
    private static final String[] BEATS = {"B1", "B2", "B3", "Ü4"};
    private static final String[] GROUPS = {"a", "b", "c"};

    private int next;

    @Override
    protected SurveyCells newTally() {
        return SurveyCells.of(CATEGORICALS, NUMERICS);
    }

    @Override
    protected void add(SurveyCells tally, SurveyResponse record) {
        tally.add(record);
    }

    @Override
    protected SurveyCells merge(SurveyCells tally, SurveyCells other) {
        return tally.merge(other);
    }

    @Override
    protected SurveyCells copy(SurveyCells tally) {
        return tally.copy();
    }

    @Override
    protected byte[] toBytes(SurveyCells tally) {
        return tally.toByteArray();
    }

    @Override
    protected SurveyCells fromBytes(byte[] bytes) {
        return SurveyCells.fromByteArray(bytes);
    }

    @Override
    protected long count(SurveyCells tally) {
        return tally.count();
    }

    @Override
    protected SurveyCellSums result(SurveyCells tally) {
        return tally.result();
    }

    @Override
    protected SurveyResponse record(SplittableRandom r) {
        return response(r, true);
    }

    private SurveyResponse response(SplittableRandom r, boolean exact) {
        SurveyResponse.Builder b = SurveyResponse.builder("R-" + next++)
                .beat(BEATS[Seeded.edgy(r, 0, BEATS.length - 1)])
                .attribute("group", GROUPS[Seeded.edgy(r, 0, GROUPS.length - 1)])
                .weight(exact ? Seeded.edgy(r, 1, 256) / 4.0 : Math.exp(r.nextGaussian() * 2));
        if (r.nextInt(5) > 0) {
            b.answer("approve", r.nextInt(2));
        }
        if (r.nextInt(3) > 0) {
            b.answer("trust", exact ? Seeded.edgy(r, 2, 10) / 2.0 : r.nextDouble() * 5);
        }
        return b.build();
    }

    @Override
    protected Class<? extends RuntimeException> formatException() {
        return TallyFormatException.class;
    }

    /** The checksum (the last four bytes) recomputed, as a forger would. */
    @Override
    protected byte[] reseal(byte[] bytes) {
        return Checksum.reseal(bytes);
    }

    static Stream<Seeded> anySeeds() {
        return Seeded.cases(100);
    }

    /** With weights and answers of many binary digits, merging any split equals one pass to 1e-12 (relative). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("anySeeds")
    void anyWeightsMergeToOnePassWithinRounding(Seeded s) {
        SplittableRandom r = s.random();
        List<SurveyResponse> records = new ArrayList<>();
        for (int i = Seeded.edgy(r, 1, 400); i > 0; i--) {
            records.add(response(r, false));
        }
        SurveyCells whole = newTally();
        records.forEach(whole::add);
        SurveyCells merged = newTally();
        SurveyCells part = newTally();
        for (SurveyResponse x : records) {
            part.add(x);
            if (r.nextInt(10) == 0) {
                merged = part.merge(merged);
                part = newTally();
            }
        }
        merged.merge(part);
        SurveyCellSums a = whole.result();
        SurveyCellSums b = SurveyCells.fromByteArray(merged.toByteArray()).result();
        assertEquals(a.respondents(), b.respondents(), s + ": respondents");
        assertEquals(a.cells().size(), b.cells().size(), s + ": cells");
        for (int c = 0; c < a.cells().size(); c++) {
            SurveyCellSums.Cell x = a.cells().get(c);
            SurveyCellSums.Cell y = b.cells().get(c);
            assertEquals(x.levels(), y.levels(), s + ": levels");
            assertEquals(x.n(), y.n(), s + ": n of " + x.levels());
            close(x.weightSum(), y.weightSum(), s + ": Σb of " + x.levels());
            close(x.weightSquareSum(), y.weightSquareSum(), s + ": Σb² of " + x.levels());
            for (int i = 0; i < x.items().size(); i++) {
                SurveyCellSums.Item p = x.items().get(i);
                SurveyCellSums.Item q = y.items().get(i);
                String what = s + ": " + p.variable() + " of " + x.levels();
                assertEquals(p.answered(), q.answered(), what);
                double[] u = {p.sumY(), p.sumB(), p.sumBY(), p.sumBY2(), p.sumB2(), p.sumB2Y(), p.sumB2Y2()};
                double[] v = {q.sumY(), q.sumB(), q.sumBY(), q.sumBY2(), q.sumB2(), q.sumB2Y(), q.sumB2Y2()};
                for (int k = 0; k < u.length; k++) {
                    close(u[k], v[k], what + " sum " + k);
                }
            }
        }
    }

    private static void close(double a, double b, String what) {
        assertTrue(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)), what + ": " + a + " vs " + b);
    }

    @Test
    void resultPrintsEveryCellAndIsItsJson() {
        SurveyCells t = newTally();
        t.add(SurveyResponse.builder("1").beat("B1").attribute("group", "a").weight(1.5).answer("approve", 1).build());
        t.add(SurveyResponse.builder("2").beat("B1").attribute("group", "a").weight(0.5).answer("trust", 4).build());
        t.add(SurveyResponse.builder("3").beat("B2").attribute("group", "b").weight(2).answer("approve", 0)
                .answer("trust", 2.5).build());
        assertEquals("""
                SurveyCells: 3 respondents in 2 cells of [beat, group], numeric [approve, trust]
                beat  group  n  sum_b  sum_b2  approve.answered  approve.sum_by  trust.answered  trust.sum_by
                B1    a      2  2.000   2.500                 1           1.500               1         2.000
                B2    b      1  2.000   4.000                 1           0.000               1         5.000""",
                t.result().toString());
        SurveyCellSums.Item trust = t.result().cells().get(1).items().get(1);
        assertEquals(new SurveyCellSums.Item("trust", 1, 2.5, 2, 5, 12.5, 4, 10, 25), trust);
        assertEquals(ResultJson.toJson(t.result()), ResultJson.toJson(t));
        assertTrue(ResultJson.toJson(t).contains("\"sumB2Y2\":25"), ResultJson.toJson(t));
    }

    @Test
    void aParallelCollectorGivesTheBytesOfOnePass() {
        SplittableRandom r = new SplittableRandom(Seeded.BASE);
        List<SurveyResponse> records = records(r, 5000);
        SurveyCells one = newTally();
        records.forEach(one::add);
        assertEquals(Arrays.toString(one.toByteArray()),
                Arrays.toString(records.parallelStream().collect(SurveyCells.collector(CATEGORICALS, NUMERICS)).toByteArray()));
    }

    @Test
    void contradictoryCountsAreRefusedAfterResealing() {
        SurveyCells t = newTally();
        t.add(SurveyResponse.builder("1").beat("B1").attribute("group", "a").weight(1.5).answer("approve", 1).build());
        byte[] b = t.toByteArray();
        // the count (bytes 8 to 16) says 2 respondents, the cell 1
        byte[] forged = b.clone();
        forged[15] = 2;
        TallyFormatException e = assertThrows(TallyFormatException.class, () -> SurveyCells.fromByteArray(reseal(forged)));
        assertTrue(e.getMessage().contains("count 2 is not the 1 respondents"), e.getMessage());
        assertThrows(TallyFormatException.class, () -> SurveyCells.fromByteArray(Arrays.copyOf(b, b.length - 1)));
    }
}
