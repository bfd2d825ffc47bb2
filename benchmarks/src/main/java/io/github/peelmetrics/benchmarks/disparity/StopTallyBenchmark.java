package io.github.peelmetrics.benchmarks.disparity;

import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tallying 10,000,000 in-memory stops by race and beat (50 beats, six races, realistic shares of
 * searches, hits and outcomes). Scores are stops per second ({@code OperationsPerInvocation}):
 * a plain loop and a sequential stream on one core, and a parallel stream (the collector's
 * combiner is the merge).
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar StopTallyBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -jvmArgs -Xmx4g
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class StopTallyBenchmark {

    /** Number of stops. */
    public static final int N = 10_000_000;

    /** How many beats. */
    @Param({"50"})
    public int beats;

    private List<Stop> stops;

    /** Builds the stops once: distinct records that share their immutable parts, as a reader's would. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20261124);
        String[] beatIds = new String[beats];
        for (int b = 0; b < beats; b++) {
            beatIds[b] = String.format("B%03d", b);
        }
        Demographics[] people = Races.all().stream().map(Demographics::ofRace).toArray(Demographics[]::new);
        double[] raceShare = {0.06, 0.25, 0.20, 0.42, 0.03, 0.04}; // order of Races.all()
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        ZonedDateTime[] times = new ZonedDateTime[1440];
        for (int i = 0; i < times.length; i++) {
            times[i] = start.plusMinutes(i * 365L);
        }
        StopOutcome[] outcomes = {StopOutcome.NONE, StopOutcome.WARNING, StopOutcome.WARNING, StopOutcome.CITATION,
            StopOutcome.CITATION, StopOutcome.CITATION, StopOutcome.ARREST, StopOutcome.UNKNOWN};
        stops = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            double u = r.nextDouble();
            int race = 0;
            while (race < raceShare.length - 1 && u >= raceShare[race]) {
                u -= raceShare[race];
                race++;
            }
            Stop.Builder b = Stop.builder("S" + i, times[r.nextInt(times.length)])
                    .beat(beatIds[r.nextInt(beats)]).subject(people[race])
                    .outcome(outcomes[r.nextInt(outcomes.length)])
                    .useOfForce(r.nextInt(50) == 0 ? Flag.YES : Flag.NO);
            int s = r.nextInt(100);
            if (s < 6) {
                b.searched(s < 3 ? SearchBasis.PROBABLE_CAUSE : SearchBasis.CONSENT, Flag.of(r.nextInt(3) == 0));
            } else if (s < 98) {
                b.notSearched();
            }
            stops.add(b.build());
        }
    }

    /**
     * Baseline, one core: read the fields a tally reads (race, beat, search, contraband, outcome,
     * force) and fold them into a number, without tallying: the cost of walking 10M records.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public long baselineReadFields() {
        long h = 0;
        for (int i = 0; i < stops.size(); i++) {
            Stop s = stops.get(i);
            h += s.subject().race().hashCode() + s.beat().hashCode() + s.searchConducted().ordinal()
                    + s.contrabandFound().ordinal() + s.outcome().ordinal() + s.useOfForce().ordinal();
        }
        return h;
    }

    /** One core: a plain loop over {@link StopTally#add}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public StopTally loopOneCore() {
        StopTally t = StopTally.byRace(Stop::beat);
        for (int i = 0; i < stops.size(); i++) {
            t.add(stops.get(i));
        }
        return t;
    }

    /** One core: a sequential stream into the collector. */
    @Benchmark
    @OperationsPerInvocation(N)
    public StopTally sequentialStream() {
        return stops.stream().collect(StopTally.collector(Stop::beat));
    }

    /** Every core of the common pool: a parallel stream into the collector, partial tallies merged. */
    @Benchmark
    @OperationsPerInvocation(N)
    public StopTally parallelStream() {
        return stops.parallelStream().collect(StopTally.collector(Stop::beat));
    }
}
