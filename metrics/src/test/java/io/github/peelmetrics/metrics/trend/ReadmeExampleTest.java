package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.core.stats.Estimate;
import org.junit.jupiter.api.Test;

/** The example of docs/trend.md, line for line, so the README cannot drift from the code. */
class ReadmeExampleTest {

    @Test
    void readmeExamplePrintsWhatTheReadmeShows() {
        long[] approve = {601, 651, 865};
        long[] asked = {1002, 1001, 1201};
        CochranArmitage ca = CochranArmitage.test(approve, asked, 2013, 2015, 2016);
        assertEquals("CochranArmitage[60.0% 65.0% 72.0%, z=5.78, chi2=33.38, p=7.58e-09, departure chi2=2.67 (df 1, p=0.1025)]",
                ca.toString());
        assertEquals("ProportionChange[pooled-z: 0.5998 -> 0.7202, change=+0.1204, z=5.97, p=2.44e-09]",
                ProportionChange.test(601, 1002, 865, 1201).toString());
        assertEquals("ProportionChange[given-se-z: 0.6012 -> 0.7208, change=+0.1196, z=5.21, p=1.91e-07]",
                ProportionChange.test(Estimate.of(0.6012, 0.0173, 1002), Estimate.of(0.7208, 0.0151, 1201)).toString());
        assertEquals("MannKendall[S=-24, z=-2.89, p=0.0039, sen=-1.690/step [-2.333, -1]]",
                MannKendall.test(41, 38, 38, 35, 36, 31, 31, 29).toString());
        RateComparison homicides = RateComparison.test(88, 1.0, 186, 1.0);
        assertEquals("RateComparison[88/1 = 88 vs 186/1 = 186, ratio=0.4731 [0.3671, 0.6097] 95% wald, exact p=3.18e-09]",
                homicides.toString());
        assertEquals("0.4736 [0.3659, 0.6083] 95% mid-p", homicides.midP(0.95).toString());
    }
}
