package org.alliancelab.simulate.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancelab.meta.effectsize.Correlations;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * What a pooled analysis of studies with between-study variation in the path coefficients
 * estimates: the expectation of each estimand over the studies' coefficient distribution.
 *
 * <p>Each study draws its varying coefficients as {@code beta + sd Z}, Z standard normal, with
 * the redraw rule of {@link StructuralModel#MAX_COEFFICIENT_DRAWS} (a draw in the invalid set
 * is redrawn; after that many draws the mean coefficients are used). The coefficients of a
 * study therefore follow the normal distribution truncated to the valid set V, mixed with a
 * point mass {@code f = (1 - P(V))^MAX_COEFFICIENT_DRAWS} at the mean. Random-effects pooling
 * of Fisher z estimates the mean of the studies' population z values (the weights do not
 * depend on the coefficients), so each correlation's target is
 * {@code tanh((1 - f) E[atanh rho(beta) | V] + f atanh rho(mean))}; the standardized effects are
 * averaged linearly.
 *
 * <p>Computed deterministically by a spherical–radial rule in the d standardized varying
 * coefficients {@code z} ({@code beta_p = mean_p + sd_p z_p}): {@code z = r u} with u on the
 * unit sphere and r chi-distributed with d degrees of freedom. Along each direction u the valid
 * set is the segment {@code [0, r*(u))} from the mean (valid by construction) to the first
 * point where a residual variance reaches {@link StructuralModel#MIN_RESIDUAL_VARIANCE} (found
 * by a scan in steps of {@value #SCAN_STEP} SD and bisection; radius capped at
 * {@code R = sqrt(d) + 9}, beyond which the chi mass is below 1e-17 for d up to 12), and the
 * radial integral over it is a Gauss–Legendre rule on {@code [0, r*(u)]}: the boundary of the
 * truncation is integrated exactly rather than smeared over the nodes, so the rule converges
 * fast with or without truncation ({@value #RADIAL} radial nodes). Directions: {@code u = +-1} for one coefficient; for more, a
 * product rule in hyperspherical angles, at most {@value #DIRECTIONS} directions (Gauss–Legendre in the polar angles with their
 * {@code sin^j} surface weights, the trapezoidal rule in the last, periodic angle). Valid
 * regions that are not star-shaped about the mean (a ray that leaves V and comes back) lose
 * the part beyond the first exit; its mass is what such a far-out excursion carries.
 *
 * <p>{@link #error()} is the largest change of any estimand (z scale for correlations) from
 * the rule with about two thirds as many nodes in each coordinate to this one: for smooth
 * integrands a conservative estimate of the error of the finer rule. Tests check it against
 * adaptive Simpson integration with the boundary found by bisection (one coefficient) and a
 * Monte Carlo of the redraw rule (four coefficients).
 *
 * @param values the expectations over the coefficient distribution (the primary truth)
 * @param atMeanPaths the estimands at the mean coefficients
 * @param error estimated quadrature error of {@code values} (z scale for correlations), 0
 *     when no coefficient varies
 * @param truncation normal probability mass of the invalid set, 1 - P(V)
 * @param points number of truth evaluations of the rule (directions times radial nodes)
 */
public record ExpectedTruth(TruthValues values, TruthValues atMeanPaths, double error, double truncation,
                            int points) {
    /** Step of the scan for the edge of the valid set along a direction, in SD units. */
    static final double SCAN_STEP = 0.5;
    private static final int BISECTIONS = 40;
    private static final int FIELDS = 6;
    static final int RADIAL = 24;
    /** Directions of the finer rule, at most. */
    static final int DIRECTIONS = 8192;
    private static final int MAX_ANGLES = 32;

    /**
     * @param model the model (its {@link StructuralModel#coefficientSds()} give the variation)
     * @return the expected truth
     */
    public static ExpectedTruth of(StructuralModel model) {
        return of(model, DIRECTIONS);
    }

    /** As {@link #of(StructuralModel)} with another budget of directions (for convergence checks). */
    static ExpectedTruth of(StructuralModel model, int directions) {
        TruthValues atMean = model.truth();
        double[] beta = model.coefficients();
        double[] sd = model.coefficientSds();
        int[] varying = java.util.stream.IntStream.range(0, sd.length).filter(p -> sd[p] > 0).toArray();
        int d = varying.length;
        if (d == 0) {
            return new ExpectedTruth(atMean, atMean, 0, 0, 1);
        }
        int angles = anglesPerCoordinate(d, directions);
        double[] fine = new double[FIELDS + 1];
        double[] coarse = new double[FIELDS + 1];
        int points = integrate(model, beta, sd, varying, angles, RADIAL, fine);
        integrate(model, beta, sd, varying, Math.max(2, (angles * 2 + 2) / 3), RADIAL * 2 / 3, coarse);
        double[] mean = fields(atMean);
        double[] e = expectation(fine, mean);
        double[] ec = expectation(coarse, mean);
        double error = 0;
        for (int i = 0; i < FIELDS; i++) {
            error = Math.max(error, Math.abs(e[i] - ec[i]));
        }
        TruthValues values = new TruthValues(Math.tanh(e[0]), Math.tanh(e[1]), Math.tanh(e[2]),
            Math.tanh(e[3]), e[4], e[5]);
        return new ExpectedTruth(values, atMean, error, Math.max(0, 1 - fine[FIELDS]), points);
    }

    /**
     * Polar-angle nodes per coordinate of the finer rule (the periodic angle gets twice as
     * many): as many as the budget of directions allows, at least 3, at most 32.
     */
    static int anglesPerCoordinate(int d, int directions) {
        if (d == 1) {
            return 1;
        }
        int n = (int) Math.floor(Math.pow(directions / 2.0, 1.0 / (d - 1)) + 1e-9);
        return Math.max(3, Math.min(MAX_ANGLES, n));
    }

    /** z values of the correlations, then the effects. */
    private static double[] fields(TruthValues t) {
        return new double[] {Correlations.toFisherZ(t.unadjusted()), Correlations.toFisherZ(t.adjusted()),
            Correlations.toFisherZ(t.adjustedLatent()), Correlations.toFisherZ(t.causal()), t.totalEffect(),
            t.directEffect()};
    }

    /** The redraw rule's mixture of the truncated expectation and the mean-coefficient value. */
    private static double[] expectation(double[] sums, double[] mean) {
        double kept = sums[FIELDS];
        double fallback = Math.pow(Math.max(0, 1 - kept), StructuralModel.MAX_COEFFICIENT_DRAWS);
        double[] out = new double[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            out[i] = (1 - fallback) * sums[i] / kept + fallback * mean[i];
        }
        return out;
    }

    /**
     * Sums {@code f(beta)} times the normal density over the valid set into {@code sums[0..5]}
     * and the valid probability into {@code sums[6]}.
     *
     * @return the number of truth evaluations
     */
    private static int integrate(StructuralModel model, double[] beta, double[] sd, int[] varying,
                                 int angles, int radial, double[] sums) {
        int d = varying.length;
        double maxRadius = Math.sqrt(d) + 9;
        List<double[]> directions = new ArrayList<>();
        List<Double> directionWeights = new ArrayList<>();
        sphere(d, angles, directions, directionWeights);
        double total = directionWeights.stream().mapToDouble(Double::doubleValue).sum();
        GaussLegendre rule = GaussLegendre.of(radial);
        // chi density with d df: r^(d-1) exp(-r^2/2) / (2^(d/2-1) Gamma(d/2)).
        double logNorm = -(d / 2.0 - 1) * Math.log(2) - LogGamma.value(d / 2.0);
        double[] coefficients = beta.clone();
        Arrays.fill(sums, 0);
        int points = 0;
        for (int u = 0; u < directions.size(); u++) {
            double[] dir = directions.get(u);
            double wu = directionWeights.get(u) / total;
            double edge = edge(model, beta, sd, varying, dir, maxRadius, coefficients);
            for (int i = 0; i < radial; i++) {
                double r = edge / 2 * (rule.nodes[i] + 1);
                double w = wu * edge / 2 * rule.weights[i]
                    * Math.exp(logNorm + (d - 1) * Math.log(r) - r * r / 2);
                set(beta, sd, varying, dir, r, coefficients);
                TruthValues t = model.truthAt(coefficients);
                points++;
                if (t == null) {
                    continue;
                }
                double[] f = fields(t);
                for (int k = 0; k < FIELDS; k++) {
                    sums[k] += w * f[k];
                }
                sums[FIELDS] += w;
            }
        }
        return points;
    }

    private static void set(double[] beta, double[] sd, int[] varying, double[] dir, double r, double[] out) {
        for (int i = 0; i < varying.length; i++) {
            int p = varying[i];
            out[p] = beta[p] + sd[p] * r * dir[i];
        }
    }

    /** First radius along dir where the draw becomes invalid, or maxRadius. */
    private static double edge(StructuralModel model, double[] beta, double[] sd, int[] varying, double[] dir,
                               double maxRadius, double[] scratch) {
        double inside = 0;
        for (double r = SCAN_STEP; inside < maxRadius; r = Math.min(maxRadius, r + SCAN_STEP)) {
            set(beta, sd, varying, dir, r, scratch);
            if (!model.valid(scratch)) {
                double outside = r;
                for (int b = 0; b < BISECTIONS; b++) {
                    double mid = (inside + outside) / 2;
                    set(beta, sd, varying, dir, mid, scratch);
                    if (model.valid(scratch)) {
                        inside = mid;
                    } else {
                        outside = mid;
                    }
                }
                return inside;
            }
            inside = r;
        }
        return maxRadius;
    }

    /**
     * Directions on the unit sphere in d dimensions with their surface weights (unnormalized):
     * hyperspherical angles {@code phi_1..phi_(d-2)} in [0, pi] by Gauss–Legendre with weight
     * {@code sin^(d-1-k)(phi_k)}, {@code phi_(d-1)} in [0, 2 pi) by the trapezoidal rule.
     */
    private static void sphere(int d, int angles, List<double[]> dirs, List<Double> weights) {
        if (d == 1) {
            dirs.add(new double[] {1});
            dirs.add(new double[] {-1});
            weights.add(1.0);
            weights.add(1.0);
            return;
        }
        GaussLegendre polar = GaussLegendre.of(angles);
        int periodic = 2 * angles;
        int[] digit = new int[d - 1];
        while (true) {
            double[] u = new double[d];
            double w = 1;
            double sinProduct = 1;
            for (int k = 0; k < d - 2; k++) {
                double phi = Math.PI / 2 * (polar.nodes[digit[k]] + 1);
                w *= Math.PI / 2 * polar.weights[digit[k]] * Math.pow(Math.sin(phi), d - 2 - k);
                u[k] = sinProduct * Math.cos(phi);
                sinProduct *= Math.sin(phi);
            }
            double theta = 2 * Math.PI * digit[d - 2] / periodic;
            u[d - 2] = sinProduct * Math.cos(theta);
            u[d - 1] = sinProduct * Math.sin(theta);
            dirs.add(u);
            weights.add(w);
            int k = 0;
            while (k < d - 1 && ++digit[k] == (k == d - 2 ? periodic : angles)) {
                digit[k] = 0;
                k++;
            }
            if (k == d - 1) {
                return;
            }
        }
    }
}
