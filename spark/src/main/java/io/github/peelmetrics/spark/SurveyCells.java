package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.core.Tally;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.survey.Kish;
import io.github.peelmetrics.survey.Rake;
import io.github.peelmetrics.survey.RakeDiagnostics;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.survey.WeightedSample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * The sufficient statistics of a survey for raking, weighted means and their linearization
 * standard errors, per cell of the cross-classification of its categorical variables: a one-pass,
 * mergeable tally, so that Spark sums any number of respondents into a few hundred cells and the
 * driver fits the weights on the cells alone ({@link #rake(Rake)}).
 *
 * <p>Per cell it holds the respondents {@code n}, their base weights' sum and sum of squares, and
 * per numeric variable (an item; missing where not answered) the answered count and the sums
 * {@code Σy, Σb, Σby, Σby², Σb², Σb²y, Σb²y²} over those who answered ({@code b} the base weight).
 * Raking (iterative proportional fitting) changes a respondent's weight by a factor of their cell
 * alone, so these sums give the raked weights, the weighted means (also by the levels of a
 * categorical variable) and R {@code survey}'s linearization variance after raking
 * ({@code svymean} on a {@code rake}d design) exactly as {@link Rake#fit} and
 * {@link WeightedSample#mean}/{@link WeightedSample#meanBy} give them from the respondents: to
 * rounding (the sums are taken in another order), see {@link RakedCells}.
 *
 * <p>A {@link Tally}: its {@link #result()} is a {@link SurveyCellSums} (every cell with its sums),
 * and {@link #copy()} gives an independent tally.
 *
 * <p>The byte format (version 1, in the magic number): "PEELSVC1" (8 bytes), the count (int64),
 * the categorical and then the numeric variable names (each an int32 count and modified-UTF-8
 * strings), the cells (an int32 count, then per cell its levels and its {@code 3 + 8 × numerics}
 * sums as doubles) sorted by their levels, and a CRC32C of all that (int32, last).
 * {@link #fromByteArray} rejects, with a {@link TallyFormatException}, bytes whose checksum does not
 * match, that end early or go on after the last cell, whose cells are not strictly sorted, whose
 * sums contradict each other (a cell's {@code n} not a positive whole number, an item answered by
 * more than the cell's respondents, a sum not finite, the count not the sum of the cells' {@code n})
 * or that are not exactly the bytes the tally read writes; no length is trusted before the bytes
 * it announces are there. The bytes are canonical for the counts when the sums are exact (weights
 * and answers with few binary digits, such as whole numbers and halves); otherwise tallies merged
 * in another order agree to the rounding of the additions. Not thread-safe.
 */
public final class SurveyCells implements Tally<SurveyResponse, SurveyCells, SurveyCellSums> {
    private static final long MAGIC = 0x5045454C53564331L; // "PEELSVC1"
    /** Per-variable sums: M, Σy, Σb, Σby, Σby², Σb², Σb²y, Σb²y² (M as a double). */
    static final int PER_VARIABLE = 8;

    private final List<String> categoricals;
    private final List<String> numerics;
    private final TreeMap<List<String>, double[]> cells = new TreeMap<>(SurveyCells::compare);
    private long count;

    private SurveyCells(List<String> categoricals, List<String> numerics) {
        this.categoricals = List.copyOf(categoricals);
        this.numerics = List.copyOf(numerics);
    }

    /**
     * An empty tally of these categorical variables (the cells: rake margins and domains are among
     * them) and numeric variables (items).
     *
     * @param categoricals e.g. {@code List.of("race", "age_group", "sex")}
     * @param numerics     e.g. {@code List.of("approve")}
     * @return the tally
     * @throws IllegalArgumentException if there is no categorical variable or a name repeats
     */
    public static SurveyCells of(List<String> categoricals, List<String> numerics) {
        if (categoricals.isEmpty()) {
            throw new IllegalArgumentException("survey cells need at least one categorical variable");
        }
        if (new java.util.HashSet<>(categoricals).size() + new java.util.HashSet<>(numerics).size()
                != categoricals.size() + numerics.size()) {
            throw new IllegalArgumentException("survey cell variables repeat a name: " + categoricals + " " + numerics);
        }
        return new SurveyCells(categoricals, numerics);
    }

    /**
     * A collector into a tally {@linkplain #of(List, List) of these variables}; the combiner is
     * {@link #merge}, so a parallel stream works.
     *
     * @param categoricals the categorical variables
     * @param numerics     the numeric variables
     * @return the collector
     * @throws IllegalArgumentException as {@link #of(List, List)}
     */
    public static Collector<SurveyResponse, ?, SurveyCells> collector(List<String> categoricals, List<String> numerics) {
        of(categoricals, numerics); // checks the names now
        return Collector.of(() -> of(categoricals, numerics), SurveyCells::add, SurveyCells::merge,
                Collector.Characteristics.IDENTITY_FINISH);
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The categorical variables. */
    public List<String> categoricals() {
        return categoricals;
    }

    /** The numeric variables. */
    public List<String> numerics() {
        return numerics;
    }

    /** The number of non-empty cells. */
    public int cellCount() {
        return cells.size();
    }

    /**
     * Counts one respondent: their levels of the categorical variables ({@link SurveyResponse#variable}),
     * base weight and answers, as {@link SurveySample#of(List, String...)} reads them.
     *
     * @param r the response
     * @throws IllegalArgumentException if the response lacks a categorical variable
     */
    @Override
    public void add(SurveyResponse r) {
        Objects.requireNonNull(r, "response must not be null");
        String[] key = new String[categoricals.size()];
        for (int m = 0; m < key.length; m++) {
            String name = categoricals.get(m);
            key[m] = r.variable(name).orElseThrow(() -> new IllegalArgumentException(
                    "respondent " + r.id() + " has no value for variable " + name));
        }
        double[] s = cells.computeIfAbsent(List.of(key), k -> new double[3 + PER_VARIABLE * numerics.size()]);
        double b = r.weight();
        double b2 = b * b;
        s[0] += 1;
        s[1] += b;
        s[2] += b2;
        for (int v = 0; v < numerics.size(); v++) {
            Double a = r.answers().get(numerics.get(v));
            if (a != null) {
                double y = a;
                int o = 3 + PER_VARIABLE * v;
                s[o] += 1;
                s[o + 1] += y;
                s[o + 2] += b;
                s[o + 3] += b * y;
                s[o + 4] += b * y * y;
                s[o + 5] += b2;
                s[o + 6] += b2 * y;
                s[o + 7] += b2 * y * y;
            }
        }
        count++;
    }

    /**
     * Adds another tally of the same variables.
     *
     * @param other the tally
     * @return this tally
     * @throws IllegalArgumentException if the variables differ
     */
    @Override
    public SurveyCells merge(SurveyCells other) {
        if (!categoricals.equals(other.categoricals) || !numerics.equals(other.numerics)) {
            throw new IllegalArgumentException("survey cells of other variables: " + other.categoricals + " "
                    + other.numerics + " vs " + categoricals + " " + numerics);
        }
        other.cells.forEach((k, v) -> {
            double[] s = cells.computeIfAbsent(k, x -> new double[v.length]);
            for (int i = 0; i < v.length; i++) {
                s[i] += v[i];
            }
        });
        count += other.count;
        return this;
    }

    /** Respondents counted. */
    @Override
    public long count() {
        return count;
    }

    /** An independent tally of the same variables and sums. */
    @Override
    public SurveyCells copy() {
        SurveyCells c = new SurveyCells(categoricals, numerics);
        cells.forEach((k, v) -> c.cells.put(k, v.clone()));
        c.count = count;
        return c;
    }

    /** Every cell with its sums, sorted by the cells' levels. */
    @Override
    public SurveyCellSums result() {
        List<SurveyCellSums.Cell> out = new ArrayList<>(cells.size());
        cells.forEach((k, s) -> {
            List<SurveyCellSums.Item> items = new ArrayList<>(numerics.size());
            for (int v = 0; v < numerics.size(); v++) {
                int o = 3 + PER_VARIABLE * v;
                items.add(new SurveyCellSums.Item(numerics.get(v), (long) s[o], s[o + 1], s[o + 2], s[o + 3], s[o + 4],
                        s[o + 5], s[o + 6], s[o + 7]));
            }
            out.add(new SurveyCellSums.Cell(k, (long) s[0], s[1], s[2], items));
        });
        return new SurveyCellSums(categoricals, numerics, count, out);
    }

    /**
     * The tally's bytes (see the class comment), read back by {@link #fromByteArray(byte[])}.
     *
     * @return the bytes
     */
    @Override
    public byte[] toByteArray() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeLong(count);
            out.writeInt(categoricals.size());
            for (String c : categoricals) {
                out.writeUTF(c);
            }
            out.writeInt(numerics.size());
            for (String c : numerics) {
                out.writeUTF(c);
            }
            out.writeInt(cells.size());
            for (Map.Entry<List<String>, double[]> e : cells.entrySet()) {
                for (String level : e.getKey()) {
                    out.writeUTF(level);
                }
                for (double x : e.getValue()) {
                    out.writeDouble(x);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Checksum.seal(bytes.toByteArray());
    }

    /**
     * A tally read from {@link #toByteArray()}.
     *
     * @param bytes the bytes
     * @return the tally
     * @throws TallyFormatException if the bytes are not a whole, unaltered survey cell tally
     */
    public static SurveyCells fromByteArray(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes must not be null");
        if (bytes.length < 12) {
            throw new TallyFormatException("survey cells: " + bytes.length + " bytes are too few");
        }
        Checksum.check(bytes, "survey cells");
        SurveyCells t;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
            if (in.readLong() != MAGIC) {
                throw new TallyFormatException("survey cells: not Peel survey cells of format 1 (wrong magic number)");
            }
            long count = in.readLong();
            List<String> cat = names(in, "categorical");
            List<String> num = names(in, "numeric");
            try {
                t = of(cat, num);
            } catch (IllegalArgumentException e) {
                throw new TallyFormatException("survey cells: " + e.getMessage());
            }
            int width = 3 + PER_VARIABLE * num.size();
            long n = 0;
            List<String> previous = null;
            for (int i = in.readInt(); i > 0; i--) {
                if (in.available() < 2 * cat.size() + 8 * width) {
                    throw new TallyFormatException("survey cells: the bytes end before the cells they announce");
                }
                String[] key = new String[cat.size()];
                for (int m = 0; m < key.length; m++) {
                    key[m] = in.readUTF();
                }
                List<String> k = List.of(key);
                if (previous != null && compare(previous, k) >= 0) {
                    throw new TallyFormatException("survey cells: cell " + k + " is not after cell " + previous
                            + " (cells are sorted and distinct)");
                }
                previous = k;
                double[] s = new double[width];
                for (int j = 0; j < width; j++) {
                    s[j] = in.readDouble();
                }
                check(k, s, num.size());
                if (n > Long.MAX_VALUE - (long) s[0]) {
                    throw new TallyFormatException("survey cells: the cells' respondents overflow a long");
                }
                n += (long) s[0];
                t.cells.put(k, s);
            }
            if (in.available() != 0) {
                throw new TallyFormatException("survey cells: bytes after the last cell");
            }
            if (count != n) {
                throw new TallyFormatException(String.format(Locale.ROOT,
                        "survey cells: the count %d is not the %d respondents of the cells", count, n));
            }
            t.count = count;
        } catch (IOException e) {
            throw new TallyFormatException("survey cells: the bytes end early or hold a malformed name: " + e.getMessage());
        }
        if (!Arrays.equals(t.toByteArray(), bytes)) {
            throw new TallyFormatException("survey cells: the bytes are not in the canonical form the tally writes");
        }
        return t;
    }

    private static List<String> names(DataInputStream in, String what) throws IOException {
        int k = in.readInt();
        if (k < 0 || k > in.available() / 2) {
            throw new TallyFormatException("survey cells: " + k + " " + what + " variables, more than the bytes hold");
        }
        List<String> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    /** A cell's sums agree with each other: whole counts, items answered by at most the cell's respondents, finite sums. */
    private static void check(List<String> key, double[] s, int numerics) {
        for (double x : s) {
            if (!Double.isFinite(x)) {
                throw new TallyFormatException("survey cells: cell " + key + " has a sum that is not finite: " + x);
            }
        }
        double n = s[0];
        if (!(n >= 1 && n == Math.rint(n) && n <= 1L << 53) || !(s[1] > 0) || !(s[2] > 0)) {
            throw new TallyFormatException(String.format(Locale.ROOT,
                    "survey cells: cell %s has %s respondents and weight sums %s, %s (need a positive whole count "
                            + "and positive sums)", key, n, s[1], s[2]));
        }
        for (int v = 0; v < numerics; v++) {
            int o = 3 + PER_VARIABLE * v;
            double m = s[o];
            if (!(m >= 0 && m <= n && m == Math.rint(m))) {
                throw new TallyFormatException(String.format(Locale.ROOT,
                        "survey cells: cell %s has %s answers to numeric variable %d of %s respondents", key, m, v + 1, n));
            }
        }
    }

    /**
     * Rakes the cells to the rake's margins (whose variables must be among the categorical
     * variables): {@link Rake#fit} on one pseudo-respondent per cell (weight: the cell's base
     * weight sum) gives the same raking factors, sweeps and margin errors as raking the
     * respondents; Kish's figures are those of the respondents.
     *
     * @param rake the raking, with its margins and settings
     * @return the raked cells, for means and their standard errors
     * @throws IllegalArgumentException if a margin variable is not a categorical variable
     * @throws IllegalStateException as {@link Rake#fit} (e.g. strict raking that does not converge)
     */
    public RakedCells rake(Rake rake) {
        Objects.requireNonNull(rake, "rake must not be null");
        if (cells.isEmpty()) {
            throw new IllegalStateException("a survey sample needs at least one respondent: no cells");
        }
        int nc = cells.size();
        List<double[]> stats = new ArrayList<>(cells.values());
        List<List<String>> keys = new ArrayList<>(cells.keySet());
        double[] base = new double[nc];
        for (int c = 0; c < nc; c++) {
            base[c] = stats.get(c)[1];
        }
        SurveySample pseudo = SurveySample.ofWeights(base);
        for (int m = 0; m < categoricals.size(); m++) {
            String[] values = new String[nc];
            for (int c = 0; c < nc; c++) {
                values[c] = keys.get(c).get(m);
            }
            pseudo = pseudo.withFactor(categoricals.get(m), values);
        }
        WeightedSample fitted = rake.fit(pseudo);
        RakeDiagnostics d = fitted.rakeDiagnostics().orElseThrow();
        return RakedCells.of(this, keys, stats, rake, d, pseudo);
    }

    /** {@code SurveyCells[1500 respondents in 96 cells of [race, age_group, sex], numeric [approve]]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurveyCells[%d respondents in %d cells of %s, numeric %s]", count,
                cells.size(), categoricals, numerics);
    }

    static Kish kish(int n, double s, double s2) {
        return new Kish(n, s, s2, s * s / s2, n * s2 / (s * s));
    }
}
