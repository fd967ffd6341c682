package org.alliancelab.plot;

/**
 * The fitted curve of PEESE, the meta-regression on the sampling variance (metafor
 * {@code rma(yi, vi, mods = ~ vi)}): y = b<sub>0</sub> + b<sub>1</sub> SE<sup>2</sup>, a parabola in
 * the funnel plot's coordinates. The intercept is PEESE's estimate for a study without sampling
 * error. (PET's line is Egger's, {@link EggerLine}.)
 *
 * <p>Stanley TD, Doucouliagos H (2014). Meta-regression approximations to reduce publication
 * selection bias. Res Synth Methods 5:60. https://doi.org/10.1002/jrsm.1095
 *
 * @param intercept b<sub>0</sub>, the estimate at SE = 0
 * @param slope b<sub>1</sub>, the change in expected estimate per unit of sampling variance
 */
public record PeeseCurve(double intercept, double slope) {

    /** @throws IllegalArgumentException when a coefficient is not finite */
    public PeeseCurve {
        if (!Double.isFinite(intercept) || !Double.isFinite(slope)) {
            throw new IllegalArgumentException("PEESE coefficients must be finite: " + intercept + ", " + slope);
        }
    }

    /** @param se a standard error @return the fitted estimate at that SE */
    public double at(double se) {
        return intercept + slope * se * se;
    }
}
