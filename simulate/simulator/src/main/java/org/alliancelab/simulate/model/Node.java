package org.alliancelab.simulate.model;

/**
 * A latent, standardized variable of the structural model.
 *
 * @param name the node's name (unique within a model)
 * @param observed whether studies measure the node
 * @param reliability reliability of the observed proxy in (0, 1]; the proxy is
 *     {@code sqrt(rel) * X + sqrt(1 - rel) * d} with independent standard normal {@code d};
 *     1 for unobserved nodes (unused)
 */
public record Node(String name, boolean observed, double reliability) {
}
