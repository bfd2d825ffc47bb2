package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.testing.Seeded;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arbitrary bytes fed to each reader (random bytes, and valid files with bytes flipped, inserted
 * or cut) give records or typed rejections in lenient mode, never another exception, and the
 * counts reconcile: every row read is accepted or rejected, and the kept records and rejections
 * are those the summary counts.
 */
class FuzzPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(150);
    }

    private static final Mapping<Stop> STOPS = Mapping.openPolicing(RecordType.STOPS).zone(Gen.ZONE);
    private static final Mapping<SurveyResponse> SURVEY = Mapping.generic(RecordType.SURVEY_RESPONSES).items(Gen.ITEMS.toArray(String[]::new))
            .attributes(Gen.ATTRIBUTES.toArray(String[]::new));

    private static <T> byte[] valid(SplittableRandom r, Function<SplittableRandom, T> gen, RecordWriter<T> w, boolean json) {
        List<T> xs = new ArrayList<>();
        int n = 1 + r.nextInt(15);
        for (int i = 0; i < n; i++) {
            xs.add(gen.apply(r));
        }
        StringWriter out = new StringWriter();
        if (json) {
            w.writeJsonLines(xs.stream(), out);
        } else {
            w.writeCsv(xs.stream(), out);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] NASTY = "\",\n\r\"{}[]:\\\u00e9\uFFFD=+-@\t0".getBytes(StandardCharsets.UTF_8);

    /** Flips, inserts and deletes bytes after the first line (so the header usually survives), or all random. */
    static byte[] mangle(SplittableRandom r, byte[] valid) {
        if (r.nextInt(5) == 0) {
            byte[] junk = new byte[r.nextInt(400)];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = r.nextInt(3) == 0 ? NASTY[r.nextInt(NASTY.length)] : (byte) r.nextInt(256);
            }
            return junk;
        }
        int headerEnd = 0;
        while (headerEnd < valid.length && valid[headerEnd] != '\n') {
            headerEnd++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, Math.min(valid.length, headerEnd + 1));
        for (int i = headerEnd + 1; i < valid.length; i++) {
            int roll = r.nextInt(60);
            if (roll == 0) {
                continue; // delete
            }
            if (roll == 1) {
                out.write(NASTY[r.nextInt(NASTY.length)]);
            }
            if (roll == 2) {
                out.write(r.nextInt(256));
                continue; // replace
            }
            out.write(valid[i]);
        }
        return out.toByteArray();
    }

    private static <T> void feed(Seeded seed, RecordReader<T> reader, byte[] bytes, boolean json) {
        String what = seed + (json ? " JSON lines" : " CSV") + ": " + new String(bytes, StandardCharsets.UTF_8);
        ReadResult<T> result;
        try {
            result = json
                    ? reader.mode(ErrorMode.LENIENT).readJsonLines(new ByteArrayInputStream(bytes), "fuzz")
                    : reader.mode(ErrorMode.LENIENT).readCsv(new ByteArrayInputStream(bytes), "fuzz");
        } catch (ReadException e) {
            // a typed failure of the whole file: an unreadable header, or no column for a required field
            assertTrue(e.getMessage().startsWith("fuzz line ") && e.rejection().source().equals("fuzz"), what + "\n" + e.getMessage());
            return;
        }
        ReadSummary s = result.summary();
        assertEquals(s.read(), s.accepted() + s.rejected(), what);
        assertEquals(s.records(), result.records().size(), what);
        if (reader.toString().startsWith("RecordReader[beats")) {
            // one rejection stands for all the rows of its beat
            assertTrue(result.rejections().size() <= s.rejected(), what);
            assertEquals(s.rejected() == 0, result.rejections().isEmpty(), what);
            assertTrue(s.records() <= s.accepted(), what);
        } else {
            assertEquals(s.rejected(), result.rejections().size(), what);
            assertEquals(s.accepted(), s.records(), what);
        }
        for (Rejection rej : result.rejections()) {
            assertTrue(rej.line() >= 1, what + " line of " + rej);
            assertTrue(!rej.reason().isBlank(), what + " reason of " + rej);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void arbitraryBytesGiveRecordsOrRejections(Seeded seed) {
        SplittableRandom r = seed.random();
        for (boolean json : new boolean[] {false, true}) {
            feed(seed, RecordReader.of(STOPS), mangle(r, valid(r, Gen::stop, RecordWriter.of(STOPS), json)), json);
            feed(seed, RecordReader.of(SURVEY),
                    mangle(r, valid(r, Gen::survey, RecordWriter.of(SURVEY), json)), json);
            feed(seed, RecordReader.of(Mapping.generic(RecordType.COMPLAINTS)),
                    mangle(r, valid(r, Gen::complaint, RecordWriter.of(Mapping.generic(RecordType.COMPLAINTS)), json)), json);
            feed(seed, RecordReader.of(Mapping.generic(RecordType.OFFICERS)),
                    mangle(r, valid(r, Gen::officer, RecordWriter.of(Mapping.generic(RecordType.OFFICERS)), json)), json);
            feed(seed, RecordReader.of(Mapping.generic(RecordType.ASSIGNMENTS)),
                    mangle(r, valid(r, Gen::assignment, RecordWriter.of(Mapping.generic(RecordType.ASSIGNMENTS)), json)), json);
            byte[] beats = mangle(r, ("beat,district,race,population\nB1,D1,white,10\nB1,D1,black,5\nB2,D1,white,7\n"
                    + "B2,D1,hispanic,3\nB3,D2,white,1\n").getBytes(StandardCharsets.UTF_8));
            if (!json) {
                feed(seed, RecordReader.of(Mapping.generic(RecordType.BEATS)), beats, false);
            }
        }
    }
}
