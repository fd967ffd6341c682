package org.alliancelab.simulate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplingCorrelationTest {

    /**
     * A covariate uncorrelated with exposure and outcome: the partial correlation's gradient with
     * respect to r_xz and r_yz vanishes at r_xz = r_yz = 0 (the correction term is their
     * product), so to first order z(partial r) and z(r) have the same error: correlation 1.
     */
    @Test
    void irrelevantCovariateGivesOne() {
        double[][] cov = {{1, .3, 0}, {.3, 1, 0}, {0, 0, 1}};
        assertEquals(1, SamplingCorrelation.deltaMethod(cov), 1e-6);
    }

    /** No covariates: the partial correlation is r itself. */
    @Test
    void noCovariatesGivesOne() {
        assertEquals(1, SamplingCorrelation.deltaMethod(new double[][] {{1, .4}, {.4, 1}}), 1e-6);
    }

    /**
     * A strong covariate makes the two estimates less than perfectly correlated; the value is a
     * correlation. (Its Monte Carlo check is in StudySimulatorTest.)
     */
    @Test
    void strongCovariateLowersTheCorrelation() {
        double[][] cov = {{1, .3, .5}, {.3, 1, .5}, {.5, .5, 1}};
        double rho = SamplingCorrelation.deltaMethod(cov);
        assertTrue(rho > 0 && rho < 0.95, "rho = " + rho);
    }
}
