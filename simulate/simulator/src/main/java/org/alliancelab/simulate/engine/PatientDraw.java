package org.alliancelab.simulate.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The patient engine's draw of a study without dropout: n patients' analysis variables as L u,
 * L the Cholesky factor of their observed covariance and u standard normal, into co-moments
 * about the sample mean.
 */
final class PatientDraw implements StudyDraw {
    private final double[] u;

    PatientDraw(int q) {
        u = new double[q];
    }

    @Override
    public int draw(CellPlan plan, double[][] factor, int dims, int n, double[] beta, double[] residualSd,
                    UniformRandomProvider rng, NormalizedGaussianSampler gaussian, CoMoments moments) {
        draw(factor, dims, n, gaussian, moments);
        return n;
    }

    void draw(double[][] l, int dims, int n, NormalizedGaussianSampler gaussian, CoMoments moments) {
        double[] v = moments.values;
        moments.clear();
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dims; a++) {
                u[a] = gaussian.sample();
            }
            for (int a = 0; a < dims; a++) {
                double s = 0;
                for (int b = 0; b <= a; b++) {
                    s += l[a][b] * u[b];
                }
                v[a] = s;
            }
            moments.accumulate(dims);
        }
        moments.finish(n);
    }
}
