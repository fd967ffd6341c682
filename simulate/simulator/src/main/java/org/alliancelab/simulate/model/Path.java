package org.alliancelab.simulate.model;

/**
 * A directed, standardized path coefficient of the structural model.
 *
 * @param from parent node name
 * @param to child node name
 * @param beta mean standardized coefficient
 * @param sd between-study standard deviation of the coefficient (0 when fixed)
 */
public record Path(String from, String to, double beta, double sd) {
}
