package org.alliancelab.meta.comparison;

import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.regression.ClusterRobustInference;
import org.alliancelab.meta.regression.ClusterRobustWorkspace;
import org.alliancelab.meta.regression.SandwichEstimator;

/**
 * Compares two pooled estimates A and B (for instance the partial, covariate-adjusted
 * correlations against the zero-order correlations of the same studies).
 *
 * <h2>Which comparison is valid when</h2>
 * <ul>
 *   <li>{@link #independent(MetaAnalysisResult, MetaAnalysisResult)} treats the two pooled
 *       estimates as independent. This is exact (up to the usual large-sample approximation)
 *       when A and B come from disjoint sets of studies, e.g. studies that reported only adjusted
 *       against studies that reported only unadjusted associations. For two groups it equals the
 *       Q-between test of a subgroup analysis with separate tau<sup>2</sup> (z<sup>2</sup> =
 *       Q<sub>between</sub>).</li>
 *   <li>When A and B are computed from the <em>same</em> studies, the two estimates share
 *       samples and are strongly positively correlated (an adjusted and an unadjusted
 *       correlation from the same data differ much less than two independent estimates would).
 *       Then Var(A - B) = Var(A) + Var(B) - 2 Cov(A, B) is smaller than the independent
 *       variance, so the independent test is conservative (too wide an interval, too large a
 *       p-value). Use {@link #paired(double[], double[], double[], double[], double[],
 *       RandomEffectsModel)} with an assumed or known within-study correlation rho between the
 *       two effect-size estimates; a sensitivity analysis over plausible rho (e.g. 0.5 to 0.9)
 *       is advisable when rho is not reported.</li>
 * </ul>
 *
 * <p>References: Borenstein, M., Hedges, L. V., Higgins, J. P. T. &amp; Rothstein, H. R. (2009).
 * <i>Introduction to Meta-Analysis</i>, ch. 19 and 24 (doi:10.1002/9780470743386);
 * Gleser, L. J. &amp; Olkin, I. (2009), Stochastically dependent effect sizes, in <i>The Handbook
 * of Research Synthesis and Meta-Analysis</i> (2nd ed.), 357-376.
 */
public final class EstimateComparison {

    private EstimateComparison() {
    }

    /**
     * Wald test of the difference of two independent pooled estimates at the 95% level; see
     * {@link #independent(MetaAnalysisResult, MetaAnalysisResult, double)}.
     *
     * @param a first pooled result
     * @param b second pooled result
     * @return the test of a - b
     */
    public static DifferenceTest independent(MetaAnalysisResult a, MetaAnalysisResult b) {
        return independent(a, b, 0.95);
    }

    /**
     * Wald test of the difference of two independent pooled estimates:
     * d = &mu;&#x0302;<sub>A</sub> - &mu;&#x0302;<sub>B</sub>,
     * SE(d) = sqrt(SE<sub>A</sub><sup>2</sup> + SE<sub>B</sub><sup>2</sup>), z = d / SE(d), two-sided
     * p = 2(1 - &Phi;(|z|)), CI d &plusmn; z<sub>1-&alpha;/2</sub> SE(d). z<sup>2</sup> equals
     * Q<sub>between</sub> = &Sigma;<sub>g</sub> w<sub>g</sub>(&mu;&#x0302;<sub>g</sub> -
     * &mu;&#x0304;)<sup>2</sup>, w<sub>g</sub> = 1/SE<sub>g</sub><sup>2</sup>, for the two groups.
     *
     * <p>Valid only when the two estimates are independent, i.e. come from disjoint sets of
     * studies; for two estimates from the same studies see the class documentation. The
     * standard errors are taken as reported (Knapp-Hartung adjusted if the fits used it), and
     * the normal distribution is used in either case.
     *
     * @param a first pooled result
     * @param b second pooled result
     * @param level confidence level in (0, 1)
     * @return the test of a - b
     * @throws IllegalArgumentException when the level is not in (0, 1) or a standard error is
     *     not a positive finite number
     */
    public static DifferenceTest independent(MetaAnalysisResult a, MetaAnalysisResult b, double level) {
        return independent(a.estimate(), a.se(), b.estimate(), b.se(), level);
    }

    /**
     * The same test from the two estimates and standard errors alone, for callers that keep
     * fits in a {@link org.alliancelab.meta.pooling.PoolingWorkspace} rather than a result
     * object (the simulator's hot loop).
     *
     * @param estimateA first pooled estimate
     * @param seA its standard error
     * @param estimateB second pooled estimate
     * @param seB its standard error
     * @param level confidence level in (0, 1)
     * @return the test of A - B
     * @throws IllegalArgumentException when the level is not in (0, 1) or a standard error is
     *     not a positive finite number
     */
    public static DifferenceTest independent(double estimateA, double seA, double estimateB, double seB,
                                             double level) {
        checkLevel(level);
        checkSe(seA, "a");
        checkSe(seB, "b");
        double d = estimateA - estimateB;
        double se = Math.sqrt(seA * seA + seB * seB);
        return wald(d, se, level);
    }

