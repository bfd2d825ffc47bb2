package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic stops in an Oakland-like city for property tests. */
final class SyntheticStops {
    static final GeoPoint OAKLAND = GeoPoint.of(37.8044, -122.2712);
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    static final int YEAR = 2019;
    private static final double[] DUSK = new double[366];
    private static final double[] SUNSET = new double[366];

    static {
        for (int d = 0; d < 365; d++) {
            SolarDay day = SolarTimes.day(OAKLAND, PACIFIC, LocalDate.ofYearDay(YEAR, d + 1));
            SUNSET[d] = day.sunset().clockMinutes().getAsDouble();
            DUSK[d] = day.civilDusk().clockMinutes().getAsDouble();
        }
    }

    private SyntheticStops() {}

    /**
     * {@code n} stops at random evening minutes 16:30-21:30 of 2019, races black / white /
     * hispanic / unknown, with log-odds of a Black driver {@code beta} higher after dark, spread
     * over {@code beats} beats.
     */
    static List<Stop> generate(SplittableRandom r, int n, int beats, double beta) {
        List<Stop> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int d = r.nextInt(365);
            int minute = 990 + r.nextInt(300);
            LocalDate date = LocalDate.ofYearDay(YEAR, d + 1);
            boolean dark = minute > DUSK[d];
            double eta = -1 + 0.002 * (minute - 1100) + (dark ? beta : 0);
            Category race;
            if (r.nextInt(50) == 0) {
                race = Category.UNKNOWN;
            } else if (r.nextDouble() < 1 / (1 + Math.exp(-eta))) {
                race = Races.BLACK;
            } else {
                race = r.nextBoolean() ? Races.WHITE : Races.HISPANIC;
            }
            Stop s = Stop.builder(String.format("S%06d", i),
                            date.atTime(minute / 60, minute % 60, r.nextInt(60)).atZone(PACIFIC))
                    .beat("B" + (1 + r.nextInt(beats)))
                    .race(race)
                    .build();
            out.add(s);
        }
        return out;
    }
}
