package org.alliancelab.simulate.engine;

import org.alliancelab.meta.panel.PanelStatistics;
import org.alliancelab.simulate.model.PanelModel;
import org.alliancelab.simulate.model.Var1;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The panel engine's draw of a session-by-session study ({@link PanelModel}): the study's
 * cross-lagged effect c ~ N(c_xy, sd^2) (redrawn, and counted, while its VAR(1) is not
 * stationary; after {@link #MAX_REDRAWS} the mean), then per patient the random intercepts,
 * the first occasion from the stationary distribution N(0, G0) (G0 from the discrete Lyapunov
 * equation, {@link Var1#stationaryCovariance()}), the VAR(1) over the sessions and the
 * measurement errors. Writes the co-moments of the person means of alliance and outcome over
 * all sessions (the study's correlation is the between-person one) and keeps the lagged rows'
 * sufficient statistics ({@link #panelStatistics()}: grand means, within and between
 * cross-products, by {@link PanelStatistics.Accumulator}).
 */
final class PanelDraw implements StudyDraw {
    /** Redraws of a non-stationary cross-lagged effect before the mean is used. */
    static final int MAX_REDRAWS = 100;
    /** Length of {@link #panelStatistics()}: 3 means, 9 within, 9 between. */
    static final int STATISTICS = 21;

    private final PanelModel model;
    private final int sessions;
    private final double[] x;
    private final double[] y;
    private final double[] statistics = new double[STATISTICS];
    private final PanelStatistics.Accumulator accumulator;
    private final double interceptLow;
    private final double interceptCross;
    private int invalid;

    PanelDraw(PanelModel model) {
        this.model = model;
        this.sessions = model.sessions();
        x = new double[sessions];
        y = new double[sessions];
        accumulator = PanelStatistics.Accumulator.of(sessions);
        double r = model.interceptCorrelation();
        interceptCross = r * model.interceptSdY();
        interceptLow = Math.sqrt(1 - r * r) * model.interceptSdY();
    }

    @Override
    public int draw(CellPlan plan, double[][] factor, int dims, int n, double[] beta, double[] residualSd,
                    UniformRandomProvider rng, NormalizedGaussianSampler gaussian, CoMoments moments) {
        double c = model.crossLagged();
        if (model.crossLaggedSd() > 0) {
            int tries = 0;
            do {
                c = model.crossLagged() + model.crossLaggedSd() * gaussian.sample();
                if (model.var1(c).stationary()) {
                    break;
                }
                invalid++;
                tries++;
            } while (tries < MAX_REDRAWS);
            if (tries == MAX_REDRAWS) {
                c = model.crossLagged();
            }
        }
        Var1 var = model.var1(c);
        double[] g = var.stationaryCovariance();
        double g11 = Math.sqrt(g[0]);
        double g21 = g[1] / g11;
        double g22 = Math.sqrt(Math.max(0, g[2] - g21 * g21));
        double e11 = model.innovationSdX();
        double e21 = model.innovationCorrelation() * model.innovationSdY();
        double e22 = Math.sqrt(1 - model.innovationCorrelation() * model.innovationCorrelation())
            * model.innovationSdY();
        double ax = var.a11();
        double axy = var.a12();
        double ayx = var.a21();
        double ay = var.a22();
        double sdAlpha = model.interceptSdX();
        double errX = model.errorSdX();
        double errY = model.errorSdY();
        accumulator.clear();
        double[] v = moments.values;
        moments.clear();
        for (int i = 0; i < n; i++) {
            double z1 = gaussian.sample();
            double z2 = gaussian.sample();
            double alpha = sdAlpha * z1;
            double eta = interceptCross * z1 + interceptLow * z2;
            double u1 = gaussian.sample();
            double u2 = gaussian.sample();
            double wx = g11 * u1;
            double wy = g21 * u1 + g22 * u2;
            double meanX = 0;
            double meanY = 0;
            for (int t = 0; t < sessions; t++) {
                if (t > 0) {
                    double ex = gaussian.sample();
                    double ey = gaussian.sample();
                    double nx = ax * wx + axy * wy + e11 * ex;
                    wy = ayx * wx + ay * wy + e21 * ex + e22 * ey;
                    wx = nx;
                }
                x[t] = alpha + wx + errX * gaussian.sample();
                y[t] = eta + wy + errY * gaussian.sample();
                meanX += x[t];
                meanY += y[t];
            }
            v[0] = meanX / sessions;
            v[1] = meanY / sessions;
            moments.accumulate(2);
            accumulator.add(x, y);
        }
        moments.finish(n);
        accumulator.writeTo(statistics);
        return n;
    }

    @Override
    public double[] panelStatistics() {
        return statistics;
    }

    @Override
    public int takeInvalidDraws() {
        int i = invalid;
        invalid = 0;
        return i;
    }
}
