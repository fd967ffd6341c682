package org.alliancelab.meta.effectsize;

/**
 * Computes effect sizes and sampling variances from correlations, as metafor's {@code escalc}
 * does (see {@link CorrelationMeasure} for the formulas).
 *
 * <p>Partial correlations may also be recovered from the t statistic of the focal predictor in
 * a regression with p covariates: r = t / sqrt(t<sup>2</sup> + n - p - 2)
 * (Aloe &amp; Thompson 2013, doi:10.5243/jsswr.2013.24).
 */
public final class EffectSizes {

    private EffectSizes() {
    }

    /**
     * Effect size and variance of one study.
     *
     * @param measure the measure
     * @param r the (partial) correlation, in (-1, 1)
     * @param n the sample size
     * @param covariates covariates partialled out (0 for zero-order correlations; ignored for
     *     COR and ZCOR)
     * @return the effect size
     * @throws InvalidEffectSizeException when r is not in (-1, 1), covariates is negative, or n
     *     is below {@link CorrelationMeasure#minimumSampleSize(int)}
     */
    public static EffectSize of(CorrelationMeasure measure, double r, int n, int covariates) {
        validate(measure, r, n, covariates);
        return new EffectSize(yi(measure, r), vi(measure, r, n, covariates));
    }

    /**
     * Effect sizes of many studies into caller-owned arrays (no allocation).
     *
     * @param measure the measure
     * @param r correlations
     * @param n sample sizes
     * @param covariates covariates partialled out, the same for every study
     * @param yi receives the effect sizes
     * @param vi receives the sampling variances
     * @throws InvalidEffectSizeException naming the first invalid study
     */
    public static void of(CorrelationMeasure measure, double[] r, int[] n, int covariates,
                          double[] yi, double[] vi) {
        for (int i = 0; i < r.length; i++) {
            try {
                validate(measure, r[i], n[i], covariates);
            } catch (InvalidEffectSizeException e) {
                throw e.forStudy(i);
            }
            yi[i] = yi(measure, r[i]);
            vi[i] = vi(measure, r[i], n[i], covariates);
        }
    }

    /**
     * The effect size alone, without checks.
     *
     * @param measure the measure
     * @param r the correlation
     * @return r, or atanh(r) for the Fisher z measures
     */
    public static double yi(CorrelationMeasure measure, double r) {
        return measure.isFisherZ() ? Correlations.toFisherZ(r) : r;
    }

    /**
     * The sampling variance alone, without checks.
     *
     * @param measure the measure
     * @param r the correlation (used by COR and PCOR only)
     * @param n the sample size
     * @param covariates covariates partialled out
     * @return the sampling variance
     */
    public static double vi(CorrelationMeasure measure, double r, int n, int covariates) {
        double df = measure.varianceDenominator(n, covariates);
        if (measure.isFisherZ()) {
            return 1.0 / df;
        }
        double s = 1 - r * r;
        return s * s / df;
    }

    /**
     * Partial correlation from the t statistic of the focal predictor in a linear regression
     * with p covariates besides it: r = t / sqrt(t<sup>2</sup> + n - p - 2).
     *
     * @param t the t statistic
     * @param n the sample size
     * @param covariates p, the number of covariates besides the focal predictor
     * @return the partial correlation
     * @throws InvalidEffectSizeException when t is not finite or n - p - 2 is not positive
     */
    public static double partialCorrelationFromT(double t, int n, int covariates) {
        if (!Double.isFinite(t)) {
            throw new InvalidEffectSizeException(-1, "t", "t statistic must be a finite number, got " + t);
        }
        int df = n - covariates - 2;
        if (df <= 0) {
            throw new InvalidEffectSizeException(-1, "n",
                "sample size n = " + n + " leaves no residual degrees of freedom with " + covariates + " covariates");
        }
        return t / Math.sqrt(t * t + df);
    }

    private static void validate(CorrelationMeasure measure, double r, int n, int covariates) {
        if (!(r > -1 && r < 1)) {
            throw new InvalidEffectSizeException(-1, "r", "correlation must lie strictly between -1 and 1, got " + r);
        }
        if (covariates < 0) {
            throw new InvalidEffectSizeException(-1, "covariates", "number of covariates must not be negative, got " + covariates);
        }
        int min = measure.minimumSampleSize(covariates);
        if (n < min) {
            throw new InvalidEffectSizeException(-1, "n", "sample size n = " + n + " is below the minimum of " + min + " for "
                + measure + (measure.isPartial() ? " with " + covariates + " covariates" : ""));
        }
    }
}
