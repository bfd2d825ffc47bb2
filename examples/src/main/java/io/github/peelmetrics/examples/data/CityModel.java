package io.github.peelmetrics.examples.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Every fixed parameter of the synthetic city, in one place: the generators draw from these and the
 * sample folder's README prints them, so the documentation cannot drift from the data.
 */
final class CityModel {
    private CityModel() {}

    /** The city's time zone. */
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /** The point whose sun decides daylight (an Oakland-like city centre). */
    static final double CENTER_LAT = 37.80;
    /** Longitude of the city centre. */
    static final double CENTER_LNG = -122.27;
    /** First day of stops and complaints. */
    static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    /** Last day of stops and complaints. */
    static final LocalDate LAST_DAY = LocalDate.of(2016, 12, 31);
    /** Assignments start a day early so the night shift that runs into 2015-01-01 is covered. */
    static final LocalDate FIRST_ASSIGNMENT_DAY = FIRST_DAY.minusDays(1);

    /** Race codes of stops, beats, officers and complaints (Open Policing Project), in model order. */
    static final List<String> RACES = List.of("white", "black", "hispanic", "asian/pacific islander", "other");
    /** The survey's race labels, in the same order as {@link #RACES}. */
    static final List<String> SURVEY_RACES = List.of("White", "Black", "Hispanic", "Asian", "Other");
    /** Survey age groups. */
    static final List<String> AGE_GROUPS = List.of("18-29", "30-44", "45-64", "65+");
    /** Survey sexes. */
    static final List<String> SURVEY_SEXES = List.of("Female", "Male");
    /** Shifts: day 06:00-14:00, evening 14:00-22:00, night 22:00-06:00 (dated by the day it starts). */
    static final List<String> SHIFTS = List.of("day", "evening", "night");

    /**
     * One beat: its district, the box its stops fall in, its adult residents by race (order of
     * {@link #RACES}), how many stops it gets per resident relative to the others, the share of its
     * stops that are pedestrian stops, and how much the survey oversamples it.
     */
    record BeatSpec(String id, String district, double latMin, double latMax, double lngMin, double lngMax,
                    int[] population, double stopIntensity, double pedestrianShare, double surveyOversample) {
        int total() {
            int t = 0;
            for (int p : population) {
                t += p;
            }
            return t;
        }
    }

    /** The eight beats in four districts; adult (18+) residents by race. */
    static final List<BeatSpec> BEATS = List.of(
            beat("B01", "D1", 0, 0, 38_000, new double[] {.12, .55, .18, .10, .05}, 1.5, .30, 1.5),
            beat("B02", "D1", 0, 1, 42_000, new double[] {.15, .40, .30, .10, .05}, 1.3, .25, 1.5),
            beat("B03", "D2", 1, 1, 35_000, new double[] {.25, .18, .10, .40, .07}, 1.2, .35, 1.0),
            beat("B04", "D2", 1, 2, 40_000, new double[] {.45, .15, .14, .20, .06}, 1.0, .20, 1.0),
            beat("B05", "D3", 0, 2, 45_000, new double[] {.10, .15, .55, .15, .05}, 1.1, .20, 1.5),
            beat("B06", "D3", 0, 3, 41_000, new double[] {.15, .30, .35, .14, .06}, 1.2, .22, 1.5),
            beat("B07", "D4", 1, 3, 44_000, new double[] {.65, .07, .08, .15, .05}, 0.6, .10, 1.0),
            beat("B08", "D4", 1, 0, 39_000, new double[] {.50, .12, .12, .18, .08}, 0.8, .15, 1.0));

    /** Southern edge of the beat grid (two rows of four boxes, 0.04 degrees by 0.035 degrees). */
    static final double GRID_LAT = 37.76;
    /** Western edge of the beat grid. */
    static final double GRID_LNG = -122.31;

    private static BeatSpec beat(String id, String district, int row, int col, int adults, double[] shares,
                                 double intensity, double pedestrian, double oversample) {
        int[] population = Draw.apportion(adults, shares, 0);
        double latMin = GRID_LAT + 0.04 * row;
        double lngMin = GRID_LNG + 0.035 * col;
        return new BeatSpec(id, district, latMin, latMin + 0.04, lngMin, lngMin + 0.035,
                population, intensity, pedestrian, oversample);
    }

