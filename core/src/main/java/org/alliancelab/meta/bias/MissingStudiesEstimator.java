package org.alliancelab.meta.bias;

/**
 * Duval and Tweedie's estimators of the number k<sub>0</sub> of studies missing on one side of
 * the funnel plot. With the k effects centred at the current estimate, ranked by absolute value
 * and signed (r<sub>i</sub>), T<sub>n</sub> the sum of the positive signed ranks and &gamma;* the
 * length of the rightmost run of positive ranks (k minus the largest rank of a negative one):
 */
public enum MissingStudiesEstimator {
    /** L<sub>0</sub> = (4T<sub>n</sub> - k(k + 1))/(2k - 1), rounded, truncated at 0. */
    L0,
    /** R<sub>0</sub> = &gamma;* - 1, truncated at 0. */
    R0
}
