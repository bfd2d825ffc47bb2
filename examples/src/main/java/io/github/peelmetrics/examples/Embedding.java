package io.github.peelmetrics.examples;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopKey;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.metrics.disparity.Benchmark;
import io.github.peelmetrics.metrics.disparity.Disparity;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.publish.SuppressedTable;
import io.github.peelmetrics.metrics.publish.Suppression;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Embedding Peel in a records-management product: a vendor's service receives stops from its own
 * database, keeps one {@link StopTally} per partition (a day, a shard, a worker), ships each
 * partition's tally as bytes ({@link StopTally#toByteArray()}, a few hundred bytes whatever the
 * number of stops, checksummed), merges them where the analysis runs, and publishes a disparity
 * table with small cells suppressed. No files: records are built in code, exactly as a service
 * would map its own rows.
 *
 * <pre>{@code
 * DisparityService service = new DisparityService(Benchmark.of("residents", residents), Races.WHITE, 11);
 * StopTally monday = service.newTally();
 * rows.forEach(row -> monday.add(toStop(row)));         // one pass, constant memory
 * byte[] shipped = monday.toByteArray();               // to the analysis host (a queue, a blob store)
 * StopTally week = service.received(shipped).merge(service.received(tuesdayBytes));  // partitions merge exactly
 * service.table(week);  service.publishable(week);     // analysis, then the public version
 * }</pre>
 *
 * <p>Bytes that were truncated or altered on the way are refused with a
 * {@link io.github.peelmetrics.core.TallyFormatException} naming the check that failed, never read
 * as a different tally.
 */
public final class Embedding {
    private Embedding() {}

    /**
     * A vendor's disparity service: immutable configuration, pure methods, safe to share between
     * threads (each partition's tally is confined to its worker until merged).
     *
     * @param benchmark  the population each group is compared against
     * @param reference  the reference group of the ratios
     * @param minimumCell the smallest count that may be published (e.g. 11)
     */
    public record DisparityService(Benchmark benchmark, Category reference, long minimumCell) {

        /**
         * An empty tally keyed by beat, for one partition of the stops ({@link StopKey#BEAT}: a
         * reader counts each row's facts into it without making a {@code Stop}).
         */
        public StopTally newTally() {
            return StopTally.byRace(StopKey.BEAT);
        }

        /**
         * A partition's tally from the bytes a worker shipped ({@link StopTally#toByteArray()}).
         *
         * @throws io.github.peelmetrics.core.TallyFormatException if the bytes were truncated or altered
         */
        public StopTally received(byte[] bytes) {
            return StopTally.fromByteArray(bytes, s -> s.subject().race(), StopKey.BEAT);
        }

        /** The full analysis: rates, ratios with intervals, outcome test, by beat. */
        public DisparityTable table(StopTally tally) {
            return Disparity.against(benchmark, reference).of(tally);
        }

        /** The public version: stop counts by group and beat with small cells hidden. */
        public SuppressedTable publishable(StopTally tally) {
            return Suppression.minimumCount(minimumCell).apply(table(tally));
        }
    }

    /**
     * Builds {@code n} stops in code, as a vendor maps its own database rows (deterministic for a seed).
     */
    public static List<Stop> stopsFromOwnDatabase(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Category> races = List.of(Races.WHITE, Races.BLACK, Races.HISPANIC, Races.ASIAN_PACIFIC_ISLANDER, Races.OTHER);
        double[] cumulative = {0.40, 0.72, 0.92, 0.993, 1.0};
        ZonedDateTime start = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneId.of("America/Chicago"));
        List<Stop> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int g = 0;
            while (u > cumulative[g]) {
                g++;
            }
            Stop.Builder b = Stop.builder("RMS-" + i, start.plusMinutes(r.nextInt(60 * 24 * 365)))
                    .beat("Z" + (1 + r.nextInt(3))).type(StopType.VEHICULAR).race(races.get(g))
                    .outcome(r.nextDouble() < 0.5 ? StopOutcome.WARNING : StopOutcome.CITATION);
            if (r.nextDouble() < (g == 1 ? 0.12 : 0.06)) {
                b.searched(SearchBasis.PROBABLE_CAUSE, Flag.of(r.nextDouble() < 0.3));
            } else {
                b.notSearched();
            }
            out.add(b.build());
        }
        return out;
    }

    /** The residents of the vendor's three zones by group. */
    public static Benchmark residents() {
        return Benchmark.byKey("residents", Map.of(
                "Z1", Map.of(Races.WHITE, 20000L, Races.BLACK, 9000L, Races.HISPANIC, 6000L, Races.ASIAN_PACIFIC_ISLANDER, 2500L, Races.OTHER, 900L),
                "Z2", Map.of(Races.WHITE, 12000L, Races.BLACK, 15000L, Races.HISPANIC, 7000L, Races.ASIAN_PACIFIC_ISLANDER, 1200L, Races.OTHER, 600L),
                "Z3", Map.of(Races.WHITE, 25000L, Races.BLACK, 3000L, Races.HISPANIC, 4000L, Races.ASIAN_PACIFIC_ISLANDER, 3000L, Races.OTHER, 500L)));
    }

    /**
     * Runs the embedding example: two partitions tallied separately, shipped as bytes and merged,
     * the analysis, and the publishable table.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        DisparityService service = new DisparityService(residents(), Races.WHITE, 11);
        List<Stop> stops = stopsFromOwnDatabase(4000, 2024);
        StopTally first = service.newTally();
        StopTally second = service.newTally();
        for (int i = 0; i < stops.size(); i++) {
            (i % 2 == 0 ? first : second).add(stops.get(i));
        }
        byte[] fromFirstWorker = first.toByteArray();
        byte[] fromSecondWorker = second.toByteArray();
        StopTally all = service.received(fromFirstWorker).merge(service.received(fromSecondWorker));
        System.out.println(service.table(all));
        System.out.println(service.publishable(all));
    }
}
