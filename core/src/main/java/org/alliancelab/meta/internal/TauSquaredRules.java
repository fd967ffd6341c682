package org.alliancelab.meta.internal;

import org.alliancelab.meta.pooling.NonConvergenceException;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * The rules the iterative tau<sup>2</sup> estimators share between the intercept-only model
 * ({@code RandomEffectsModel}, closed-form weighted sums) and the meta-regression
 * ({@code MetaRegression}, weighted least squares): one convergence rule, one boundary rule and
 * one root finder of the generalized Q statistic (Paule-Mandel, the Q-profile interval). Each
 * model supplies its fit at a trial tau<sup>2</sup> as a {@link Fit}; the algebra of the fit
 * differs, the rules do not.
 *
 * <p>DerSimonian R, Kacker R (2007). Random-effects model for meta-analysis of clinical trials:
 * an update. Contemp Clin Trials 28:105-114. doi:10.1016/j.cct.2006.04.004 (Paule-Mandel as the
 * root of Q); Viechtbauer W (2005). Bias and efficiency of meta-analytic variance estimators in
 * the random-effects model. J Educ Behav Stat 30:261-293. doi:10.3102/10769986030003261
 * (Fisher scoring and the boundary).
 */
public final class TauSquaredRules {

    /** A weighted fit of the model at a trial tau<sup>2</sup>: what the root finder needs. */
    public interface Fit {
        /**
         * Refits with weights 1/(v<sub>i</sub> + tau2).
         *
         * @param tau2 trial value, &ge; 0
         */
        void at(double tau2);

        /** @return the generalized Q statistic y'Py of the last fit */
        double q();

        /** @return its derivative in tau<sup>2</sup>, -y'PPy (&le; 0) */
        double qDerivative();
    }

    private TauSquaredRules() {
    }

    /**
     * The convergence rule of every iteration on tau<sup>2</sup>: a change no larger than
     * threshold &times; max(1, |magnitude|), i.e. relative for large values, absolute below 1.
     *
     * @param change the last change (or the width of a bracket)
     * @param magnitude the value the change is relative to
     * @param threshold the model's threshold
     * @return whether the iteration has converged
     */
    public static boolean converged(double change, double magnitude, double threshold) {
        return Math.abs(change) <= threshold * Math.max(1, Math.abs(magnitude));
    }

    /**
     * The boundary rule of ML and REML (metafor's {@code ll0check}), first step: the
     * boundary tau<sup>2</sup> = 0 can only be the maximum when the estimate is away from it
     * and the score at 0 is not positive (the likelihood does not increase from 0). Only then
     * are the two log-likelihoods worth computing for {@link #zeroIsBetter}.
     *
     * @param tau2 the scoring estimate
     * @param scoreAtZero the score at tau<sup>2</sup> = 0
     * @param threshold the model's threshold
     * @return whether the boundary must be compared with the estimate
     */
    public static boolean zeroMayBeBetter(double tau2, double scoreAtZero, double threshold) {
        return tau2 > threshold && !(scoreAtZero > 0);
    }

    /**
     * The boundary rule, second step: the boundary replaces the estimate when its
     * (restricted) log-likelihood is higher by more than the threshold.
     *
     * @param logLikelihoodAtZero log-likelihood at tau<sup>2</sup> = 0
     * @param logLikelihood log-likelihood at the estimate
     * @param threshold the model's threshold
     * @return whether tau<sup>2</sup> = 0 is the estimate
     */
    public static boolean zeroIsBetter(double logLikelihoodAtZero, double logLikelihood, double threshold) {
        return logLikelihoodAtZero - logLikelihood > threshold;
    }

    /**
     * Solves Q(&tau;<sup>2</sup>) = target on [lo, hi], where Q(lo) &ge; target &ge; Q(hi):
     * Newton's method with dQ/d&tau;<sup>2</sup> = -y'PPy, safeguarded by bisection. Q is
     * decreasing, so Newton from the left approaches the root monotonically. Leaves the fit at
     * the last value evaluated.
     *
     * @param fit the model's fit
     * @param target the value of Q sought
     * @param lo lower end of the bracket
     * @param hi upper end of the bracket
     * @param threshold convergence threshold ({@link #converged})
     * @param maxIterations iteration limit
     * @param estimator reported in the exception
     * @return the root
     * @throws NonConvergenceException after maxIterations
     */
    public static double solveGeneralizedQ(Fit fit, double target, double lo, double hi, double threshold,
                                           int maxIterations, TauSquaredEstimator estimator) {
        double t = lo;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            fit.at(t);
            double f = fit.q() - target;
            if (f == 0) {
                return t;
            }
            if (f > 0) {
                lo = t;
            } else {
                hi = t;
            }
            double slope = fit.qDerivative();
            double next = slope < 0 ? t - f / slope : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (converged(next - t, t, threshold) || converged(hi - lo, hi, threshold)) {
                return next;
            }
            t = next;
        }
        throw new NonConvergenceException(estimator, maxIterations);
    }

    /**
     * Paule-Mandel: the root of Q(&tau;<sup>2</sup>) = df, or 0 when Q(0) &lt; df. The bracket
     * [0, upper] starts at {@code minUpper} and grows tenfold until Q(upper) &le; df.
     *
     * @param fit the model's fit
     * @param df the target, k - p
     * @param minUpper first upper end of the bracket
     * @param threshold convergence threshold
     * @param maxIterations iteration limit
     * @param estimator reported in the exception
     * @return the estimate; the fit is left at a value from which the caller refits at it
     * @throws NonConvergenceException when no bracket is found below 1e12 or the root search fails
     */
    public static double pauleMandel(Fit fit, double df, double minUpper, double threshold, int maxIterations,
                                     TauSquaredEstimator estimator) {
        fit.at(0);
        if (fit.q() < df) {
            return 0;
        }
        double upper = minUpper;
        fit.at(upper);
        while (fit.q() > df) {
            upper *= 10;
            if (upper > 1e12) {
                throw new NonConvergenceException(estimator, 0);
            }
            fit.at(upper);
        }
        return solveGeneralizedQ(fit, df, 0, upper, threshold, maxIterations, estimator);
    }
}
