package org.alliancelab.simulate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.alliancelab.meta.effectsize.Correlations;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The quadrature of {@link ExpectedTruth} against independent computations: exact normal
 * moments, adaptive Simpson integration with the truncation boundary found by bisection (one
 * varying path), and a Monte Carlo of the redraw rule (four varying paths).
 */
class ExpectedTruthTest {
    private static final double PHI = 1 / Math.sqrt(2 * Math.PI);

    /** int_{-1}^{1} x^j dx = 2 / (j + 1) for even j, 0 for odd j, exact up to degree 2m - 1. */
    @Test
    void gaussLegendreIntegratesMonomials() {
        for (int m : new int[] {1, 2, 3, 7, 20, 48}) {
            GaussLegendre rule = GaussLegendre.of(m);
            for (int degree = 0; degree <= 2 * m - 1; degree++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += rule.weights[i] * Math.pow(rule.nodes[i], degree);
                }
                double expected = degree % 2 == 1 ? 0 : 2.0 / (degree + 1);
                assertEquals(expected, sum, 1e-13, "m = " + m + ", degree " + degree);
            }
        }
    }

    /** Confounder C -> X, C -> Y, X -> Y with rel_X = .8; X -> Y varies between studies. */
    private static StructuralModel oneVaryingPath(double beta, double sd) {
        return StructuralModel.of(
            List.of(new Node("C", true, .9), new Node("X", true, .8), new Node("Y", true, .85)),
            List.of(new Path("C", "X", .5, 0), new Path("C", "Y", .4, 0), new Path("X", "Y", beta, sd)),
            "X", "Y", List.of("C"));
    }

    /**
     * One varying path, with slight (sd .1) and heavy (sd .25, several per cent of draws
     * invalid) truncation: the reference finds the valid interval of z by bisection, integrates
     * the density times each field over it by adaptive Simpson and renormalizes (the redraw
     * rule; its fallback to the mean has weight (1 - P)^100, negligible here).
     */
    @Test
    void oneVaryingPathMatchesAdaptiveSimpsonOverTheValidInterval() {
        double[][] cases = {{.3, .1}, {.55, .25}};
        for (double[] c : cases) {
            StructuralModel model = oneVaryingPath(c[0], c[1]);
            ExpectedTruth e = ExpectedTruth.of(model);
            double lo = boundary(model, -1);
            double hi = boundary(model, 1);
            double mass = adaptiveSimpson(z -> PHI * Math.exp(-z * z / 2), lo, hi, 1e-15);
            assertEquals(1 - mass, e.truncation(), 1e-9, "truncated mass, sd " + c[1]);
            assertTrue(e.error() < 1e-8, "stated error " + e.error());
            for (int field = 0; field < 6; field++) {
                double reference = simpsonExpectation(model, field, lo, hi);
                assertEquals(reference, field(e.values(), field), 1e-8, "sd " + c[1] + ", field " + field);
            }
            // Jensen: the mean over studies differs from the value at the mean paths.
            assertTrue(Math.abs(e.values().adjusted() - e.atMeanPaths().adjusted()) > 1e-5);
        }
        assertTrue(ExpectedTruth.of(oneVaryingPath(.55, .25)).truncation() > 0.01);
    }

    /** The standardized z of the valid set's edge, searching from the mean in direction sign. */
    private static double boundary(StructuralModel model, int sign) {
        double beta = model.coefficients()[2];
        double sd = model.coefficientSds()[2];
        double inside = 0;
        double outside = sign * 12.0;
        for (int it = 0; it < 200; it++) {
            double mid = (inside + outside) / 2;
            if (model.truthAt(new double[] {.5, .4, beta + sd * mid}) != null) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return inside;
    }

    /** E[f | valid] over z in [lo, hi] for the X -> Y path (index 2) by adaptive Simpson. */
    private static double simpsonExpectation(StructuralModel model, int field, double lo, double hi) {
        double beta = model.coefficients()[2];
        double sd = model.coefficientSds()[2];
        DoubleUnaryOperator density = z -> PHI * Math.exp(-z * z / 2);
        DoubleUnaryOperator f = z -> {
            TruthValues t = model.truthAt(new double[] {.5, .4, beta + sd * z});
            return t == null ? 0 : density.applyAsDouble(z) * field(t, field);
        };
        double mass = adaptiveSimpson(density, lo, hi, 1e-14);
        double z = adaptiveSimpson(f, lo, hi, 1e-14) / mass;
        return z;
    }

    private static double field(TruthValues t, int field) {
        switch (field) {
            case 0: return Correlations.toFisherZ(t.unadjusted());
            case 1: return Correlations.toFisherZ(t.adjusted());
            case 2: return Correlations.toFisherZ(t.adjustedLatent());
            case 3: return Correlations.toFisherZ(t.causal());
            case 4: return t.totalEffect();
            default: return t.directEffect();
        }
    }

    private static double adaptiveSimpson(DoubleUnaryOperator f, double a, double b, double tol) {
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        double fm = f.applyAsDouble((a + b) / 2);
        return simpson(f, a, b, fa, fm, fb, (b - a) / 6 * (fa + 4 * fm + fb), tol, 50);
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb,
                                  double whole, double tol, int depth) {
        double m = (a + b) / 2;
        double flm = f.applyAsDouble((a + m) / 2);
        double frm = f.applyAsDouble((m + b) / 2);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        if (depth <= 0 || Math.abs(left + right - whole) <= 15 * tol) {
            return left + right + (left + right - whole) / 15;
        }
        return simpson(f, a, m, fa, flm, fm, left, tol / 2, depth - 1)
            + simpson(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
    }

    /**
     * Four paths varying with SDs .15 to .20 (the audit's world, about 1% of draws invalid): the
     * stated quadrature error is below 1e-5 and a Monte Carlo of the redraw rule (10^6 studies, fixed seed) agrees within
     * 4 Monte Carlo SEs on every field (false-alarm rate about 6e-5 per field).
     */
    @Test
    void fourVaryingPathsAgreeWithMonteCarloOfTheRedrawRule() {
        StructuralModel model = heterogeneous();
        ExpectedTruth e = ExpectedTruth.of(model);
        assertTrue(e.error() < 1e-5, "stated error " + e.error());
        assertTrue(e.truncation() > 0.005, "a world with truncation: " + e.truncation());
        // Self-convergence: a rule with 8 times the directions moves no field by more than the
        // stated error.
        ExpectedTruth finer = ExpectedTruth.of(model, 8 * ExpectedTruth.DIRECTIONS);
        for (int f = 0; f < 6; f++) {
            assertEquals(field(finer.values(), f), field(e.values(), f), e.error(), "finer rule, field " + f);
        }
        double[] beta = model.coefficients();
        double[] sd = model.coefficientSds();
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20261202L);
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 1_000_000;
        double[] sum = new double[6];
        double[] sum2 = new double[6];
        double[] c = new double[beta.length];
        for (int s = 0; s < n; s++) {
            TruthValues t = null;
            for (int draw = 0; draw < StructuralModel.MAX_COEFFICIENT_DRAWS && t == null; draw++) {
                for (int p = 0; p < c.length; p++) {
                    c[p] = beta[p] + sd[p] * gauss.sample();
                }
                t = model.truthAt(c);
            }
            for (int f = 0; f < 6; f++) {
                double v = field(t, f);
                sum[f] += v;
                sum2[f] += v * v;
            }
        }
        for (int f = 0; f < 6; f++) {
            double mean = sum[f] / n;
            double mcse = Math.sqrt((sum2[f] / n - mean * mean) / n);
            assertEquals(mean, field(e.values(), f), 4 * mcse + 1e-12, "field " + f);
        }
    }

    /** The Flückiger paths with SDs .15 to .20 on four of them. */
    static StructuralModel heterogeneous() {
        return StructuralModel.of(
            List.of(new Node("severity", true, .85), new Node("early_change", true, .6),
                new Node("alliance", true, .77), new Node("outcome", true, .85), new Node("confounder", false, 1)),
            List.of(new Path("severity", "early_change", .2, 0), new Path("severity", "alliance", -.1, 0),
                new Path("severity", "outcome", .2, .15), new Path("early_change", "alliance", .25, .2),
                new Path("early_change", "outcome", .335, .15), new Path("confounder", "alliance", .15, 0),
                new Path("confounder", "outcome", .15, 0), new Path("alliance", "outcome", .2, .2)),
            "alliance", "outcome", List.of("severity", "early_change"));
    }
}