    // ---- stops ----
    /** Relative stop volume by hour of day (local clock), 00 to 23. */
    static final double[] HOUR_WEIGHTS = {3, 2.5, 2, 1.5, 1, 1, 1.5, 2.5, 3.5, 4, 4, 4,
                                          4, 4.5, 5, 5.5, 6, 6.5, 6.5, 6, 5.5, 5, 4.5, 3.5};
    /** Relative stop volume Monday to Sunday. */
    static final double[] WEEKDAY_WEIGHTS = {1.0, 1.0, 1.0, 1.05, 1.15, 1.15, 0.85};
    /** Stop volume in 2016 relative to 2015. */
    static final double SECOND_YEAR_VOLUME = 0.92;
    /** Share of stops whose subject's race is unknown. */
    static final double UNKNOWN_RACE_SHARE = 0.015;
    /** The built-in disparity: odds of being stopped relative to a white resident of the same beat. */
    static final double[] STOP_RACE_MULTIPLIER = {1.0, 1.3, 1.1, 0.75, 0.9};
    /**
     * The darkness effect: a further multiplier of the odds of being stopped when the sun is up
     * (elevation above -0.833 degrees) relative to when it is dark (below -6 degrees); in civil twilight, 1.
     */
    static final double[] DAYLIGHT_MULTIPLIER = {1.0, 1.3, 1.1, 1.0, 1.0};
    /** Solar elevation (degrees, centre) above which it is daylight: sunset's upper-limb convention. */
    static final double SUNSET_ELEVATION = -0.833;
    /** Solar elevation below which it is dark: civil dusk. */
    static final double DUSK_ELEVATION = -6.0;
    /** Probability that a subject is male. */
    static final double MALE_SHARE = 0.69;
    /** Pedestrian-stop share multiplier for Black subjects. */
    static final double BLACK_PEDESTRIAN_MULTIPLIER = 1.3;
    /** Median age of stopped people (log-normal above 16, sd of the log 0.55). */
    static final double MEDIAN_AGE = 33;
    /** Reasons of vehicular stops and their weights. */
    static final List<String> VEHICLE_REASONS = List.of("moving violation", "speeding", "equipment violation", "registration");
    /** Weights of {@link #VEHICLE_REASONS}. */
    static final double[] VEHICLE_REASON_WEIGHTS = {.45, .20, .20, .15};
    /** Reasons of pedestrian stops. */
    static final List<String> PEDESTRIAN_REASONS = List.of("reasonable suspicion", "probable cause", "other");
    /** Weights of {@link #PEDESTRIAN_REASONS}. */
    static final double[] PEDESTRIAN_REASON_WEIGHTS = {.55, .25, .20};
    /** Search log-odds intercept (a white man aged 25-50 in a vehicle: about 7 %). */
    static final double SEARCH_INTERCEPT = -2.6;
    /** Search log-odds shift by race. */
    static final double[] SEARCH_RACE_SHIFT = {0, 0.75, 0.5, -0.2, 0};
    /** Search log-odds shift when race is unknown. */
    static final double SEARCH_UNKNOWN_RACE_SHIFT = -0.5;
    /** Search log-odds shift for a pedestrian stop, a female subject, under 25, over 50. */
    static final double SEARCH_PEDESTRIAN = 1.0;
    /** See {@link #SEARCH_PEDESTRIAN}. */
    static final double SEARCH_FEMALE = -0.6;
    /** See {@link #SEARCH_PEDESTRIAN}. */
    static final double SEARCH_UNDER_25 = 0.4;
    /** See {@link #SEARCH_PEDESTRIAN}. */
    static final double SEARCH_OVER_50 = -0.6;
    /** Search bases (Open Policing Project) and their weights. */
    static final List<String> SEARCH_BASES = List.of("probable cause", "consent", "plain view", "k9", "other");
    /** Weights of {@link #SEARCH_BASES}. */
    static final double[] SEARCH_BASIS_WEIGHTS = {.42, .28, .08, .04, .18};
    /** Probability that a search finds contraband, by race (lower for the over-searched groups). */
    static final double[] HIT_RATE = {0.32, 0.21, 0.24, 0.30, 0.28};
    /** Hit rate when race is unknown. */
    static final double UNKNOWN_HIT_RATE = 0.25;
    /** Hit rate multiplier by search basis (order of {@link #SEARCH_BASES}). */
    static final double[] HIT_BASIS_MULTIPLIER = {1.1, 0.8, 1.4, 1.3, 0.9};
    /** Outcomes (empty = none) in the order of the weight arrays below. */
    static final List<String> OUTCOMES = List.of("", "warning", "citation", "summons", "arrest");
    /** Outcome weights of a vehicular stop without contraband. */
    static final double[] OUTCOME_VEHICULAR = {.12, .36, .46, .03, .03};
    /** Outcome weights of a pedestrian stop without contraband. */
    static final double[] OUTCOME_PEDESTRIAN = {.30, .40, .15, .05, .10};
    /** Outcome weights when contraband was found. */
    static final double[] OUTCOME_CONTRABAND = {.08, .12, .30, .05, .45};
    /** Arrest weight multiplier by race. */
    static final double[] ARREST_RACE_MULTIPLIER = {1.0, 1.2, 1.1, 1.0, 1.0};
    /** Use of force: base probability, added on arrest, added on search. */
    static final double FORCE_BASE = 0.008;
    /** See {@link #FORCE_BASE}. */
    static final double FORCE_ARREST = 0.12;
    /** See {@link #FORCE_BASE}. */
    static final double FORCE_SEARCH = 0.02;
    /** Use-of-force probability multiplier by race. */
    static final double[] FORCE_RACE_MULTIPLIER = {1.0, 1.35, 1.15, 1.0, 1.0};