    /**
     * Paired (within-study) comparison: the per-study differences
     * d<sub>i</sub> = y<sub>A,i</sub> - y<sub>B,i</sub> with sampling variances
     * v<sub>i</sub> = v<sub>A,i</sub> + v<sub>B,i</sub> - 2 &rho;<sub>i</sub>
     * sqrt(v<sub>A,i</sub> v<sub>B,i</sub>) are pooled with the given model, so the result's
     * estimate is the average difference, its test the test of no difference and its
     * tau<sup>2</sup> the between-study variance of the differences.
     *
     * <p>&rho;<sub>i</sub> is the correlation between the sampling errors of the two estimates
     * of study i (for an adjusted and an unadjusted correlation of the same sample it is
     * typically large and positive). When it is not reported, an assumed value applied to all
     * studies and varied in a sensitivity analysis is the usual practice.
     *
     * @param yiA effect sizes A
     * @param viA sampling variances of A
     * @param yiB effect sizes B of the same studies, in the same order
     * @param viB sampling variances of B
     * @param rho within-study correlation of the sampling errors of A and B, per study
     * @param model the random-effects model used to pool the differences
     * @return the pooled difference A - B
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     * @throws InvalidEffectSizeException naming the study and field ("yi", "vi" or "rho") when
     *     an effect size is not finite, a variance is not positive and finite, rho is outside
     *     [-1, 1], or the variance of a difference is not positive (e.g. rho = 1 with equal
     *     variances)
     */
    public static MetaAnalysisResult paired(double[] yiA, double[] viA, double[] yiB, double[] viB,
                                            double[] rho, RandomEffectsModel model) {
        double[][] dv = differences(yiA, viA, yiB, viB, rho);
        return model.fit(dv[0], dv[1]);
    }

    /**
     * The paired comparison of {@link #paired} with cluster-robust inference, each study its own
     * cluster: the pooled difference (weights {@code 1 / (v_i + tau^2)}, the model's tau²) with
     * a sandwich SE from the residuals (CR2: Satterthwaite t), so the test holds its size
     * whether or not {@code rho} (then a working correlation) is right; rho only sets the
     * weights and tau². The robust inference follows {@link ClusterRobustInference}.
     *
     * @param yiA effect sizes A
     * @param viA sampling variances of A
     * @param yiB effect sizes B of the same studies, in the same order
     * @param viB sampling variances of B
     * @param rho working correlation of the sampling errors of A and B, per study
     * @param model the random-effects model used to pool the differences (its confidence level
     *     is the robust intervals' too)
     * @param estimator the sandwich's small-sample correction
     * @return the model-based pooling and the robust inference on its estimate
     * @throws IllegalArgumentException as {@link #paired}, and with fewer than 2 studies (CR1:
     *     fewer than 3)
     * @throws InvalidEffectSizeException as {@link #paired}
     */
    public static PairedComparison pairedRobust(double[] yiA, double[] viA, double[] yiB, double[] viB,
                                                double[] rho, RandomEffectsModel model, SandwichEstimator estimator) {
        double[][] dv = differences(yiA, viA, yiB, viB, rho);
        MetaAnalysisResult pooled = model.fit(dv[0], dv[1]);
        int k = dv[0].length;
        int[] cluster = new int[k];
        for (int i = 0; i < k; i++) {
            cluster[i] = i;
        }
        ClusterRobustWorkspace ws = new ClusterRobustWorkspace();
        ClusterRobustInference.of(estimator).withConfidenceLevel(model.confidenceLevel())
            .fitInterceptOnly(dv[0], dv[1], k, pooled.tau2(), cluster, ws);
        return new PairedComparison(pooled, ws.toCoefficient());
    }

    /** The differences and their variances, checked. */
    private static double[][] differences(double[] yiA, double[] viA, double[] yiB, double[] viB, double[] rho) {
        int k = yiA.length;
        if (k == 0 || viA.length != k || yiB.length != k || viB.length != k || rho.length != k) {
            throw new IllegalArgumentException("yiA, viA, yiB, viB and rho must have the same, non-zero length");
        }
        EffectSizeChecks.requireValid(yiA, viA);
        EffectSizeChecks.requireValid(yiB, viB);
        double[] d = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            if (!(rho[i] >= -1 && rho[i] <= 1)) {
                throw new InvalidEffectSizeException(i, "rho", "correlation " + rho[i] + " is not in [-1, 1]");
            }
            d[i] = yiA[i] - yiB[i];
            v[i] = viA[i] + viB[i] - 2 * rho[i] * Math.sqrt(viA[i] * viB[i]);
            if (!(v[i] > 0)) {
                throw new InvalidEffectSizeException(i, "rho",
                    "variance of the difference is not positive (rho = " + rho[i] + ")");
            }
        }
        return new double[][] {d, v};
    }

    private static DifferenceTest wald(double d, double se, double level) {
        double z = d / se;
        double p = TailProbabilities.normalTwoSided(z);
        double crit = TailProbabilities.normalCritical(level);
        return new DifferenceTest(d, se, z, p, d - crit * se, d + crit * se);
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
    }

    private static void checkSe(double se, String which) {
        if (!(se > 0) || !Double.isFinite(se)) {
            throw new IllegalArgumentException("standard error of " + which + " must be positive and finite: " + se);
        }
    }
}
