package io.github.peelmetrics.survey.design;

/**
 * What the linearization variance does with a stratum that has a single sampled PSU (and a
 * population of more than one), R {@code survey}'s {@code options(survey.lonely.psu = ...)}
 * (survey 4.1-1). A stratum sampled completely (fpc fraction 1) contributes zero and is never
 * lonely. With {@link SurveyDesign#withAdjustDomainLonely()} (R's
 * {@code survey.adjust.domain.lonely = TRUE}) a stratum with several PSUs of which only one holds
 * rows of the domain is also treated as lonely.
 */
public enum LonelyPsu {
    /** R's {@code "fail"} (the default): an error {@code Stratum (B04) has only one PSU at stage 1}. */
    FAIL("fail"),
    /** R's {@code "certainty"}: the stratum contributes zero, as if sampled with certainty. */
    CERTAINTY("certainty"),
    /** R's {@code "remove"}: the stratum contributes zero (identical to {@link #CERTAINTY} in survey 4.1-1). */
    REMOVE("remove"),
    /**
     * R's {@code "adjust"}: the stratum contributes {@code (1 − f_h)·z_h z_h'}, its PSU total
     * measured from zero (not from an average PSU total), as survey 4.1-1 does.
     */
    ADJUST("adjust"),
    /**
     * R's {@code "average"}: the stratum is dropped and the sum over the other strata multiplied by
     * {@code nstrata/nstrata_ok}, both counted over the strata present in the rows used (the
     * domain's strata for a domain; certainty strata count as ok).
     */
    AVERAGE("average");

    private final String rName;

    LonelyPsu(String rName) {
        this.rName = rName;
    }

    /** R's name of the option value, e.g. {@code adjust}. */
    public String rName() {
        return rName;
    }

    /**
     * The constant of an R option value.
     *
     * @throws IllegalArgumentException for a name R does not know (the message lists the names)
     */
    public static LonelyPsu ofR(String name) {
        for (LonelyPsu l : values()) {
            if (l.rName.equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown survey.lonely.psu option " + name
                + "; the options are fail, certainty, remove, adjust, average");
    }
}
