package org.alliancelab.simulate.engine;

import org.alliancelab.simulate.model.StructuralModel;

/**
 * The latent covariance of one moderator cell's model for a study's drawn coefficients, compiled
 * for the nodes that the drawn coefficients reach: {@link StructuralModel#latentCovariance}'s
 * recursion from the first child of a varying path on, over a flat k x k matrix.
 *
 * <p>Every sum is evaluated with exactly the operations, in exactly the order, of the model's
 * recursion, so the values are bit-identical to it; two things are done once per cell instead of
 * per study: the covariances among the earlier nodes (copied from the mean model), and each sum's
 * leading terms that involve neither a varying coefficient nor a recomputed covariance (their
 * partial sum, started from 0 as the recursion does, is the same number for every study).
 *
 * <p>Immutable; {@link #compute} writes only into the caller's arrays.
 */
final class CovarianceUpdate {
    private final int k;
    /** Mean-model latent covariance, flat (row-major), and residual variances. */
    private final double[] meanSigma;
    private final double[] meanPsi;
    /** Per recomputed node (topological order): its index, and its ranges of entries. */
    private final int[] nodes;
    private final int[] entryEnd;
    /** Per covariance entry: the constant partial sum, the two flat positions it is stored at, its terms. */
    private final double[] entryStart;
    private final int[] entryAt;
    private final int[] entryMirror;
    private final int[] entryTermEnd;
    private final int[] termCoefficient;
    private final int[] termSigma;
    /** Per recomputed node: the explained variance's constant partial sum and its remaining terms. */
    private final double[] explainedStart;
    private final int[] explainedTermEnd;
    private final int[] explainedP;
    private final int[] explainedQ;
    private final int[] explainedSigma;

    private CovarianceUpdate(StructuralModel model, double[] beta, boolean[] varies) {
        int[] order = model.topologicalOrder();
        int[] from = model.pathFrom();
        int[] to = model.pathTo();
        k = order.length;
        double[] psi = new double[k];
        double[][] sigma = new double[k][k];
        model.latentCovariance(beta, psi, sigma);
        meanPsi = psi;
        meanSigma = new double[k * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(sigma[i], 0, meanSigma, i * k, k);
        }
        int[] position = new int[k];
        for (int a = 0; a < k; a++) {
            position[order[a]] = a;
        }
        int first = k;
        for (int p = 0; p < varies.length; p++) {
            if (varies[p]) {
                first = Math.min(first, position[to[p]]);
            }
        }
        int count = k - first;
        nodes = new int[count];
        entryEnd = new int[count];
        explainedStart = new double[count];
        explainedTermEnd = new int[count];
        int entries = 0;
        int terms = 0;
        int explainedTerms = 0;
        int[][] incoming = new int[k][];
        for (int j = 0; j < k; j++) {
            int n = 0;
            for (int p = 0; p < to.length; p++) {
                n += to[p] == j ? 1 : 0;
            }
            incoming[j] = new int[n];
            n = 0;
            for (int p = 0; p < to.length; p++) {
                if (to[p] == j) {
                    incoming[j][n++] = p;
                }
            }
        }
        for (int a = first; a < k; a++) {
            int in = incoming[order[a]].length;
            entries += a;
            terms += a * in;
            explainedTerms += in * in;
        }
        entryStart = new double[entries];
        entryAt = new int[entries];
        entryMirror = new int[entries];
        entryTermEnd = new int[entries];
        termCoefficient = new int[terms];
        termSigma = new int[terms];
        explainedP = new int[explainedTerms];
        explainedQ = new int[explainedTerms];
        explainedSigma = new int[explainedTerms];
        int e = 0;
        int t = 0;
        int x = 0;
        for (int a = first; a < k; a++) {
            int j = order[a];
            int[] pin = incoming[j];
            nodes[a - first] = j;
            for (int b = 0; b < a; b++) {
                int l = order[b];
                // Same accumulation as the recursion; the leading fixed terms are summed now.
                double c = 0;
                int i = 0;
                while (i < pin.length && !varies[pin[i]] && position[from[pin[i]]] < first && b < first) {
                    c += beta[pin[i]] * sigma[from[pin[i]]][l];
                    i++;
                }
                entryStart[e] = c;
                entryAt[e] = j * k + l;
                entryMirror[e] = l * k + j;
                for (; i < pin.length; i++) {
                    termCoefficient[t] = pin[i];
                    termSigma[t] = from[pin[i]] * k + l;
                    t++;
                }
                entryTermEnd[e] = t;
                e++;
            }
            entryEnd[a - first] = e;
            double explained = 0;
            boolean leading = true;
            for (int p : pin) {
                for (int q : pin) {
                    if (leading && !varies[p] && !varies[q] && position[from[p]] < first
                        && position[from[q]] < first) {
                        explained += beta[p] * beta[q] * sigma[from[p]][from[q]];
                    } else {
                        leading = false;
                        explainedP[x] = p;
                        explainedQ[x] = q;
                        explainedSigma[x] = from[p] * k + from[q];
                        x++;
                    }
                }
            }
            explainedStart[a - first] = explained;
            explainedTermEnd[a - first] = x;
        }
    }

    /**
     * @param model the cell's model (valid at its mean coefficients)
     * @param beta its mean coefficients
     * @param varies per path, whether its coefficient is drawn per study
     * @return the compiled update
     */
    static CovarianceUpdate of(StructuralModel model, double[] beta, boolean[] varies) {
        return new CovarianceUpdate(model, beta, varies);
    }

    /**
     * Loads the mean model's covariances and residual variances (the values {@link #compute}
     * keeps for the earlier nodes, and the whole model after too many invalid draws).
     *
     * @param sigma receives the flat k x k covariance
     * @param psi receives the residual variances
     */
    void loadMean(double[] sigma, double[] psi) {
        System.arraycopy(meanSigma, 0, sigma, 0, meanSigma.length);
        System.arraycopy(meanPsi, 0, psi, 0, meanPsi.length);
    }

    /**
     * The recomputed part of {@link StructuralModel#latentCovariance}, given {@link #loadMean}'s
     * values for the earlier nodes in {@code sigma} and {@code psi}.
     *
     * @param coefficients the study's path coefficients
     * @param psi residual variances, updated from the first recomputed node on
     * @param sigma flat covariance, updated likewise
     * @return as {@link StructuralModel#latentCovariance}: -1, or the first invalid node
     */
    int compute(double[] coefficients, double[] psi, double[] sigma) {
        int e = 0;
        int t = 0;
        int x = 0;
        for (int n = 0; n < nodes.length; n++) {
            int j = nodes[n];
            for (int end = entryEnd[n]; e < end; e++) {
                double c = entryStart[e];
                for (int termEnd = entryTermEnd[e]; t < termEnd; t++) {
                    c += coefficients[termCoefficient[t]] * sigma[termSigma[t]];
                }
                sigma[entryAt[e]] = c;
                sigma[entryMirror[e]] = c;
            }
            double explained = explainedStart[n];
            for (int end = explainedTermEnd[n]; x < end; x++) {
                explained += coefficients[explainedP[x]] * coefficients[explainedQ[x]] * sigma[explainedSigma[x]];
            }
            psi[j] = 1 - explained;
            sigma[j * k + j] = 1;
            if (!(psi[j] >= StructuralModel.MIN_RESIDUAL_VARIANCE)) {
                return j;
            }
        }
        return -1;
    }
}
