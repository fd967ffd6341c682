package org.alliancelab.simulate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Truth values against hand derivations. Notation: standardized nodes, path coefficients as
 * named, {@code psi} residual variances; every expected value below is derived in the comment
 * from the structural equations, not computed by the code under test.
 */
class StructuralModelTest {
    private static final double TOL = 1e-12;

    private static Node node(String name, double rel) {
        return new Node(name, true, rel);
    }

    private static Path path(String from, String to, double beta) {
        return new Path(from, to, beta, 0);
    }

    /**
     * Confounder C -> X (a), C -> Y (b), X -> Y (c), all perfectly measured.
     * Cov(X,Y) = c + a b; Cov(C,Y) = b + a c; Var(Y) = 1 needs psi_Y = 1 - (b^2 + c^2 + 2abc).
     * Partial r_XY.C = (r_XY - r_XC r_YC) / sqrt((1 - r_XC^2)(1 - r_YC^2))
     *               = c (1 - a^2) / sqrt((1 - a^2)(1 - (b + ac)^2)).
     * Mutilated do(X): Var(X) = 1, Cov(X, Y) = c, Var(Y) = b^2 + c^2 + psi_Y = 1 - 2abc,
     * so causal = c / sqrt(1 - 2abc). Total = direct = c.
     * With a = .5, b = .4, c = .3: r = .5, partial = .225 / sqrt(.75 * .6975), causal = .3 / sqrt(.88).
     */
    @Test
    void confounderWithPerfectMeasurement() {
        StructuralModel m = StructuralModel.of(
            List.of(node("C", 1), node("X", 1), node("Y", 1)),
            List.of(path("C", "X", .5), path("C", "Y", .4), path("X", "Y", .3)),
            "X", "Y", List.of("C"));
        TruthValues t = m.truth();
        assertEquals(0.5, t.unadjusted(), TOL);
        assertEquals(.225 / Math.sqrt(.75 * .6975), t.adjusted(), TOL);
        assertEquals(t.adjusted(), t.adjustedLatent(), TOL);
        assertEquals(.3 / Math.sqrt(.88), t.causal(), TOL);
        assertEquals(.3, t.totalEffect(), TOL);
        assertEquals(.3, t.directEffect(), TOL);
    }

    /**
     * Same graph with reliabilities rel_X = .8, rel_Y = .7, rel_C = .9. Observed correlations
     * are the latent ones times sqrt(rel_i rel_j): r'_XY = .5 sqrt(.56), r'_XC = .5 sqrt(.72),
     * r'_YC = .55 sqrt(.63); adjusted = the partial-correlation formula on these. With the
     * error-free C (rel_C = 1): r'_XC = .5 sqrt(.8), r'_YC = .55 sqrt(.7). Causal: mutilated
     * Cov(X,Y) = .3, Var(Y) = .88, so observed cov = sqrt(.56) .3 and observed variances
     * .8 * 1 + .2 = 1 and .7 * .88 + .3 = .916: causal = sqrt(.56) .3 / sqrt(.916).
     */
    @Test
    void confounderWithMeasurementError() {
        StructuralModel m = StructuralModel.of(
            List.of(node("C", .9), node("X", .8), node("Y", .7)),
            List.of(path("C", "X", .5), path("C", "Y", .4), path("X", "Y", .3)),
            "X", "Y", List.of("C"));
        TruthValues t = m.truth();
        double rxy = .5 * Math.sqrt(.56);
        assertEquals(rxy, t.unadjusted(), TOL);
        double rxc = .5 * Math.sqrt(.72);
        double ryc = .55 * Math.sqrt(.63);
        assertEquals((rxy - rxc * ryc) / Math.sqrt((1 - rxc * rxc) * (1 - ryc * ryc)), t.adjusted(), TOL);
        double lxc = .5 * Math.sqrt(.8);
        double lyc = .55 * Math.sqrt(.7);
        assertEquals((rxy - lxc * lyc) / Math.sqrt((1 - lxc * lxc) * (1 - lyc * lyc)), t.adjustedLatent(), TOL);
        assertEquals(Math.sqrt(.56) * .3 / Math.sqrt(.916), t.causal(), TOL);
        assertEquals(.3, t.totalEffect(), TOL);
    }

