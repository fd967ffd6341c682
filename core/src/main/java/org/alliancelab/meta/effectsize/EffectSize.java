package org.alliancelab.meta.effectsize;

/**
 * One study's effect size and its sampling variance.
 *
 * @param yi the effect size on the analysis scale
 * @param vi its sampling variance (positive)
 */
public record EffectSize(double yi, double vi) {

    /** @return the standard error, sqrt(vi) */
    public double se() {
        return Math.sqrt(vi);
    }
}
