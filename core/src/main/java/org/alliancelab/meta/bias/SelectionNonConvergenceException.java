package org.alliancelab.meta.bias;

/**
 * Thrown when the maximum-likelihood fit of a selection model does not converge within its
 * iteration limit, or stops at a point where the likelihood cannot be increased but the
 * gradient does not vanish. Nothing half-converged is returned: a Monte Carlo engine counts the
 * failure.
 */
public final class SelectionNonConvergenceException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** Newton iterations done before giving up. */
    private final int iterations;

    /**
     * @param message what failed
     * @param iterations iterations done
     */
    public SelectionNonConvergenceException(String message, int iterations) {
        super(message);
        this.iterations = iterations;
    }

    /** @return the iterations done before giving up */
    public int iterations() {
        return iterations;
    }
}
