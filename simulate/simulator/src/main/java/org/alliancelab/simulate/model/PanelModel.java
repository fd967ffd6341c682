package org.alliancelab.simulate.model;


/**
 * A session-by-session (longitudinal) design: each patient is observed at {@code sessions}
 * sessions, alliance X and outcome Y following a random-intercept cross-lagged panel model
 * (Hamaker, Kuiper &amp; Grasman 2015, doi:10.1037/a0038889):
 * <pre>
 *   X_it = alpha_i + x*_it + d_it,    Y_it = eta_i + y*_it + f_it,
 *   x*_it = a_x x*_i,t-1 + c_yx y*_i,t-1 + u_it,
 *   y*_it = c_xy x*_i,t-1 + a_y y*_i,t-1 + v_it,
 * </pre>
 * with stable random intercepts (alpha_i, eta_i) (SDs and correlation: trait-like alliance and
 * outcome level, the between-person confound), within-person deviations following a stationary
 * VAR(1) started from its stationary distribution, innovations (u, v) with SDs and a
 * correlation, and independent measurement errors d, f. Y is scored so that higher is better
 * (improvement), as the synthesis codes outcome. The causal within-person effect c_xy varies
 * between studies with SD {@code crossLaggedSd}.
 *
 * @param sessions number of sessions T (at least 3)
 * @param interceptSdX SD of alpha_i
 * @param interceptSdY SD of eta_i
 * @param interceptCorrelation correlation of alpha_i and eta_i
 * @param carryOverX a_x
 * @param carryOverY a_y
 * @param crossLagged mean c_xy (alliance at t to outcome at t + 1)
 * @param crossLaggedSd between-study SD of c_xy
 * @param reverse c_yx (outcome at t to alliance at t + 1: reverse causation)
 * @param innovationSdX SD of u
 * @param innovationSdY SD of v
 * @param innovationCorrelation correlation of u and v
 * @param errorSdX SD of the measurement error d
 * @param errorSdY SD of the measurement error f
 */
public record PanelModel(int sessions, double interceptSdX, double interceptSdY, double interceptCorrelation,
                         double carryOverX, double carryOverY, double crossLagged, double crossLaggedSd,
                         double reverse, double innovationSdX, double innovationSdY, double innovationCorrelation,
                         double errorSdX, double errorSdY) {

    /**
     * @param crossLaggedEffect a study's c_xy
     * @return the within-person VAR(1) with that cross-lagged effect
     */
    public Var1 var1(double crossLaggedEffect) {
        return Var1.of(carryOverX, reverse, crossLaggedEffect, carryOverY, innovationSdX * innovationSdX,
            innovationCorrelation * innovationSdX * innovationSdY, innovationSdY * innovationSdY);
    }

    /**
     * The cross-lagged effects for which the within-person process is stationary, an open
     * interval: by the Schur-Cohn conditions a 2 x 2 matrix has both eigenvalues inside the unit
     * circle iff |det A| &lt; 1 and |tr A| &lt; 1 + det A, and det A = a_x a_y - c_yx c_xy is
     * linear in c_xy while tr A does not depend on it (Elaydi 2005, An Introduction to
     * Difference Equations, 3rd ed., Theorem 4.10).
     *
     * @return {lower, upper}; {NaN, NaN} when no c_xy is stationary; infinite bounds when
     *     c_yx = 0
     */
    public double[] stationaryCrossLagged() {
        double trace = Math.abs(carryOverX + carryOverY);
        double product = carryOverX * carryOverY;
        // det must lie in (|tr| - 1, 1)
        double detLow = trace - 1;
        if (!(detLow < 1)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (reverse == 0) {
            return product > detLow && product < 1 ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}
                : new double[] {Double.NaN, Double.NaN};
        }
        // det = product - reverse * c: det in (detLow, 1) <=> c between (product - 1)/reverse and (product - detLow)/reverse
        double a = (product - 1) / reverse;
        double b = (product - detLow) / reverse;
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }
}
