package org.alliancelab.simulate.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * An engine's way of drawing one study's data: the co-moments about the mean of its analysis
 * variables, into {@link CoMoments#matrix()}. Each {@link Engine} creates its own
 * ({@link Engine#newDraw}); {@link StudySimulator} runs the study loop around it. One per thread.
 */
interface StudyDraw {
    /**
     * @param plan the study's moderator cell
     * @param factor Cholesky factor of the observed covariance of the analysis variables, for the
     *     study's drawn coefficients
     * @param dims how many leading analysis variables are needed (2, or all when the study
     *     reports an adjusted estimate)
     * @param n the study's sample size
     * @param beta the study's drawn path coefficients
     * @param residualSd the residual SDs of the latent nodes for those coefficients
     * @param rng the replication's random stream
     * @param gaussian standard normal sampler on that stream
     * @param moments where the co-moments go
     * @return the analysed sample size (n, or fewer after dropout)
     */
    int draw(CellPlan plan, double[][] factor, int dims, int n, double[] beta, double[] residualSd,
             UniformRandomProvider rng, NormalizedGaussianSampler gaussian, CoMoments moments);

    /**
     * @return a panel engine's sufficient statistics of the last study drawn (grand means,
     *     within and between cross-products of the lagged rows; see {@link PanelDraw}), or null
     *     for a cross-sectional draw
     */
    default double[] panelStatistics() {
        return null;
    }

    /** @return the rejected draws of a study-level parameter since the last call (0 by default) */
    default int takeInvalidDraws() {
        return 0;
    }
}