    /**
     * Chain X -> M -> Y (a = .6, b = .5): Cov(X,Y) = ab = .3 = total effect, direct 0;
     * X has no parents, so do(X) changes nothing and causal = .3; given the perfectly measured
     * mediator, X and Y are independent: adjusted = 0.
     */
    @Test
    void chainAdjustedForMediator() {
        StructuralModel m = StructuralModel.of(
            List.of(node("X", 1), node("M", 1), node("Y", 1)),
            List.of(path("X", "M", .6), path("M", "Y", .5)),
            "X", "Y", List.of("M"));
        TruthValues t = m.truth();
        assertEquals(.3, t.unadjusted(), TOL);
        assertEquals(0, t.adjusted(), TOL);
        assertEquals(.3, t.causal(), TOL);
        assertEquals(.3, t.totalEffect(), TOL);
        assertEquals(0, t.directEffect(), TOL);
    }

    /**
     * Mediator with direct path: X -> M (a = .4), M -> Y (b = .5), X -> Y (c = .2).
     * Total = c + ab = .4; direct = .2. Cov(X,Y) = .4; Cov(M,Y) = b + ac = .58, Cov(X,M) = .4.
     * Adjusted for M: (.4 - .4 * .58) / sqrt((1 - .16)(1 - .3364)).
     */
    @Test
    void mediatorTotalAndDirect() {
        StructuralModel m = StructuralModel.of(
            List.of(node("X", 1), node("M", 1), node("Y", 1)),
            List.of(path("X", "M", .4), path("M", "Y", .5), path("X", "Y", .2)),
            "X", "Y", List.of("M"));
        TruthValues t = m.truth();
        assertEquals(.4, t.totalEffect(), TOL);
        assertEquals(.2, t.directEffect(), TOL);
        assertEquals(.4, t.unadjusted(), TOL);
        assertEquals((.4 - .4 * .58) / Math.sqrt(.84 * (1 - .58 * .58)), t.adjusted(), TOL);
    }

    /**
     * Attenuation: X -> Y (c = .5) with rel_X = .64, rel_Y = .81 gives r = .5 sqrt(.64 * .81)
     * = .5 * .72 = .36 (Spearman's attenuation). No confounding: causal = r, adjusted with an
     * empty set = r.
     */
    @Test
    void measurementErrorAttenuates() {
        StructuralModel m = StructuralModel.of(List.of(node("X", .64), node("Y", .81)),
            List.of(path("X", "Y", .5)), "X", "Y", List.of());
        TruthValues t = m.truth();
        assertEquals(.36, t.unadjusted(), TOL);
        assertEquals(.36, t.adjusted(), TOL);
        assertEquals(.36, t.causal(), TOL);
    }

    /**
     * Reverse causation Y -> X (.4): r = .4, but do(X) cuts the only link: causal = 0, total = 0.
     */
    @Test
    void reverseCausationHasNoCausalEffect() {
        StructuralModel m = StructuralModel.of(List.of(node("X", 1), node("Y", 1)),
            List.of(path("Y", "X", .4)), "X", "Y", List.of());
        TruthValues t = m.truth();
        assertEquals(.4, t.unadjusted(), TOL);
        assertEquals(0, t.causal(), TOL);
        assertEquals(0, t.totalEffect(), TOL);
    }

