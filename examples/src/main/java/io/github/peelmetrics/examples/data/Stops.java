package io.github.peelmetrics.examples.data;

import static io.github.peelmetrics.examples.data.CityModel.BEATS;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Writes {@code stops.csv} in the Open Policing Project layout. Each stop draws, in order: a day
 * (weighted by weekday and year), an hour (by {@link CityModel#HOUR_WEIGHTS}), minute and second; the
 * beat (adult residents times the beat's stop intensity); the subject's race (the beat's residents
 * weighted by the disparity multiplier and, when the sun is up at that instant, the daylight
 * multiplier: the darkness effect the veil of darkness test looks for); sex, age, stop type, reason;
 * the officer on duty; search, basis, contraband, outcome and force from the logistic and categorical
 * models of {@link CityModel}. Stops are then ordered by time and numbered.
 */
final class Stops {
    private Stops() {}

    static final String[] HEADER = {"raw_row_number", "date", "time", "lat", "lng", "beat", "district",
        "subject_race", "subject_age", "subject_sex", "type", "officer_id", "reason_for_stop", "search_conducted",
        "search_basis", "contraband_found", "outcome", "arrest_made", "citation_issued", "warning_issued", "use_of_force"};

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One drawn stop before numbering. */
    private record Row(long epochSecond, LocalDateTime local, double lat, double lng, int beat, String race, int age,
                       boolean male, boolean pedestrian, int officer, String reason, int basis, boolean contraband,
                       int outcome, boolean force) {}

    static Csv generate(Parameters p, Staff staff, SplittableRandom r) {
        long days = ChronoUnit.DAYS.between(CityModel.FIRST_DAY, CityModel.LAST_DAY) + 1;
        double[] dayWeights = new double[(int) days];
        for (int d = 0; d < days; d++) {
            LocalDate date = CityModel.FIRST_DAY.plusDays(d);
            dayWeights[d] = CityModel.WEEKDAY_WEIGHTS[date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()]
                    * (date.getYear() == CityModel.FIRST_DAY.getYear() ? 1.0 : CityModel.SECOND_YEAR_VOLUME);
        }
        double[] dayCumulative = Draw.cumulative(dayWeights);
        double[] beatWeights = new double[BEATS.size()];
        for (int b = 0; b < beatWeights.length; b++) {
            beatWeights[b] = BEATS.get(b).total() * BEATS.get(b).stopIntensity();
        }
        Row[] rows = new Row[p.stops()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = draw(r, staff, dayCumulative, beatWeights);
        }
        Arrays.sort(rows, Comparator.comparingLong(Row::epochSecond)); // stable: ties keep draw order
        Csv csv = new Csv("stops.csv", HEADER);
        for (int i = 0; i < rows.length; i++) {
            Row s = rows[i];
            CityModel.BeatSpec beat = BEATS.get(s.beat);
            boolean searched = s.basis >= 0;
            String outcome = CityModel.OUTCOMES.get(s.outcome);
            csv.add(i + 1).add(s.local.toLocalDate().toString()).add(s.local.toLocalTime().format(TIME))
                    .add(s.lat, 4).add(s.lng, 4).add(beat.id()).add(beat.district())
                    .add(s.race).add(s.age).add(s.male ? "male" : "female").add(s.pedestrian ? "pedestrian" : "vehicular")
                    .add(staff.ids[s.officer]).add(s.reason).add(searched)
                    .add(searched ? CityModel.SEARCH_BASES.get(s.basis) : "")
                    .add(searched ? (s.contraband ? "TRUE" : "FALSE") : "")
                    .add(outcome).add(outcome.equals("arrest")).add(outcome.equals("citation")).add(outcome.equals("warning"))
                    .add(s.force).end();
        }
        return csv;
    }

    private static Row draw(SplittableRandom r, Staff staff, double[] dayCumulative, double[] beatWeights) {
        LocalDate date = CityModel.FIRST_DAY.plusDays(Draw.fromCumulative(r, dayCumulative));
        int hour = Draw.categorical(r, CityModel.HOUR_WEIGHTS);
        LocalTime time = LocalTime.of(hour, r.nextInt(60), r.nextInt(60));
        // a clock time in the spring-forward gap moves forward by the gap, as java.time does
        ZonedDateTime at = ZonedDateTime.of(date, time, CityModel.ZONE);
        LocalDateTime local = at.toLocalDateTime();
        double elevation = Solar.elevationDegrees(at.toInstant(), CityModel.CENTER_LAT, CityModel.CENTER_LNG);
        boolean daylight = elevation > CityModel.SUNSET_ELEVATION;

        int beat = Draw.categorical(r, beatWeights);
        CityModel.BeatSpec spec = BEATS.get(beat);
        int race = -1;
        if (!Draw.bernoulli(r, CityModel.UNKNOWN_RACE_SHARE)) {
            double[] w = new double[CityModel.RACES.size()];
            for (int k = 0; k < w.length; k++) {
                w[k] = spec.population()[k] * CityModel.STOP_RACE_MULTIPLIER[k]
                        * (daylight ? CityModel.DAYLIGHT_MULTIPLIER[k] : 1.0);
            }
            race = Draw.categorical(r, w);
        }
        boolean male = Draw.bernoulli(r, CityModel.MALE_SHARE);
        int age = (int) StrictMath.min(90, 16 + StrictMath.floor((CityModel.MEDIAN_AGE - 16)
                * StrictMath.exp(0.55 * Draw.normal(r))));
        double pedestrianShare = spec.pedestrianShare() * (race == 1 ? CityModel.BLACK_PEDESTRIAN_MULTIPLIER : 1.0);
        boolean pedestrian = Draw.bernoulli(r, pedestrianShare);
        String reason = pedestrian
                ? CityModel.PEDESTRIAN_REASONS.get(Draw.categorical(r, CityModel.PEDESTRIAN_REASON_WEIGHTS))
                : CityModel.VEHICLE_REASONS.get(Draw.categorical(r, CityModel.VEHICLE_REASON_WEIGHTS));

        int clockHour = local.getHour();
        int shift = clockHour >= 6 && clockHour < 14 ? 0 : clockHour >= 14 && clockHour < 22 ? 1 : 2;
        LocalDate shiftDate = clockHour < 6 ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        int officer = staff.onDuty(r, shiftDate, shift, beat);

        double searchLogit = CityModel.SEARCH_INTERCEPT
                + (race < 0 ? CityModel.SEARCH_UNKNOWN_RACE_SHIFT : CityModel.SEARCH_RACE_SHIFT[race])
                + (pedestrian ? CityModel.SEARCH_PEDESTRIAN : 0)
                + (male ? 0 : CityModel.SEARCH_FEMALE)
                + (age < 25 ? CityModel.SEARCH_UNDER_25 : age > 50 ? CityModel.SEARCH_OVER_50 : 0);
        int basis = -1;
        boolean contraband = false;
        if (Draw.bernoulli(r, Draw.logistic(searchLogit))) {
            basis = Draw.categorical(r, CityModel.SEARCH_BASIS_WEIGHTS);
            double hit = (race < 0 ? CityModel.UNKNOWN_HIT_RATE : CityModel.HIT_RATE[race])
                    * CityModel.HIT_BASIS_MULTIPLIER[basis];
            contraband = Draw.bernoulli(r, StrictMath.min(0.95, hit));
        }
        double[] outcomeWeights = (contraband ? CityModel.OUTCOME_CONTRABAND
                : pedestrian ? CityModel.OUTCOME_PEDESTRIAN : CityModel.OUTCOME_VEHICULAR).clone();
        outcomeWeights[4] *= race < 0 ? 1.0 : CityModel.ARREST_RACE_MULTIPLIER[race];
        int outcome = Draw.categorical(r, outcomeWeights);
        double force = (CityModel.FORCE_BASE + (outcome == 4 ? CityModel.FORCE_ARREST : 0)
                + (basis >= 0 ? CityModel.FORCE_SEARCH : 0)) * (race < 0 ? 1.0 : CityModel.FORCE_RACE_MULTIPLIER[race]);
        boolean usedForce = Draw.bernoulli(r, force);
        double lat = spec.latMin() + (spec.latMax() - spec.latMin()) * r.nextDouble();
        double lng = spec.lngMin() + (spec.lngMax() - spec.lngMin()) * r.nextDouble();
        return new Row(at.toEpochSecond(), local, lat, lng, beat, race < 0 ? "unknown" : CityModel.RACES.get(race), age,
                male, pedestrian, officer, reason, basis, contraband, outcome, usedForce);
    }
}
