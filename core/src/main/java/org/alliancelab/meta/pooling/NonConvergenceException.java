package org.alliancelab.meta.pooling;

/**
 * Thrown when an iterative tau-squared estimator (ML, REML, EB, PM) does not converge within
 * the configured number of iterations. Nothing is returned in that case: callers such as a
 * Monte Carlo engine count the failure rather than use a half-converged estimate.
 */
public final class NonConvergenceException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** The estimator that failed. */
    private final TauSquaredEstimator estimator;
    /** Iterations done before giving up. */
    private final int iterations;

    /**
     * @param estimator the estimator that failed
     * @param iterations iterations done
     */
    public NonConvergenceException(TauSquaredEstimator estimator, int iterations) {
        super(estimator + " estimator of tau^2 did not converge in " + iterations + " iterations");
        this.estimator = estimator;
        this.iterations = iterations;
    }

    /** @return the estimator that failed */
    public TauSquaredEstimator estimator() {
        return estimator;
    }

    /** @return the iterations done before giving up */
    public int iterations() {
        return iterations;
    }
}
