package org.alliancelab.meta.bias;

import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * The result of trim-and-fill.
 *
 * @param k0 estimated number of missing studies
 * @param k0Se standard error of the k<sub>0</sub> estimate as metafor gives it (sqrt(2 max(0,
 *     k<sub>0</sub>) + 2) for R0; for L0 4 sqrt(Var T<sub>n</sub>)/(2k - 1))
 * @param side the side on which studies were filled
 * @param estimator L0 or R0
 * @param filled the random-effects result on the k + k<sub>0</sub> observed and filled studies
 *     (the original result when k<sub>0</sub> = 0)
 * @param filledYi effect sizes of the filled studies (length k<sub>0</sub>): the mirror images
 *     2&beta; - y<sub>i</sub> of the trimmed studies about the trimmed estimate &beta;
 * @param filledVi sampling variances of the filled studies (length k<sub>0</sub>, in the order
 *     of {@code filledYi}): each mirror image keeps the variance of the study it mirrors
 */
public record TrimAndFillResult(int k0, double k0Se, FunnelSide side, MissingStudiesEstimator estimator,
                                MetaAnalysisResult filled, double[] filledYi, double[] filledVi) {

    /**
     * @param k0 missing studies
     * @param k0Se SE of k0
     * @param side side
     * @param estimator estimator
     * @param filled result on the filled data
     * @param filledYi filled effects (copied)
     * @param filledVi their sampling variances (copied)
     * @throws IllegalArgumentException when filledYi and filledVi differ in length
     */
    public TrimAndFillResult {
        filledYi = filledYi.clone();
        filledVi = filledVi.clone();
        if (filledYi.length != filledVi.length) {
            throw new IllegalArgumentException("filledYi and filledVi differ in length: "
                + filledYi.length + ", " + filledVi.length);
        }
    }

    /** @return a copy of the filled studies' effect sizes */
    @Override
    public double[] filledYi() {
        return filledYi.clone();
    }

    /** @return a copy of the filled studies' sampling variances */
    @Override
    public double[] filledVi() {
        return filledVi.clone();
    }
}
