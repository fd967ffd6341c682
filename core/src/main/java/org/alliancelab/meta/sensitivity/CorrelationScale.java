package org.alliancelab.meta.sensitivity;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * A pooled result on the correlation scale, with the slope of the log risk ratio on the
 * analysis scale: the one place where the sensitivity analyses leave the measure's scale.
 *
 * <p>With r&#x0302; the pooled correlation (r&#x0302; = tanh(&mu;&#x0302;) for the Fisher-z
 * measures, &mu;&#x0302; otherwise) and g(r) = 0.91 &middot; 2r / sqrt(1 - r<sup>2</sup>) the log
 * risk ratio, the slope of g on the analysis scale at the estimate is g'(r&#x0302;) =
 * 1.82 / (1 - r&#x0302;<sup>2</sup>)<sup>3/2</sup> for raw correlations and, since
 * dr/dz = 1 - r<sup>2</sup>, 1.82 / sqrt(1 - r&#x0302;<sup>2</sup>) for Fisher's z. The
 * confidence bounds of a raw correlation are cut at -1 and 1.
 *
 * @param r the pooled correlation
 * @param ciLower its lower confidence bound
 * @param ciUpper its upper confidence bound
 * @param logRiskRatioSlope d log RR / d&theta; at the estimate, &theta; the analysis scale
 */
record CorrelationScale(double r, double ciLower, double ciUpper, double logRiskRatioSlope) {

    static CorrelationScale of(MetaAnalysisResult pooled, CorrelationMeasure measure) {
        if (measure.isFisherZ()) {
            double r = Correlations.fromFisherZ(pooled.estimate());
            double slope = Correlations.logRiskRatioSlope(r) * (1 - r * r);
            return new CorrelationScale(r, Correlations.fromFisherZ(pooled.ciLower()),
                Correlations.fromFisherZ(pooled.ciUpper()), slope);
        }
        // a Wald interval of a raw correlation may leave [-1, 1]: the bounds are cut there
        double r = pooled.estimate();
        return new CorrelationScale(r, Math.max(-1, pooled.ciLower()), Math.min(1, pooled.ciUpper()),
            Correlations.logRiskRatioSlope(r));
    }
}
