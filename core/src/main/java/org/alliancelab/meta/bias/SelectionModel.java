package org.alliancelab.meta.bias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.alliancelab.meta.internal.BoundedNewton;
import org.alliancelab.meta.internal.Cholesky;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * Vevea and Hedges' step-function selection model, fitted by maximum likelihood as metafor's
 * {@code selmodel(rma(yi, vi, method = ...), type = "stepfun", steps = ...)}: the studies'
 * effects are y<sub>i</sub> ~ N(&mu;, v<sub>i</sub> + &tau;<sup>2</sup>), but a study is observed
 * with a relative probability &delta;<sub>j</sub> that depends on the interval
 * (s<sub>j-1</sub>, s<sub>j</sub>] of its p-value (0 = s<sub>0</sub> &lt; s<sub>1</sub> &lt; ... &lt;
 * s<sub>J</sub> = 1; &delta;<sub>1</sub> = 1). The p-value is one-sided by default
 * ({@link PValueAlternative#GREATER}: p<sub>i</sub> = 1 - &Phi;(y<sub>i</sub>/sqrt(v<sub>i</sub>))),
 * so the steps also encode the sign of the result; the three-parameter selection model (3PSM) is
 * the one step s<sub>1</sub> = .025. The log-likelihood is
 * <blockquote>
 * ll = &Sigma;<sub>i</sub> [log &delta;<sub>g(i)</sub> + log &phi;(y<sub>i</sub>; &mu;, v<sub>i</sub> + &tau;<sup>2</sup>) - log &Sigma;<sub>j</sub> &delta;<sub>j</sub> P<sub>ij</sub>]
 * </blockquote>
 * with g(i) the interval of study i and P<sub>ij</sub> the probability under the unselected model
 * that its p-value falls in interval j.
 *
 * <p>As in metafor: a model given as REML (or any estimator but EE) is refitted by ML;
 * EE fixes &tau;<sup>2</sup> = 0. The weights are bounded by [0, {@link #MAX_WEIGHT}] (metafor's
 * {@code delta.min}, {@code delta.max}). The likelihood-ratio test compares with the ML fit
 * without selection, with J - 1 df. Standard errors come from the inverse of the observed
 * information (the Hessian of -ll in (&mu;, &tau;<sup>2</sup>, &delta;), metafor's
 * {@code numDeriv::hessian}; here the central difference of the analytic gradient).
 *
 * <p>The maximum is found by a projected Newton method ({@code BoundedNewton}) from the ML
 * estimates without selection and all weights 1, to a relative step of 1e-10, within
 * {@link #DEFAULT_MAX_ITERATIONS}. Unlike metafor's optimiser (BFGS on log &tau;<sup>2</sup> and a
 * logistic transform of &delta;, which creeps towards a bound), the bounds are attained exactly:
 * &tau;<sup>2</sup> = 0, or a weight equal to the bound ({@link SelectionWeight#atBound()}). A weight at
 * its bound keeps the standard error of the information matrix at the bound (the likelihood
 * continues beyond the bound, which is a convention), as metafor's does; with &tau;<sup>2</sup> = 0
 * the other standard errors are those given &tau;<sup>2</sup> = 0 and &tau;<sup>2</sup> has none
 * (a negative variance has no likelihood).
 *
 * <p>Edge cases: an interval without an observed p-value makes its weight unidentified and is
 * refused ({@link EmptyIntervalException}, as metafor refuses); fewer studies than parameters
 * are refused; an information matrix that is not positive definite gives NaN standard errors
 * (metafor warns "Error when trying to invert Hessian"); a fit that does not converge throws
 * {@link SelectionNonConvergenceException}.
 *
 * <p>References: Vevea, J. L. &amp; Hedges, L. V. (1995). A general linear model for estimating
 * effect size in the presence of publication bias. <i>Psychometrika</i>, 60, 419-435.
 * doi:10.1007/BF02294384; Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor
 * package. <i>J. Stat. Softw.</i>, 36(3). doi:10.18637/jss.v036.i03
 */
public final class SelectionModel {

    /** Upper bound of the weights, metafor's {@code delta.max}. */
    public static final double MAX_WEIGHT = 100;
    /** Default limit on Newton iterations. */
    public static final int DEFAULT_MAX_ITERATIONS = 200;
    /** The step of the three-parameter selection model: one-sided p = .025. */
    public static final double THREE_PSM_STEP = 0.025;

    private static final double TOLERANCE = 1e-10;

    /** Steps in increasing order, the last 1. */
    private final double[] steps;
    private final PValueAlternative alternative;
    private final boolean randomEffects;
    private final double level;
    private final int maxIterations;

    private SelectionModel(double[] steps, PValueAlternative alternative, boolean randomEffects, double level,
                           int maxIterations) {
        this.steps = steps;
        this.alternative = alternative;
        this.randomEffects = randomEffects;
        this.level = level;
        this.maxIterations = maxIterations;
    }

    /** @return the three-parameter selection model: one step at one-sided p = .025, random effects */
    public static SelectionModel threeParameter() {
        return of(THREE_PSM_STEP);
    }

    /**
     * @param steps the steps on the p-value scale, in (0, 1]; sorted and made unique, and 1 is
     *     appended when missing (metafor's handling of {@code steps})
     * @return the random-effects model with these steps and the one-sided p-value
     *     ({@link PValueAlternative#GREATER})
     * @throws IllegalArgumentException for a step outside (0, 1] or no step below 1
     */
    public static SelectionModel of(double... steps) {
        double[] s = Arrays.stream(steps).sorted().distinct().toArray();
        if (s.length == 0) {
            throw new IllegalArgumentException("a step-function selection model needs at least one step");
        }
        for (double v : s) {
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException("selection steps must be in (0, 1], not " + v);
            }
        }
        if (s[s.length - 1] != 1) {
            s = Arrays.copyOf(s, s.length + 1);
            s[s.length - 1] = 1;
        }
        if (s.length < 2) {
            throw new IllegalArgumentException("a step-function selection model needs a step below 1");
        }
        return new SelectionModel(s, PValueAlternative.GREATER, true, RandomEffectsModel.DEFAULT_LEVEL,
            DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param newAlternative the p-value on which the steps are placed
     * @return a copy with it
     */
    public SelectionModel withAlternative(PValueAlternative newAlternative) {
        return new SelectionModel(steps, Objects.requireNonNull(newAlternative, "alternative"), randomEffects, level,
            maxIterations);
    }

    /**
     * @param estimator the estimator of the model the selection model extends: {@code EE} fixes
     *     &tau;<sup>2</sup> = 0, every other is refitted by ML (as metafor does)
     * @return a copy with it
     */
    public SelectionModel withEstimator(TauSquaredEstimator estimator) {
        return new SelectionModel(steps, alternative, Objects.requireNonNull(estimator, "estimator") != TauSquaredEstimator.EE,
            level, maxIterations);
    }

    /**
     * @param newLevel confidence level in (0, 1)
     * @return a copy with it
     */
    public SelectionModel withConfidenceLevel(double newLevel) {
        if (!(newLevel > 0 && newLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + newLevel);
        }
        return new SelectionModel(steps, alternative, randomEffects, newLevel, maxIterations);
    }

    /**
     * @param newMaxIterations most Newton iterations, positive
     * @return a copy with it
     */
    public SelectionModel withMaxIterations(int newMaxIterations) {
        if (newMaxIterations < 1) {
            throw new IllegalArgumentException("the iteration limit must be positive: " + newMaxIterations);
        }
        return new SelectionModel(steps, alternative, randomEffects, level, newMaxIterations);
    }

    /** @return the steps, the last 1 */
    public double[] steps() {
        return steps.clone();
    }

    /** @return the p-value on which the steps are placed */
    public PValueAlternative alternative() {
        return alternative;
    }

    /**
     * Fits the model.
     *
     * @param yi effect sizes
     * @param vi sampling variances
     * @return the fit
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     * @throws IllegalArgumentException when the arrays differ in length or there are fewer studies
     *     than parameters
     * @throws EmptyIntervalException when an interval holds no study's p-value
     * @throws SelectionNonConvergenceException when the fit does not converge
     * @throws org.alliancelab.meta.pooling.NonConvergenceException when the ML fit without
     *     selection does not
     */
    public SelectionModelResult fit(double[] yi, double[] vi) {
        if (yi.length != vi.length) {
            throw new IllegalArgumentException("yi and vi differ in length: " + yi.length + " and " + vi.length);
        }
        EffectSizeChecks.requireValid(yi, vi);
        int k = yi.length;
        int intervals = steps.length;
        StepFunctionLikelihood likelihood = new StepFunctionLikelihood(yi.clone(), vi.clone(), steps, alternative,
            randomEffects);
        int[] counts = likelihood.counts();
        for (int j = 0; j < intervals; j++) {
            if (counts[j] == 0) {
                throw new EmptyIntervalException(j == 0 ? 0 : steps[j - 1], steps[j]);
            }
        }
        int n = likelihood.dimension();
        if (k < n) {
            throw new IllegalArgumentException("the selection model has " + n + " parameters but only " + k
                + " studies");
        }
        MetaAnalysisResult null0 = RandomEffectsModel.of(randomEffects ? TauSquaredEstimator.ML : TauSquaredEstimator.EE)
            .withConfidenceLevel(level).fit(yi, vi);
        int w0 = likelihood.firstWeight();
        double[] start = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] scale = new double[n];
        double meanV = Arrays.stream(vi).average().orElseThrow();
        double minV = Arrays.stream(vi).min().orElseThrow();
        start[0] = null0.estimate();
        lower[0] = Double.NEGATIVE_INFINITY;
        upper[0] = Double.POSITIVE_INFINITY;
        scale[0] = Math.sqrt(meanV);
        if (randomEffects) {
            start[1] = null0.tau2();
            upper[1] = Double.POSITIVE_INFINITY;
            // the difference step of tau2 stays below min(v), where the likelihood is defined
            scale[1] = minV;
        }
        for (int j = w0; j < n; j++) {
            start[j] = 1;
            upper[j] = MAX_WEIGHT;
            scale[j] = 1;
        }
        BoundedNewton.Minimum min;
        try {
            min = BoundedNewton.minimize(likelihood::negativeLogLikelihood, start, lower, upper, scale, TOLERANCE,
                maxIterations);
        } catch (BoundedNewton.Failure e) {
            throw new SelectionNonConvergenceException("the selection model's maximum likelihood fit failed: "
                + e.getMessage(), e.iterations());
        }
        double[] theta = min.x();
        double[] hessian = new double[n * n];
        // difference steps relative to the parameter (weights) keep every evaluation defined
        double[] hessianScale = scale.clone();
        for (int j = w0; j < n; j++) {
            hessianScale[j] = 0;
        }
        BoundedNewton.hessian(likelihood::negativeLogLikelihood, theta, hessianScale, hessian);
        // tau2 = 0 on its bound: the curvature beyond it (a negative variance) means nothing, so the
        // other standard errors are conditional on tau2 = 0 and tau2 has none
        boolean tau2AtBound = randomEffects && theta[1] <= 0;
        double[] cov = tau2AtBound ? conditionalInverse(hessian, n, 1) : Cholesky.inverse(hessian, n);
        double crit = TailProbabilities.normalCritical(level);
        double mu = theta[0];
        double se = cov == null ? Double.NaN : Math.sqrt(cov[0]);
        double tau2 = randomEffects ? theta[1] : 0;
        double tau2Se = randomEffects && cov != null && !tau2AtBound ? Math.sqrt(cov[n + 1]) : Double.NaN;
        List<SelectionWeight> weights = new ArrayList<>(intervals);
        weights.add(new SelectionWeight(0, steps[0], counts[0], 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, false));
        for (int j = 1; j < intervals; j++) {
            int index = w0 + j - 1;
            double d = theta[index];
            double dse = cov == null ? Double.NaN : Math.sqrt(cov[index * n + index]);
            double z = (d - 1) / dse;
            weights.add(new SelectionWeight(steps[j - 1], steps[j], counts[j], d, dse, z,
                TailProbabilities.normalTwoSided(z), Math.max(0, d - crit * dse), d + crit * dse, d >= MAX_WEIGHT));
        }
        double ll = -min.value();
        double ll0 = normalLogLikelihood(yi, vi, null0.estimate(), null0.tau2());
        double lrt = Math.max(0, 2 * (ll - ll0));
        int df = intervals - 1;
        double z = mu / se;
        return new SelectionModelResult(k, alternative, randomEffects, level, mu, se, z,
            TailProbabilities.normalTwoSided(z), mu - crit * se, mu + crit * se, tau2, tau2Se, weights, ll, ll0, lrt,
            df, TailProbabilities.chiSquaredUpper(lrt, df), null0, min.iterations());
    }

    /**
     * The inverse of a symmetric matrix without row and column {@code drop}, embedded back
     * with zeros there; {@code null} when that submatrix is not positive definite.
     */
    private static double[] conditionalInverse(double[] h, int n, int drop) {
        int m = n - 1;
        double[] sub = new double[m * m];
        for (int r = 0, rr = 0; r < n; r++) {
            if (r == drop) {
                continue;
            }
            for (int c = 0, cc = 0; c < n; c++) {
                if (c != drop) {
                    sub[rr * m + cc++] = h[r * n + c];
                }
            }
            rr++;
        }
        double[] inv = Cholesky.inverse(sub, m);
        if (inv == null) {
            return null;
        }
        double[] out = new double[n * n];
        for (int r = 0, rr = 0; r < n; r++) {
            if (r == drop) {
                continue;
            }
            for (int c = 0, cc = 0; c < n; c++) {
                if (c != drop) {
                    out[r * n + c] = inv[rr * m + cc++];
                }
            }
            rr++;
        }
        return out;
    }

    /** The log-likelihood of y<sub>i</sub> ~ N(&mu;, v<sub>i</sub> + &tau;<sup>2</sup>) (metafor's ML {@code logLik}). */
    private static double normalLogLikelihood(double[] yi, double[] vi, double mu, double tau2) {
        double ll = 0;
        for (int i = 0; i < yi.length; i++) {
            double s2 = vi[i] + tau2;
            double r = yi[i] - mu;
            ll -= 0.5 * (Math.log(2 * Math.PI * s2) + r * r / s2);
        }
        return ll;
    }
}
