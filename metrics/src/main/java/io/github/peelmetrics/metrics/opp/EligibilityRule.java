package io.github.peelmetrics.metrics.opp;

/**
 * The steps of the Stanford Open Policing Project's eligibility rules for the outcome test and the veil of darkness, in the
 * order OPP applies them ({@code lib/eligibility.R}, {@code load_base_for()} lines 164-182 then
 * {@code load_disparity_for()} lines 124-140, at commit {@code fdb3b9f8}). Each constant names
 * OPP's function; steps up to {@link #ANOMALOUS_SUBGEOGRAPHIES} are OPP's base rules ({@link OppBaseRules}), shared by the outcome test and the stop rates.
 */
public enum EligibilityRule {
    /** The stops as given. */
    INIT("init"),
    /** {@code keep_only_highway_patrol_if_state} (line 185): statewide data only; a no-op for a city. */
    HIGHWAY_PATROL_ONLY("keep_only_highway_patrol_if_state"),
    /** {@code filter_to_vehicular_stops} (line 220): keep vehicular stops (an unrecorded type is dropped). */
    VEHICULAR("filter_to_vehicular_stops"),
    /** {@code filter_to_date_range} (line 239): keep {@code from <= date <= to}. */
    DATE_RANGE("filter_to_date_range"),
    /** {@code remove_months_with_too_few_stops} (line 257): drop each calendar month with fewer stops than the minimum. */
    MONTHS_WITH_TOO_FEW_STOPS("remove_months_with_too_few_stops"),
    /**
     * {@code remove_months_with_low_coverage(subject_race, additional_na_vals = "unknown")} (line 278):
     * coverage = 1 - (share of stops with an unknown race, rounded to 4 places); drop months under the threshold.
     */
    RACE_COVERAGE("remove_months_with_low_coverage(subject_race)"),
    /** {@code filter_to_races} (line 368): keep the analysis races. */
    RACES("filter_to_races"),
    /** {@code add_subgeography} (line 395): the subgeography is the stop's district. */
    SUBGEOGRAPHY("add_subgeography (stub)"),
    /** {@code remove_anomalous_subgeographies}: city-specific; a no-op here. */
    ANOMALOUS_SUBGEOGRAPHIES("remove_anomalous_subgeographies"),
    /** {@code remove_locations_with_unreliable_search_data}: city-specific; a no-op here. */
    UNRELIABLE_SEARCH_DATA("remove_locations_with_unreliable_search_data"),
    /** {@code remove_months_with_low_coverage(search_conducted)}: drop months where too few stops record whether there was a search. */
    SEARCH_COVERAGE("remove_months_with_low_coverage(search_conducted)"),
    /**
     * {@code filter_to_discretionary_searches_if_search_basis} (line 535), as documented: when the search
     * basis is recorded for at least the threshold share of searches (coverage rounded as above), keep
     * stops without a search and searches whose basis is discretionary (or unrecorded); a stop whose
     * search is unrecorded is dropped then too. Below the threshold every stop is kept.
     */
    DISCRETIONARY_SEARCHES("filter_to_discretionary_searches_if_search_basis"),
    /** {@code remove_na(search_conducted)} (line 337): drop stops that do not record whether there was a search. */
    SEARCH_RECORDED("remove_na(search_conducted)"),
    /** {@code remove_locations_with_unreliable_contraband_data}: city-specific; a no-op here. */
    UNRELIABLE_CONTRABAND_DATA("remove_locations_with_unreliable_contraband_data"),
    /** {@code remove_months_with_low_coverage(contraband_found, predicate = search_conducted)}: drop whole months where too few searches record contraband. */
    CONTRABAND_COVERAGE("remove_months_with_low_coverage(contraband_found | search_conducted)"),
    /** {@code remove_months_with_low_coverage(subgeography)}: drop months where too few stops record the district. */
    SUBGEOGRAPHY_COVERAGE("remove_months_with_low_coverage(subgeography)"),
    /** {@code remove_na(subgeography)}: drop stops without a district. */
    SUBGEOGRAPHY_RECORDED("remove_na(subgeography)"),
    /**
     * {@code remove_locations_with_too_few_searches_per_race} (line 683): drop each district where some race
     * present in the data has fewer searches than the minimum (none at all included).
     */
    TOO_FEW_SEARCHES_PER_RACE("remove_locations_with_too_few_searches_per_race"),
    /** {@code remove_locations_with_too_few_subgeographies} (line 738): with fewer districts than the minimum, the location is eliminated. */
    TOO_FEW_SUBGEOGRAPHIES("remove_locations_with_too_few_subgeographies"),
    /**
     * Veil of darkness ({@code load_vod_base_for}, README-opp §3):
     * {@code remove_months_with_low_coverage(time)}: drop months where too few stops record the time.
     */
    TIME_COVERAGE("remove_months_with_low_coverage(time)"),
    /** Veil of darkness: {@code remove_na(time)}: drop stops without a time of day. */
    TIME_RECORDED("remove_na(time)"),
    /** Veil of darkness: {@code filter_to_races(white, <minority>)}: keep the two races compared, drop every other. */
    COMPARED_RACES("filter_to_races(reference, minority)"),
    /**
     * Veil of darkness: {@code filter_to_intertwilight_time_period} ({@code lib/veil_of_darkness.R} 968): keep
     * stops whose minute lies between the earliest and the latest dusk minute of the stops present.
     */
    INTER_TWILIGHT_PERIOD("filter_to_intertwilight_time_period"),
    /** Veil of darkness: {@code remove_sunset_to_dusk_time_period} (1002): drop stops from sunset to dusk. */
    SUNSET_TO_DUSK("remove_sunset_to_dusk_time_period"),
    /**
     * Veil of darkness: {@code remove_partial_years} (1024): keep a year with stops on at least 100 days, in all
     * 12 months, and a first stop on or before 15 January or a last one on or after 15 December.
     */
    PARTIAL_YEARS("remove_partial_years(geography)"),
    /**
     * Veil of darkness: {@code remove_location_yrs_with_too_few_stops_per_race} (1128): keep a year where each
     * race compared has at least the minimum number of stops (100 by default).
     */
    TOO_FEW_STOPS_PER_RACE_PER_YEAR("remove_location_yrs_with_too_few_stops_per_race(geography)");

    private final String oppFunction;

    EligibilityRule(String oppFunction) {
        this.oppFunction = oppFunction;
    }

    /** OPP's name for the step, as its log and the conformance cases spell it. */
    public String oppFunction() {
        return oppFunction;
    }
}
