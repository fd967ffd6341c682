package org.alliancelab.meta.bias;

import java.util.List;
import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * The maximum-likelihood fit of a step-function selection model ({@link SelectionModel}).
 *
 * @param k number of studies
 * @param alternative the p-value on which the steps are placed
 * @param randomEffects whether &tau;<sup>2</sup> was estimated (false: common-effect model, &tau;<sup>2</sup> = 0)
 * @param level confidence level of the intervals
 * @param estimate &mu;&#x0302;, the effect adjusted for the selection
 * @param se its standard error from the observed information (NaN when that matrix is not
 *     positive definite)
 * @param statistic z = &mu;&#x0302;/SE
 * @param pValue its two-sided p-value
 * @param ciLower lower Wald bound &mu;&#x0302; - c SE
 * @param ciUpper upper Wald bound
 * @param tau2 &tau;&#x0302;<sup>2</sup> (0 for the common-effect model)
 * @param tau2Se its standard error (NaN for the common-effect model)
 * @param weights the intervals with their selection weights, from the smallest p-values
 * @param logLikelihood maximised log-likelihood of the selection model (metafor's {@code ll})
 * @param logLikelihoodWithoutSelection maximised log-likelihood of the model without selection,
 *     the ML fit {@code withoutSelection} (metafor's {@code ll0})
 * @param lrt likelihood-ratio statistic max(0, 2(ll - ll<sub>0</sub>)) of no selection (all weights 1)
 * @param lrtDf its degrees of freedom, the number of estimated weights
 * @param lrtPValue its p-value against chi-squared with {@code lrtDf} df
 * @param withoutSelection the model without selection fitted by ML (or EE), the LRT's null model
 *     and the optimiser's starting point
 * @param iterations Newton iterations of the fit
 */
public record SelectionModelResult(int k, PValueAlternative alternative, boolean randomEffects, double level,
                                   double estimate, double se, double statistic, double pValue,
                                   double ciLower, double ciUpper, double tau2, double tau2Se,
                                   List<SelectionWeight> weights, double logLikelihood,
                                   double logLikelihoodWithoutSelection, double lrt, int lrtDf, double lrtPValue,
                                   MetaAnalysisResult withoutSelection, int iterations) {

    /**
     * @param k studies
     * @param alternative the p-value
     * @param randomEffects whether tau2 was estimated
     * @param level confidence level
     * @param estimate adjusted estimate
     * @param se its SE
     * @param statistic z
     * @param pValue p
     * @param ciLower lower bound
     * @param ciUpper upper bound
     * @param tau2 tau2
     * @param tau2Se its SE
     * @param weights the intervals
     * @param logLikelihood ll
     * @param logLikelihoodWithoutSelection ll0
     * @param lrt LRT statistic
     * @param lrtDf its df
     * @param lrtPValue its p
     * @param withoutSelection the null model
     * @param iterations iterations
     */
    public SelectionModelResult {
        weights = List.copyOf(weights);
    }

    /** @return whether any weight is at its bound (the estimate is then the bound's) */
    public boolean weightAtBound() {
        return weights.stream().anyMatch(SelectionWeight::atBound);
    }
}
