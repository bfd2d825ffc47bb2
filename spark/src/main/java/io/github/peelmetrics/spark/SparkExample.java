package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.io.ReadResult;
import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.metrics.disparity.Benchmark;
import io.github.peelmetrics.metrics.disparity.Disparity;
import io.github.peelmetrics.metrics.disparity.DisparityRow;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.metrics.vod.VeilOfDarkness;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessResult;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessTally;
import io.github.peelmetrics.survey.DomainMeans;
import io.github.peelmetrics.survey.Margin;
import io.github.peelmetrics.survey.Rake;
import io.github.peelmetrics.survey.RakeDiagnostics;
import io.github.peelmetrics.survey.SurveyMean;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.survey.WeightedSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Peel on Spark, on the bundled sample city: reads the stops with Spark's CSV reader, tallies them
 * with {@link SparkStops} in one pass (by race and beat, and the veil of darkness tally), prints the
 * disparity table against the residents, the outcome test (search hit rates against white drivers)
 * and the veil of darkness test; reads each survey wave with {@link SparkSurvey} and rakes it to
 * the census margins on the driver, printing the raking and approval by race. The text is what
 * {@link #singleMachine(Path)} prints from io's readers on one machine.
 *
 * <pre>{@code
 * mvn -q -pl spark -am verify -DskipTests -Pspark-example          # local[2], the bundled sample
 * spark-submit --class io.github.peelmetrics.spark.SparkExample --jars peel-core.jar,peel-io.jar,... \
 *     peel-spark.jar /data/sample                                     # on a cluster (see docs/spark.md)
 * }</pre>
 */
public final class SparkExample {
    private SparkExample() {}

    /** The survey waves of the sample city. */
    static final List<String> WAVES = List.of("survey_2013.csv", "survey_2015.csv", "survey_2016.csv");

    /**
     * Runs the example.
     *
     * @param args the folder of the sample city's files ({@code stops.csv}, {@code beats.csv}, the
     *             survey waves, {@code census_margins.csv}); {@code spark.master} defaults to
     *             {@code local[2]} when spark-submit did not set it
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0]
                : "examples/src/main/resources/io/github/peelmetrics/examples/sample");
        if (!Files.isRegularFile(dir.resolve("stops.csv"))) {
            throw new IllegalArgumentException("no stops.csv in " + dir.toAbsolutePath()
                    + ": give the folder of the sample city as the argument");
        }
        SparkConf conf = new SparkConf();
        SparkSession.Builder b = SparkSession.builder().appName("peel-spark-example");
        if (!conf.contains("spark.master")) {
            b.master("local[2]").config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2");
        }
        SparkSession spark = b.getOrCreate();
        try {
            long start = System.nanoTime();
            String text = onSpark(spark, dir);
            System.out.print(text);
            System.out.printf(Locale.ROOT, "%n(on Spark %s, master %s, in %.1f s)%n", spark.version(),
                    spark.sparkContext().master(), (System.nanoTime() - start) / 1e9);
        } finally {
            spark.stop();
        }
    }

    /** The report from Spark: the stops and each survey wave read by Spark, one pass each. */
    static String onSpark(SparkSession spark, Path dir) {
        String files = dir.toAbsolutePath().toString();
        SparkStops.Result stops = SparkStops.reading("stops.csv", SampleCity::stops).keyedBy(Stop::beat)
                .veilOfDarkness(() -> VeilOfDarkness.at(SampleCity.CITY, SampleCity.ZONE, Races.BLACK))
                .run(SparkCsv.read(spark, files + "/stops.csv"));
        List<Margin> margins = SampleCity.margins(dir.resolve("census_margins.csv"));
        List<Wave> waves = new ArrayList<>();
        for (String w : WAVES) {
            SparkSurvey.Result r = SparkSurvey.reading(w, SampleCity::survey, SampleCity.RAKE_VARIABLES, SampleCity.ITEMS)
                    .run(SparkCsv.read(spark, files + "/" + w));
            RakedCells raked = r.cells().rake(Rake.to(margins).strict());
            waves.add(new Wave(r.read().summary(), raked.diagnostics(), raked.mean("approve"),
                    raked.meanBy("approve", "race")));
        }
        VeilOfDarknessTally vod = stops.veilOfDarkness().orElseThrow();
        return report(stops.read().summary(), stops.tally(), vod.result(), SampleCity.beats(dir.resolve("beats.csv")),
                waves);
    }

    /** The same report from io's readers on one machine. */
    static String singleMachine(Path dir) {
        ReadResult<Stop> read = RecordReader.of(SampleCity.stops()).readCsv(open(dir.resolve("stops.csv")), "stops.csv");
        StopTally tally = read.records().parallelStream().collect(StopTally.collector(Stop::beat));
        VeilOfDarknessResult vod = VeilOfDarkness.at(SampleCity.CITY, SampleCity.ZONE, Races.BLACK).test(read.records());
        List<Margin> margins = SampleCity.margins(dir.resolve("census_margins.csv"));
        List<Wave> waves = new ArrayList<>();
        for (String w : WAVES) {
            ReadResult<SurveyResponse> r = RecordReader.of(SampleCity.survey()).readCsv(open(dir.resolve(w)), w);
            SurveySample sample = SurveySample.of(r.records(), SampleCity.RAKE_VARIABLES.toArray(String[]::new));
            WeightedSample raked = Rake.to(margins).strict().fit(sample);
            waves.add(new Wave(r.summary(), raked.rakeDiagnostics().orElseThrow(), raked.mean("approve"),
                    raked.meanBy("approve", "race")));
        }
        return report(read.summary(), tally, vod, SampleCity.beats(dir.resolve("beats.csv")), waves);
    }

    private static java.io.InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Wave(ReadSummary read, RakeDiagnostics raking, SurveyMean approval, DomainMeans byRace) {}

    static String report(ReadSummary read, StopTally tally, VeilOfDarknessResult vod, List<Beat> beats, List<Wave> waves) {
        StringBuilder o = new StringBuilder();
        o.append("Peel: the sample city (synthetic data)\n\n");
        o.append(read).append("\n\n");
        DisparityTable table = Disparity.against(Benchmark.residents(beats), Races.WHITE).of(tally);
        o.append(table).append("\n\n");
        o.append("Outcome test: hit rate of searches, reference white (Katz 95% CI)\n");
        o.append(String.format(Locale.ROOT, "  %-24s %9s %7s %9s  %s%n", "group", "searched", "hits", "hit rate",
                "hit rate ratio"));
        for (DisparityRow r : table.rows()) {
            o.append(String.format(Locale.ROOT, "  %-24s %9d %7d %9s  %s%n", r.group().code(), r.counts().searched(),
                    r.counts().hits(), r.hitRate().isPresent() ? String.format(Locale.ROOT, "%.4f",
                            r.hitRate().getAsDouble()) : "n/r",
                    r.group().equals(Races.WHITE) ? "reference" : r.hitRateRatio().map(Object::toString).orElse("-")));
        }
        o.append('\n').append(vod).append('\n');
        for (Wave w : waves) {
            o.append('\n').append(w.read()).append('\n');
            o.append("  raked: ").append(w.raking()).append('\n');
            o.append("  ").append(w.approval()).append('\n');
            Map<String, SurveyMean> byRace = new TreeMap<>(w.byRace().means());
            byRace.values().forEach(m -> o.append("  ").append(m).append('\n'));
        }
        return o.toString();
    }
}
