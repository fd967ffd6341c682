package org.alliancelab.meta.bias;

/**
 * A fail-safe number.
 *
 * @param method Rosenthal or Orwin
 * @param number the fail-safe N (rounded up to a whole number of studies, as metafor does;
 *     infinite for Orwin's method with target 0)
 * @param pValue Rosenthal: the one-sided p-value of Stouffer's combined test of the observed
 *     studies; NaN for Orwin
 * @param meanEffect Orwin: the (unweighted) mean effect size; NaN for Rosenthal
 * @param target Orwin: the target effect size the added null studies would reduce the mean to;
 *     NaN for Rosenthal
 */
public record FailSafeResult(FailSafeMethod method, double number, double pValue, double meanEffect, double target) {
}
