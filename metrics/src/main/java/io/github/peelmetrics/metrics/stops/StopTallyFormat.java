package io.github.peelmetrics.metrics.stops;

import static io.github.peelmetrics.metrics.stops.StopTally.BASES;
import static io.github.peelmetrics.metrics.stops.StopTally.BASIS;
import static io.github.peelmetrics.metrics.stops.StopTally.FORCE;
import static io.github.peelmetrics.metrics.stops.StopTally.HIT;
import static io.github.peelmetrics.metrics.stops.StopTally.OUTCOME;
import static io.github.peelmetrics.metrics.stops.StopTally.OUTCOMES;
import static io.github.peelmetrics.metrics.stops.StopTally.SEARCH;
import static io.github.peelmetrics.metrics.stops.StopTally.SEARCHED_ARRESTS;
import static io.github.peelmetrics.metrics.stops.StopTally.SEARCHED_OUTCOME_KNOWN;
import static io.github.peelmetrics.metrics.stops.StopTally.STRIDE;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.core.internal.ByteReader;
import io.github.peelmetrics.core.internal.ByteWriter;
import io.github.peelmetrics.core.internal.TallyBytes;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The byte format of a {@link StopTally}, version 1: the layout in one place, in the manner of
 * Apache DataSketches' {@code PreambleUtil}, with its writer and its checking reader.
 *
 * <pre>
 *  preamble (TallyBytes, 16 bytes): "PEEL" | kind 1 (stop tally) | version 1 | flags | 0 | length | CRC32C
 *            flags: bit 0 set when the tally has a key function; the other bits 0
 *
 *  section 1 "values"   the names of the enum values counted, so that the bytes outlive a
 *                       reordering of core's enums; a run below has one count per name, in this order
 *      varint nFlag     nFlag    x string   Flag names        (search status, force, contraband)
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
 *              nFlag    x varint   stops by search status
 *              nFlag    x varint   stops by use of force
 *              nOutcome x varint   stops by outcome
 *              nFlag    x varint   searches by contraband found
 *              nBasis   x varint   searches by basis
 *              varint searchedArrests   varint searchedOutcomeKnown
 * </pre>
 *
 * <p>Sections are an id byte, an int32 payload length and the payload (see {@code TallyBytes});
 * varints are unsigned LEB128 in their shortest form; strings a varint UTF-8 byte length and the
 * bytes. The bytes are canonical: equal tallies give equal bytes.
 *
 * <p>The reader rejects with a {@link TallyFormatException}, besides every check of the preamble
 * and the checksum: a count or length that runs past the bytes left (checked before anything is
 * allocated for it), an enum name this version does not know or a name given twice, a group not
 * in canonical form or out of order, a key out of order, a group or key that no cell uses, a cell
 * index out of range or out of order, and impossible counts: a cell with no stops; stops by search
 * status, or by force, that do not add up to the stops; searches by contraband finding, or by
 * basis, that do not add up to the searches (and a search with basis {@code NONE}); searched
 * arrests above searched stops with a known outcome, above those, or above arrests; searched
 * stops with an unknown outcome above stops with an unknown outcome; sums that overflow a
 * {@code long}; and a total that is not the sum of the cells.
 */
final class StopTallyFormat {

    static final int VERSION = 1;
    static final int KEYED = 1;
    private static final int VALUES = 1;
    private static final int GROUPS = 2;
    private static final int KEYS = 3;
    private static final int CELLS = 4;

    /** The runs of enum counts of a cell, in order: their enum values and their first slot. */
    private static final Enum<?>[][] RUNS = {Flag.values(), Flag.values(), OUTCOMES, Flag.values(), BASES};
    private static final int[] RUN_BASE = {SEARCH, FORCE, OUTCOME, HIT, BASIS};
    /** The sections of enum names: Flag, StopOutcome, SearchBasis; and which name section each run uses. */
    private static final Enum<?>[][] NAMES = {Flag.values(), OUTCOMES, BASES};
    private static final String[] NAME_SECTIONS = {"Flag", "StopOutcome", "SearchBasis"};
    private static final int[] RUN_NAMES = {0, 0, 1, 0, 2};

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
                w.varint(v[SEARCHED_ARRESTS]);
                w.varint(v[SEARCHED_OUTCOME_KNOWN]);
            }
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
        perCell += 2;
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
            v[SEARCHED_ARRESTS] = cs.varint("searchedArrests of a cell");
            v[SEARCHED_OUTCOME_KNOWN] = cs.varint("searchedOutcomeKnown of a cell");
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
            long searched = v[SEARCH + Flag.YES.ordinal()];
            if (sum(v, SEARCH, Flag.values().length) != stops) {
                throw in.errorAt(at, cell, "stops by search status do not add up to its %d stops", stops);
            }
            if (sum(v, FORCE, Flag.values().length) != stops) {
                throw in.errorAt(at, cell, "stops by use of force do not add up to its %d stops", stops);
            }
            if (sum(v, HIT, Flag.values().length) != searched) {
                throw in.errorAt(at, cell, "searches by contraband found do not add up to its %d searches", searched);
            }
            if (v[BASIS + SearchBasis.NONE.ordinal()] != 0 || sum(v, BASIS, BASES.length) != searched) {
                throw in.errorAt(at, cell, "searches by basis do not add up to its %d searches", searched);
            }
            long arrests = v[OUTCOME + StopOutcome.ARREST.ordinal()];
            long unknown = v[OUTCOME + StopOutcome.UNKNOWN.ordinal()];
            long sArrests = v[SEARCHED_ARRESTS];
            long sKnown = v[SEARCHED_OUTCOME_KNOWN];
            if (sKnown > searched || sArrests > sKnown || sArrests > arrests || searched - sKnown > unknown
                    || sKnown - sArrests > stops - unknown - arrests) {
                throw in.errorAt(at, cell, "searchedArrests %d and searchedOutcomeKnown %d are impossible with %d "
                        + "searches, %d arrests and %d unknown outcomes", sArrests, sKnown, searched, arrests, unknown);
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
