package io.github.peelmetrics.examples.data;

import static io.github.peelmetrics.examples.data.CityModel.BEATS;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes {@code survey_<wave>.csv} and {@code census_margins.csv}.
 *
 * <p>A wave is a sample stratified by beat: the beats' sample sizes are proportional to their adult
 * residents times their oversampling factor (largest remainder). Within a beat a respondent's race,
 * age group and sex are drawn from the beat's residents (city-wide shares for age and sex) weighted by
 * response propensities, so the sample leans white, old and female and raking has work to do. The
 * base (design) weight is the beat's adults over its respondents, times a uniform nonresponse jitter.
 * A latent trust factor {@code T ~ N(race + wave + age shift, 1)} drives approval
 * ({@code P = logistic(a + b T)}) and the five items ({@code round(3 + loading T + noise)}, clamped to
 * 1..5; q3 reverse-worded, written as {@code 6 - answer}); items go missing at random, and a few
 * respondents skip three to five items.
 */
final class Survey {
    private Survey() {}

    static final String[] HEADER = {"respondent_id", "wave", "date", "race", "age_group", "sex", "beat",
        "approve", "q1", "q2", "q3", "q4", "q5", "base_weight"};

    /** The wave's file. */
    static Csv wave(Parameters p, int waveIndex, SplittableRandom r) {
        int wave = CityModel.WAVES.get(waveIndex);
        int n = p.surveySize(wave);
        double[] allocationWeights = new double[BEATS.size()];
        for (int b = 0; b < allocationWeights.length; b++) {
            allocationWeights[b] = BEATS.get(b).total() * BEATS.get(b).surveyOversample();
        }
        int[] perBeat = Draw.apportion(n, allocationWeights, 1);
        int[] order = new int[n]; // respondent slot -> beat, shuffled so ids do not follow beats
        int k = 0;
        for (int b = 0; b < perBeat.length; b++) {
            for (int j = 0; j < perBeat[b]; j++) {
                order[k++] = b;
            }
        }
        Draw.shuffle(r, order);
        double[] ageWeights = new double[CityModel.AGE_GROUPS.size()];
        for (int a = 0; a < ageWeights.length; a++) {
            ageWeights[a] = CityModel.AGE_SHARES[a] * CityModel.RESPONSE_AGE[a];
        }
        double femaleOdds = CityModel.FEMALE_SHARE * CityModel.RESPONSE_FEMALE;
        double pFemale = femaleOdds / (femaleOdds + 1 - CityModel.FEMALE_SHARE);
        LocalDate fieldStart = LocalDate.of(wave, 10, 1);

        Csv csv = new Csv("survey_" + wave + ".csv", HEADER);
        for (int i = 0; i < n; i++) {
            CityModel.BeatSpec beat = BEATS.get(order[i]);
            double[] raceWeights = new double[CityModel.RACES.size()];
            for (int c = 0; c < raceWeights.length; c++) {
                raceWeights[c] = beat.population()[c] * CityModel.RESPONSE_RACE[c];
            }
            int race = Draw.categorical(r, raceWeights);
            int age = Draw.categorical(r, ageWeights);
            boolean female = Draw.bernoulli(r, pFemale);
            double weight = (double) beat.total() / perBeat[order[i]]
                    * (CityModel.WEIGHT_JITTER_LO + (CityModel.WEIGHT_JITTER_HI - CityModel.WEIGHT_JITTER_LO) * r.nextDouble());
            double trust = CityModel.TRUST_RACE[race] + CityModel.TRUST_WAVE[waveIndex] + CityModel.TRUST_AGE[age]
                    + Draw.normal(r);
            boolean approve = Draw.bernoulli(r, Draw.logistic(CityModel.APPROVE_INTERCEPT + CityModel.APPROVE_SLOPE * trust));
            int[] items = new int[5];
            for (int q = 0; q < 5; q++) {
                long answer = StrictMath.round(3 + CityModel.ITEM_LOADINGS[q] * trust + CityModel.ITEM_NOISE * Draw.normal(r));
                int clamped = (int) StrictMath.max(1, StrictMath.min(5, answer));
                items[q] = q == CityModel.REVERSED_ITEM ? 6 - clamped : clamped;
            }
            boolean[] missing = new boolean[5];
            for (int q = 0; q < 5; q++) {
                missing[q] = Draw.bernoulli(r, CityModel.ITEM_MISSING);
            }
            if (Draw.bernoulli(r, CityModel.SKIPPER)) {
                int skip = 3 + r.nextInt(3);
                int[] itemOrder = {0, 1, 2, 3, 4};
                Draw.shuffle(r, itemOrder);
                for (int j = 0; j < skip; j++) {
                    missing[itemOrder[j]] = true;
                }
            }
            csv.add(wave * 10_000L + i + 1).add(wave).add(fieldStart.plusDays(r.nextInt(CityModel.FIELD_DAYS)).toString())
                    .add(CityModel.SURVEY_RACES.get(race)).add(CityModel.AGE_GROUPS.get(age))
                    .add(CityModel.SURVEY_SEXES.get(female ? 0 : 1)).add(beat.id()).add(approve ? 1 : 0);
            for (int q = 0; q < 5; q++) {
                csv.add(missing[q] ? "" : Integer.toString(items[q]));
            }
            csv.add(weight, 4).end();
        }
        return csv;
    }

    /**
     * The adult population margins the waves are raked to: race is the sum of {@code beats.csv}; age
     * group and sex split the same total by {@link CityModel#AGE_SHARES} and {@link CityModel#FEMALE_SHARE}
     * (largest remainder), so every variable sums to the same city total.
     */
    static Csv censusMargins() {
        Csv csv = new Csv("census_margins.csv", "variable", "level", "population");
        long total = 0;
        long[] byRace = new long[CityModel.RACES.size()];
        for (CityModel.BeatSpec b : BEATS) {
            for (int c = 0; c < byRace.length; c++) {
                byRace[c] += b.population()[c];
                total += b.population()[c];
            }
        }
        for (int c = 0; c < byRace.length; c++) {
            csv.add("race").add(CityModel.SURVEY_RACES.get(c)).add(byRace[c]).end();
        }
        int[] byAge = Draw.apportion(total, CityModel.AGE_SHARES, 0);
        for (int a = 0; a < byAge.length; a++) {
            csv.add("age_group").add(CityModel.AGE_GROUPS.get(a)).add(byAge[a]).end();
        }
        int[] bySex = Draw.apportion(total, new double[] {CityModel.FEMALE_SHARE, 1 - CityModel.FEMALE_SHARE}, 0);
        for (int s = 0; s < bySex.length; s++) {
            csv.add("sex").add(CityModel.SURVEY_SEXES.get(s)).add(bySex[s]).end();
        }
        return csv;
    }

    /** {@code beats.csv}: adult residents by beat and race, long format. */
    static Csv beats() {
        Csv csv = new Csv("beats.csv", "beat", "district", "race", "population");
        for (CityModel.BeatSpec b : BEATS) {
            for (int c = 0; c < CityModel.RACES.size(); c++) {
                csv.add(b.id()).add(b.district()).add(CityModel.RACES.get(c)).add(b.population()[c]).end();
            }
        }
        return csv;
    }
}
