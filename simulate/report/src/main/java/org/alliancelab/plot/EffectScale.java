package org.alliancelab.plot;

import org.alliancelab.meta.effectsize.Correlations;

/** The scale on which a plot shows effect sizes that were pooled on the analysis scale. */
public enum EffectScale {
    /** Show values as analysed (r for COR/PCOR, Fisher's z for ZCOR/ZPCOR). */
    AS_ANALYSED("Effect size"),
    /**
     * Back-transform Fisher's z to the correlation scale, r = tanh(z), as metafor's
     * {@code forest(..., transf = transf.ztor)} does. Intervals are transformed end by end, so
     * they become asymmetric around the estimate.
     */
    FISHER_Z_TO_CORRELATION("Correlation r (back-transformed from Fisher's z)");

    private final String defaultAxisLabel;

    EffectScale(String defaultAxisLabel) {
        this.defaultAxisLabel = defaultAxisLabel;
    }

    /**
     * @param analysed a value on the analysis scale
     * @return the value to display
     */
    public double display(double analysed) {
        return this == FISHER_Z_TO_CORRELATION ? Correlations.fromFisherZ(analysed) : analysed;
    }

    /** @return the axis label used when the caller gives none */
    public String defaultAxisLabel() {
        return defaultAxisLabel;
    }
}
