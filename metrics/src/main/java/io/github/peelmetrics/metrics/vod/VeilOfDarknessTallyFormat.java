package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.core.internal.ByteReader;
import io.github.peelmetrics.core.internal.ByteWriter;
import io.github.peelmetrics.core.internal.TallyBytes;
import java.security.MessageDigest;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The byte format of a {@link VeilOfDarknessTally}, version 2: the layout in one place, in the
 * manner of Apache DataSketches' {@code PreambleUtil}, with its writer and its checking reader.
 *
 * <pre>
 *  preamble (TallyBytes, 16 bytes): "PEEL" | kind 2 (veil of darkness tally) | version 2 | flags 0 | 0 | length | CRC32C
 *
 *  section 1 "test"
 *      32 bytes            SHA-256 of the test's settings (VeilOfDarkness.configurationDigest): the
 *                          places, zone, groups of interest, reference group, spline df, fixed
 *                          effects, darkness rule, model rows, vehicular-only and level
 *  section 2 "counts"
 *      varint stops        the tally's count: the cells' counts plus the excluded stops
 *      varint nExcluded    nExcluded x (string Exclusion name, varint count &gt;= 1)
 *                          reasons decided while tallying (NOT_VEHICULAR, UNKNOWN_RACE, OTHER_RACE,
 *                          UNKNOWN_LOCATION, UNKNOWN_BEAT, UNKNOWN_DISTRICT, UNKNOWN_TIME), in
 *                          Exclusion order, only those with stops
 *  section 3 "years"       one entry per location of the test (1 for a city, else the distinct beat points)
 *      u8 present          1 when the location has stops, else 0 and nothing follows
 *      varint first + 10^9 varint last - first    the first and last calendar year of its stops
 *  section 4 "beats"       with fixed effects by beat or district only; otherwise empty (nBeats 0)
 *      varint nBeats       nBeats x string    the beats (or districts) of the cells, sorted, no two equal
 *  section 5 "cells"
 *      varint nCells       nCells x cell, in increasing order of their key (location, beat, group,
 *                          minute, class, class the evening before), no two equal
 *        cell: varint location   varint beat index (fixed effects by beat or district only)
 *              varint minute     the local clock minute HH*60+MM, below 1440
 *              u8 classes        group &lt;&lt; 4 | class &lt;&lt; 2 | class the evening before
 *                                group 1 in the groups of interest, else 0; class 0 light, 1 dark, 2 twilight
 *              varint count      &gt;= 1
 *                                (under DarknessRule.OPP_MINUTES the class is OPP's and the class the
 *                                evening before is always 2)
 *  section 6 "dusk minutes"  one entry per location (version 2)
 *      u8 present          1 when the test uses DarknessRule.OPP_MINUTES and a stop with a time was
 *                          tallied there; else 0 and nothing follows
 *      varint lowest       varint highest - lowest    the truncated dusk minutes of those stops (below 1440)
 * </pre>
 *
 * <p>Version 2 (Peel 0.2) added the reference group, darkness rule, model rows and vehicular-only
 * settings to the digest, the exclusions NOT_VEHICULAR, OTHER_RACE and UNKNOWN_DISTRICT to
 * section 2, district levels in sections 4 and 5, and section 6. Version 1 bytes are rejected
 * (their digest could not match a version 2 test anyway).
 *
 * <p>Sections are an id byte, an int32 payload length and the payload (see {@code TallyBytes});
 * varints are unsigned LEB128 in their shortest form; strings a varint UTF-8 byte length and the
 * bytes. The bytes are canonical: equal tallies give equal bytes (beats are written by name, in
 * order, and the cells by that order).
 *
 * <p>The reader rejects with a {@link TallyFormatException}, besides every check of the preamble
 * and the checksum: another test's digest, a count or length that runs past the bytes left
 * (checked before anything is allocated for it), an exclusion this version does not know, out of
 * order, one that the test cannot produce (a beat location without per-beat places, an unknown
 * beat without beat effects) or one decided only by the result (window, twilight), a year out of
 * range or a first year after the last, a location with stops but no cell or with cells but no
 * years, a beat out of order or used by no cell, a cell index or field out of range or a cell out
 * of order, a count of 0, sums that overflow a {@code long}, and a total that is not the sum of
 * the cells and the exclusions.
 */
