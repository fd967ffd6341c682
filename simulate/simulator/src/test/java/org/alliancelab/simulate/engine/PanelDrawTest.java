package org.alliancelab.simulate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancelab.simulate.model.PanelModel;
import org.alliancelab.simulate.model.PanelTruth;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The panel engine's moments against the exact ones (PanelTruth.observedCovariance): over 400
 * studies of 250 patients at 5 sessions, the pooled sample covariances of (X_t, Y_t, Y_t+1) (lag 0
 * and lag 1, about the grand mean), the within-person cross-products per patient and the
 * covariance of the person means over all sessions. Each average must lie within 4 Monte Carlo
 * SEs (the SD over the studies / sqrt(400)) of its exact value: 15 checks, false alarm about
 * 1e-3 in all; the seed is fixed.
 */
class PanelDrawTest {
    private static final int STUDIES = 400;
    private static final int PATIENTS = 250;
    private static final int SESSIONS = 5;

    @Test
    void sampleMomentsMatchTheStationaryOnes() {
        PanelModel model = new PanelModel(SESSIONS, 0.8, 0.6, 0.4, 0.5, 0.3, 0.2, 0, 0.15, 1, 0.9, 0.25, 0.3, 0.4);
        PanelDraw draw = new PanelDraw(model);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261203L);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        CoMoments moments = new CoMoments(new double[2][2]);
        int m = SESSIONS - 1;
        // per study: 6 pooled covariances, 6 within, 3 person-mean covariances
        double[][] values = new double[STUDIES][15];
        for (int s = 0; s < STUDIES; s++) {
            draw.draw(null, null, 2, PATIENTS, null, null, rng, gaussian, moments);
            double[] st = draw.panelStatistics();
            int q = 0;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b <= a; b++) {
                    double w = st[3 + 3 * a + b];
                    values[s][q] = (w + m * st[12 + 3 * a + b]) / (PATIENTS * m - 1.0);
                    values[s][6 + q] = w / PATIENTS;
                    q++;
                }
            }
            double[][] c = moments.matrix();
            values[s][12] = c[0][0] / (PATIENTS - 1);
            values[s][13] = c[1][0] / (PATIENTS - 1);
            values[s][14] = c[1][1] / (PATIENTS - 1);
        }
        double[][] omega = PanelTruth.observedCovariance(model, model.var1(model.crossLagged()));
        int[] row = {0, 1, 3};
        double[] expected = new double[15];
        int q = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b <= a; b++) {
                // pooled rows: stationary, E[pooled covariance] of the n m rows about the grand mean is
                // not exactly Sigma_row (rows of a patient are dependent), so compare with its exact
                // expectation: (E[W] + m E[B]) / (n m - 1), E[B] = (n - 1) Cov(rbar_i).
                double within = 0;
                double meanCov = 0;
                for (int t = 0; t < m; t++) {
                    for (int u = 0; u < m; u++) {
                        double cov = omega[2 * t + row[a]][2 * u + row[b]];
                        within += ((t == u ? 1 : 0) - 1.0 / m) * cov;
                        meanCov += cov / (m * (double) m);
                    }
                }
                expected[q] = (PATIENTS * within + m * (PATIENTS - 1) * meanCov) / (PATIENTS * m - 1.0);
                expected[6 + q] = within;
                q++;
            }
        }
        double[] personMeans = new double[3];
        for (int t = 0; t < SESSIONS; t++) {
            for (int u = 0; u < SESSIONS; u++) {
                personMeans[0] += omega[2 * t][2 * u];
                personMeans[1] += omega[2 * t + 1][2 * u];
                personMeans[2] += omega[2 * t + 1][2 * u + 1];
            }
        }
        for (int k = 0; k < 3; k++) {
            expected[12 + k] = personMeans[k] / (SESSIONS * SESSIONS);
        }
        for (int k = 0; k < 15; k++) {
            double mean = 0;
            for (double[] v : values) {
                mean += v[k] / STUDIES;
            }
            double ss = 0;
            for (double[] v : values) {
                ss += (v[k] - mean) * (v[k] - mean);
            }
            double mcse = Math.sqrt(ss / (STUDIES - 1) / STUDIES);
            assertEquals(expected[k], mean, 4 * mcse, "moment " + k + " (MCSE " + mcse + ")");
        }
        // the lag-1 entries are there: Cov(X_t, Y_t+1) and Cov(Y_t, Y_t+1) are entries 3 and 4
        assertEquals(omega[3][0], omega[row[2]][row[0]]);
    }

    @Test
    void aNonStationaryDrawIsRedrawnAndCounted() {
        // mean cross-lagged effect near the edge with a large SD: many draws leave the unit circle
        PanelModel model = new PanelModel(4, 0.5, 0.5, 0, 0.9, 0.9, 0.0, 0.5, 0.05, 1, 1, 0, 0, 0);
        PanelDraw draw = new PanelDraw(model);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        CoMoments moments = new CoMoments(new double[2][2]);
        int invalid = 0;
        for (int s = 0; s < 50; s++) {
            draw.draw(null, null, 2, 10, null, null, rng, gaussian, moments);
            invalid += draw.takeInvalidDraws();
        }
        // A = [[.9, .05], [c, .9]] has eigenvalues .9 +- sqrt(.05 c): stationary for c in (-3.8, 0.2), so
        // a draw c = 0.5 Z fails with p = P(Z > 0.4) = .345; redraws per study are geometric with mean
        // p / (1 - p) = .53, over 50 studies 26 with SD about 6.3: the bounds are 3 SD
        org.junit.jupiter.api.Assertions.assertTrue(invalid >= 8 && invalid <= 46, "redraws " + invalid);
        assertEquals(0, draw.takeInvalidDraws());
    }
}