    /**
     * The recursion equals the matrix formula Sigma = (I - B)^-1 Psi (I - B)^-T on a 5-node DAG
     * (inverse by Gauss-Jordan here, independent of the code under test), and every variance is 1.
     */
    @Test
    void recursionMatchesMatrixFormula() {
        List<Node> nodes = List.of(node("A", 1), node("B", 1), node("C", 1), node("D", 1),
            new Node("U", false, 1));
        List<Path> paths = List.of(path("U", "A", .3), path("A", "B", .4), path("U", "C", -.2),
            path("B", "C", .35), path("A", "D", .1), path("C", "D", .5), path("U", "D", .25));
        StructuralModel m = StructuralModel.of(nodes, paths, "B", "D", List.of("A"));
        int k = 5;
        double[] psi = new double[k];
        double[][] sigma = new double[k][k];
        assertEquals(-1, m.latentCovariance(m.coefficients(), psi, sigma));
        // T = (I - B)^-1 with B[i][j] = beta of i -> j; X = T' e, Sigma = T' Psi T.
        double[][] ib = new double[k][k];
        for (int i = 0; i < k; i++) {
            ib[i][i] = 1;
        }
        int[] from = m.pathFrom();
        int[] to = m.pathTo();
        double[] beta = m.coefficients();
        for (int p = 0; p < beta.length; p++) {
            ib[from[p]][to[p]] -= beta[p];
        }
        double[][] t = invert(ib);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += t[l][i] * psi[l] * t[l][j];
                }
                assertEquals(s, sigma[i][j], 1e-12, "Sigma[" + i + "][" + j + "]");
            }
            assertEquals(1, sigma[i][i], 1e-12);
        }
    }

    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[piv];
            m[piv] = tmp;
            double d = m[c][c];
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /** a^2 + b^2 + 2abc >= 1 for Y: .8^2 + .6^2 + 2 * .8 * .6 * .5 = 1.48: invalid, names Y. */
    @Test
    void rejectsPathsExplainingAllVariance() {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> StructuralModel.of(
            List.of(node("C", 1), node("X", 1), node("Y", 1)),
            List.of(path("C", "X", .5), path("C", "Y", .8), path("X", "Y", .6)),
            "X", "Y", List.of()));
        assertTrue(e.getMessage().contains("'Y'"), e.getMessage());
        assertTrue(e.getMessage().contains("148.0%"), e.getMessage());
        assertEquals("/nodes/2", e.location());
    }

    @Test
    void rejectsCycleUnknownNodeAndBadReliability() {
        List<Node> nodes = List.of(node("X", 1), node("M", 1), node("Y", 1));
        InvalidModelException cycle = assertThrows(InvalidModelException.class, () -> StructuralModel.of(nodes,
            List.of(path("X", "M", .2), path("M", "Y", .2), path("Y", "X", .2)), "X", "Y", List.of()));
        assertEquals("the graph has a cycle: X -> M -> Y -> X", cycle.getMessage());
        assertEquals("/paths/2", cycle.location());
        InvalidModelException unknown = assertThrows(InvalidModelException.class, () -> StructuralModel.of(nodes,
            List.of(path("X", "Z", .2)), "X", "Y", List.of()));
        assertEquals("/paths/0/to", unknown.location());
        InvalidModelException rel = assertThrows(InvalidModelException.class, () -> StructuralModel.of(
            List.of(node("X", 0), node("Y", 1)), List.of(), "X", "Y", List.of()));
        assertEquals("/nodes/0/reliability", rel.location());
        InvalidModelException unobserved = assertThrows(InvalidModelException.class, () -> StructuralModel.of(
            List.of(node("X", 1), node("Y", 1), new Node("U", false, 1)), List.of(), "X", "Y", List.of("U")));
        assertEquals("/adjustment/0", unobserved.location());
    }

    /** Overrides replace the coefficient of the matching path and a reliability. */
    @Test
    void overridesReplacePathsAndReliabilities() {
        StructuralModel m = StructuralModel.of(List.of(node("X", 1), node("Y", 1)),
            List.of(path("X", "Y", .5)), "X", "Y", List.of());
        StructuralModel o = m.withOverrides(List.of(new Path("X", "Y", .2, Double.NaN)), Map.of("Y", .25));
        // r = .2 * sqrt(1 * .25) = .1
        assertEquals(.1, o.truth().unadjusted(), TOL);
        assertThrows(InvalidModelException.class,
            () -> m.withOverrides(List.of(new Path("Y", "X", .2, 0)), Map.of()));
    }
}
