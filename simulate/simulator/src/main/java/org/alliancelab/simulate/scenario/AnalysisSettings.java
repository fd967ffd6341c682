package org.alliancelab.simulate.scenario;

import java.util.List;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * The meta-analyses run on each replication.
 *
 * @param estimator tau-squared estimator (default REML)
 * @param test inference test (default z)
 * @param alpha two-sided significance level for tests and confidence intervals at
 *     {@code 1 - alpha} (default 0.05); also the level of the publication-selection test
 * @param differenceTests how the adjusted-versus-unadjusted difference is tested (default both)
 * @param pairedCorrelation how the within-study correlation of the two estimates is obtained
 *     (default {@link PairedCorrelationRule#delta()})
 */
public record AnalysisSettings(
    TauSquaredEstimator estimator,
    InferenceTest test,
    double alpha,
    List<DifferenceTest> differenceTests,
    PairedCorrelationRule pairedCorrelation) {

    /** Defensive copy. */
    public AnalysisSettings {
        differenceTests = List.copyOf(differenceTests);
    }

    /** @return the defaults: REML, z, alpha 0.05, both difference tests, delta method */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(TauSquaredEstimator.REML, InferenceTest.Z, 0.05,
            List.of(DifferenceTest.SUBGROUP, DifferenceTest.PAIRED), PairedCorrelationRule.delta());
    }
}
