package io.github.peelmetrics.metrics.stops;

import static io.github.peelmetrics.metrics.stops.StopTally.BASES;
import static io.github.peelmetrics.metrics.stops.StopTally.BASIS;
import static io.github.peelmetrics.metrics.stops.StopTally.FACTS;
import static io.github.peelmetrics.metrics.stops.StopTally.FLAGS;
import static io.github.peelmetrics.metrics.stops.StopTally.F_ARREST;
import static io.github.peelmetrics.metrics.stops.StopTally.F_ARREST_FORCE;
import static io.github.peelmetrics.metrics.stops.StopTally.F_FORCE;
import static io.github.peelmetrics.metrics.stops.StopTally.F_FRISK;
import static io.github.peelmetrics.metrics.stops.StopTally.F_FRISK_WEAPONS;
import static io.github.peelmetrics.metrics.stops.StopTally.F_SEARCH;
import static io.github.peelmetrics.metrics.stops.StopTally.F_SEARCHED_ARREST;
import static io.github.peelmetrics.metrics.stops.StopTally.OUTCOME;
import static io.github.peelmetrics.metrics.stops.StopTally.OUTCOMES;
import static io.github.peelmetrics.metrics.stops.StopTally.STRIDE;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.core.internal.ByteReader;
import io.github.peelmetrics.core.internal.ByteWriter;
import io.github.peelmetrics.core.internal.TallyBytes;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The byte format of a {@link StopTally}, version 2: the layout in one place, in the manner of
 * Apache DataSketches' {@code PreambleUtil}, with its writer and its checking reader.
 *
 * <pre>
 *  preamble (TallyBytes, 16 bytes): "PEEL" | kind 1 (stop tally) | version 2 | flags | 0 | length | CRC32C
 *            flags: bit 0 set when the tally has a key function; the other bits 0
 *
 *  section 1 "values"   the names of the enum values counted, so that the bytes outlive a
 *                       reordering of core's enums; a run below has one count per name, in this order
 *      varint nFlag     nFlag    x string   Flag names        (YES, NO, UNKNOWN of every fact)
 *      varint nOutcome  nOutcome x string   StopOutcome names
 *      varint nBasis    nBasis   x string   SearchBasis names
 *  section 2 "groups"
 *      varint nGroups   nGroups  x (string code, string label)   in StopTally.GROUP_ORDER, no two equal
 *  section 3 "keys"
 *      varint nKeys     nKeys    x string   sorted, no two equal ("all" alone for a tally without a key)
 *  section 4 "cells"
 *      varint stops                         the tally's count: the sum of the cells' stops
 *      varint nCells    nCells   x cell     ordered by (key index, group index), no two equal
 *        cell: varint group index  varint key index
 *              13 runs of nFlag x varint, one per fact:
 *                 stops by search status, frisk, arrest, citation, warning, summons, use of force;
 *                 searches by contraband found, weapons found, drugs found, arrest;
 *                 frisks by weapons found; arrests by use of force
 *              nOutcome x varint   stops by derived most severe outcome
 *              nBasis   x varint   searches by basis
 *  section 5 "period"   (new in version 2)
 *      varint present   1 when the tally has stops, else 0; then, when 1:
 *      varint first     epoch day of the first stop date minus that of LocalDate.MIN
 *      varint span      days from the first to the last stop date
 * </pre>
 *
 * <p>Version 1 (no frisk, no per-decision flags, no period) is not read: its outcomes cannot be
 * turned into per-decision flags without inventing values, so the reader rejects it by version.
 *
 * <p>Sections are an id byte, an int32 payload length and the payload (see {@code TallyBytes});
 * varints are unsigned LEB128 in their shortest form; strings a varint UTF-8 byte length and the
 * bytes. The bytes are canonical: equal tallies give equal bytes.
 *
 * <p>The reader rejects with a {@link TallyFormatException}, besides every check of the preamble
 * and the checksum: a count or length that runs past the bytes left (checked before anything is
 * allocated for it), an enum name this version does not know or a name given twice, a group not
 * in canonical form or out of order, a key out of order, a group or key that no cell uses, a cell
 * index out of range or out of order, and impossible counts: a cell with no stops; a fact of every
 * stop whose counts do not add up to the stops; a fact of searches, frisks or arrests that does
 * not add up to the searches, frisks or arrests; searches by basis that do not add up to the
 * searches (or a search with basis {@code NONE}); counts that {@link StopCounts}' constructor
 * rejects (derived arrests that differ from the arrest flag, searched arrests above arrests, ...);
 * sums that overflow a {@code long}; a total that is not the sum of the cells; and a period that
 * is absent with stops, present without, or past {@link LocalDate#MAX}.
 */
final class StopTallyFormat {

    static final int VERSION = 2;
    static final int KEYED = 1;
    private static final int VALUES = 1;
    private static final int GROUPS = 2;
    private static final int KEYS = 3;
    private static final int CELLS = 4;
    private static final int PERIOD = 5;
    private static final long MIN_DAY = LocalDate.MIN.toEpochDay();
    private static final long MAX_DAY = LocalDate.MAX.toEpochDay();

    /** The runs of enum counts of a cell, in order: their enum values and their first slot. */
    private static final Enum<?>[][] RUNS = new Enum<?>[FACTS + 2][];
    private static final int[] RUN_BASE = new int[FACTS + 2];
    private static final int[] RUN_NAMES = new int[FACTS + 2];
    /** The facts in the order of the runs (the slots' order is the tally's, which may change). */
    private static final int[] FACT_ORDER = {F_SEARCH, F_FRISK, F_ARREST, StopTally.F_CITATION, StopTally.F_WARNING,
        StopTally.F_SUMMONS, F_FORCE, StopTally.F_HIT, StopTally.F_WEAPONS, StopTally.F_DRUGS, F_SEARCHED_ARREST,
        F_FRISK_WEAPONS, F_ARREST_FORCE};

    private static final String[] RUN_TITLES = {"stops by search status", "stops by frisk", "stops by arrest",
        "stops by citation", "stops by warning", "stops by summons", "stops by use of force",
        "searches by contraband found", "searches by weapons found", "searches by drugs found", "searches by arrest",
        "frisks by weapons found", "arrests by use of force"};

    static {
        for (int i = 0; i < FACTS; i++) {
            RUNS[i] = Flag.values();
            RUN_BASE[i] = FACT_ORDER[i] * FLAGS;
        }
        RUNS[FACTS] = OUTCOMES;
        RUN_BASE[FACTS] = OUTCOME;
        RUN_NAMES[FACTS] = 1;
        RUNS[FACTS + 1] = BASES;
        RUN_BASE[FACTS + 1] = BASIS;
        RUN_NAMES[FACTS + 1] = 2;
    }

    /** The sections of enum names: Flag, StopOutcome, SearchBasis; and which name section each run uses. */
    private static final Enum<?>[][] NAMES = {Flag.values(), OUTCOMES, BASES};
    private static final String[] NAME_SECTIONS = {"Flag", "StopOutcome", "SearchBasis"};

    private StopTallyFormat() {}

    static byte[] write(StopTally t) {
        StopIndex ix = t.index();
        ByteWriter w = TallyBytes.writer(TallyBytes.STOP_TALLY, VERSION, t.keyed() ? KEYED : 0);
        w.beginSection(VALUES);
        for (Enum<?>[] values : NAMES) {
            w.varint(values.length);
            for (Enum<?> v : values) {
                w.string(v.name());
            }
        }
        w.endSection();

        Integer[] groupOrder = new Integer[ix.groupCount()];
        Arrays.setAll(groupOrder, g -> g);
        Arrays.sort(groupOrder, (a, b) -> StopTally.GROUP_ORDER.compare(ix.group(a), ix.group(b)));
        int[] groupRank = new int[ix.groupCount()];
        w.beginSection(GROUPS);
        w.varint(groupOrder.length);
        for (int r = 0; r < groupOrder.length; r++) {
            groupRank[groupOrder[r]] = r;
            Category g = ix.group(groupOrder[r]);
            w.string(g.code());
            w.string(g.label());
        }
        w.endSection();

        Integer[] keyOrder = new Integer[ix.keyCount()];
        Arrays.setAll(keyOrder, k -> k);
        Arrays.sort(keyOrder, (a, b) -> ix.key(a).compareTo(ix.key(b)));
        int[] keyRank = new int[ix.keyCount()];
        w.beginSection(KEYS);
        w.varint(keyOrder.length);
        for (int r = 0; r < keyOrder.length; r++) {
            keyRank[keyOrder[r]] = r;
            w.string(ix.key(keyOrder[r]));
        }
        w.endSection();

        w.beginSection(CELLS);
        w.varint(t.count());
        w.varint(ix.cellCount());
        for (int kr = 0; kr < keyOrder.length; kr++) {
            for (int gr = 0; gr < groupOrder.length; gr++) {
                int c = ix.cellAt(groupOrder[gr], keyOrder[kr]);
                if (c == StopIndex.NO_CELL) {
                    continue;
                }
                w.varint(groupRank[ix.groupOfCell(c)]);
                w.varint(keyRank[ix.keyOfCell(c)]);
                long[] v = t.marginals(c);
                for (int run = 0; run < RUNS.length; run++) {
                    for (int i = 0; i < RUNS[run].length; i++) {
                        w.varint(v[RUN_BASE[run] + i]);
                    }
                }
            }
        }
        w.endSection();
        w.beginSection(PERIOD);
        if (t.count() > 0) {
            w.varint(1);
            w.varint(t.firstDay() - MIN_DAY);
            w.varint(t.lastDay() - t.firstDay());
        } else {
            w.varint(0);
        }
        w.endSection();
        return w.toByteArray();
    }

    static StopTally read(byte[] bytes, Function<? super Stop, Category> group, Function<? super Stop, String> key) {
        ByteReader in = TallyBytes.reader(bytes, TallyBytes.STOP_TALLY, VERSION);
        if ((in.flags() & ~KEYED) != 0) {
            throw in.errorAt(6, "flags", "unknown flag bits 0x%02x", in.flags() & ~KEYED);
        }
        boolean keyed = (in.flags() & KEYED) != 0;

        ByteReader values = in.section(VALUES, "values");
        int[][] ordinals = new int[NAMES.length][];
        for (int s = 0; s < NAMES.length; s++) {
            String field = NAME_SECTIONS[s] + " names";
            int n = values.count(field, 1);
            if (n > NAMES[s].length) {
                throw values.error(field, "%d names, but %s has %d values", n, NAME_SECTIONS[s], NAMES[s].length);
            }
            ordinals[s] = new int[n];
            boolean[] seen = new boolean[NAMES[s].length];
            for (int i = 0; i < n; i++) {
                int at = values.offset();
                String name = values.string(field);
                int o = ordinal(NAMES[s], name);
                if (o < 0) {
                    throw values.errorAt(at, field, "%s has no value \"%s\" in this version of Peel",
                            NAME_SECTIONS[s], name);
                }
                if (seen[o]) {
                    throw values.errorAt(at, field, "\"%s\" is named twice", name);
                }
                seen[o] = true;
                ordinals[s][i] = o;
            }
        }
        values.end("section values");

        ByteReader gs = in.section(GROUPS, "groups");
        int nGroups = gs.count("number of groups", 2);
        Category[] groups = new Category[nGroups];
        for (int g = 0; g < nGroups; g++) {
            int at = gs.offset();
            String code = gs.string("group code");
            String label = gs.string("group label");
            Category c;
            try {
                c = Category.of(code, label);
            } catch (IllegalArgumentException e) {
                throw gs.errorAt(at, "group", "not a category: %s", e.getMessage());
            }
            if (!c.code().equals(code) || !c.label().equals(label)) {
                throw gs.errorAt(at, "group", "\"%s\" (\"%s\") is not in canonical form", code, label);
            }
            if (g > 0 && StopTally.GROUP_ORDER.compare(groups[g - 1], c) >= 0) {
                throw gs.errorAt(at, "group", "%s is not after %s in group order", code, groups[g - 1].code());
            }
            groups[g] = c;
        }
        gs.end("section groups");

        ByteReader ks = in.section(KEYS, "keys");
        int nKeys = ks.count("number of keys", 1);
        String[] keys = new String[nKeys];
        for (int k = 0; k < nKeys; k++) {
            int at = ks.offset();
            keys[k] = ks.string("key");
            if (k > 0 && keys[k - 1].compareTo(keys[k]) >= 0) {
                throw ks.errorAt(at, "key", "\"%s\" is not after \"%s\"", keys[k], keys[k - 1]);
            }
            if (!keyed && !keys[k].equals(StopTally.ALL)) {
                throw ks.errorAt(at, "key", "a tally without a key function holds only the key \"%s\", not \"%s\"",
                        StopTally.ALL, keys[k]);
            }
        }
        ks.end("section keys");

        ByteReader cs = in.section(CELLS, "cells");
        int totalAt = cs.offset();
        long stops = cs.varint("stops");
        int perCell = 2;
        for (int run = 0; run < RUNS.length; run++) {
            perCell += ordinals[RUN_NAMES[run]].length;
        }
        int nCells = cs.count("number of cells", perCell);
        StopTally t = StopTally.empty(group, key, keyed);
        boolean[] groupUsed = new boolean[nGroups];
        boolean[] keyUsed = new boolean[nKeys];
        long sum = 0;
        long previous = -1;
        long[] v = new long[STRIDE];
        for (int c = 0; c < nCells; c++) {
            int at = cs.offset();
            int g = (int) cs.varint("group index of a cell", 0, nGroups - 1L);
            int k = (int) cs.varint("key index of a cell", 0, nKeys - 1L);
            long order = (long) k * nGroups + g;
            if (order <= previous) {
                throw cs.errorAt(at, "cell", "(group %d, key %d) is not after the cell before it", g, k);
            }
            previous = order;
            Arrays.fill(v, 0);
            for (int run = 0; run < RUNS.length; run++) {
                for (int o : ordinals[RUN_NAMES[run]]) {
                    v[RUN_BASE[run] + o] = cs.varint("count of a cell");
                }
            }
            long cellStops = check(cs, at, groups[g], keys[k], v);
            try {
                sum = Math.addExact(sum, cellStops);
            } catch (ArithmeticException e) {
                throw cs.errorAt(at, "cell", "the stops of the cells overflow a long");
            }
            groupUsed[g] = true;
            keyUsed[k] = true;
            t.addMarginals(groups[g], keys[k], v);
        }
        cs.end("section cells");
        ByteReader ps = in.section(PERIOD, "period");
        int periodAt = ps.offset();
        boolean present = ps.varint("period present", 0, 1) == 1;
        if (present != (stops > 0)) {
            throw ps.errorAt(periodAt, "period", "%s with %d stops", present ? "present" : "absent", stops);
        }
        if (present) {
            long first = ps.varint("first day", 0, MAX_DAY - MIN_DAY) + MIN_DAY;
            long last = ps.varint("days to the last day", 0, MAX_DAY - first) + first;
            t.notePeriod(first, last);
        }
        ps.end("section period");
        in.end("the bytes after the last section");
        if (sum != stops) {
            throw cs.errorAt(totalAt, "stops", "%d, but the cells hold %d", stops, sum);
        }
        for (int g = 0; g < nGroups; g++) {
            if (!groupUsed[g]) {
                throw new TallyFormatException("stop tally bytes: group " + groups[g].code() + " has no cell");
            }
        }
        for (int k = 0; k < nKeys; k++) {
            if (!keyUsed[k]) {
                throw new TallyFormatException("stop tally bytes: key \"" + keys[k] + "\" has no cell");
            }
        }
        return t;
    }

    /** Checks that a cell's counts are possible; returns its stops. */
    private static long check(ByteReader in, int at, Category g, String k, long[] v) {
        String cell = "cell (" + g.code() + ", " + k + ")";
        try {
            long stops = sum(v, OUTCOME, OUTCOMES.length);
            if (stops == 0) {
                throw in.errorAt(at, cell, "no stops: a tally holds only cells with stops");
            }
            long searched = v[F_SEARCH * FLAGS + Flag.YES.ordinal()];
            long frisked = v[F_FRISK * FLAGS + Flag.YES.ordinal()];
            long arrests = v[F_ARREST * FLAGS + Flag.YES.ordinal()];
            for (int i = 0; i < FACTS; i++) {
                int fact = FACT_ORDER[i];
                long whole = fact <= F_FORCE ? stops : fact == F_FRISK_WEAPONS ? frisked
                        : fact == F_ARREST_FORCE ? arrests : searched;
                if (sum(v, fact * FLAGS, FLAGS) != whole) {
                    throw in.errorAt(at, cell, "%s do not add up to its %d %s", RUN_TITLES[i], whole,
                            fact <= F_FORCE ? "stops" : fact == F_FRISK_WEAPONS ? "frisks"
                                    : fact == F_ARREST_FORCE ? "arrests" : "searches");
                }
            }
            if (v[BASIS + SearchBasis.NONE.ordinal()] != 0 || sum(v, BASIS, BASES.length) != searched) {
                throw in.errorAt(at, cell, "searches by basis do not add up to its %d searches", searched);
            }
            try {
                StopQueries.fromMarginals(v);
            } catch (IllegalArgumentException e) {
                throw in.errorAt(at, cell, "impossible counts: %s", e.getMessage());
            }
            return stops;
        } catch (ArithmeticException e) {
            throw in.errorAt(at, cell, "counts overflow a long");
        }
    }

    private static long sum(long[] v, int from, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s = Math.addExact(s, v[from + i]);
        }
        return s;
    }

    private static int ordinal(Enum<?>[] values, String name) {
        for (Enum<?> v : values) {
            if (v.name().equals(name)) {
                return v.ordinal();
            }
        }
        return -1;
    }
}
