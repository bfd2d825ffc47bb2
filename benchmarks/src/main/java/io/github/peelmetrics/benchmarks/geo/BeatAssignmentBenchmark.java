package io.github.peelmetrics.benchmarks.geo;

import io.github.peelmetrics.geo.AssignmentSummary;
import io.github.peelmetrics.geo.BeatMap;
import io.github.peelmetrics.geo.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The speed target of the geo issue: 10,000,000 stops assigned to 100 beats from their
 * coordinates in under 2 s on one core, with the assignment summary (stops by beat and by
 * no-beat reason).
 *
 * <p>Beats: a 10 x 10 mesh over a 0.25° x 0.25° city near Seattle, each shared edge a wiggly
 * polyline of 16 segments (about 64 vertices a beat), written as GeoJSON and read by
 * {@link BeatMap#fromGeoJson(String, String)}. Stops: uniform over the city's bounding box
 * widened by 5 % on each side (about 17 % fall outside every beat), 0.5 % without coordinates.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar BeatAssignmentBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BeatAssignmentBenchmark {

    /** Number of stops. */
    public static final int N = 10_000_000;
    private static final int SIDE = 10;
    private static final int SEGMENTS = 16;

    private BeatMap map;
    private double[] lat;
    private double[] lng;

    /** Builds the beats and the stops with fixed seeds. */
    @Setup(Level.Trial)
    public void setUp() {
        map = BeatMap.fromGeoJson(beatsGeoJson(new SplittableRandom(21)), "beat");
        SplittableRandom r = new SplittableRandom(22);
        lat = new double[N];
        lng = new double[N];
        double w = 0.25 * 0.05;
        for (int i = 0; i < N; i++) {
            if (r.nextInt(200) == 0) {
                lat[i] = Double.NaN;
                lng[i] = Double.NaN;
            } else {
                lat[i] = 47.5 - w + r.nextDouble() * (0.25 + 2 * w);
                lng[i] = -122.45 - w + r.nextDouble() * (0.25 + 2 * w);
            }
        }
    }

    /** GeoJSON of the 10 x 10 wiggly mesh. */
    static String beatsGeoJson(SplittableRandom r) {
        double cell = 0.25 / SIDE;
        double[][] vx = new double[SIDE + 1][SIDE + 1];
        double[][] vy = new double[SIDE + 1][SIDE + 1];
        for (int i = 0; i <= SIDE; i++) {
            for (int j = 0; j <= SIDE; j++) {
                boolean edgeX = i == 0 || i == SIDE;
                boolean edgeY = j == 0 || j == SIDE;
                vx[i][j] = -122.45 + i * cell + (edgeX ? 0 : (r.nextDouble() - 0.5) * cell * 0.3);
                vy[i][j] = 47.5 + j * cell + (edgeY ? 0 : (r.nextDouble() - 0.5) * cell * 0.3);
            }
        }
        // horizontal edges h[i][j]: (i,j) -> (i+1,j); vertical v[i][j]: (i,j) -> (i,j+1)
        List<double[]>[][] h = polylines(SIDE, SIDE + 1, vx, vy, true, r, cell);
        List<double[]>[][] v = polylines(SIDE + 1, SIDE, vx, vy, false, r, cell);
        StringBuilder sb = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                List<double[]> ring = new ArrayList<>(h[i][j]);
                ring.remove(ring.size() - 1);
                ring.addAll(v[i + 1][j].subList(0, SEGMENTS));
                List<double[]> top = new ArrayList<>(h[i][j + 1]);
                java.util.Collections.reverse(top);
                ring.addAll(top.subList(0, SEGMENTS));
                List<double[]> left = new ArrayList<>(v[i][j]);
                java.util.Collections.reverse(left);
                ring.addAll(left);
                StringBuilder coords = new StringBuilder();
                for (double[] p : ring) {
                    coords.append(coords.length() == 0 ? "" : ", ").append('[').append(p[0]).append(", ").append(p[1]).append(']');
                }
                sb.append(i + j == 0 ? "" : ",\n").append(String.format(Locale.ROOT,
                        "{\"type\": \"Feature\", \"properties\": {\"beat\": \"B%02d\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[%s]]}}",
                        i * SIDE + j, coords));
            }
        }
        return sb.append("]}").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<double[]>[][] polylines(int ni, int nj, double[][] vx, double[][] vy, boolean horizontal,
            SplittableRandom r, double cell) {
        List<double[]>[][] out = new List[ni][nj];
        for (int i = 0; i < ni; i++) {
            for (int j = 0; j < nj; j++) {
                double x0 = vx[i][j];
                double y0 = vy[i][j];
                double x1 = horizontal ? vx[i + 1][j] : vx[i][j + 1];
                double y1 = horizontal ? vy[i + 1][j] : vy[i][j + 1];
                boolean border = horizontal ? (j == 0 || j == nj - 1) : (i == 0 || i == ni - 1);
                List<double[]> line = new ArrayList<>();
                for (int k = 0; k <= SEGMENTS; k++) {
                    double t = (double) k / SEGMENTS;
                    double wiggle = k == 0 || k == SEGMENTS || border ? 0 : (r.nextDouble() - 0.5) * cell * 0.08;
                    line.add(new double[] {x0 + t * (x1 - x0) + (horizontal ? 0 : wiggle),
                            y0 + t * (y1 - y0) + (horizontal ? wiggle : 0)});
                }
                out[i][j] = line;
            }
        }
        return out;
    }

    /** 10,000,000 stops placed and counted into the summary, one thread. */
    @Benchmark
    public AssignmentSummary assignTenMillion() {
        return summarize(map.summarizing());
    }

    private <A> AssignmentSummary summarize(Collector<Placement, A, AssignmentSummary> c) {
        A acc = c.supplier().get();
        BiConsumer<A, Placement> add = c.accumulator();
        for (int i = 0; i < N; i++) {
            add.accept(acc, map.place(lat[i], lng[i]));
        }
        Function<A, AssignmentSummary> finish = c.finisher();
        return finish.apply(acc);
    }

    /**
     * The same work timed by the thread's CPU time (not wall-clock time), which a shared, loaded
     * machine does not inflate: 3 warm-up runs, then 5 measured; prints the summary's first line,
     * each run's CPU and wall time, and the map.
     *
     * <pre>
     * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.peelmetrics.benchmarks.geo.BeatAssignmentBenchmark
     * </pre>
     */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        BeatAssignmentBenchmark b = new BeatAssignmentBenchmark();
        b.setUp();
        System.out.println(b.map);
        AssignmentSummary s = null;
        for (int run = -3; run < 5; run++) {
            long cpu = mx.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            s = b.assignTenMillion();
            System.out.printf(Locale.ROOT, "%s cpu %.0f ms, wall %.0f ms%n", run < 0 ? "warm-up" : "run " + (run + 1),
                    (mx.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6);
        }
        System.out.println(s.toString().lines().findFirst().orElse(""));
    }
}
