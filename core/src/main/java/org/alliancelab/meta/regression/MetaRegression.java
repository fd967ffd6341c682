package org.alliancelab.meta.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.internal.ScoringStep;
import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.internal.TauSquaredRules;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.NonConvergenceException;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Mixed-effects meta-regression y<sub>i</sub> = x<sub>i</sub>'&beta; + u<sub>i</sub> +
 * e<sub>i</sub>, u<sub>i</sub> ~ N(0, &tau;<sup>2</sup>), e<sub>i</sub> ~ N(0, v<sub>i</sub>), as
 * metafor's {@code rma(yi, vi, mods = ~ ..., method = ...)}: immutable configuration, then
 * {@link #fit(double[], double[], DesignMatrix)}.
 *
 * <p>With W = diag(1/(v<sub>i</sub> + &tau;<sup>2</sup>)), the coefficients are b = (X'WX)<sup>-1</sup>X'Wy
 * with covariance (X'WX)<sup>-1</sup> (times s<sup>2</sup> = y'Py/(k - p) for Knapp-Hartung), and
 * P = W - WX(X'WX)<sup>-1</sup>X'W. The residual tau<sup>2</sup> estimators generalize the
 * intercept-only ones (all truncated at 0):
 * <ul>
 *   <li>DL: (y'P<sub>0</sub>y - (k - p))/tr(P<sub>0</sub>), P<sub>0</sub> with weights 1/v<sub>i</sub>;</li>
 *   <li>HE: (RSS<sub>OLS</sub> - tr(P<sub>OLS</sub>V))/(k - p);</li>
 *   <li>HS: (y'P<sub>0</sub>y - k)/&Sigma;(1/v<sub>i</sub>); HSK: (k/(k-p) y'P<sub>0</sub>y - k)/&Sigma;(1/v<sub>i</sub>);</li>
 *   <li>SJ: &tau;<sub>0</sub> y'P(&tau;<sub>0</sub>)y/(k - p), &tau;<sub>0</sub> = &Sigma;(y - &#x0233;)<sup>2</sup>/k;</li>
 *   <li>ML, REML, EB: Fisher scoring from the HE estimate, &tau;<sup>2</sup> += adj with
 *       adj<sub>ML</sub> = (y'PPy - &Sigma;w)/&Sigma;w<sup>2</sup>,
 *       adj<sub>REML</sub> = (y'PPy - tr P)/tr(PP),
 *       adj<sub>EB</sub> = (y'Py k/(k-p) - k)/&Sigma;w, halving the step while it would make
 *       &tau;<sup>2</sup> negative, until |&Delta;&tau;<sup>2</sup>| &lt; threshold; for ML and
 *       REML the likelihood at &tau;<sup>2</sup> = 0 is checked afterwards as metafor does;</li>
 *   <li>PM: the root of y'P(&tau;<sup>2</sup>)y = k - p (0 when y'P(0)y &lt; k - p).</li>
 * </ul>
 * Every step costs O(k p<sup>2</sup>): X'WX is accumulated, and traces use
 * tr(P) = &Sigma;w<sub>i</sub> - &Sigma;w<sub>i</sub><sup>2</sup>x<sub>i</sub>'(X'WX)<sup>-1</sup>x<sub>i</sub>
 * and tr(PP) = &Sigma;w<sup>2</sup> - 2&Sigma;w<sup>3</sup>h + tr((X'WX)<sup>-1</sup>X'W<sup>2</sup>X(X'WX)<sup>-1</sup>X'W<sup>2</sup>X);
 * no k &times; k matrix is formed.
 *
 * <p>References: Viechtbauer, W. (2010), doi:10.18637/jss.v036.i03; Raudenbush, S. W. (2009),
 * Analyzing effect sizes: random-effects models, in <i>The Handbook of Research Synthesis and
 * Meta-Analysis</i> (2nd ed.), 295-315; Knapp, G. &amp; Hartung, J. (2003),
 * doi:10.1002/sim.1482; pseudo-R<sup>2</sup>: Raudenbush (2009) and L&oacute;pez-L&oacute;pez, J.
 * A. et al. (2014), doi:10.1111/bmsp.12002.
 */
public final class MetaRegression {

    /** First upper end of the Paule-Mandel bracket, as the intercept-only model's. */
    private static final double PAULE_MANDEL_MIN_UPPER = 100;

    /** The configuration: estimator, test, confidence level and convergence control. */
    private final RandomEffectsModel model;

    private MetaRegression(RandomEffectsModel model) {
        this.model = model;
    }

    /**
     * @param estimator the residual tau<sup>2</sup> estimator (EE for a common-effect
     *     meta-regression)
     * @return a model with z tests, 95% intervals, and convergence threshold 1e-12 within 1000
     *     iterations (the defaults of {@link RandomEffectsModel#of})
     */
    public static MetaRegression of(TauSquaredEstimator estimator) {
        return of(RandomEffectsModel.of(estimator));
    }

    /**
     * @param model the configuration to use: its estimator (of the residual tau<sup>2</sup>),
     *     test, confidence level and convergence control
     * @return a meta-regression configured as the model
     */
    public static MetaRegression of(RandomEffectsModel model) {
        return new MetaRegression(Objects.requireNonNull(model, "model"));
    }

    /**
     * @param newTest z or Knapp-Hartung
     * @return a copy using that test
     */
    public MetaRegression withTest(InferenceTest newTest) {
        return new MetaRegression(model.withTest(newTest));
    }

    /**
     * @param newLevel confidence level in (0, 1)
     * @return a copy using that level
     * @throws IllegalArgumentException when the level is not in (0, 1)
     */
    public MetaRegression withConfidenceLevel(double newLevel) {
        return new MetaRegression(model.withConfidenceLevel(newLevel));
    }

    /**
     * @param newThreshold iteration stops when tau<sup>2</sup> changes by less (metafor's
     *     {@code threshold}; for PM the root's tolerance)
     * @param newMaxIterations iterations before {@link NonConvergenceException}
     * @return a copy with that convergence control
     * @throws IllegalArgumentException when the threshold is not positive or the iterations
     *     are fewer than 1
     */
    public MetaRegression withConvergence(double newThreshold, int newMaxIterations) {
        return new MetaRegression(model.withConvergence(newThreshold, newMaxIterations));
    }

    /** @return the configuration as a random-effects model (estimator, test, level, convergence) */
    public RandomEffectsModel model() {
        return model;
    }

    /** @return the tau-squared estimator */
    public TauSquaredEstimator estimator() {
        return model.estimator();
    }

    /** @return the test */
    public InferenceTest test() {
        return model.test();
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return model.confidenceLevel();
    }

    /**
     * Fits the meta-regression.
     *
     * @param yi effect sizes
     * @param vi sampling variances
     * @param design the model matrix, one row per study (intercept first)
     * @return coefficients, heterogeneity and omnibus tests
     * @throws InvalidEffectSizeException naming the study when an effect size is not finite or
     *     a variance is not positive and finite
     * @throws InvalidModeratorException when the moderators are collinear
     * @throws IllegalArgumentException when the lengths differ or there are not more studies
     *     than coefficients
     * @throws NonConvergenceException when an iterative estimator does not converge
     * @throws ArithmeticException when |y| or sqrt(v) lies beyond 2<sup>&plusmn;200</sup>
     *     (about 1e60), where the weighted sums and their products lose range: refused rather than
     *     returned wrong or NaN (the pooling model rescales such data; this one does not yet)
     */
    public MetaRegressionResult fit(double[] yi, double[] vi, DesignMatrix design) {
        int k = yi.length;
        int p = design.columns();
        if (vi.length != k || design.rows() != k) {
            throw new IllegalArgumentException("yi, vi and the design matrix must have the same number of studies");
        }
        if (k <= p) {
            throw new IllegalArgumentException("a meta-regression with " + p + " coefficients needs more than "
                + p + " studies, got " + k);
        }
        EffectSizeChecks.requireValid(yi, vi);
        requireSafeMagnitudes(yi, vi);
        WeightedLeastSquares ls = new WeightedLeastSquares(design);
        double[] w = new double[k];
        Tau2 t = estimateTau2(yi, vi, ls, w);
        double tau2 = t.tau2;

        // residual heterogeneity with weights 1/v
        for (int i = 0; i < k; i++) {
            w[i] = 1 / vi[i];
        }
        ls.fit(yi, w);
        double qe = Math.max(0, ls.yPy());
        if (!Double.isFinite(qe) || !Double.isFinite(tau2)) {
            throw new ArithmeticException("the meta-regression's sums exceed the range of a double "
                + "(effect sizes or sampling variances too large in magnitude); rescale the data");
        }
        double qeP = TailProbabilities.chiSquaredUpper(qe, k - p);
        double i2;
        double h2;
        if (model.estimator() == TauSquaredEstimator.EE) {
            i2 = Math.max(0, 100 * (qe - (k - p)) / qe);
            h2 = qe / (k - p);
        } else {
            double vt = (k - p) / ls.trP();
            i2 = 100 * tau2 / (vt + tau2);
            h2 = tau2 / vt + 1;
        }

        // coefficients at the final tau^2
        for (int i = 0; i < k; i++) {
            w[i] = 1 / (vi[i] + tau2);
        }
        ls.fit(yi, w);
        boolean knha = model.test() == InferenceTest.KNHA;
        double s2 = 1;
        if (knha) {
            double rss = ls.yPy();
            s2 = rss <= Math.ulp(1.0) ? 0 : rss / (k - p);
        }
        double[] vb = new double[p * p];
        for (int j = 0; j < p * p; j++) {
            vb[j] = s2 * ls.ainv[j];
        }
        int ddf = k - p;
        double crit = knha
            ? TailProbabilities.studentCritical(model.confidenceLevel(), ddf)
            : TailProbabilities.normalCritical(model.confidenceLevel());
        List<Coefficient> coefficients = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double b = ls.b[j];
            double se = Math.sqrt(vb[j * p + j]);
            double stat = b / se;
            double pv = knha ? TailProbabilities.studentTwoSided(stat, ddf) : TailProbabilities.normalTwoSided(stat);
            coefficients.add(new Coefficient(design.names().get(j), b, se, stat, pv, b - crit * se, b + crit * se));
        }

        int m = p - 1;
        double qm = Double.NaN;
        double qmP = Double.NaN;
        double r2 = Double.NaN;
        if (m > 0) {
            qm = waldStatistic(ls.b, vb, p, 1);
            if (knha) {
                qm /= m;
                qmP = FDistribution.of(m, ddf).survivalProbability(qm);
            } else {
                qmP = TailProbabilities.chiSquaredUpper(qm, m);
            }
            r2 = pseudoR2(yi, vi, tau2);
        }
        return new MetaRegressionResult(k, model.estimator(), model.test(), model.confidenceLevel(), coefficients,
            tau2, t.se, i2, h2, qe, qeP, qm, m, qmP, r2, t.iterations);
    }

    private double pseudoR2(double[] yi, double[] vi, double tau2) {
        int k = yi.length;
        if (model.estimator() == TauSquaredEstimator.EE) {
            return Double.NaN;
        }
        WeightedLeastSquares ls0 = new WeightedLeastSquares(DesignMatrix.interceptOnly(k));
        double tau2Re = estimateTau2(yi, vi, ls0, new double[k]).tau2;
        if (tau2Re == 0) {
            return 0;
        }
        return Math.max(0, 100 * (tau2Re - tau2) / tau2Re);
    }

    /**
     * b<sub>S</sub>'(V<sub>SS</sub>)<sup>-1</sup>b<sub>S</sub> over the coefficients S = from..p-1, by
     * Gauss-Jordan elimination on the small submatrix.
     */
    static double waldStatistic(double[] b, double[] vb, int p, int from) {
        int m = p - from;
        double[] a = new double[m * (m + 1)];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                a[r * (m + 1) + c] = vb[(r + from) * p + c + from];
            }
            a[r * (m + 1) + m] = b[r + from];
        }
        // solve V x = b with partial pivoting; then QM = b'x
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r * (m + 1) + c]) > Math.abs(a[piv * (m + 1) + c])) {
                    piv = r;
                }
            }
            if (piv != c) {
                for (int j = 0; j <= m; j++) {
                    double tmp = a[c * (m + 1) + j];
                    a[c * (m + 1) + j] = a[piv * (m + 1) + j];
                    a[piv * (m + 1) + j] = tmp;
                }
            }
            double d = a[c * (m + 1) + c];
            for (int r = 0; r < m; r++) {
                if (r != c) {
                    double f = a[r * (m + 1) + c] / d;
                    for (int j = c; j <= m; j++) {
                        a[r * (m + 1) + j] -= f * a[c * (m + 1) + j];
                    }
                }
            }
        }
        double q = 0;
        for (int r = 0; r < m; r++) {
            q += b[r + from] * a[r * (m + 1) + m] / a[r * (m + 1) + r];
        }
        return q;
    }

    /** tau<sup>2</sup> with its SE and iteration count. */
    private record Tau2(double tau2, double se, int iterations) {
    }

    private Tau2 estimateTau2(double[] y, double[] v, WeightedLeastSquares ls, double[] w) {
        int k = ls.k;
        int p = ls.p;
        switch (model.estimator()) {
            case EE:
                return new Tau2(0, Double.NaN, 0);
            case DL: {
                fixedWeights(v, 0, w);
                ls.fit(y, w);
                double trP = ls.trP();
                double tau2 = Math.max(0, (ls.yPy() - (k - p)) / trP);
                double se = Math.sqrt((2.0 * (k - p) + 4 * tau2 * trP + 2 * tau2 * tau2 * ls.trPDPD(null, null)) / (trP * trP));
                return new Tau2(tau2, se, 0);
            }
            case HS:
            case HSK: {
                fixedWeights(v, 0, w);
                ls.fit(y, w);
                double sw = ls.sumW();
                double rss = ls.yPy();
                double f = model.estimator() == TauSquaredEstimator.HSK ? (double) k / (k - p) : 1.0;
                double tau2 = Math.max(0, (f * rss - k) / sw);
                double se = f * Math.sqrt((2.0 * (k - p) + 4 * tau2 * ls.trP() + 2 * tau2 * tau2 * ls.trPDPD(null, null)) / (sw * sw));
                return new Tau2(tau2, se, 0);
            }
            case HE: {
                double tau2 = Math.max(0, hedges(y, v, ls, w));
                double trPV = ls.trPD(v);
                double se = Math.sqrt((2 * ls.trPDPD(v, v) + 4 * tau2 * trPV + 2 * tau2 * tau2 * (k - p)) / ((double) (k - p) * (k - p)));
                return new Tau2(tau2, se, 0);
            }
            case SJ: {
                double mean = 0;
                for (double yy : y) {
                    mean += yy;
                }
                mean /= k;
                double tau0 = 0;
                for (double yy : y) {
                    tau0 += (yy - mean) * (yy - mean);
                }
                tau0 /= k;
                fixedWeights(v, tau0, w);
                ls.fit(y, w);
                double tau2 = Math.max(0, tau0 * ls.yPy() / (k - p));
                double se = Math.sqrt(tau0 * tau0 / ((double) (k - p) * (k - p))
                    * (2 * ls.trPDPD(v, v) + 4 * tau2 * ls.trPDPD(null, v) + 2 * tau2 * tau2 * ls.trPDPD(null, null)));
                return new Tau2(tau2, se, 0);
            }
            case PM:
                return pauleMandel(y, v, ls, w);
            case ML:
            case REML:
            case EB:
                return fisherScoring(y, v, ls, w);
            default:
                throw new IllegalStateException("unknown estimator " + model.estimator());
        }
    }

    private static void fixedWeights(double[] v, double tau2, double[] w) {
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 / (v[i] + tau2);
        }
    }

    /** Hedges' estimator, leaving ls fitted by ordinary least squares. */
    private static double hedges(double[] y, double[] v, WeightedLeastSquares ls, double[] w) {
        java.util.Arrays.fill(w, 1.0);
        ls.fit(y, w);
        return (ls.yPy() - ls.trPD(v)) / (ls.k - ls.p);
    }

    private Tau2 fisherScoring(double[] y, double[] v, WeightedLeastSquares ls, double[] w) {
        int k = ls.k;
        int p = ls.p;
        double tau2 = Math.max(0, hedges(y, v, ls, w));
        ScoringStep step = ScoringStep.start();
        int iter = 0;
        boolean converged = false;
        while (!converged) {
            iter++;
            if (iter > model.maxIterations()) {
                throw new NonConvergenceException(model.estimator(), model.maxIterations());
            }
            double old = tau2;
            fixedWeights(v, tau2, w);
            ls.fit(y, w);
            double score;
            double information;
            if (model.estimator() == TauSquaredEstimator.ML) {
                score = ls.yPPy() - ls.sumW();
                information = ls.sumW2();
            } else if (model.estimator() == TauSquaredEstimator.REML) {
                score = ls.yPPy() - ls.trP();
                information = ls.trPDPD(null, null);
            } else {
                score = ls.yPy() * k / (k - p) - k;
                information = ls.sumW();
            }
            if (Double.isInfinite(score) || Double.isInfinite(information) || Double.isInfinite(tau2)) {
                // squares of effect sizes beyond about 1e154 overflow: refuse rather than iterate on infinities
                throw new ArithmeticException("the meta-regression's sums exceed the range of a double "
                    + "(effect sizes or sampling variances too large in magnitude); rescale the data");
            }
            if (Double.isNaN(score / information)) {
                throw new NonConvergenceException(model.estimator(), iter);
            }
            tau2 = step.next(tau2, score, information);
            converged = TauSquaredRules.converged(tau2 - old, tau2, model.threshold());
        }
        if (model.estimator() != TauSquaredEstimator.EB && zeroMayBeBetter(y, v, tau2, ls, w)
            && TauSquaredRules.zeroIsBetter(logLikelihood(y, v, 0, ls, w), logLikelihood(y, v, tau2, ls, w),
                model.threshold())) {
            // Fisher scoring stopped at a local maximum below the boundary value (metafor's ll0check)
            tau2 = 0;
        }
        fixedWeights(v, tau2, w);
        ls.fit(y, w);
        double se;
        if (model.estimator() == TauSquaredEstimator.ML) {
            se = Math.sqrt(2 / ls.sumW2());
        } else if (model.estimator() == TauSquaredEstimator.REML) {
            se = Math.sqrt(2 / ls.trPDPD(null, null));
        } else {
            double sw = ls.sumW();
            se = Math.sqrt(2.0 * k * k / (k - p) / (sw * sw));
        }
        return new Tau2(tau2, se, iter);
    }

    /** (Restricted) log-likelihood up to constants shared by both values compared. */
    private double logLikelihood(double[] y, double[] v, double tau2, WeightedLeastSquares ls, double[] w) {
        fixedWeights(v, tau2, w);
        ls.fit(y, w);
        double ll = -0.5 * ls.yPy();
        for (double vv : v) {
            ll -= 0.5 * Math.log(vv + tau2);
        }
        if (model.estimator() == TauSquaredEstimator.REML) {
            ll -= 0.5 * ls.logDetA;
        }
        return ll;
    }

    /** The score of ML or REML at tau<sup>2</sup> = 0 decides whether the boundary needs comparing. */
    private boolean zeroMayBeBetter(double[] y, double[] v, double tau2, WeightedLeastSquares ls, double[] w) {
        fixedWeights(v, 0, w);
        ls.fit(y, w);
        double scoreAtZero = model.estimator() == TauSquaredEstimator.ML ? ls.yPPy() - ls.sumW() : ls.yPPy() - ls.trP();
        return TauSquaredRules.zeroMayBeBetter(tau2, scoreAtZero, model.threshold());
    }

    /** Paule-Mandel by the shared root finder of the generalized Q ({@link TauSquaredRules#pauleMandel}). */
    private Tau2 pauleMandel(double[] y, double[] v, WeightedLeastSquares ls, double[] w) {
        int k = ls.k;
        int p = ls.p;
        TauSquaredRules.Fit fit = new TauSquaredRules.Fit() {
            @Override
            public void at(double tau2) {
                fixedWeights(v, tau2, w);
                ls.fit(y, w);
            }

            @Override
            public double q() {
                return ls.yPy();
            }

            @Override
            public double qDerivative() {
                return -ls.yPPy();
            }
        };
        double tau2 = TauSquaredRules.pauleMandel(fit, k - p, PAULE_MANDEL_MIN_UPPER, model.threshold(),
            model.maxIterations(), model.estimator());
        fixedWeights(v, tau2, w);
        ls.fit(y, w);
        double sw = ls.sumW();
        return new Tau2(tau2, Math.sqrt(2.0 * k * k / (k - p) / (sw * sw)), 0);
    }

    /** Within 2^+-200 every weighted sum and its products stay in range (as RandomEffectsModel's bound). */
    private static final int SAFE_EXPONENT = 200;

    private static void requireSafeMagnitudes(double[] yi, double[] vi) {
        for (int i = 0; i < yi.length; i++) {
            double sd = Math.sqrt(vi[i]);
            if ((yi[i] != 0 && Math.abs(Math.getExponent(yi[i])) > SAFE_EXPONENT)
                || Math.abs(Math.getExponent(sd)) > SAFE_EXPONENT) {
                throw new ArithmeticException("study " + (i + 1) + ": effect size " + yi[i] + " or sampling variance "
                    + vi[i] + " is beyond 2^+-" + SAFE_EXPONENT + " in magnitude, where a meta-regression loses "
                    + "precision; rescale the data");
            }
        }
    }
}
