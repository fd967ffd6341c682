package org.alliancelab.meta.pooling;

import org.alliancelab.meta.internal.TauSquaredRules;

/**
 * The intercept-only fit at a trial tau<sup>2</sup> for the shared root finder of Q
 * ({@link TauSquaredRules#solveGeneralizedQ}): the weighted sums about the running weighted
 * mean (re-centred at every evaluation for accuracy). Reused by every fit of a workspace, so
 * the root search allocates nothing.
 */
final class GeneralizedQFit implements TauSquaredRules.Fit {
    private double[] yi;
    private double[] vi;
    private int k;
    private WeightedSums sums;
    private double center;

    /** Starts a search on the first k studies, evaluating into {@code s}, centred first at yi[0]. */
    GeneralizedQFit reset(double[] yi, double[] vi, int k, WeightedSums s) {
        this.yi = yi;
        this.vi = vi;
        this.k = k;
        this.sums = s;
        this.center = yi[0];
        return this;
    }

    @Override
    public void at(double tau2) {
        sums.compute(yi, vi, k, tau2, center);
        center = sums.mean();
    }

    @Override
    public double q() {
        return sums.weightedSquares();
    }

    @Override
    public double qDerivative() {
        return -sums.weightedSquaresSquared();
    }
}
