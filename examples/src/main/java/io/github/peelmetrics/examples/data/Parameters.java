package io.github.peelmetrics.examples.data;

import java.util.Locale;

/**
 * The sizes and the seed of a generated city. {@link #BUNDLED} made the files shipped with the examples;
 * tests use smaller cities with other seeds.
 *
 * @param seed        the seed of the one {@link java.util.SplittableRandom} everything is drawn from
 * @param stops       number of stops over the two years
 * @param officers    number of officers (at least one per beat and shift)
 * @param complaints  number of complaints over the two years
 * @param survey2013  respondents in the 2013 wave
 * @param survey2015  respondents in the 2015 wave
 * @param survey2016  respondents in the 2016 wave
 */
record Parameters(long seed, int stops, int officers, int complaints, int survey2013, int survey2015, int survey2016) {

    /** The parameters of the bundled files. */
    static final Parameters BUNDLED = new Parameters(20_130_716L, 142_000, 150, 2_400, 1_503, 1_496, 1_512);

    /** Largest number of stops accepted (memory stays under about 200 MB). */
    static final int MAX_STOPS = 1_000_000;

    Parameters {
        check("stops", stops, 1, MAX_STOPS);
        check("officers", officers, CityModel.BEATS.size() * 3, 9_999);
        check("complaints", complaints, 0, 1_000_000);
        check("survey2013", survey2013, CityModel.BEATS.size(), 1_000_000);
        check("survey2015", survey2015, CityModel.BEATS.size(), 1_000_000);
        check("survey2016", survey2016, CityModel.BEATS.size(), 1_000_000);
    }

    /** The same sizes with another seed. */
    Parameters withSeed(long newSeed) {
        return new Parameters(newSeed, stops, officers, complaints, survey2013, survey2015, survey2016);
    }

    /** Respondents in {@code wave}. */
    int surveySize(int wave) {
        switch (wave) {
            case 2013: return survey2013;
            case 2015: return survey2015;
            case 2016: return survey2016;
            default: throw new IllegalArgumentException("no survey wave " + wave + "; the waves are 2013, 2015 and 2016");
        }
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s of sample city Parameters must be between %d and %d: %d", field, min, max, value));
        }
    }
}
