package org.alliancelab.simulate.model;

/**
 * A latent, standardized variable of the structural model.
 *
 * @param name the node's name (unique within a model)
 * @param observed whether studies measure the node
 * @param reliability reliability of the observed proxy in (0, 1]; the proxy is
 *     {@code sqrt(rel) * X + sqrt(1 - rel) * d} with independent standard normal {@code d};
 *     1 for unobserved nodes (unused)
 * @param randomization how the node is assigned when it is randomized (an instrument: observed,
 *     reliability 1, no incoming paths), or null for an ordinary node
 */
public record Node(String name, boolean observed, double reliability, Randomization randomization) {

    /**
     * An ordinary (not randomized) node.
     *
     * @param name the node's name (unique within a model)
     * @param observed whether studies measure the node
     * @param reliability reliability of the observed proxy in (0, 1]
     */
    public Node(String name, boolean observed, double reliability) {
        this(name, observed, reliability, null);
    }

    /** @return whether the node is randomized */
    public boolean randomized() {
        return randomization != null;
    }
}