final class VeilOfDarknessTallyFormat {

    static final int VERSION = 2;
    private static final int TEST = 1;
    private static final int COUNTS = 2;
    private static final int YEARS = 3;
    private static final int BEATS = 4;
    private static final int CELLS = 5;
    private static final int DUSK = 6;
    private static final int DIGEST_BYTES = 32;
    private static final long YEAR_BIAS = 1_000_000_000L;
    private static final int MINUTES = 1440;
    private static final Exclusion[] TALLIED = {Exclusion.NOT_VEHICULAR, Exclusion.UNKNOWN_RACE, Exclusion.OTHER_RACE,
        Exclusion.UNKNOWN_LOCATION, Exclusion.UNKNOWN_BEAT, Exclusion.UNKNOWN_DISTRICT, Exclusion.UNKNOWN_TIME};

    private VeilOfDarknessTallyFormat() {}

    static byte[] write(VeilOfDarknessTally t) {
        VeilOfDarkness test = t.test();
        boolean fe = test.effects().byLevel();
        ByteWriter w = TallyBytes.writer(TallyBytes.VEIL_OF_DARKNESS_TALLY, VERSION, 0);
        w.beginSection(TEST);
        w.bytes(test.configurationDigest());
        w.endSection();

        w.beginSection(COUNTS);
        w.varint(t.count());
        EnumMap<Exclusion, Long> ex = t.excluded();
        w.varint(ex.values().stream().filter(v -> v > 0).count());
        ex.forEach((e, v) -> {
            if (v > 0) {
                w.string(e.name());
                w.varint(v);
            }
        });
        w.endSection();

        w.beginSection(YEARS);
        for (int l = 0; l < t.locations(); l++) {
            int[] y = t.years(l);
            if (y[0] > y[1]) {
                w.u8(0);
            } else {
                w.u8(1);
                w.varint(y[0] + YEAR_BIAS);
                w.varint((long) y[1] - y[0]);
            }
        }
        w.endSection();

        // beats by name, in order; cells re-keyed by the beat's rank and sorted
        TreeMap<String, Integer> used = new TreeMap<>();
        if (fe) {
            t.cells().forEach((k, v) -> used.put(t.beatName(VeilOfDarknessTally.beatOf(k)), 0));
        }
        int r = 0;
        for (Map.Entry<String, Integer> e : used.entrySet()) {
            e.setValue(r++);
        }
        w.beginSection(BEATS);
        w.varint(used.size());
        for (String b : used.keySet()) {
            w.string(b);
        }
        w.endSection();

        LongCounts ranked = new LongCounts();
        t.cells().forEach((k, v) -> ranked.add(
                fe ? VeilOfDarknessTally.withBeat(k, used.get(t.beatName(VeilOfDarknessTally.beatOf(k)))) : k, v));
        long[] keys = new long[ranked.size()];
        long[] counts = new long[keys.length];
        int[] n = {0};
        ranked.forEach((k, v) -> keys[n[0]++] = k);
        Arrays.sort(keys);
        ranked.forEach((k, v) -> counts[Arrays.binarySearch(keys, k)] = v);
        w.beginSection(CELLS);
        w.varint(keys.length);
        for (int i = 0; i < keys.length; i++) {
            long k = keys[i];
            w.varint(VeilOfDarknessTally.locOf(k));
            if (fe) {
                w.varint(VeilOfDarknessTally.beatOf(k));
            }
            w.varint(VeilOfDarknessTally.minuteOf(k));
            w.u8(VeilOfDarknessTally.groupOf(k) << 4 | VeilOfDarknessTally.cls0Of(k) << 2 | VeilOfDarknessTally.cls1Of(k));
            w.varint(counts[i]);
        }
        w.endSection();

        w.beginSection(DUSK);
        for (int l = 0; l < t.locations(); l++) {
            int[] d = t.duskMinutes(l);
            if (d[0] > d[1]) {
                w.u8(0);
            } else {
                w.u8(1);
                w.varint(d[0]);
                w.varint((long) d[1] - d[0]);
            }
        }
        w.endSection();
        return w.toByteArray();
    }

