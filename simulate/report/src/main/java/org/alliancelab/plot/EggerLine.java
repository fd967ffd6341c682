package org.alliancelab.plot;

/**
 * The fitted line of Egger's regression test with the standard error as predictor (metafor
 * {@code regtest}, model "rma", predictor "sei"): y<sub>i</sub> = b<sub>0</sub> + b<sub>1</sub>
 * SE<sub>i</sub>. The intercept is the limit estimate, the effect expected from an infinitely
 * precise study.
 *
 * <p>Egger M, Davey Smith G, Schneider M, Minder C (1997). Bias in meta-analysis detected by a
 * simple, graphical test. BMJ 315:629. https://doi.org/10.1136/bmj.315.7109.629
 *
 * @param limitEstimate intercept b<sub>0</sub> (the estimate at SE = 0)
 * @param slope b<sub>1</sub>, the change in expected estimate per unit of SE
 */
public record EggerLine(double limitEstimate, double slope) {

    /** @throws IllegalArgumentException when a coefficient is not finite */
    public EggerLine {
        if (!Double.isFinite(limitEstimate) || !Double.isFinite(slope)) {
            throw new IllegalArgumentException("Egger line coefficients must be finite: "
                + limitEstimate + ", " + slope);
        }
    }

    /** @param se a standard error @return the fitted estimate at that SE */
    public double at(double se) {
        return limitEstimate + slope * se;
    }
}