    // ---- officers and assignments ----
    /** Officers' race weights (order of {@link #RACES}). */
    static final double[] OFFICER_RACE_WEIGHTS = {.45, .18, .20, .14, .03};
    /** Share of officers who are women. */
    static final double OFFICER_FEMALE_SHARE = 0.15;
    /** Relative staffing of the day, evening and night shifts. */
    static final double[] SHIFT_WEIGHTS = {.36, .38, .26};
    /** Officers work five days in seven; the chance of leave on a working day. */
    static final double LEAVE_PROBABILITY = 0.04;
    /** Each officer's chance of working their primary beat is uniform on [lo, hi]. */
    static final double PRIMARY_SHARE_LO = 0.70;
    /** See {@link #PRIMARY_SHARE_LO}. */
    static final double PRIMARY_SHARE_HI = 0.95;
    /** Away from the primary beat, the chance of a beat in the same district. */
    static final double SAME_DISTRICT_SHARE = 0.6;
    /** First and last possible hire dates. */
    static final LocalDate FIRST_HIRE = LocalDate.of(1987, 1, 1);
    /** See {@link #FIRST_HIRE}. */
    static final LocalDate LAST_HIRE = LocalDate.of(2014, 6, 30);

    // ---- complaints ----
    /** Number of officers whose complaint propensity is multiplied by {@link #OUTLIER_MULTIPLIER}. */
    static final int OUTLIER_OFFICERS = 4;
    /** See {@link #OUTLIER_OFFICERS}. */
    static final double OUTLIER_MULTIPLIER = 5.0;
    /** Probabilities of 1, 2 and 3 officers named in a complaint. */
    static final double[] OFFICERS_PER_COMPLAINT = {.75, .20, .05};
    /** Complaint sources. */
    static final List<String> SOURCES = List.of("civilian", "internal", "anonymous");
    /** Weights of {@link #SOURCES}. */
    static final double[] SOURCE_WEIGHTS = {.80, .12, .08};
    /** Allegations. */
    static final List<String> ALLEGATIONS = List.of("use_of_force", "discourtesy", "bias",
            "improper_stop_or_search", "procedure", "integrity", "other");
    /** Allegation weights of civilian and anonymous complaints. */
    static final double[] ALLEGATION_CIVILIAN = {.12, .25, .08, .18, .22, .05, .10};
    /** Allegation weights of internal complaints. */
    static final double[] ALLEGATION_INTERNAL = {.05, .05, .02, .08, .55, .20, .05};
    /** Findings other than pending. */
    static final List<String> FINDINGS = List.of("sustained", "not_sustained", "exonerated", "unfounded", "withdrawn");
    /** Finding weights by allegation (rows in the order of {@link #ALLEGATIONS}). */
    static final double[][] FINDING_WEIGHTS = {
        {.05, .25, .40, .22, .08},
        {.15, .40, .05, .30, .10},
        {.04, .35, .06, .45, .10},
        {.08, .30, .35, .20, .07},
        {.25, .30, .15, .22, .08},
        {.20, .35, .05, .35, .05},
        {.10, .35, .15, .30, .10}};
    /** Median days to close (log-normal, sd of the log 0.6, at least 7); open on {@link #LAST_DAY} = pending. */
    static final double MEDIAN_DAYS_TO_CLOSE = 120;
    /** Race weights of civilian complainants (order of {@link #RACES}, then unknown). */
    static final double[] COMPLAINANT_RACE_WEIGHTS = {.25, .38, .20, .08, .04, .05};
    /** Share of civilian complainants who are women. */
    static final double COMPLAINANT_FEMALE_SHARE = 0.42;
    /** Chance that a complaint's beat is the first officer's primary beat. */
    static final double COMPLAINT_PRIMARY_BEAT = 0.85;

