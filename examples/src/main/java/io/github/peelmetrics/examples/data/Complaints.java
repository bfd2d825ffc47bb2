package io.github.peelmetrics.examples.data;

import static io.github.peelmetrics.examples.data.CityModel.BEATS;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes {@code complaints.csv}. Each officer has a complaint propensity drawn from Gamma(2, 0.5)
 * (mean 1), multiplied by {@link CityModel#OUTLIER_MULTIPLIER} for {@link CityModel#OUTLIER_OFFICERS}
 * officers chosen at random: the officers an early intervention list should find. A complaint is
 * received on a uniform day of the two years; names one to three distinct officers drawn by propensity;
 * happened on the first officer's primary beat (probability 0.85) or any beat; has a source, an
 * allegation (by source), and a finding (by allegation) when it closed by the last day, after a
 * log-normal number of days; otherwise it is pending with no close date.
 */
final class Complaints {
    private Complaints() {}

    static final String[] HEADER = {"complaint_id", "received", "closed", "beat", "officer_ids", "allegation",
        "finding", "complainant_race", "complainant_sex", "source"};

    private record Row(LocalDate received, String[] fields) {}

    /** Each officer's complaint propensity and the officers planted as outliers (indices into the staff). */
    record Propensity(double[] value, int[] planted) {}

    /** The first draws of {@link #generate}: propensities, then the planted outliers. */
    static Propensity propensity(Staff staff, SplittableRandom r) {
        double[] propensity = new double[staff.count];
        for (int i = 0; i < staff.count; i++) {
            propensity[i] = Draw.gamma2(r, 0.5);
        }
        int[] candidates = new int[staff.count];
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = i;
        }
        Draw.shuffle(r, candidates);
        int[] planted = Arrays.copyOf(candidates, Math.min(CityModel.OUTLIER_OFFICERS, staff.count));
        for (int j : planted) {
            propensity[j] *= CityModel.OUTLIER_MULTIPLIER;
        }
        return new Propensity(propensity, planted);
    }

    static Csv generate(Parameters p, Staff staff, SplittableRandom r) {
        double[] propensity = propensity(staff, r).value();
        int days = (int) ChronoUnit.DAYS.between(CityModel.FIRST_DAY, CityModel.LAST_DAY) + 1;
        List<String> complainantRaces = new ArrayList<>(CityModel.RACES);
        complainantRaces.add("unknown");
        Row[] rows = new Row[p.complaints()];
        for (int c = 0; c < rows.length; c++) {
            LocalDate received = CityModel.FIRST_DAY.plusDays(r.nextInt(days));
            int named = 1 + Draw.categorical(r, CityModel.OFFICERS_PER_COMPLAINT);
            double[] w = propensity.clone();
            StringBuilder officers = new StringBuilder();
            int first = -1;
            for (int j = 0; j < named; j++) {
                int o = Draw.categorical(r, w);
                w[o] = 0;
                if (first < 0) {
                    first = o;
                }
                officers.append(j == 0 ? "" : ";").append(staff.ids[o]);
            }
            int beat = Draw.bernoulli(r, CityModel.COMPLAINT_PRIMARY_BEAT) ? staff.primaryBeat[first] : r.nextInt(BEATS.size());
            int source = Draw.categorical(r, CityModel.SOURCE_WEIGHTS);
            String sourceName = CityModel.SOURCES.get(source);
            int allegation = Draw.categorical(r, sourceName.equals("internal")
                    ? CityModel.ALLEGATION_INTERNAL : CityModel.ALLEGATION_CIVILIAN);
            long toClose = StrictMath.max(7, StrictMath.round(CityModel.MEDIAN_DAYS_TO_CLOSE * StrictMath.exp(0.6 * Draw.normal(r))));
            LocalDate closed = received.plusDays(toClose);
            String finding = CityModel.FINDINGS.get(Draw.categorical(r, CityModel.FINDING_WEIGHTS[allegation]));
            String closedText = closed.toString();
            if (closed.isAfter(CityModel.LAST_DAY)) {
                finding = "pending";
                closedText = "";
            }
            String race = "unknown";
            String sex = "unknown";
            if (sourceName.equals("civilian")) {
                race = complainantRaces.get(Draw.categorical(r, CityModel.COMPLAINANT_RACE_WEIGHTS));
                sex = Draw.bernoulli(r, CityModel.COMPLAINANT_FEMALE_SHARE) ? "female" : "male";
            }
            rows[c] = new Row(received, new String[] {received.toString(), closedText, BEATS.get(beat).id(),
                officers.toString(), CityModel.ALLEGATIONS.get(allegation), finding, race, sex, sourceName});
        }
        Arrays.sort(rows, Comparator.comparing(Row::received)); // stable
        Csv csv = new Csv("complaints.csv", HEADER);
        for (int c = 0; c < rows.length; c++) {
            csv.add(String.format(Locale.ROOT, "C%05d", c + 1));
            for (String f : rows[c].fields()) {
                csv.add(f);
            }
            csv.end();
        }
        return csv;
    }
}
