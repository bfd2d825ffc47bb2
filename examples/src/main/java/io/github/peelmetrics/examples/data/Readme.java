package io.github.peelmetrics.examples.data;

import static io.github.peelmetrics.examples.data.CityModel.BEATS;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The sample folder's {@code README.md}, printed from the same constants the generator draws from. */
final class Readme {
    private Readme() {}

    static byte[] text(Parameters p, List<Csv> csvs) {
        StringBuilder m = new StringBuilder();
        line(m, "# Sample city (synthetic data)");
        line(m, "");
        line(m, "**Every record in this folder is synthetic.** No row describes a real person, officer, stop,");
        line(m, "complaint or survey answer. The city is Oakland-like in place (coordinates around %.2f, %.2f; time zone",
                CityModel.CENTER_LAT, CityModel.CENTER_LNG);
        line(m, "%s) and realistic in shape, with effects built in on purpose so that the examples have something", CityModel.ZONE);
        line(m, "to find. Do not draw conclusions about any real police department from it.");
        line(m, "");
        line(m, "The files are written by `io.github.peelmetrics.examples.data.SampleCity` (run its `main` from the");
        line(m, "project root to regenerate them; `SampleCity.writeTo(folder)` writes them elsewhere). The output is");
        line(m, "deterministic byte for byte, and a test regenerates the files and fails if they differ from these.");
        line(m, "In code, `io.github.peelmetrics.examples.SampleFile` opens them from the examples jar (`SampleFile.STOPS.reader()`)");
        line(m, "or copies them to a folder (`SampleFile.copyAllTo(folder)`).");
        line(m, "All files are UTF-8 CSV with a header row, `\\n` line ends, no quoting; an empty field is a missing value.");
        line(m, "");
        line(m, "Generated with seed %d: %d stops, %d officers, %d complaints, survey waves of %d, %d and %d respondents.",
                p.seed(), p.stops(), p.officers(), p.complaints(), p.survey2013(), p.survey2015(), p.survey2016());
        line(m, "");
        line(m, "| file | rows | what |");
        line(m, "|---|---:|---|");
        String[] what = {"police stops, " + CityModel.FIRST_DAY + " to " + CityModel.LAST_DAY + " (Open Policing Project layout)",
            "community survey, 2013 wave", "community survey, 2015 wave", "community survey, 2016 wave",
            "adult population margins to rake the survey to", "adult residents by beat and race",
            "complaints against officers", "officers", "who worked which beat on which shift, day by day"};
        for (int i = 0; i < csvs.size(); i++) {
            line(m, "| `%s` | %d | %s |", csvs.get(i).name(), csvs.get(i).rows(), what[i]);
        }
        line(m, "");

        line(m, "## beats.csv");
        line(m, "");
        line(m, "Columns: `beat`, `district`, `race` (`white`, `black`, `hispanic`, `asian/pacific islander`, `other`;");
        line(m, "no `unknown`), `population` (adult residents, 18 and over). Long format, one row per beat and race;");
        line(m, "the residential benchmark for stop rates. Eight beats in four districts; each beat is a box of the grid");
        line(m, "below, and its stops fall inside it.");
        line(m, "");
        line(m, "| beat | district | adults | white | black | hispanic | asian/p.i. | other | lat | lng | stop intensity | pedestrian share | survey oversampling |");
        line(m, "|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|");
        for (CityModel.BeatSpec b : BEATS) {
            int[] pop = b.population();
            line(m, "| %s | %s | %d | %d | %d | %d | %d | %d | %.2f to %.2f | %.3f to %.3f | %.2f | %.2f | %.2f |",
                    b.id(), b.district(), b.total(), pop[0], pop[1], pop[2], pop[3], pop[4],
                    b.latMin(), b.latMax(), b.lngMin(), b.lngMax(), b.stopIntensity(), b.pedestrianShare(), b.surveyOversample());
        }
        line(m, "");

        line(m, "## census_margins.csv");
        line(m, "");
        line(m, "Columns: `variable` (`race`, `age_group`, `sex`), `level` (the survey's labels), `population`.");
        line(m, "The race margin is the sum of `beats.csv`; the age groups %s and sexes (Female %s) split the same",
                joinShares(CityModel.AGE_GROUPS, CityModel.AGE_SHARES), num(CityModel.FEMALE_SHARE));
        line(m, "adult total by the largest-remainder method, so every variable sums to the same total.");
        line(m, "");

        line(m, "## survey_2013.csv, survey_2015.csv, survey_2016.csv");
        line(m, "");
        line(m, "Columns: `respondent_id` (wave x 10000 + number), `wave`, `date` (fielded over %d days from October 1),",
                CityModel.FIELD_DAYS);
        line(m, "`race` (White, Black, Hispanic, Asian, Other), `age_group` (18-29, 30-44, 45-64, 65+), `sex` (Female, Male),");
        line(m, "`beat`, `approve` (1 = approves of the police, 0 = not; never missing), `q1`..`q5` (trust items, 1-5,");
        line(m, "higher = more trust except **q3, which is reverse-worded**; empty = missing), `base_weight` (design weight).");
        line(m, "");
        line(m, "- Design: stratified by beat; a beat's sample size is proportional to its adults times its oversampling");
        line(m, "  factor (largest remainder). `base_weight` = beat adults / beat respondents x Uniform(%s, %s) nonresponse jitter.",
                num(CityModel.WEIGHT_JITTER_LO), num(CityModel.WEIGHT_JITTER_HI));
        line(m, "- Who answers: race drawn from the beat's residents x response propensity %s; age group from the",
                joinShares(CityModel.SURVEY_RACES, CityModel.RESPONSE_RACE));
        line(m, "  city shares x propensity %s; women respond %s times as readily as men.",
                joinShares(CityModel.AGE_GROUPS, CityModel.RESPONSE_AGE), num(CityModel.RESPONSE_FEMALE));
        line(m, "- Latent trust T ~ Normal(race + wave + age shift, 1): race %s; wave %s; age %s.",
                joinShares(CityModel.SURVEY_RACES, CityModel.TRUST_RACE), joinShares(CityModel.WAVES, CityModel.TRUST_WAVE),
                joinShares(CityModel.AGE_GROUPS, CityModel.TRUST_AGE));
        line(m, "- Approval: P(approve = 1) = logistic(%s + %s T): lower among Black and Hispanic respondents, rising",
                num(CityModel.APPROVE_INTERCEPT), num(CityModel.APPROVE_SLOPE));
        line(m, "  from 2013 to 2016.");
        line(m, "- Items: answer = round(3 + loading x T + Normal(0, %s^2)), clamped to 1..5, loadings %s; q3 is written as",
                num(CityModel.ITEM_NOISE), Arrays.toString(CityModel.ITEM_LOADINGS));
        line(m, "  6 - answer. Each item is missing with probability %s; %s of respondents skip 3 to 5 items.",
                num(CityModel.ITEM_MISSING), num(CityModel.SKIPPER));
        line(m, "");

        line(m, "## stops.csv");
        line(m, "");
        line(m, "Columns (Stanford Open Policing Project standardized schema): `raw_row_number`, `date` (yyyy-MM-dd), `time`");
        line(m, "(HH:mm:ss, local clock), `lat`, `lng`, `beat`, `district`, `subject_race` (white, black, hispanic,");
        line(m, "asian/pacific islander, other, unknown), `subject_age`, `subject_sex` (male, female), `type` (vehicular,");
        line(m, "pedestrian), `officer_id`, `reason_for_stop`, `search_conducted` (TRUE/FALSE), `search_basis` (consent,");
        line(m, "probable cause, plain view, k9, other; empty when no search), `contraband_found` (TRUE/FALSE; empty when no");
        line(m, "search), `outcome` (warning, citation, summons, arrest; empty = none), `arrest_made`, `citation_issued`,");
        line(m, "`warning_issued` (TRUE exactly when `outcome` is arrest, citation, warning), `use_of_force` (TRUE/FALSE).");
        line(m, "Rows are in time order.");
        line(m, "");
        line(m, "- When: a day weighted by weekday %s (Monday first), 2016 at %s of 2015's volume; an hour weighted",
                Arrays.toString(CityModel.WEEKDAY_WEIGHTS), num(CityModel.SECOND_YEAR_VOLUME));
        line(m, "  %s (00 to 23); uniform minute and second. Clock times in the spring-forward gap move forward an hour.",
                Arrays.toString(CityModel.HOUR_WEIGHTS));
        line(m, "- Where: a beat weighted by adults x stop intensity; a uniform point in the beat's box, written to 4 decimals (about 10 m).");
        line(m, "- Who: race unknown with probability %s; otherwise drawn from the beat's residents x the **disparity**",
                num(CityModel.UNKNOWN_RACE_SHARE));
        line(m, "  multiplier %s x, when the sun is up (solar elevation above %s degrees at %.2f, %.2f, at the",
                joinShares(CityModel.RACES, CityModel.STOP_RACE_MULTIPLIER), num(CityModel.SUNSET_ELEVATION),
                CityModel.CENTER_LAT, CityModel.CENTER_LNG);
        line(m, "  stop's instant, NOAA solar formulas), the **darkness effect** multiplier %s. Male with probability %s;",
                joinShares(CityModel.RACES, CityModel.DAYLIGHT_MULTIPLIER), num(CityModel.MALE_SHARE));
        line(m, "  age 16 + (%s - 16) x exp(0.55 Z), capped at 90.", num(CityModel.MEDIAN_AGE));
        line(m, "- Type: pedestrian with the beat's pedestrian share (x %s for Black subjects). Reasons: vehicular %s;",
                num(CityModel.BLACK_PEDESTRIAN_MULTIPLIER), joinShares(CityModel.VEHICLE_REASONS, CityModel.VEHICLE_REASON_WEIGHTS));
        line(m, "  pedestrian %s.", joinShares(CityModel.PEDESTRIAN_REASONS, CityModel.PEDESTRIAN_REASON_WEIGHTS));
        line(m, "- Officer: one on duty on that beat in that shift (day 06-14, evening 14-22, night 22-06 dated by the day");
        line(m, "  it starts) per `assignments.csv`; if nobody was, one of that shift in the district, else in the city.");
        line(m, "- Search: logit = %s + race %s (unknown %s) + pedestrian %s + female %s + under 25 %s + over 50 %s.",
                num(CityModel.SEARCH_INTERCEPT), joinShares(CityModel.RACES, CityModel.SEARCH_RACE_SHIFT),
                num(CityModel.SEARCH_UNKNOWN_RACE_SHIFT), num(CityModel.SEARCH_PEDESTRIAN), num(CityModel.SEARCH_FEMALE),
                num(CityModel.SEARCH_UNDER_25), num(CityModel.SEARCH_OVER_50));
        line(m, "  Basis %s.", joinShares(CityModel.SEARCH_BASES, CityModel.SEARCH_BASIS_WEIGHTS));
        line(m, "- Contraband (the **outcome test**'s signal: lower hit rates for the over-searched groups): hit rate %s",
                joinShares(CityModel.RACES, CityModel.HIT_RATE));
        line(m, "  (unknown %s) x basis factor %s.", num(CityModel.UNKNOWN_HIT_RATE),
                joinShares(CityModel.SEARCH_BASES, CityModel.HIT_BASIS_MULTIPLIER));
        line(m, "- Outcome weights (none, warning, citation, summons, arrest): vehicular %s, pedestrian %s, contraband",
                Arrays.toString(CityModel.OUTCOME_VEHICULAR), Arrays.toString(CityModel.OUTCOME_PEDESTRIAN));
        line(m, "  found %s; the arrest weight x %s by race.", Arrays.toString(CityModel.OUTCOME_CONTRABAND),
                joinShares(CityModel.RACES, CityModel.ARREST_RACE_MULTIPLIER));
        line(m, "- Use of force: probability (%s + %s if arrest + %s if searched) x %s by race.",
                num(CityModel.FORCE_BASE), num(CityModel.FORCE_ARREST), num(CityModel.FORCE_SEARCH),
                joinShares(CityModel.RACES, CityModel.FORCE_RACE_MULTIPLIER));
        line(m, "");

        line(m, "## officers.csv");
        line(m, "");
        line(m, "Columns: `officer_id`, `race` (codes as in stops.csv), `sex` (male, female), `hired` (yyyy-MM-dd).");
        line(m, "Race weights %s; female with probability %s; hired between %s and %s, later dates more likely.",
                joinShares(CityModel.RACES, CityModel.OFFICER_RACE_WEIGHTS), num(CityModel.OFFICER_FEMALE_SHARE),
                CityModel.FIRST_HIRE, CityModel.LAST_HIRE);
        line(m, "");

        line(m, "## assignments.csv");
        line(m, "");
        line(m, "Columns: `officer_id`, `beat`, `date` (yyyy-MM-dd; a night shift is dated by the day it starts), `shift`");
        line(m, "(day, evening, night). One row per officer and working day, %s to %s (one day early, so the night",
                CityModel.FIRST_ASSIGNMENT_DAY, CityModel.LAST_DAY);
        line(m, "shift running into %s is covered). Officers are spread over the beat-and-shift cells in proportion to", CityModel.FIRST_DAY);
        line(m, "the beat's stop volume x shift staffing %s (at least one a cell); each keeps one shift",
                joinShares(CityModel.SHIFTS, CityModel.SHIFT_WEIGHTS));
        line(m, "and one primary beat, works five days in seven less leave (probability %s a day), and works the primary",
                num(CityModel.LEAVE_PROBABILITY));
        line(m, "beat with a probability of their own, uniform on [%s, %s]; otherwise another beat of the same district",
                num(CityModel.PRIMARY_SHARE_LO), num(CityModel.PRIMARY_SHARE_HI));
        line(m, "with probability %s, else any other beat.", num(CityModel.SAME_DISTRICT_SHARE));
        line(m, "");

        line(m, "## complaints.csv");
        line(m, "");
        line(m, "Columns: `complaint_id`, `received`, `closed` (yyyy-MM-dd; empty while open), `beat`, `officer_ids`");
        line(m, "(`;`-separated), `allegation` (use_of_force, discourtesy, bias, improper_stop_or_search, procedure, integrity,");
        line(m, "other), `finding` (sustained, not_sustained, exonerated, unfounded, withdrawn, pending), `complainant_race`");
        line(m, "(codes as in stops.csv, with unknown), `complainant_sex` (male, female, unknown), `source` (civilian, internal,");
        line(m, "anonymous). Rows in order of receipt.");
        line(m, "");
        line(m, "- Officers: each has a propensity ~ Gamma(2, 0.5) (mean 1); %d officers chosen at random have it multiplied",
                CityModel.OUTLIER_OFFICERS);
        line(m, "  by %s, the officers an early intervention list should find. A complaint names 1, 2 or 3 distinct officers",
                num(CityModel.OUTLIER_MULTIPLIER));
        line(m, "  (probabilities %s), drawn by propensity; its beat is the first officer's primary beat with probability %s.",
                Arrays.toString(CityModel.OFFICERS_PER_COMPLAINT), num(CityModel.COMPLAINT_PRIMARY_BEAT));
        line(m, "- Received on a uniform day of the two years. Source %s. Allegation weights (order above): civilian",
                joinShares(CityModel.SOURCES, CityModel.SOURCE_WEIGHTS));
        line(m, "  and anonymous %s, internal %s.", Arrays.toString(CityModel.ALLEGATION_CIVILIAN),
                Arrays.toString(CityModel.ALLEGATION_INTERNAL));
        line(m, "- Closed after max(7, round(%s x exp(0.6 Z))) days; a complaint still open on %s is `pending` with no",
                num(CityModel.MEDIAN_DAYS_TO_CLOSE), CityModel.LAST_DAY);
        line(m, "  close date. Otherwise the finding (sustained, not_sustained, exonerated, unfounded, withdrawn) has weights");
        for (int a = 0; a < CityModel.ALLEGATIONS.size(); a++) {
            line(m, "  %s %s%s", CityModel.ALLEGATIONS.get(a), Arrays.toString(CityModel.FINDING_WEIGHTS[a]),
                    a + 1 < CityModel.ALLEGATIONS.size() ? ";" : ".");
        }
        line(m, "- Civilian complainants: race %s; female with probability %s. Internal and anonymous",
                joinShares(List.of("white", "black", "hispanic", "asian/pacific islander", "other", "unknown"),
                        CityModel.COMPLAINANT_RACE_WEIGHTS), num(CityModel.COMPLAINANT_FEMALE_SHARE));
        line(m, "  complaints have race and sex unknown.");
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder m, String format, Object... args) {
        m.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** A number in its shortest round-trip form. */
    private static String num(double x) {
        return Double.toString(x);
    }

    private static String joinShares(List<?> names, double[] values) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < values.length; i++) {
            j.add(names.get(i) + " " + num(values[i]));
        }
        return j.toString();
    }
}
