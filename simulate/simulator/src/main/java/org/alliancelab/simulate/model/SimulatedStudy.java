package org.alliancelab.simulate.model;

import java.util.Map;

/**
 * What one simulated study reports to the meta-analyst: the observed exposure-outcome
 * correlation and, when the study reports it, the partial correlation adjusted for the
 * observed adjustment set.
 *
 * @param n analysed sample size (completers when dropout applies)
 * @param r observed exposure-outcome correlation
 * @param partialR observed partial correlation given the adjustment set, or NaN when the study
 *     does not report an adjusted estimate
 * @param covariates number of covariates partialled out in {@code partialR}
 * @param pairedCorrelation correlation between the sampling errors of z(r) and z(partialR)
 *     within this study (used by the paired difference test), NaN when not reported
 * @param moderatorLevels the study's level of each categorical moderator (moderator name to
 *     level name), in the scenario's order
 */
public record SimulatedStudy(
    int n,
    double r,
    double partialR,
    int covariates,
    double pairedCorrelation,
    Map<String, String> moderatorLevels) {

    /** @return whether the study reports an adjusted (partial) correlation */
    public boolean reportsAdjusted() {
        return !Double.isNaN(partialR);
    }
}