    static VeilOfDarknessTally read(byte[] bytes, VeilOfDarknessTally empty) {
        VeilOfDarkness test = empty.test();
        boolean fe = test.effects().byLevel();
        ByteReader in = TallyBytes.reader(bytes, TallyBytes.VEIL_OF_DARKNESS_TALLY, VERSION);
        if (in.flags() != 0) {
            throw in.errorAt(6, "flags", "must be 0, not 0x%02x", in.flags());
        }

        ByteReader ts = in.section(TEST, "test");
        int at = ts.offset();
        byte[] digest = ts.bytes("digest of the test's settings", DIGEST_BYTES);
        ts.end("section test");
        if (!MessageDigest.isEqual(digest, test.configurationDigest())) {
            throw ts.errorAt(at, "digest of the test's settings", "the bytes are a tally of another test than %s",
                    test);
        }

        ByteReader cs = in.section(COUNTS, "counts");
        int countAt = cs.offset();
        long count = cs.varint("stops");
        int nExcluded = cs.count("number of exclusions", 2);
        EnumMap<Exclusion, Long> excluded = new EnumMap<>(Exclusion.class);
        long sum = 0;
        int previous = -1;
        for (int i = 0; i < nExcluded; i++) {
            int eAt = cs.offset();
            String name = cs.string("exclusion");
            Exclusion e = null;
            for (Exclusion x : TALLIED) {
                if (x.name().equals(name)) {
                    e = x;
                }
            }
            if (e == null) {
                throw cs.errorAt(eAt, "exclusion", "\"%s\" is not a reason decided while tallying", name);
            }
            if (e.ordinal() <= previous) {
                throw cs.errorAt(eAt, "exclusion", "%s is out of order or given twice", name);
            }
            previous = e.ordinal();
            if (e == Exclusion.UNKNOWN_LOCATION && !test.perBeat()
                    || e == Exclusion.UNKNOWN_BEAT && !(fe && !test.effects().byDistrict())
                    || e == Exclusion.UNKNOWN_DISTRICT && !test.effects().byDistrict()
                    || e == Exclusion.NOT_VEHICULAR && !test.keepsVehicularOnly()
                    || e == Exclusion.OTHER_RACE && !test.hasReference()) {
                throw cs.errorAt(eAt, "exclusion", "%s cannot happen in %s", name, test);
            }
            long v = cs.varint("count of exclusion " + name, 1, Long.MAX_VALUE);
            excluded.put(e, v);
            sum = add(cs, eAt, sum, v);
        }
        cs.end("section counts");

        ByteReader ys = in.section(YEARS, "years");
        int locations = empty.locations();
        int[] min = new int[locations];
        int[] max = new int[locations];
        Arrays.fill(min, Integer.MAX_VALUE);
        Arrays.fill(max, Integer.MIN_VALUE);
        for (int l = 0; l < locations; l++) {
            int yAt = ys.offset();
            int present = ys.u8("years of location " + l);
            if (present > 1) {
                throw ys.errorAt(yAt, "years of location " + l, "presence byte is %d, must be 0 or 1", present);
            }
            if (present == 1) {
                long first = ys.varint("first year of location " + l, Year.MIN_VALUE + YEAR_BIAS,
                        Year.MAX_VALUE + YEAR_BIAS) - YEAR_BIAS;
                long span = ys.varint("years of location " + l, 0, Year.MAX_VALUE - first);
                min[l] = (int) first;
                max[l] = (int) (first + span);
            }
        }
        ys.end("section years");

        ByteReader bs = in.section(BEATS, "beats");
        int nBeats = bs.count("number of beats", 1);
        if (!fe && nBeats > 0) {
            throw bs.error("number of beats", "%d beats, but %s has no beat effects", nBeats, test);
        }
        if (nBeats > VeilOfDarknessTally.MAX_BEATS) {
            throw bs.error("number of beats", "%d beats, more than %d", nBeats, VeilOfDarknessTally.MAX_BEATS);
        }
        List<String> beats = new ArrayList<>(nBeats);
        for (int b = 0; b < nBeats; b++) {
            int bAt = bs.offset();
            String name = bs.string("beat");
            if (b > 0 && beats.get(b - 1).compareTo(name) >= 0) {
                throw bs.errorAt(bAt, "beat", "\"%s\" is not after \"%s\"", name, beats.get(b - 1));
            }
            beats.add(name);
        }
        bs.end("section beats");

        ByteReader cells = in.section(CELLS, "cells");
        int nCells = cells.count("number of cells", fe ? 5 : 4);
        LongCounts table = new LongCounts();
        boolean[] locationUsed = new boolean[locations];
        boolean[] beatUsed = new boolean[nBeats];
        long last = -1;
        for (int c = 0; c < nCells; c++) {
            int cAt = cells.offset();
            int l = (int) cells.varint("location of a cell", 0, locations - 1L);
            int b = fe ? (int) cells.varint("beat of a cell", 0, nBeats - 1L) : 0;
            int m = (int) cells.varint("minute of a cell", 0, MINUTES - 1L);
            int classes = cells.u8("classes of a cell");
            int group = classes >>> 4;
            int cls0 = (classes >>> 2) & 3;
            int cls1 = classes & 3;
            if (group > 1 || cls0 > VeilOfDarknessTally.TWILIGHT || cls1 > VeilOfDarknessTally.TWILIGHT) {
                throw cells.errorAt(cells.offset() - 1, "classes of a cell", "0x%02x is not group << 4 | class << 2 | class",
                        classes);
            }
            if (test.rule() == DarknessRule.OPP_MINUTES && cls1 != VeilOfDarknessTally.TWILIGHT) {
                throw cells.errorAt(cells.offset() - 1, "classes of a cell",
                        "0x%02x: under OPP's rule the class the evening before must be 2", classes);
            }
            long key = VeilOfDarknessTally.key(l, b, group, m, cls0, cls1);
            if (key <= last) {
                throw cells.errorAt(cAt, "cell", "is not after the cell before it");
            }
            last = key;
            long v = cells.varint("count of a cell", 1, Long.MAX_VALUE);
            sum = add(cells, cAt, sum, v);
            table.add(key, v);
            locationUsed[l] = true;
            if (fe) {
                beatUsed[b] = true;
            }
        }
        cells.end("section cells");

        ByteReader ds = in.section(DUSK, "dusk minutes");
        int[] duskMin = new int[locations];
        int[] duskMax = new int[locations];
        Arrays.fill(duskMin, Integer.MAX_VALUE);
        Arrays.fill(duskMax, Integer.MIN_VALUE);
        boolean opp = test.rule() == DarknessRule.OPP_MINUTES;
        for (int l = 0; l < locations; l++) {
            int dAt = ds.offset();
            int present = ds.u8("dusk minutes of location " + l);
            if (present > 1 || present == 1 && !opp) {
                throw ds.errorAt(dAt, "dusk minutes of location " + l, "presence byte is %d, must be %s", present,
                        opp ? "0 or 1" : "0 (the test does not use OPP's dusk minutes)");
            }
            if (present == 1) {
                long lo = ds.varint("lowest dusk minute of location " + l, 0, MINUTES - 1L);
                long span = ds.varint("dusk minutes of location " + l, 0, MINUTES - 1L - lo);
                duskMin[l] = (int) lo;
                duskMax[l] = (int) (lo + span);
            }
        }
        ds.end("section dusk minutes");
        in.end("the bytes after the last section");
        if (sum != count) {
            throw cs.errorAt(countAt, "stops", "%d, but the cells and exclusions hold %d", count, sum);
        }
        for (int l = 0; l < locations; l++) {
            if (locationUsed[l] != (min[l] <= max[l])) {
                throw new TallyFormatException(String.format(java.util.Locale.ROOT,
                        "veil of darkness tally bytes: location %d has %s", l,
                        locationUsed[l] ? "cells but no years" : "years but no cells"));
            }
        }
        for (int b = 0; b < nBeats; b++) {
            if (!beatUsed[b]) {
                throw new TallyFormatException("veil of darkness tally bytes: beat \"" + beats.get(b) + "\" has no cell");
            }
        }
        empty.restore(count, excluded, min, max, duskMin, duskMax, beats, table);
        return empty;
    }

    private static long add(ByteReader in, int at, long sum, long v) {
        try {
            return Math.addExact(sum, v);
        } catch (ArithmeticException e) {
            throw in.errorAt(at, "count", "the counts overflow a long");
        }
    }
}
