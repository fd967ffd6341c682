package org.alliancelab.meta.comparison;

import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.regression.RobustCoefficient;

/**
 * A paired comparison with cluster-robust inference ({@link EstimateComparison#pairedRobust}).
 *
 * @param pooled the model-based pooling of the within-study differences (estimate, tau², I²,
 *     and the model's own SE and test)
 * @param robust the cluster-robust inference on the same estimate (SE, t, df, p, interval)
 */
public record PairedComparison(MetaAnalysisResult pooled, RobustCoefficient robust) {
}
