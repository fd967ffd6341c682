package org.alliancelab.simulate.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.internal.SmallMatrices;

/**
 * A standardized linear structural causal model of one study: nodes {@code X_j} with
 * {@code X_j = sum_i beta_ij X_i + e_j}, {@code Var(X_j) = 1}, the residual variance
 * {@code psi_j = 1 - Var(sum_i beta_ij X_i)} solved node by node in topological order (the
 * parametrisation of dagitty's {@code simulateSEM(standardized = TRUE)}; Textor et al. 2016,
 * Int J Epidemiol 45:1887, doi:10.1093/ije/dyw341).
 *
 * <p>The latent covariance equals {@code Sigma = (I - B)^-1 Psi (I - B)^-T}; it is computed by
 * the equivalent recursion {@code Cov(X_j, X_k) = sum_i beta_ij Cov(X_i, X_k)} over nodes
 * {@code k} earlier in topological order (the residual {@code e_j} is independent of every
 * non-descendant of {@code j}). Observed proxies {@code sqrt(rel_j) X_j + sqrt(1 - rel_j) d_j}
 * have unit variance and covariances {@code sqrt(rel_j rel_k) Sigma_jk}.
 *
 * <p>Immutable. The engine-facing methods taking arrays are allocation-free.
 */
public final class StructuralModel {
    /**
     * Residual variances below this are treated as non-positive: the model (or a study's
     * coefficient draw) is invalid.
     */
    public static final double MIN_RESIDUAL_VARIANCE = 1e-8;
    /**
     * The redraw rule for between-study coefficients: a study's draw that makes a residual
     * variance non-positive is rejected and redrawn, up to this many draws in all; after that
     * the study uses the mean coefficients (valid by construction).
     */
    public static final int MAX_COEFFICIENT_DRAWS = 100;

    private final List<Node> nodes;
    private final List<Path> paths;
    private final int exposure;
    private final int outcome;
    private final int[] adjustment;
    /** Exposure, outcome, the adjustment set, then the randomized node if any. */
    private final int[] analysis;
    /** The randomized node (the instrument), -1 when none. */
    private final int instrument;
    private final int[] order;
    private final int[] from;
    private final int[] to;
    private final double[] beta;
    private final double[] sd;
    private final double[] reliability;
    /** Per node, the indices of the paths into it. */
    private final int[][] incoming;
    private final Map<String, Integer> index;

    private StructuralModel(List<Node> nodes, List<Path> paths, int exposure, int outcome,
                            int[] adjustment, int[] order, int[] from, int[] to, int[][] incoming,
                            Map<String, Integer> index) {
        this.nodes = List.copyOf(nodes);
        this.paths = List.copyOf(paths);
        this.exposure = exposure;
        this.outcome = outcome;
        this.adjustment = adjustment;
        int z = -1;
        for (int j = 0; j < nodes.size(); j++) {
            z = nodes.get(j).randomized() ? j : z;
        }
        this.instrument = z;
        this.analysis = new int[2 + adjustment.length + (z >= 0 ? 1 : 0)];
        analysis[0] = exposure;
        analysis[1] = outcome;
        System.arraycopy(adjustment, 0, analysis, 2, adjustment.length);
        if (z >= 0) {
            analysis[analysis.length - 1] = z;
        }
        this.order = order;
        this.from = from;
        this.to = to;
        this.incoming = incoming;
        this.index = index;
        this.beta = paths.stream().mapToDouble(Path::beta).toArray();
        this.sd = paths.stream().mapToDouble(Path::sd).toArray();
        this.reliability = nodes.stream().mapToDouble(Node::reliability).toArray();
    }

