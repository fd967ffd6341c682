package org.alliancelab.simulate.engine;

/** How a study's data are drawn. */
public enum Engine {
    /** Draws every patient: needed for dropout and any non-Gaussian feature. */
    PATIENT,
    /**
     * Draws the observed sample covariance matrix directly from its Wishart distribution
     * (Bartlett decomposition): the cost of a study does not depend on its size.
     */
    SUFFICIENT
}
