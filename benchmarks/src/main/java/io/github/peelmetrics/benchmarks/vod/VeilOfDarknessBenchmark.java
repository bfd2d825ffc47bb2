package io.github.peelmetrics.benchmarks.vod;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.metrics.vod.FixedEffects;
import io.github.peelmetrics.metrics.vod.SolarDay;
import io.github.peelmetrics.metrics.vod.SolarTimes;
import io.github.peelmetrics.metrics.vod.VeilOfDarkness;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessResult;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full veil of darkness test (classification with solar times, spline, logistic fit) on
 * {@code n} synthetic stops in one Oakland-like city over two years, 16:30-21:30, 10 beats.
 * Target: 1,000,000 stops in under 2 s on one core.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar VeilOfDarknessBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:ActiveProcessorCount=1"})
public class VeilOfDarknessBenchmark {

    private static final GeoPoint OAKLAND = GeoPoint.of(37.8044, -122.2712);
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    /** Number of stops. */
    @Param({"1000000"})
    public int n;

    private List<Stop> stops;
    private VeilOfDarkness city;
    private VeilOfDarkness beats;
    private VeilOfDarkness beatLocations;

    /** Builds the stops once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20261124L);
        Demographics[] people = {
            Demographics.ofRace(Races.BLACK), Demographics.ofRace(Races.WHITE),
            Demographics.ofRace(Races.HISPANIC), Demographics.ofRace(Category.UNKNOWN)};
        String[] beatIds = new String[10];
        for (int b = 0; b < beatIds.length; b++) {
            beatIds[b] = String.format("B%02d", b + 1);
        }
        stops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate date = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(730));
            int minute = 990 + r.nextInt(300);
            double eta = -1 + 0.002 * (minute - 1100) + (r.nextInt(10) == 0 ? 0.5 : 0);
            Demographics who = r.nextInt(100) == 0 ? people[3]
                    : r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? people[0] : people[1 + r.nextInt(2)];
            stops.add(Stop.builder("S" + i, date.atTime(minute / 60, minute % 60, r.nextInt(60)).atZone(PACIFIC))
                    .beat(beatIds[r.nextInt(beatIds.length)]).subject(who).build());
        }
        city = VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK);
        beats = city.fixedEffects(FixedEffects.BEAT);
        java.util.Map<String, GeoPoint> where = new java.util.HashMap<>();
        for (int b = 0; b < beatIds.length; b++) {   // 10 beats spread over about 10 km
            where.put(beatIds[b], GeoPoint.of(37.76 + 0.01 * b, -122.30 + 0.008 * b));
        }
        beatLocations = VeilOfDarkness.atBeats(where, PACIFIC, Races.BLACK).fixedEffects(FixedEffects.BEAT);
    }

    /** The test without fixed effects. */
    @Benchmark
    public VeilOfDarknessResult cityTest() {
        return city.test(stops);
    }

    /** The test with beat fixed effects. */
    @Benchmark
    public VeilOfDarknessResult beatFixedEffectsTest() {
        return beats.test(stops);
    }

    /** Each beat with its own location (10 solar calendars) and beat fixed effects. */
    @Benchmark
    public VeilOfDarknessResult beatLocationsTest() {
        return beatLocations.test(stops);
    }

    /** Sunset and civil dusk for one date (what the test computes once per date and location). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SolarDay solarDay() {
        return SolarTimes.day(OAKLAND, PACIFIC, LocalDate.of(2019, 3, 10));
    }
}
