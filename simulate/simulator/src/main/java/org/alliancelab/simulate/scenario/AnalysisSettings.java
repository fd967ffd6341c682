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
 * @param pairedCorrelation how the within-study working correlation of the two estimates is
 *     obtained (default the constant {@value PairedCorrelationRule#DEFAULT_WORKING_CORRELATION})
 * @param pairedInference how the paired comparison is tested (default {@link PairedInference#CR2})
 * @param biasMethods publication-bias methods run on every replication (default none)
 * @param sensitivity whether the robustness of the adjusted pooled correlation to unmeasured
 *     confounding (E-values, the confounded meta-analysis, robustness values) is computed on
 *     every replication (default false)
 */
public record AnalysisSettings(
    TauSquaredEstimator estimator,
    InferenceTest test,
    double alpha,
    List<DifferenceTest> differenceTests,
    PairedCorrelationRule pairedCorrelation,
    PairedInference pairedInference,
    List<BiasMethod> biasMethods,
    boolean sensitivity) {

    /**
     * Defensive copies.
     *
     * @param differenceTests how the adjusted-versus-unadjusted difference is tested (default both)
     * @param biasMethods publication-bias methods run on every replication (default none)
     * @param alpha two-sided significance level for tests and confidence intervals at
     *     {@code 1 - alpha} (default 0.05); also the level of the publication-selection test
     * @param estimator tau-squared estimator (default REML)
     * @param pairedCorrelation how the within-study working correlation of the two estimates is
     *     obtained (default the constant {@value PairedCorrelationRule#DEFAULT_WORKING_CORRELATION})
     * @param pairedInference how the paired comparison is tested (default {@link PairedInference#CR2})
     * @param test inference test (default z)
     * @param sensitivity whether the sensitivity analyses run on every replication (default false)
     */
    public AnalysisSettings {
        differenceTests = List.copyOf(differenceTests);
        biasMethods = List.copyOf(biasMethods);
    }

    /**
     * @return the defaults: REML, z, alpha 0.05, both difference tests, working correlation
     *     {@value PairedCorrelationRule#DEFAULT_WORKING_CORRELATION}, CR2, no bias methods, no
     *     sensitivity analyses
     */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(TauSquaredEstimator.REML, InferenceTest.Z, 0.05,
            List.of(DifferenceTest.SUBGROUP, DifferenceTest.PAIRED),
            PairedCorrelationRule.constant(PairedCorrelationRule.DEFAULT_WORKING_CORRELATION), PairedInference.CR2,
            List.of(), false);
    }
}
