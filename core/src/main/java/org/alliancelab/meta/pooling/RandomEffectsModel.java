package org.alliancelab.meta.pooling;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import org.alliancelab.meta.effectsize.EffectSize;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.internal.ScoringStep;
import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.internal.TauSquaredRules;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The common-effect and random-effects model for k independent effect sizes
 * y<sub>i</sub> ~ N(&mu;, v<sub>i</sub> + &tau;<sup>2</sup>), as fitted by metafor's
 * {@code rma(yi, vi, method, test)}. Immutable: configure with {@link #of} and the
 * {@code with...} methods, then call {@code fit} as often as needed, from any thread.
 *
 * <p>Given &tau;&#x0302;<sup>2</sup> from the {@link TauSquaredEstimator}, with
 * w<sub>i</sub> = 1/(v<sub>i</sub> + &tau;&#x0302;<sup>2</sup>):
 * <ul>
 *   <li>&mu;&#x0302; = &Sigma;w<sub>i</sub>y<sub>i</sub> / &Sigma;w<sub>i</sub>,
 *       SE = (&Sigma;w<sub>i</sub>)<sup>-1/2</sup>, multiplied under Knapp-Hartung by
 *       s = (&Sigma;w<sub>i</sub>(y<sub>i</sub> - &mu;&#x0302;)<sup>2</sup>/(k - 1))<sup>1/2</sup>;</li>
 *   <li>CI: &mu;&#x0302; &plusmn; c SE and PI: &mu;&#x0302; &plusmn; c (SE<sup>2</sup> +
 *       &tau;&#x0302;<sup>2</sup>)<sup>1/2</sup>, with c the normal quantile, or the t(k - 1)
 *       quantile under Knapp-Hartung (no PI for the common-effect model);</li>
 *   <li>Q = &Sigma;(y<sub>i</sub> - &mu;&#x0302;<sub>EE</sub>)<sup>2</sup>/v<sub>i</sub> against
 *       chi-squared(k - 1);</li>
 *   <li>I<sup>2</sup> = 100 &tau;&#x0302;<sup>2</sup>/(&tau;&#x0302;<sup>2</sup> + &#x1E7D;) and
 *       H<sup>2</sup> = (&tau;&#x0302;<sup>2</sup> + &#x1E7D;)/&#x1E7D;, with the "typical"
 *       within-study variance &#x1E7D; = (k - 1) &Sigma;w / ((&Sigma;w)<sup>2</sup> -
 *       &Sigma;w<sup>2</sup>), w = 1/v (Higgins &amp; Thompson 2002, doi:10.1002/sim.1186); for the
 *       common-effect model I<sup>2</sup> = 100 max(0, Q - (k - 1))/Q and H<sup>2</sup> = Q/(k - 1).</li>
 * </ul>
 *
 * <p>Edge cases, as metafor: with k = 1, &tau;&#x0302;<sup>2</sup> = 0, Q = 0 and its p-value,
 * I<sup>2</sup> and H<sup>2</sup> are NaN; the Knapp-Hartung adjustment needs k &ge; 2, so with
 * k = 1 the z test is used. Estimates of &tau;<sup>2</sup> are truncated at 0. The iterative
 * estimators stop when an update changes &tau;<sup>2</sup> by at most
 * threshold &times; max(1, &tau;<sup>2</sup>) and throw {@link NonConvergenceException} after
 * the configured number of iterations. Invalid inputs (non-finite y, non-positive or non-finite
 * v, no studies) throw {@link InvalidEffectSizeException} naming the study.
 *
 * <p>Reference: Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package.
 * <i>Journal of Statistical Software</i>, 36(3), 1-48. doi:10.18637/jss.v036.i03
 */
public final class RandomEffectsModel {

    /** Default convergence threshold of the iterative estimators (the golden values' setting). */
    public static final double DEFAULT_THRESHOLD = 1e-12;
    /** Default iteration limit of the iterative estimators. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;
    /** Default confidence level. */
    public static final double DEFAULT_LEVEL = 0.95;
    /** metafor's default upper search limit of tau-squared for the Q-profile interval. */
    private static final double Q_PROFILE_MIN_UPPER_LIMIT = 100;
    /** Degrees of freedom below which t quantiles are cached per model. */
    private static final int T_CACHE_SIZE = 1024;

    private final TauSquaredEstimator estimator;
    private final InferenceTest test;
    private final double level;
    private final double threshold;
    private final int maxIterations;
    /** Starting value of Fisher scoring (ML, REML, EB), or NaN for metafor's max(0, HE). */
    private final double start;
    /** Normal quantile for the confidence level, cached: the z path allocates nothing. */
    private final double zCritical;
    /**
     * Student t quantiles for the level by degrees of freedom, filled on first use (bits of the
     * double; 0 = not yet computed). A cache, not state: any thread may fill an entry, and all
     * write the same value. Created on the first Knapp-Hartung fit.
     */
    private volatile AtomicLongArray tCriticals;

    private RandomEffectsModel(TauSquaredEstimator estimator, InferenceTest test, double level,
                               double threshold, int maxIterations) {
        this(estimator, test, level, threshold, maxIterations, Double.NaN);
    }

    private RandomEffectsModel(TauSquaredEstimator estimator, InferenceTest test, double level,
                               double threshold, int maxIterations, double start) {
        this.start = start;
        this.estimator = estimator;
        this.test = test;
        this.level = level;
        this.threshold = threshold;
        this.maxIterations = maxIterations;
        this.zCritical = TailProbabilities.normalCritical(level);
    }

    /**
     * A model with the given estimator, the z test, 95% intervals and the default convergence
     * control.
     *
     * @param estimator the tau-squared estimator ({@link TauSquaredEstimator#EE} for the
     *     common-effect model)
     * @return the model
     */
    public static RandomEffectsModel of(TauSquaredEstimator estimator) {
        return new RandomEffectsModel(Objects.requireNonNull(estimator, "estimator"), InferenceTest.Z,
            DEFAULT_LEVEL, DEFAULT_THRESHOLD, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param newTest the test for the pooled effect
     * @return a copy of this model using the given test
     */
    public RandomEffectsModel withTest(InferenceTest newTest) {
        return new RandomEffectsModel(estimator, Objects.requireNonNull(newTest, "test"), level, threshold, maxIterations,
            start);
    }

    /**
     * @param newLevel confidence level of the intervals, in (0, 1)
     * @return a copy of this model using the given level
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public RandomEffectsModel withConfidenceLevel(double newLevel) {
        if (!(newLevel > 0 && newLevel < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + newLevel);
        }
        return new RandomEffectsModel(estimator, test, newLevel, threshold, maxIterations, start);
    }

    /**
     * @param newThreshold convergence threshold on the change of tau-squared (positive)
     * @param newMaxIterations iteration limit (positive)
     * @return a copy of this model with the given convergence control
     * @throws IllegalArgumentException if either value is not positive
     */
    public RandomEffectsModel withConvergence(double newThreshold, int newMaxIterations) {
        if (!(newThreshold > 0) || newMaxIterations < 1) {
            throw new IllegalArgumentException("threshold and iteration limit must be positive, got "
                + newThreshold + " and " + newMaxIterations);
        }
        return new RandomEffectsModel(estimator, test, level, newThreshold, newMaxIterations, start);
    }

    /**
     * A warm start for Fisher scoring (ML, REML, EB): the iteration starts at the given value
     * instead of metafor's max(0, HE) (unless HE &le; 0, where 0 stays the start). The estimate is the same root to within the convergence
     * threshold, reached in fewer steps when the value is close, e.g. the full-data estimate for
     * a leave-one-out refit. Other estimators ignore it.
     *
     * @param tau2 the starting value, finite and non-negative
     * @return a copy of this model starting there
     * @throws IllegalArgumentException if tau2 is negative or not finite
     */
    public RandomEffectsModel withStartingTau2(double tau2) {
        if (!(tau2 >= 0 && tau2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the starting tau^2 must be finite and non-negative, got " + tau2);
        }
        return new RandomEffectsModel(estimator, test, level, threshold, maxIterations, tau2);
    }

    /** @return the tau-squared estimator */
    public TauSquaredEstimator estimator() {
        return estimator;
    }

    /** @return the test for the pooled effect */
    public InferenceTest test() {
        return test;
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return level;
    }

    /** @return the convergence threshold of the iterative estimators */
    public double threshold() {
        return threshold;
    }

    /** @return the iteration limit of the iterative estimators */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Fits the model.
     *
     * @param effects the studies' effect sizes
     * @return the result
     * @throws InvalidEffectSizeException for invalid inputs
     * @throws NonConvergenceException if an iterative estimator does not converge
     * @throws ArithmeticException when the data span more than 2<sup>300</sup> (largest |y| or
     *     sqrt(v) over smallest sqrt(v)), or a result leaves the double range; data far from unit
     *     magnitude are otherwise fitted exactly rescaled by a power of two
     */
    public MetaAnalysisResult fit(List<EffectSize> effects) {
        int k = effects.size();
        double[] yi = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            yi[i] = effects.get(i).yi();
            vi[i] = effects.get(i).vi();
        }
        return fit(yi, vi);
    }

    /**
     * Fits the model.
     *
     * @param yi effect sizes
     * @param vi their sampling variances (same length)
     * @return the result
     * @throws InvalidEffectSizeException for invalid inputs
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws NonConvergenceException if an iterative estimator does not converge
     * @throws ArithmeticException when the data span more than 2<sup>300</sup> (largest |y| or
     *     sqrt(v) over smallest sqrt(v)), or a result leaves the double range; data far from unit
     *     magnitude are otherwise fitted exactly rescaled by a power of two
     */
    public MetaAnalysisResult fit(double[] yi, double[] vi) {
        if (yi.length != vi.length) {
            throw new IllegalArgumentException("yi and vi differ in length: " + yi.length + " and " + vi.length);
        }
        PoolingWorkspace out = new PoolingWorkspace();
        fit(yi, vi, yi.length, out);
        return out.toResult();
    }

    /**
     * Fits the model to the first k studies without allocating (for the z test): the
     * entry point for Monte Carlo loops.
     *
     * @param yi effect sizes (at least k)
     * @param vi sampling variances (at least k)
     * @param k number of studies to use
     * @param out receives the result
     * @throws InvalidEffectSizeException for invalid inputs
     * @throws NonConvergenceException if an iterative estimator does not converge
     * @throws ArithmeticException when the data span more than 2<sup>300</sup> (largest |y| or
     *     sqrt(v) over smallest sqrt(v)), or a result leaves the double range; data far from unit
     *     magnitude are otherwise fitted exactly rescaled by a power of two
     */
    public void fit(double[] yi, double[] vi, int k, PoolingWorkspace out) {
        fit(yi, vi, k, out, Double.NaN);
    }

    /**
     * Pools with tau<sup>2</sup> given rather than estimated, as metafor's
     * {@code rma(yi, vi, tau2 = value)}: everything after the estimation step is as in
     * {@link #fit(double[], double[])} (random-effects weights, I<sup>2</sup> and the prediction
     * interval from the given value, also when this model's estimator is EE); the SE of
     * tau<sup>2</sup> is NaN because nothing was estimated. Used, for example, to pool subgroups
     * with a common tau<sup>2</sup>.
     *
     * @param yi effect sizes
     * @param vi sampling variances (same length)
     * @param tau2 the between-study variance, finite and non-negative
     * @return the result
     * @throws InvalidEffectSizeException for invalid inputs
     * @throws IllegalArgumentException if the arrays differ in length or tau2 is negative or
     *     not finite
     */
    public MetaAnalysisResult fitWithTauSquared(double[] yi, double[] vi, double tau2) {
        if (yi.length != vi.length) {
            throw new IllegalArgumentException("yi and vi differ in length: " + yi.length + " and " + vi.length);
        }
        if (!(tau2 >= 0 && tau2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tau^2 must be finite and non-negative, got " + tau2);
        }
        PoolingWorkspace out = new PoolingWorkspace();
        fit(yi, vi, yi.length, out, tau2);
        return out.toResult();
    }

    /** The fit, with tau<sup>2</sup> estimated when {@code givenTau2} is NaN. */
    private void fit(double[] yi, double[] vi, int k, PoolingWorkspace out, double givenTau2) {
        boolean estimated = Double.isNaN(givenTau2);
        boolean commonEffect = estimated && estimator == TauSquaredEstimator.EE;
        if (k < 1) {
            throw new InvalidEffectSizeException(-1, "k", "at least one study is needed, got " + k);
        }
        if (k > yi.length || k > vi.length) {
            throw new IllegalArgumentException("k = " + k + " exceeds the array lengths " + yi.length + " and " + vi.length);
        }
        int exponent = rescalingExponent(yi, vi, k);
        if (exponent != 0) {
            fitRescaled(yi, vi, k, out, givenTau2, exponent);
            return;
        }
        WeightedSums fixed = out.fixedSums;
        if (estimated && needsFullFirstPass()) {
            firstPass(yi, vi, k, out);
        } else {
            leanFirstPass(yi, vi, k, out);
        }
        double qe = fixed.weightedSquares();

        out.k = k;
        out.estimator = estimator;
        out.level = level;
        out.qe = qe;
        out.iterations = 0;
        out.tau2Se = Double.NaN;
        out.tau2 = estimated ? 0 : givenTau2;

        if (estimated && k > 1) {
            estimateTau2(yi, vi, k, out);
        }
        double tau2 = out.tau2;

        // Heterogeneity shares.
        if (k == 1) {
            out.i2 = Double.NaN;
            out.h2 = Double.NaN;
        } else if (commonEffect) {
            out.i2 = qe > 0 ? 100 * Math.max(0, qe - (k - 1)) / qe : 0;
            out.h2 = qe / (k - 1);
        } else {
            double typical = (k - 1) * fixed.s1 / (fixed.s1 * fixed.s1 - fixed.s2);
            out.i2 = 100 * tau2 / (typical + tau2);
            out.h2 = (typical + tau2) / typical;
        }

        // Pooled estimate with weights 1/(v + tau2); the estimators leave these sums computed
        // at the final tau2 when they have them.
        WeightedSums re = out.sums;
        if (tau2 == 0) {
            re = fixed;
        } else if (re.tau2 != tau2) {
            re.computeMean(yi, vi, k, tau2, fixed.mean());
        }
        double mu = re.mean();
        double variance = 1 / re.s1;
        boolean knha = test == InferenceTest.KNHA && k > 1;
        out.test = knha ? InferenceTest.KNHA : InferenceTest.Z;
        if (knha) {
            variance *= re.weightedSquares() / (k - 1);
        }
        double se = Math.sqrt(variance);
        out.statistic = mu / se;
        double critical;
        // p-values are evaluated when read (PoolingWorkspace.pValue(), qeP()): the special
        // functions behind them allocate, and a Monte Carlo loop often needs only the CI.
        out.testDf = knha ? k - 1 : 0;
        critical = knha ? tCritical(k - 1) : zCritical;
        out.estimate = mu;
        out.se = se;
        out.ciLower = mu - critical * se;
        out.ciUpper = mu + critical * se;
        if (commonEffect) {
            out.piLower = Double.NaN;
            out.piUpper = Double.NaN;
        } else {
            double predictionSd = Math.sqrt(variance + tau2);
            out.piLower = mu - critical * predictionSd;
            out.piUpper = mu + critical * predictionSd;
        }
    }

    /**
     * Within 2<sup>&plusmn;200</sup> for |y| and sqrt(v), every square, weight w = 1/v, squared
     * weight and their sums over up to 2<sup>24</sup> studies stay inside the double range.
     */
    private static final int SAFE_EXPONENT = 200;

    /**
     * Most binary orders of magnitude between the largest |y| or sqrt(v) and the smallest
     * sqrt(v): at 2<sup>300</sup> (z statistics of 1e90) the weighted sums' squares reach
     * 2<sup>900</sup> after balancing.
     */
    static final int MAX_SPAN_EXPONENT = 300;

    /**
     * The power of two by which to divide the effect sizes (and its square, the variances) so
     * that squares, weights and squared weights cannot overflow or underflow: 0 (no rescaling)
     * for every data set of ordinary magnitude, so that those results stay bit for bit what they
     * were; otherwise the midpoint, on the log scale, of the largest |y| or sqrt(v) and the
     * smallest sqrt(v), which balances the large squares against the large weights.
     */
    static int rescalingExponent(double[] yi, double[] vi, int k) {
        double large = 0;
        double small = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double sd = Math.sqrt(Math.abs(vi[i]));
            large = Math.max(large, Math.max(Math.abs(yi[i]), sd));
            if (sd > 0) {
                small = Math.min(small, sd);
            }
        }
        if (!(large > 0) || Double.isInfinite(large) || Double.isInfinite(small)) {
            return 0; // all zero, or NaN / infinite input: the validation names the study
        }
        int high = Math.getExponent(large);
        int low = Math.getExponent(small);
        if (high - low > MAX_SPAN_EXPONENT) {
            // no scale makes both the squared weights and the squared weighted sums representable
            throw new ArithmeticException("effect sizes and standard errors span 2^" + low + " to 2^" + high
                + ", more than 2^" + MAX_SPAN_EXPONENT + " apart: beyond what double precision can pool");
        }
        if (high <= SAFE_EXPONENT && low >= -SAFE_EXPONENT) {
            return 0;
        }
        return Math.floorDiv(high + low, 2);
    }

    /**
     * Fits y/2<sup>e</sup> with v/2<sup>2e</sup> and scales the result back. Every estimator of
     * tau<sup>2</sup> is equivariant (y &rarr; cy, v &rarr; c<sup>2</sup>v gives &mu; &rarr; c&mu;,
     * tau<sup>2</sup> &rarr; c<sup>2</sup>tau<sup>2</sup>, Q, I<sup>2</sup>, z, p unchanged), and
     * dividing by a power of two is exact, so this is the fit of the given data without the
     * overflow of their squares.
     */
    private void fitRescaled(double[] yi, double[] vi, int k, PoolingWorkspace out, double givenTau2, int exponent) {
        double c = Math.scalb(1.0, -exponent);
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = yi[i] * c;
            v[i] = vi[i] * c * c; // (vi c) c: c * c alone can leave the double range
            if (v[i] == 0 && vi[i] != 0) {
                throw new InvalidEffectSizeException(i, "vi", "sampling variance " + vi[i] + " is too small beside "
                    + "effect sizes of magnitude 2^" + exponent + " for double precision");
            }
        }
        // a warm start is on the data's scale too
        RandomEffectsModel scaled = Double.isNaN(start) ? this : withStartingTau2(start * c * c);
        scaled.fit(y, v, k, out, Double.isNaN(givenTau2) ? givenTau2 : givenTau2 * c * c);
        double back = Math.scalb(1.0, exponent);
        out.estimate *= back;
        out.se *= back;
        out.ciLower *= back;
        out.ciUpper *= back;
        out.piLower *= back;
        out.piUpper *= back;
        out.tau2 = out.tau2 * back * back;
        out.tau2Se = out.tau2Se * back * back;
        if (!(Double.isFinite(out.estimate) && Double.isFinite(out.se) && Double.isFinite(out.tau2))) {
            throw new ArithmeticException("the pooled estimate, its SE or tau^2 exceeds the double range "
                + "(effect sizes of magnitude 2^" + exponent + ")");
        }
    }

    /**
     * Whether the estimator needs the unweighted sums (HE and SJ, and the HE start of Fisher
     * scoring) and the squared-weight sums (the score at 0 of ML and REML) of the first pass.
     */
    private boolean needsFullFirstPass() {
        switch (estimator) {
            case HE:
            case SJ:
            case ML:
            case REML:
            case EB:
                return true;
            default:
                return false;
        }
    }

    /** A centre for the first pass: the mean of the first few effect sizes. */
    private static double provisionalCenter(double[] yi, int k) {
        int head = Math.min(k, 8);
        double c = 0;
        for (int i = 0; i < head; i++) {
            c += yi[i];
        }
        return c / head;
    }

    /**
     * Validates the inputs and takes, in one pass, only the common-effect sums that EE, DL, HS,
     * HSK and PM and the Q-profile interval use: &Sigma;w, &Sigma;w<sup>2</sup>,
     * &Sigma;w<sup>3</sup>, &Sigma;w(y - c), &Sigma;w(y - c)<sup>2</sup>. Five running sums
     * instead of eleven: the pass costs about as much as the one-pass floor.
     */
    private static void leanFirstPass(double[] yi, double[] vi, int k, PoolingWorkspace out) {
        double c = provisionalCenter(yi, k);
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b1 = 0;
        double b2 = 0;
        boolean valid = true;
        for (int i = 0; i < k; i++) {
            double v = vi[i];
            double y = yi[i];
            valid &= v > 0 && v < Double.POSITIVE_INFINITY && y - y == 0;
            double w = 1 / v;
            double d = y - c;
            double w2 = w * w;
            double wd = w * d;
            a1 += w;
            a2 += w2;
            a3 += w2 * w;
            b1 += wd;
            b2 += wd * d;
        }
        if (!valid) {
            throw EffectSizeChecks.firstInvalid(yi, vi, k);
        }
        out.fixedSums.set(0, c, a1, a2, a3, b1, b2, Double.NaN, Double.NaN);
        out.sums.tau2 = Double.NaN;
        out.unweightedMean = Double.NaN;
        out.unweightedSquares = Double.NaN;
        out.sumV = Double.NaN;
        out.sumV2 = Double.NaN;
    }

    /**
     * Validates the inputs and takes, in one pass, the common-effect sums (weights 1/v) and the
     * unweighted sums that HE and SJ need, around a centre from the first few studies.
     */
    private static void firstPass(double[] yi, double[] vi, int k, PoolingWorkspace out) {
        double c = provisionalCenter(yi, k);
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b1 = 0;
        double b2 = 0;
        double c1 = 0;
        double c2 = 0;
        double n1 = 0;
        double n2 = 0;
        double sv = 0;
        double sv2 = 0;
        boolean valid = true;
        for (int i = 0; i < k; i++) {
            double v = vi[i];
            double y = yi[i];
            // One combined test keeps the loop branch-light; the culprit is found below.
            valid &= v > 0 && v < Double.POSITIVE_INFINITY && y - y == 0;
            double w = 1 / v;
            double d = y - c;
            double w2 = w * w;
            double wd = w * d;
            double w2d = w2 * d;
            a1 += w;
            a2 += w2;
            a3 += w2 * w;
            b1 += wd;
            b2 += wd * d;
            c1 += w2d;
            c2 += w2d * d;
            n1 += d;
            n2 += d * d;
            sv += v;
            sv2 += v * v;
        }
        if (!valid) {
            throw EffectSizeChecks.firstInvalid(yi, vi, k);
        }
        out.fixedSums.set(0, c, a1, a2, a3, b1, b2, c1, c2);
        out.sums.tau2 = Double.NaN;
        out.unweightedMean = c + n1 / k;
        out.unweightedSquares = Math.max(0, n2 - n1 * n1 / k);
        out.sumV = sv;
        out.sumV2 = sv2;
    }

    /**
     * The Q-profile confidence interval for tau-squared (Viechtbauer 2007, Statistics in
     * Medicine 26, 37-52, doi:10.1002/sim.2514): the values of &tau;<sup>2</sup> at which the
     * generalized Q statistic Q(&tau;<sup>2</sup>) = &Sigma;w<sub>i</sub>(y<sub>i</sub> -
     * &mu;&#x0302;(&tau;<sup>2</sup>))<sup>2</sup>, w<sub>i</sub> = 1/(v<sub>i</sub> +
     * &tau;<sup>2</sup>), equals the upper and lower (1 - level)/2 quantiles of chi-squared(k - 1).
     * A bound whose root would be negative is 0; the search is limited, as in metafor, to
     * [0, max(100, 10 &tau;&#x0302;<sup>2</sup>)] and a bound beyond the limit is reported as the
     * limit, flagged {@link TauSquaredInterval#upperTruncated()}.
     *
     * @param yi effect sizes
     * @param vi sampling variances
     * @param tau2Estimate the fitted tau-squared, which sets the search limit
     * @return the interval
     * @throws InvalidEffectSizeException for invalid inputs or fewer than two studies
     * @throws NonConvergenceException if a root search does not converge
     */
    public TauSquaredInterval tau2ConfidenceInterval(double[] yi, double[] vi, double tau2Estimate) {
        int k = yi.length;
        if (vi.length != k) {
            throw new IllegalArgumentException("yi and vi differ in length: " + k + " and " + vi.length);
        }
        if (k < 2) {
            throw new InvalidEffectSizeException(-1, "k", "the Q-profile interval needs at least two studies, got " + k);
        }
        int exponent = rescalingExponent(yi, vi, k);
        if (exponent != 0) {
            // equivariant as the fit: the bounds of the rescaled data, scaled back
            double c = Math.scalb(1.0, -exponent);
            double[] y = new double[k];
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                y[i] = yi[i] * c;
                v[i] = vi[i] * c * c;
            }
            TauSquaredInterval scaled = tau2ConfidenceInterval(y, v, tau2Estimate * c * c);
            double back = Math.scalb(1.0, exponent);
            return new TauSquaredInterval(scaled.lower() * back * back, scaled.upper() * back * back,
                scaled.upperTruncated());
        }
        PoolingWorkspace ws = new PoolingWorkspace();
        leanFirstPass(yi, vi, k, ws);
        double center = ws.fixedSums.mean();
        double limit = Math.max(Q_PROFILE_MIN_UPPER_LIMIT, 10 * tau2Estimate);
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(k - 1);
        double alpha = 1 - level;
        double targetLower = chi2.inverseSurvivalProbability(alpha / 2);
        double targetUpper = chi2.inverseCumulativeProbability(alpha / 2);
        WeightedSums s = ws.sums;
        double q0 = ws.fixedSums.weightedSquares();
        s.compute(yi, vi, k, limit, center);
        double qLimit = s.weightedSquares();
        double lower = qProfileBound(ws.qFit.reset(yi, vi, k, s), targetLower, q0, qLimit, limit);
        double upper = qProfileBound(ws.qFit.reset(yi, vi, k, s), targetUpper, q0, qLimit, limit);
        return new TauSquaredInterval(lower, upper, qLimit > targetUpper);
    }

    private double qProfileBound(GeneralizedQFit fit, double target, double q0, double qLimit, double limit) {
        if (q0 < target) {
            return 0;
        }
        if (qLimit > target) {
            return limit;
        }
        return TauSquaredRules.solveGeneralizedQ(fit, target, 0, limit, threshold, maxIterations, estimator);
    }

    /** Two-sided Student t critical value with df degrees of freedom for this model's level. */
    private double tCritical(int df) {
        if (df >= T_CACHE_SIZE) {
            return TailProbabilities.studentCritical(level, df);
        }
        AtomicLongArray cache = tCriticals;
        if (cache == null) {
            cache = new AtomicLongArray(T_CACHE_SIZE);
            tCriticals = cache;
        }
        long bits = cache.get(df);
        if (bits == 0) {
            double value = TailProbabilities.studentCritical(level, df);
            cache.set(df, Double.doubleToRawLongBits(value));
            return value;
        }
        return Double.longBitsToDouble(bits);
    }

    /** Sets out.tau2, out.tau2Se (and out.iterations) for k &ge; 2. */
    private void estimateTau2(double[] yi, double[] vi, int k, PoolingWorkspace out) {
        WeightedSums fixed = out.fixedSums;
        int df = k - 1;
        double qe = fixed.weightedSquares();
        switch (estimator) {
            case EE:
                return;
            case DL: {
                double trP = fixed.traceP();
                double tau2 = Math.max(0, (qe - df) / trP);
                out.tau2 = tau2;
                out.tau2Se = Math.sqrt(2 * df + 4 * tau2 * trP + 2 * tau2 * tau2 * fixed.tracePP()) / trP;
                return;
            }
            case HS:
            case HSK: {
                double scale = estimator == TauSquaredEstimator.HSK ? (double) k / df : 1;
                double tau2 = Math.max(0, (scale * qe - k) / fixed.s1);
                out.tau2 = tau2;
                out.tau2Se = scale * Math.sqrt(2 * df + 4 * tau2 * fixed.traceP() + 2 * tau2 * tau2 * fixed.tracePP())
                    / fixed.s1;
                return;
            }
            case HE: {
                double tau2 = Math.max(0, hedges(out, k));
                double tracePV = out.sumV * df / k;
                double tracePVPV = out.sumV2 - 2 * out.sumV2 / k + (out.sumV / k) * (out.sumV / k);
                out.tau2 = tau2;
                out.tau2Se = Math.sqrt(2 * tracePVPV + 4 * tau2 * tracePV + 2 * tau2 * tau2 * df) / df;
                return;
            }
            case SJ: {
                double tau0 = out.unweightedSquares / k;
                WeightedSums s = out.sums;
                s.computeWithVarianceTraces(yi, vi, k, tau0, out.unweightedMean);
                double tau2 = Math.max(0, tau0 * s.weightedSquares() / df);
                out.tau2 = tau2;
                out.tau2Se = tau0 / df * Math.sqrt(2 * s.tracePVPV() + 4 * tau2 * s.tracePVP() + 2 * tau2 * tau2 * s.tracePP());
                return;
            }
            case ML:
            case REML:
            case EB:
                fisherScoring(yi, vi, k, out, start);
                return;
            case PM:
                pauleMandel(yi, vi, k, out);
                return;
            default:
                throw new IllegalStateException("unhandled estimator " + estimator);
        }
    }

    /** Hedges' estimate before truncation, (&Sigma;(y - &#x0233;)<sup>2</sup> - (k-1)/k &Sigma;v)/(k - 1). */
    private static double hedges(PoolingWorkspace out, int k) {
        return (out.unweightedSquares - out.sumV * (k - 1) / k) / (k - 1);
    }

    /**
     * Fisher scoring for ML, REML and EB as metafor's rma.uni: start at max(0, HE), step
     * &tau;<sup>2</sup> += adj with step halving to stay non-negative, where (P the
     * residual-projection matrix of the weighted fit)
     * ML: adj = (y'PPy - &Sigma;w)/&Sigma;w<sup>2</sup>; REML: adj = (y'PPy - tr P)/tr(PP);
     * EB: adj = (y'Py k/(k-1) - k)/&Sigma;w. For ML and REML, as metafor's ll0check, the
     * boundary &tau;<sup>2</sup> = 0 is taken instead when its likelihood is higher.
     *
     * <p>Safeguard beyond metafor (see {@link ScoringStep}): once the score has changed sign, a
     * step that leaves the bracket of the root or fails to halve the previous step is replaced
     * by bisection, so data on which metafor stops with "Fisher scoring algorithm did not
     * converge" still give the root.
     */
    private void fisherScoring(double[] yi, double[] vi, int k, PoolingWorkspace out, double startTau2) {
        double he = Math.max(0, hedges(out, k));
        // At HE = 0 the start stays metafor's: from 0 a boundary root is reached exactly, from
        // above only to within the threshold.
        double tau2 = Double.isNaN(startTau2) || he == 0 ? he : startTau2;
        WeightedSums s = out.sums;
        double center = out.fixedSums.mean();
        out.scoringStep.reset();
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations) {
            iteration++;
            s.compute(yi, vi, k, tau2, center);
            center = s.mean();
            double score;
            double information;
            switch (estimator) {
                case ML:
                    score = s.weightedSquaresSquared() - s.s1;
                    information = s.s2;
                    break;
                case REML:
                    score = s.weightedSquaresSquared() - s.traceP();
                    information = s.tracePP();
                    break;
                default: // EB
                    score = s.weightedSquares() * k / (k - 1) - k;
                    information = s.s1;
                    break;
            }
            double next = out.scoringStep.next(tau2, score, information);
            double previous = tau2;
            tau2 = next;
            if (TauSquaredRules.converged(tau2 - previous, tau2, threshold)) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            throw new NonConvergenceException(estimator, iteration);
        }
        out.iterations = iteration;
        if (estimator != TauSquaredEstimator.EB && likelihoodHigherAtZero(yi, vi, k, tau2, out)) {
            tau2 = 0;
        }
        // Sums at the final value serve the standard errors and the pooled estimate.
        s.compute(yi, vi, k, tau2, center);
        out.tau2 = tau2;
        switch (estimator) {
            case ML:
                out.tau2Se = Math.sqrt(2 / s.s2);
                break;
            case REML:
                out.tau2Se = Math.sqrt(2 / s.tracePP());
                break;
            default:
                out.tau2Se = ebPmStandardError(s.s1, k);
                break;
        }
    }

    /** metafor's SE of the EB and PM estimates: sqrt(2 k<sup>2</sup>/(k-1))/&Sigma;w. */
    private static double ebPmStandardError(double sumW, int k) {
        return Math.sqrt(2.0 * k * k / (k - 1)) / sumW;
    }

    private boolean likelihoodHigherAtZero(double[] yi, double[] vi, int k, double tau2, PoolingWorkspace out) {
        // The score at 0 decides cheaply in the usual case: if the likelihood increases from
        // the boundary, 0 is not a maximum and no log-likelihood needs evaluating.
        WeightedSums fixed = out.fixedSums;
        double scoreAtZero = estimator == TauSquaredEstimator.ML
            ? fixed.weightedSquaresSquared() - fixed.s1
            : fixed.weightedSquaresSquared() - fixed.traceP();
        return TauSquaredRules.zeroMayBeBetter(tau2, scoreAtZero, threshold)
            && TauSquaredRules.zeroIsBetter(logLikelihood(yi, vi, k, 0), logLikelihood(yi, vi, k, tau2), threshold);
    }

    /** (Restricted) log-likelihood up to the constant shared by the values compared. */
    private double logLikelihood(double[] yi, double[] vi, int k, double tau2) {
        double sw = 0;
        double swy = 0;
        double logDet = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (vi[i] + tau2);
            sw += w;
            swy += w * yi[i];
            logDet += Math.log(vi[i] + tau2);
        }
        double mu = swy / sw;
        double rss = 0;
        for (int i = 0; i < k; i++) {
            double d = yi[i] - mu;
            rss += d * d / (vi[i] + tau2);
        }
        double ll = -0.5 * logDet - 0.5 * rss;
        if (estimator == TauSquaredEstimator.REML) {
            ll -= 0.5 * Math.log(sw);
        }
        return ll;
    }

    /** Paule-Mandel: the root of Q(&tau;<sup>2</sup>) = k - 1, or 0 when Q(0) &lt; k - 1. */
    private void pauleMandel(double[] yi, double[] vi, int k, PoolingWorkspace out) {
        int df = k - 1;
        WeightedSums s = out.sums;
        if (out.fixedSums.weightedSquares() < df) {
            out.tau2 = 0;
            out.tau2Se = ebPmStandardError(out.fixedSums.s1, k);
            return;
        }
        double center = out.fixedSums.mean();
        double upper = Q_PROFILE_MIN_UPPER_LIMIT;
        s.compute(yi, vi, k, upper, center);
        while (s.weightedSquares() > df) {
            upper *= 10;
            if (upper > 1e12) {
                throw new NonConvergenceException(estimator, 0);
            }
            s.compute(yi, vi, k, upper, center);
        }
        double tau2 = TauSquaredRules.solveGeneralizedQ(out.qFit.reset(yi, vi, k, s), df, 0, upper, threshold,
            maxIterations, estimator);
        if (s.tau2 != tau2) {
            s.compute(yi, vi, k, tau2, center);
        }
        out.tau2 = tau2;
        out.tau2Se = ebPmStandardError(s.s1, k);
    }
}
