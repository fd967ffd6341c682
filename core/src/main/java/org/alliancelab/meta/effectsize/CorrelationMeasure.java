package org.alliancelab.meta.effectsize;

/**
 * The effect-size measures for correlations, named as in metafor's {@code escalc}.
 *
 * <p>With r the (partial) correlation, n the sample size and p the number of covariates
 * partialled out (p = 0 for a zero-order correlation; metafor's {@code mi} is p + 1):
 * <ul>
 *   <li>{@link #COR}: yi = r, vi = (1 - r<sup>2</sup>)<sup>2</sup> / (n - 1);</li>
 *   <li>{@link #ZCOR}: yi = atanh(r), vi = 1 / (n - 3);</li>
 *   <li>{@link #PCOR}: yi = r, vi = (1 - r<sup>2</sup>)<sup>2</sup> / (n - p - 1);</li>
 *   <li>{@link #ZPCOR}: yi = atanh(r), vi = 1 / (n - p - 3).</li>
 * </ul>
 * The partial-correlation variances are metafor's conventions from version 4.4 on.
 *
 * <p>Reference: Aloe, A. M. &amp; Thompson, C. G. (2013). The synthesis of partial effect sizes.
 * <i>Journal of the Society for Social Work and Research</i>, 4, 390-405. doi:10.5243/jsswr.2013.24
 */
public enum CorrelationMeasure {
    /** Raw correlation coefficient. */
    COR(false, false, 1),
    /** Fisher r-to-z transformed correlation coefficient. */
    ZCOR(true, false, 3),
    /** Raw partial correlation coefficient. */
    PCOR(false, true, 1),
    /** Fisher r-to-z transformed partial correlation coefficient. */
    ZPCOR(true, true, 3);

    private final boolean fisherZ;
    private final boolean partial;
    private final int varianceOffset;

    CorrelationMeasure(boolean fisherZ, boolean partial, int varianceOffset) {
        this.fisherZ = fisherZ;
        this.partial = partial;
        this.varianceOffset = varianceOffset;
    }

    /** @return whether yi is on the Fisher z scale (results can be back-transformed to r) */
    public boolean isFisherZ() {
        return fisherZ;
    }

    /** @return whether the measure is a partial correlation (takes a number of covariates) */
    public boolean isPartial() {
        return partial;
    }

    /**
     * The degrees of freedom in the denominator of the sampling variance:
     * n - 1 (COR), n - 3 (ZCOR), n - p - 1 (PCOR), n - p - 3 (ZPCOR).
     *
     * @param n sample size
     * @param covariates number of covariates partialled out (ignored for COR and ZCOR)
     * @return the denominator; the variance is finite and positive only when it is positive
     */
    public int varianceDenominator(int n, int covariates) {
        return n - varianceOffset - (partial ? covariates : 0);
    }

    /**
     * The smallest sample size for which the sampling variance is finite and positive.
     *
     * @param covariates number of covariates partialled out (ignored for COR and ZCOR)
     * @return n<sub>min</sub> = offset + p + 1
     */
    public int minimumSampleSize(int covariates) {
        return varianceOffset + (partial ? covariates : 0) + 1;
    }

    /**
     * Parses a measure name case-insensitively.
     *
     * @param name e.g. "ZCOR"
     * @return the measure
     * @throws IllegalArgumentException naming the accepted values when the name is unknown
     */
    public static CorrelationMeasure parse(String name) {
        for (CorrelationMeasure m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown measure '" + name + "' (expected one of COR, ZCOR, PCOR, ZPCOR)");
    }
}
