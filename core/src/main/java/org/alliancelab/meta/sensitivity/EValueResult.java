package org.alliancelab.meta.sensitivity;

/**
 * E-values of an estimate and of its confidence interval ({@link EValue}).
 *
 * @param riskRatio the estimate on the risk ratio scale
 * @param eValue its E-value
 * @param ciRiskRatio the confidence bound closest to the null on the risk ratio scale; NaN when
 *     the interval includes 1
 * @param eValueCi the E-value of that bound; 1 when the interval includes 1
 */
public record EValueResult(double riskRatio, double eValue, double ciRiskRatio, double eValueCi) {
}
