package org.alliancelab.simulate.model;

import org.alliancelab.meta.effectsize.Correlations;

/**
 * The population values of a session-by-session design ({@link PanelModel}), exact from the
 * stationary moments of the within-person VAR(1) ({@link Var1}) plus the random intercepts and
 * measurement errors. With Omega the covariance of a patient's 2T observed values,
 * Omega[(a,t),(b,s)] = Sigma_alpha[a,b] + Gamma(t - s)[a,b] + [t = s][a = b] theta_a,
 * Gamma(h) = A^h G0 for h &gt;= 0 and Gamma(-h) = Gamma(h)':
 * <ul>
 * <li>{@code crossLagged}: the mean within-person cross-lagged effect c_xy over the studies
 *     (the causal estimand);</li>
 * <li>{@code betweenPerson}: the correlation of the person means of X and Y over the T
 *     sessions, what a study correlating them estimates;</li>
 * <li>{@code naiveLagged}: the limit (many patients) of the pooled OLS slope of Y_t+1 on X_t
 *     given Y_t, Sigma_pp^-1 Sigma_py of the stationary covariance of (X_t, Y_t, Y_t+1);</li>
 * <li>{@code withinLagged}: the limit (many patients, T fixed) of the within-person slope,
 *     E[W]_pp^-1 E[W]_py with E[W] / n = sum_ts M_ts Cov(r_t, r_s), M = I - J / (T - 1) the
 *     person-mean centring of the lagged rows r_t = (X_t, Y_t, Y_t+1): it includes the Nickell
 *     bias of order 1/T and the attenuation by measurement error.</li>
 * </ul>
 * When c_xy varies between studies (SD s), each value is its expectation over the studies:
 * c_xy ~ N(c, s^2) restricted to stationary processes (the redraw rule of the panel engine), by
 * 64-point Gauss-Legendre quadrature over the stationary part of c +- 8 s (an interval,
 * {@link PanelModel#stationaryCrossLagged()}, so the integrand is smooth on it); the
 * between-person correlation is averaged
 * on the Fisher-z scale (what the pooled analysis estimates) and back-transformed.
 *
 * @param crossLagged mean c_xy
 * @param betweenPerson correlation of person-mean alliance and outcome
 * @param naiveLagged limit of the naive pooled lagged regression's slope of alliance
 * @param withinLagged limit of the within-person lagged slope at T sessions
 */
public record PanelTruth(double crossLagged, double betweenPerson, double naiveLagged, double withinLagged) {
    private static final int NODES = 64;
    private static final double HALF_WIDTH = 8;

    /**
     * @param model the design
     * @return its population values
     * @throws IllegalStateException when the process at the mean c_xy is not stationary
     */
    public static PanelTruth of(PanelModel model) {
        if (model.crossLaggedSd() == 0) {
            return at(model, model.crossLagged());
        }
        // integrate the standard normal u over the stationary part of [-8, 8] only: the truncated
        // normal of the redraw rule, with no discontinuity inside the rule's interval
        double sd = model.crossLaggedSd();
        double[] range = model.stationaryCrossLagged();
        double lower = Math.max(-HALF_WIDTH, (range[0] - model.crossLagged()) / sd);
        double upper = Math.min(HALF_WIDTH, (range[1] - model.crossLagged()) / sd);
        GaussLegendre rule = GaussLegendre.of(NODES);
        double half = (upper - lower) / 2;
        double mid = (upper + lower) / 2;
        double mass = 0;
        double c = 0;
        double z = 0;
        double naive = 0;
        double within = 0;
        for (int i = 0; i < NODES; i++) {
            double u = mid + half * rule.nodes[i];
            double cxy = model.crossLagged() + sd * u;
            double w = rule.weights[i] * Math.exp(-0.5 * u * u);
            PanelTruth t = at(model, cxy);
            mass += w;
            c += w * cxy;
            z += w * Correlations.toFisherZ(t.betweenPerson);
            naive += w * t.naiveLagged;
            within += w * t.withinLagged;
        }
        return new PanelTruth(c / mass, Math.tanh(z / mass), naive / mass, within / mass);
    }

    /**
     * @param model the design
     * @param cxy a study's cross-lagged effect
     * @return the population values of a study with that effect
     */
    public static PanelTruth at(PanelModel model, double cxy) {
        int sessions = model.sessions();
        double[][] omega = observedCovariance(model, model.var1(cxy));
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int t = 0; t < sessions; t++) {
            for (int s = 0; s < sessions; s++) {
                sxx += omega[2 * t][2 * s];
                sxy += omega[2 * t][2 * s + 1];
                syy += omega[2 * t + 1][2 * s + 1];
            }
        }
        double between = sxy / Math.sqrt(sxx * syy);
        int[] row = {0, 1, 3};
        double[][] stationaryRow = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                stationaryRow[a][b] = omega[row[a]][row[b]];
            }
        }
        int m = sessions - 1;
        double[][] w = new double[3][3];
        for (int t = 0; t < m; t++) {
            for (int s = 0; s < m; s++) {
                double centring = (t == s ? 1 : 0) - 1.0 / m;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        w[a][b] += centring * omega[2 * t + row[a]][2 * s + row[b]];
                    }
                }
            }
        }
        return new PanelTruth(cxy, between, slope(stationaryRow), slope(w));
    }

    /** The coefficient of x in the regression of y_next on (x, y), from their cross-products. */
    private static double slope(double[][] s) {
        double det = s[0][0] * s[1][1] - s[0][1] * s[0][1];
        return (s[1][1] * s[0][2] - s[0][1] * s[1][2]) / det;
    }

    /**
     * @param model the design
     * @param var the study's within-person process
     * @return the covariance of (X_1, Y_1, ..., X_T, Y_T), index 2 t + variable
     */
    public static double[][] observedCovariance(PanelModel model, Var1 var) {
        int sessions = model.sessions();
        double[][] omega = new double[2 * sessions][2 * sessions];
        double[] alpha = {model.interceptSdX() * model.interceptSdX(),
            model.interceptCorrelation() * model.interceptSdX() * model.interceptSdY(),
            model.interceptCorrelation() * model.interceptSdX() * model.interceptSdY(),
            model.interceptSdY() * model.interceptSdY()};
        double[] theta = {model.errorSdX() * model.errorSdX(), model.errorSdY() * model.errorSdY()};
        for (int h = 0; h < sessions; h++) {
            double[] gamma = var.autocovariance(h);
            for (int s = 0; s + h < sessions; s++) {
                int t = s + h;
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        double v = alpha[2 * a + b] + gamma[2 * a + b] + (h == 0 && a == b ? theta[a] : 0);
                        omega[2 * t + a][2 * s + b] = v;
                        omega[2 * s + b][2 * t + a] = v;
                    }
                }
            }
        }
        return omega;
    }
}
