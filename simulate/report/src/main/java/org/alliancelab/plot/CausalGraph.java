package org.alliancelab.plot;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A scenario's causal model as a picture needs it: nodes, standardized paths and the roles.
 *
 * @param nodes the nodes, in the scenario's order
 * @param edges the paths
 * @param exposure the exposure node (alliance)
 * @param outcome the outcome node
 * @param adjustment the adjustment set
 */
public record CausalGraph(List<Node> nodes, List<Edge> edges, String exposure, String outcome,
                          List<String> adjustment) {

    /**
     * A moderator level's value in place of the model's, e.g. the late-rating studies' path.
     *
     * @param level the level, as the scenario names it (e.g. {@code late})
     * @param value the level's coefficient or reliability
     * @param sd the level's between-study SD of a coefficient (0 for none or for a reliability)
     */
    public record Override(String level, double value, double sd) {
    }

    /**
     * @param name node name
     * @param observed whether the node is measured
     * @param reliability reliability of its measurement (NaN when not given or unobserved)
     * @param overrides moderator levels' reliabilities in place of {@code reliability}
     * @param grid the levels a grid factor sets the reliability to, in place of
     *     {@code reliability} (which no condition then runs); empty when no grid factor sets it
     */
    public record Node(String name, boolean observed, double reliability, List<Override> overrides, List<Double> grid) {
        /** Copies the lists. */
        public Node {
            overrides = List.copyOf(overrides);
            grid = List.copyOf(grid);
        }

        /** A node no grid factor changes. */
        public Node(String name, boolean observed, double reliability, List<Override> overrides) {
            this(name, observed, reliability, overrides, List.of());
        }

        /** A node no moderator level or grid factor changes. */
        public Node(String name, boolean observed, double reliability) {
            this(name, observed, reliability, List.of());
        }
    }

    /**
     * @param from cause
     * @param to effect
     * @param beta standardized path coefficient
     * @param sd between-study SD of the coefficient (0 for none)
     * @param overrides moderator levels' coefficients in place of {@code beta}
     * @param grid the levels a grid factor sets the coefficient to, in place of {@code beta}
     *     (which no condition then runs); empty when no grid factor sets it
     */
    public record Edge(String from, String to, double beta, double sd, List<Override> overrides, List<Double> grid) {
        /** Copies the lists. */
        public Edge {
            overrides = List.copyOf(overrides);
            grid = List.copyOf(grid);
        }

        /** A path no grid factor changes. */
        public Edge(String from, String to, double beta, double sd, List<Override> overrides) {
            this(from, to, beta, sd, overrides, List.of());
        }

        /** A path no moderator level or grid factor changes. */
        public Edge(String from, String to, double beta, double sd) {
            this(from, to, beta, sd, List.of());
        }
    }

    /** @throws IllegalArgumentException when an edge or role names a missing node */
    public CausalGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        adjustment = List.copyOf(adjustment);
        Set<String> names = new HashSet<>();
        for (Node n : nodes) {
            if (!names.add(n.name())) {
                throw new IllegalArgumentException("duplicate node " + n.name());
            }
        }
        for (Edge e : edges) {
            if (!names.contains(e.from()) || !names.contains(e.to())) {
                throw new IllegalArgumentException("path " + e.from() + " -> " + e.to() + " names a missing node");
            }
        }
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(outcome, "outcome");
    }
}
