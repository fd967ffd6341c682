package org.alliancelab.simulate.scenario;

import java.util.Map;

/**
 * Patient dropout (patient engine only): a patient drops out with probability
 * {@code F(intercept + sum_j c_j X_j)} over latent nodes {@code X_j}, with {@code F} the
 * standard normal (probit) or logistic (logit) distribution function.
 *
 * @param link the link
 * @param intercept the intercept
 * @param coefficients latent node name to coefficient
 * @param analysis what the study analyses
 */
public record Dropout(Link link, double intercept, Map<String, Double> coefficients, Analysis analysis) {
    /**
     * Defensive copy.
     *
     * @param coefficients latent node name to coefficient
     * @param analysis what the study analyses
     * @param intercept the intercept
     * @param link the link
     */
    public Dropout {
        coefficients = Map.copyOf(coefficients);
    }

    /** Link function. */
    public enum Link {
        /** Standard normal distribution function. */
        PROBIT,
        /** Logistic distribution function. */
        LOGIT
    }

    /** What a study with dropout analyses. */
    public enum Analysis {
        /** Completers only: the correlations among the patients who stayed; n = completers. */
        COMPLETERS,
        /**
         * Retention as the outcome: the point-biserial correlation of the observed exposure
         * with the completion indicator (1 = completed, so that a positive correlation means
         * higher exposure goes with staying, like "higher outcome = better"); n = all enrolled.
         */
        RETENTION
    }
}
