package org.alliancelab.meta.effectsize;

/**
 * Conversions between correlation metrics.
 *
 * <p>Fisher's z = atanh(r) = ½ ln((1 + r)/(1 - r)) and its inverse r = tanh(z) (metafor's
 * {@code transf.rtoz} and {@code transf.ztor}); Cohen's d = 2r / sqrt(1 - r<sup>2</sup>)
 * (Borenstein et al. 2009, <i>Introduction to Meta-Analysis</i>, eq. 7.5,
 * doi:10.1002/9780470743386); the share of variance explained, r<sup>2</sup>.
 */
public final class Correlations {

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
     * @param r a correlation
     * @return the share of variance explained, r<sup>2</sup>
     */
    public static double varianceExplained(double r) {
        return r * r;
    }
}