    // ---- survey ----
    /** Survey waves. */
    static final List<Integer> WAVES = List.of(2013, 2015, 2016);
    /** Adult population shares by age group (census margins). */
    static final double[] AGE_SHARES = {.22, .29, .32, .17};
    /** Female share of the adult population. */
    static final double FEMALE_SHARE = 0.515;
    /** Response propensity by race (order of {@link #RACES}). */
    static final double[] RESPONSE_RACE = {1.15, 0.85, 0.80, 0.95, 1.0};
    /** Response propensity by age group. */
    static final double[] RESPONSE_AGE = {0.7, 0.9, 1.1, 1.3};
    /** Response propensity of women relative to men. */
    static final double RESPONSE_FEMALE = 1.2;
    /** Base weight = beat adults / beat respondents, times a uniform nonresponse jitter on [lo, hi]. */
    static final double WEIGHT_JITTER_LO = 0.85;
    /** See {@link #WEIGHT_JITTER_LO}. */
    static final double WEIGHT_JITTER_HI = 1.15;
    /** Mean of the latent trust factor by race (order of {@link #RACES}); its sd is 1. */
    static final double[] TRUST_RACE = {0.25, -0.45, -0.25, 0.15, 0.0};
    /** Shift of the latent trust factor by wave (order of {@link #WAVES}). */
    static final double[] TRUST_WAVE = {-0.2, 0.0, 0.2};
    /** Shift of the latent trust factor by age group. */
    static final double[] TRUST_AGE = {-0.2, 0.0, 0.05, 0.25};
    /** Approval: P(approve) = logistic(a + b * trust). */
    static final double APPROVE_INTERCEPT = 0.2;
    /** See {@link #APPROVE_INTERCEPT}. */
    static final double APPROVE_SLOPE = 1.4;
    /** Item loadings on the trust factor; item = round(3 + loading * trust + N(0, 0.8^2)), clamped to 1..5. */
    static final double[] ITEM_LOADINGS = {0.9, 0.8, 0.7, 0.85, 0.75};
    /** Sd of the item noise. */
    static final double ITEM_NOISE = 0.8;
    /** Index (0-based) of the reverse-worded item: q3 is written as 6 - answer. */
    static final int REVERSED_ITEM = 2;
    /** Chance that any one item is missing. */
    static final double ITEM_MISSING = 0.03;
    /** Chance that a respondent skips 3 to 5 items. */
    static final double SKIPPER = 0.025;
    /** Each wave is fielded over 42 days from October 1. */
    static final int FIELD_DAYS = 42;
}