    /**
     * Builds and validates a model.
     *
     * @param nodes the nodes (unique names; observed nodes with reliability in (0, 1]; at most
     *     one randomized node, observed, with reliability 1, no incoming path, neither exposure,
     *     outcome nor in the adjustment set)
     * @param paths the paths (between existing, distinct nodes; no duplicates; acyclic;
     *     finite beta; sd &gt;= 0)
     * @param exposure the observed exposure node
     * @param outcome the observed outcome node (distinct from the exposure)
     * @param adjustment observed adjustment nodes (distinct, neither exposure nor outcome)
     * @return the model
     * @throws InvalidModelException naming the offending field, including a node whose
     *     incoming paths explain 100% or more of its variance at the mean coefficients
     */
    public static StructuralModel of(List<Node> nodes, List<Path> paths, String exposure,
                                     String outcome, List<String> adjustment) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node.name() == null || node.name().isBlank()) {
                throw new InvalidModelException("/nodes/" + i + "/name", "node name is empty");
            }
            if (index.put(node.name(), i) != null) {
                throw new InvalidModelException("/nodes/" + i + "/name",
                    "duplicate node '" + node.name() + "'");
            }
            double rel = node.reliability();
            if (!(rel > 0 && rel <= 1)) {
                throw new InvalidModelException("/nodes/" + i + "/reliability",
                    "reliability of '" + node.name() + "' must be in (0, 1], got " + rel);
            }
            if (node.randomized()) {
                requireInstrument(nodes, i);
            }
        }
        int k = nodes.size();
        int m = paths.size();
        int[] from = new int[m];
        int[] to = new int[m];
        List<List<Integer>> in = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            in.add(new ArrayList<>());
        }
        boolean[][] seen = new boolean[k][k];
        for (int p = 0; p < m; p++) {
            Path path = paths.get(p);
            from[p] = lookup(index, path.from(), "/paths/" + p + "/from");
            to[p] = lookup(index, path.to(), "/paths/" + p + "/to");
            if (from[p] == to[p]) {
                throw new InvalidModelException("/paths/" + p + "/to",
                    "path from '" + path.from() + "' to itself");
            }
            if (seen[from[p]][to[p]]) {
                throw new InvalidModelException("/paths/" + p,
                    "duplicate path " + path.from() + " -> " + path.to());
            }
            seen[from[p]][to[p]] = true;
            if (!Double.isFinite(path.beta())) {
                throw new InvalidModelException("/paths/" + p + "/beta", "beta must be finite");
            }
            if (!(path.sd() >= 0 && Double.isFinite(path.sd()))) {
                throw new InvalidModelException("/paths/" + p + "/sd",
                    "sd must be finite and >= 0, got " + path.sd());
            }
            if (nodes.get(to[p]).randomized()) {
                throw new InvalidModelException("/paths/" + p + "/to",
                    "'" + path.to() + "' is randomized: no path may point into it");
            }
            in.get(to[p]).add(p);
        }
        int[] order = topologicalOrder(k, m, from, to, nodes, paths);
        int x = lookup(index, exposure, "/exposure");
        int y = lookup(index, outcome, "/outcome");
        if (x == y) {
            throw new InvalidModelException("/outcome", "outcome and exposure are the same node");
        }
        requireObserved(nodes, x, "/exposure");
        requireObserved(nodes, y, "/outcome");
        int[] adj = new int[adjustment.size()];
        for (int a = 0; a < adj.length; a++) {
            String where = "/adjustment/" + a;
            adj[a] = lookup(index, adjustment.get(a), where);
            requireObserved(nodes, adj[a], where);
            if (adj[a] == x || adj[a] == y) {
                throw new InvalidModelException(where,
                    "adjustment set contains the exposure or outcome '" + adjustment.get(a) + "'");
            }
            for (int b = 0; b < a; b++) {
                if (adj[b] == adj[a]) {
                    throw new InvalidModelException(where,
                        "'" + adjustment.get(a) + "' appears twice in the adjustment set");
                }
            }
        }
        rejectRandomizedRole(nodes, x, "/exposure", "the exposure");
        rejectRandomizedRole(nodes, y, "/outcome", "the outcome");
        for (int a = 0; a < adj.length; a++) {
            rejectRandomizedRole(nodes, adj[a], "/adjustment/" + a, "a covariate");
        }
        int[][] incoming = new int[k][];
        for (int j = 0; j < k; j++) {
            incoming[j] = in.get(j).stream().mapToInt(Integer::intValue).toArray();
        }
        StructuralModel model = new StructuralModel(nodes, paths, x, y, adj, order, from, to,
            incoming, Map.copyOf(index));
        double[] psi = new double[k];
        double[][] sigma = new double[k][k];
        int bad = model.latentCovariance(model.beta, psi, sigma);
        if (bad >= 0) {
            throw new InvalidModelException("/nodes/" + bad,
                "paths into '" + nodes.get(bad).name() + "' explain "
                    + String.format(java.util.Locale.ROOT, "%.1f", 100 * (1 - psi[bad]))
                    + "% of its variance (must be < 100%)");
        }
        return model;
    }

    private static void requireInstrument(List<Node> nodes, int i) {
        Node node = nodes.get(i);
        String where = "/nodes/" + i;
        if (!node.observed()) {
            throw new InvalidModelException(where + "/observed",
                "the randomized node '" + node.name() + "' is assigned by the trial, so it is observed");
        }
        if (node.reliability() != 1) {
            throw new InvalidModelException(where + "/reliability",
                "the randomized node '" + node.name() + "' is recorded without error (reliability 1)");
        }
        for (int j = 0; j < i; j++) {
            if (nodes.get(j).randomized()) {
                throw new InvalidModelException(where + "/randomized",
                    "at most one node is randomized (the instrument), '" + nodes.get(j).name() + "' already is");
            }
        }
    }

    private static void rejectRandomizedRole(List<Node> nodes, int node, String where, String role) {
        if (nodes.get(node).randomized()) {
            throw new InvalidModelException(where, "the randomized node '" + nodes.get(node).name()
                + "' is the instrument and cannot be " + role);
        }
    }

    private static void requireObserved(List<Node> nodes, int node, String where) {
        if (!nodes.get(node).observed()) {
            throw new InvalidModelException(where,
                "node '" + nodes.get(node).name() + "' is not observed");
        }
    }

    private static int lookup(Map<String, Integer> index, String name, String where) {
        Integer i = name == null ? null : index.get(name);
        if (i == null) {
            throw new InvalidModelException(where, "unknown node '" + name + "'");
        }
        return i;
    }

    /** Kahn's algorithm; ties broken by declaration order so the order is deterministic. */
    private static int[] topologicalOrder(int k, int m, int[] from, int[] to, List<Node> nodes,
                                          List<Path> paths) {
        int[] indegree = new int[k];
        for (int p = 0; p < m; p++) {
            indegree[to[p]]++;
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int j = 0; j < k; j++) {
            if (indegree[j] == 0) {
                ready.add(j);
            }
        }
        int[] order = new int[k];
        int done = 0;
        while (!ready.isEmpty()) {
            int j = ready.poll();
            order[done++] = j;
            for (int p = 0; p < m; p++) {
                if (from[p] == j && --indegree[to[p]] == 0) {
                    ready.add(to[p]);
                }
            }
        }
        if (done < k) {
            // Every unprocessed node has an unprocessed parent: walk parents until a node repeats.
            int start = 0;
            while (indegree[start] == 0) {
                start++;
            }
            int[] via = new int[k];
            java.util.Arrays.fill(via, -1);
            int node = start;
            while (via[node] < 0) {
                int parentPath = -1;
                for (int p = 0; p < m; p++) {
                    if (to[p] == node && indegree[from[p]] > 0) {
                        parentPath = p;
                        break;
                    }
                }
                via[node] = parentPath;
                node = from[parentPath];
            }
            // node is on the cycle; collect it forwards.
            List<String> names = new ArrayList<>();
            int first = node;
            int lastPath = via[node];
            do {
                names.add(0, nodes.get(node).name());
                node = from[via[node]];
            } while (node != first);
            names.add(0, nodes.get(first).name());
            throw new InvalidModelException("/paths/" + lastPath,
                "the graph has a cycle: " + String.join(" -> ", names));
        }
        return order;
    }

    /**
     * Latent covariance for given path coefficients, solving each residual variance so that
     * every node has variance 1.
     *
     * @param coefficients path coefficients, indexed as {@link #paths()}
     * @param psi receives the residual variances
     * @param sigma receives the latent covariance (k x k)
     * @return -1 when every residual variance is at least {@link #MIN_RESIDUAL_VARIANCE},
     *     otherwise the index of the first node (in topological order) where it is not (the
     *     content of {@code sigma} is then unspecified)
     */
    public int latentCovariance(double[] coefficients, double[] psi, double[][] sigma) {
        for (int a = 0; a < order.length; a++) {
            int j = order[a];
            int[] pin = incoming[j];
            for (int b = 0; b < a; b++) {
                int l = order[b];
                double c = 0;
                for (int p : pin) {
                    c += coefficients[p] * sigma[from[p]][l];
                }
                sigma[j][l] = c;
                sigma[l][j] = c;
            }
            double explained = 0;
            for (int p : pin) {
                for (int q : pin) {
                    explained += coefficients[p] * coefficients[q] * sigma[from[p]][from[q]];
                }
            }
            psi[j] = 1 - explained;
            sigma[j][j] = 1;
            if (!(psi[j] >= MIN_RESIDUAL_VARIANCE)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Covariance of the observed proxies of the analysis variables (exposure, outcome, the
     * adjustment set in order, then the randomized node if any): {@code sqrt(rel_a rel_b) Sigma_ab}
     * off the diagonal, 1 on it; the leading {@code out.length} of them.
     *
     * @param sigma latent covariance from {@link #latentCovariance}
     * @param reliabilities reliabilities per node (e.g. {@link #reliabilities()})
     * @param out receives the q x q matrix, q at most {@code analysisNodes().length} (2 +
     *     adjustment size for exposure, outcome and covariates)
     */
    public void observedCovariance(double[][] sigma, double[] reliabilities, double[][] out) {
        int[] vars = analysis;
        for (int a = 0; a < out.length; a++) {
            for (int b = 0; b < out.length; b++) {
                out[a][b] = a == b ? 1
                    : Math.sqrt(reliabilities[vars[a]] * reliabilities[vars[b]])
                        * sigma[vars[a]][vars[b]];
            }
        }
    }

    /**
     * The population values of the estimands at the mean coefficients.
     *
     * <ul>
     * <li>unadjusted: {@code sqrt(rel_x rel_y) Sigma_xy};</li>
     * <li>adjusted: partial correlation of the observed exposure and outcome given the
     *     observed adjustment set, from the observed covariance;</li>
     * <li>adjusted_latent: the same with the covariates' reliabilities set to 1;</li>
     * <li>causal: in the mutilated model (paths into the exposure removed, its residual
     *     variance set to 1, every other equation and residual variance kept),
     *     {@code sqrt(rel_x rel_y) C_xy / sqrt((rel_x V_x + 1 - rel_x)(rel_y V_y + 1 - rel_y))}
     *     with {@code C, V} the mutilated covariances and variances;</li>
     * <li>total effect: the sum over directed paths from exposure to outcome of the products of
     *     coefficients, {@code [(I - B)^-1]_xy};</li>
     * <li>direct effect: the coefficient of the path exposure to outcome (0 if none).</li>
     * </ul>
     * With an empty adjustment set, adjusted and adjusted_latent equal unadjusted.
     *
     * @return the truth values
     */
    public TruthValues truth() {
        return truthAt(beta);
    }

    /**
     * @param coefficients path coefficients, indexed as {@link #paths()}
     * @return whether every residual variance is at least {@link #MIN_RESIDUAL_VARIANCE}
     *     (the validity of a study's coefficient draw)
     */
    boolean valid(double[] coefficients) {
        int k = nodes.size();
        return latentCovariance(coefficients, new double[k], new double[k][k]) < 0;
    }

    /**
     * The population values of {@link #truth()} for other coefficients (one study's draw).
     *
     * @param beta path coefficients, indexed as {@link #paths()}
     * @return the values, or null when the coefficients make a residual variance non-positive
     */
    TruthValues truthAt(double[] beta) {
        if (!valid(beta)) {
            return null;
        }
        int k = nodes.size();
        double[] psi = new double[k];
        double[][] sigma = new double[k][k];
        latentCovariance(beta, psi, sigma);
        int q = 2 + adjustment.length;
        double[][] obs = new double[q][q];
        observedCovariance(sigma, reliability, obs);
        double unadjusted = obs[0][1];
        double adjusted = SmallMatrices.partialCorrelation(obs);
        double[] perfect = reliability.clone();
        for (int a : adjustment) {
            perfect[a] = 1;
        }
        observedCovariance(sigma, perfect, obs);
        double adjustedLatent = SmallMatrices.partialCorrelation(obs);

        // Mutilated model do(exposure): drop the paths into it, residual variance 1.
        double[][] mut = new double[k][k];
        double[] psiMut = psi.clone();
        psiMut[exposure] = 1;
        for (int a = 0; a < order.length; a++) {
            int j = order[a];
            boolean cut = j == exposure;
            int[] pin = incoming[j];
            for (int b = 0; b < a; b++) {
                int l = order[b];
                double c = 0;
                if (!cut) {
                    for (int p : pin) {
                        c += beta[p] * mut[from[p]][l];
                    }
                }
                mut[j][l] = c;
                mut[l][j] = c;
            }
            double v = psiMut[j];
            if (!cut) {
                for (int p : pin) {
                    for (int r : pin) {
                        v += beta[p] * beta[r] * mut[from[p]][from[r]];
                    }
                }
            }
            mut[j][j] = v;
        }
        double rx = reliability[exposure];
        double ry = reliability[outcome];
        double causal = Math.sqrt(rx * ry) * mut[exposure][outcome]
            / Math.sqrt((rx * mut[exposure][exposure] + 1 - rx) * (ry * mut[outcome][outcome] + 1 - ry));

        double[] effect = new double[k];
        effect[exposure] = 1;
        boolean after = false;
        for (int j : order) {
            if (j == exposure) {
                after = true;
                continue;
            }
            if (after) {
                double e = 0;
                for (int p : incoming[j]) {
                    e += beta[p] * effect[from[p]];
                }
                effect[j] = e;
            }
        }
        double direct = 0;
        for (int p : incoming[outcome]) {
            if (from[p] == exposure) {
                direct = beta[p];
            }
        }
        return new TruthValues(unadjusted, adjusted, adjustedLatent, causal, effect[outcome], direct);
    }

    /**
     * A copy with some path coefficients and reliabilities replaced (moderator-level overrides).
     *
     * @param pathOverrides replacement paths; each must match an existing path by from/to
     *     (a NaN sd keeps the existing sd)
     * @param reliabilities node name to replacement reliability
     * @return the new, validated model
     * @throws InvalidModelException for an unknown path or node (location
     *     {@code /paths/i} or {@code /reliabilities/name} relative to the override list) or
     *     an invalid resulting model
     */
    public StructuralModel withOverrides(List<Path> pathOverrides, Map<String, Double> reliabilities) {
        List<Path> newPaths = new ArrayList<>(paths);
        for (int o = 0; o < pathOverrides.size(); o++) {
            Path override = pathOverrides.get(o);
            int found = -1;
            for (int p = 0; p < paths.size(); p++) {
                if (paths.get(p).from().equals(override.from()) && paths.get(p).to().equals(override.to())) {
                    found = p;
                }
            }
            if (found < 0) {
                throw new InvalidModelException("/paths/" + o,
                    "no path " + override.from() + " -> " + override.to() + " in the model to override");
            }
            double newSd = Double.isNaN(override.sd()) ? paths.get(found).sd() : override.sd();
            newPaths.set(found, new Path(override.from(), override.to(), override.beta(), newSd));
        }
        List<Node> newNodes = new ArrayList<>(nodes);
        for (Map.Entry<String, Double> e : reliabilities.entrySet()) {
            Integer j = index.get(e.getKey());
            if (j == null) {
                throw new InvalidModelException("/reliabilities/" + e.getKey(),
                    "unknown node '" + e.getKey() + "'");
            }
            if (!nodes.get(j).observed()) {
                throw new InvalidModelException("/reliabilities/" + e.getKey(),
                    "node '" + e.getKey() + "' is not observed");
            }
            if (nodes.get(j).randomized()) {
                throw new InvalidModelException("/reliabilities/" + e.getKey(),
                    "node '" + e.getKey() + "' is randomized: it is recorded without error");
            }
            newNodes.set(j, new Node(e.getKey(), true, e.getValue()));
        }
        List<String> adj = Arrays.stream(adjustment).mapToObj(a -> nodes.get(a).name()).toList();
        return of(newNodes, newPaths, nodes.get(exposure).name(), nodes.get(outcome).name(), adj);
    }

    /** @return the nodes in declaration order */
    public List<Node> nodes() {
        return nodes;
    }

    /** @return the paths in declaration order (mean coefficients) */
    public List<Path> paths() {
        return paths;
    }

    /** @return the exposure's node index */
    public int exposure() {
        return exposure;
    }

    /** @return the outcome's node index */
    public int outcome() {
        return outcome;
    }

    /** @return node indices of the adjustment set (a copy) */
    public int[] adjustment() {
        return adjustment.clone();
    }

    /** @return the index of the randomized node (the instrument), -1 when there is none */
    public int instrument() {
        return instrument;
    }

    /** @return the exposure, the outcome, the adjustment set, then the randomized node if any */
    public int[] analysisNodes() {
        return analysis.clone();
    }

    /** @return node indices in topological order (a copy) */
    public int[] topologicalOrder() {
        return order.clone();
    }

    /** @return mean path coefficients (a copy) */
    public double[] coefficients() {
        return beta.clone();
    }

    /** @return between-study SDs of the path coefficients (a copy) */
    public double[] coefficientSds() {
        return sd.clone();
    }

    /** @return per path, the parent node index (a copy) */
    public int[] pathFrom() {
        return from.clone();
    }

    /** @return per path, the child node index (a copy) */
    public int[] pathTo() {
        return to.clone();
    }

    /** @return reliabilities per node (1 for unobserved nodes; a copy) */
    public double[] reliabilities() {
        return reliability.clone();
    }

    /**
     * @param name node name
     * @return its index, or -1
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }
}
