package org.alliancelab.meta.effectsize;

/**
 * Conversions between correlation metrics.
 *
 * <p>Fisher's z = atanh(r) = ½ ln((1 + r)/(1 - r)) and its inverse r = tanh(z) (metafor's
 * {@code transf.rtoz} and {@code transf.ztor}); Cohen's d = 2r / sqrt(1 - r<sup>2</sup>)
 * (Borenstein et al. 2009, <i>Introduction to Meta-Analysis</i>, eq. 7.5,
 * doi:10.1002/9780470743386); the share of variance explained, r<sup>2</sup>; the approximate
 * log risk ratio log RR = 0.91 d of a common binary outcome (VanderWeele 2017, Epidemiology 28,
 * e58, doi:10.1097/EDE.0000000000000663; the convention of the R package EValue's
 * {@code evalues.MD}), which puts a correlation on the scale of E-values and bias factors.
 */
public final class Correlations {

    /** The factor of the approximation log RR = 0.91 d (VanderWeele 2017, doi:10.1097/EDE.0000000000000663). */
    public static final double LOG_RISK_RATIO_PER_D = 0.91;

    private Correlations() {
    }

    /**
     * @param r a correlation in (-1, 1)
     * @return Fisher's z = atanh(r); infinite at |r| = 1, NaN outside [-1, 1]
     */
    public static double toFisherZ(double r) {
        // 0.5 * log1p(2r / (1 - r)) is accurate for small |r| and equals atanh(r).
        return 0.5 * Math.log1p(2 * r / (1 - r));
    }

    /**
     * @param z a value on the Fisher z scale
     * @return r = tanh(z), in [-1, 1]
     */
    public static double fromFisherZ(double z) {
        return Math.tanh(z);
    }

    /**
     * @param r a correlation in (-1, 1)
     * @return Cohen's d = 2r / sqrt(1 - r<sup>2</sup>)
     */
    public static double toCohensD(double r) {
        return 2 * r / Math.sqrt(1 - r * r);
    }

    /**
     * @param d a standardized mean difference
     * @return r = d / sqrt(d<sup>2</sup> + 4), the inverse of {@link #toCohensD(double)}
     */
    public static double fromCohensD(double d) {
        return d / Math.sqrt(d * d + 4);
    }

    /**
     * The approximate log risk ratio of a correlation, through Cohen's d:
     * log RR = 0.91 d = 0.91 &middot; 2r / sqrt(1 - r<sup>2</sup>).
     *
     * @param r a correlation in (-1, 1)
     * @return 0.91 &middot; {@link #toCohensD(double)}; 0 at r = 0, infinite at |r| = 1
     */
    public static double toLogRiskRatio(double r) {
        return LOG_RISK_RATIO_PER_D * toCohensD(r);
    }

    /**
     * The slope of {@link #toLogRiskRatio(double)}:
     * d log RR / dr = 0.91 &middot; 2 / (1 - r<sup>2</sup>)<sup>3/2</sup>, since
     * d/dr [r (1 - r<sup>2</sup>)<sup>-1/2</sup>] = (1 - r<sup>2</sup>)<sup>-3/2</sup>.
     *
     * @param r a correlation in (-1, 1)
     * @return the derivative of the log risk ratio with respect to r
     */
    public static double logRiskRatioSlope(double r) {
        double s = 1 - r * r;
        return 2 * LOG_RISK_RATIO_PER_D / (s * Math.sqrt(s));
    }

    /**
     * @param r a correlation
     * @return the share of variance explained, r<sup>2</sup>
     */
    public static double varianceExplained(double r) {
        return r * r;
    }
}
