package org.alliancelab.simulate.engine;

import org.alliancelab.simulate.internal.SmallMatrices;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The patient engine's draw of a study whose randomized node (the instrument Z, the last analysis
 * variable) is binary: each patient's Z is a true Bernoulli(p) assignment, standardized to
 * {@code (B - p) / sqrt(p (1 - p))}, and the other analysis variables are
 * {@code W = c Z + M u}, {@code c = Cov(W, Z)} (Var Z = 1), {@code M} the Cholesky factor of
 * {@code Cov(W) - c c'} and {@code u} standard normal. This is the model's exact distribution,
 * not an approximation: Z has no parents, so every other variable is a linear function of Z
 * plus Gaussian terms independent of it.
 */
final class BinaryInstrumentDraw implements StudyDraw {
    private final double[][] cov;
    private final double[][] conditional;
    private final double[][] factorGivenZ;
    private final double[] slope;
    private final double[] u;

    BinaryInstrumentDraw(int q) {
        cov = new double[q][q];
        conditional = new double[q - 1][q - 1];
        factorGivenZ = new double[q - 1][q - 1];
        slope = new double[q - 1];
        u = new double[q - 1];
    }

    @Override
    public int draw(CellPlan plan, double[][] factor, int dims, int n, double[] beta, double[] residualSd,
                    UniformRandomProvider rng, NormalizedGaussianSampler gaussian, CoMoments moments) {
        int z = dims - 1;
        // The covariance L L' of the study (its drawn coefficients), then the regression on Z.
        for (int a = 0; a < dims; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int k = 0; k <= b; k++) {
                    s += factor[a][k] * factor[b][k];
                }
                cov[a][b] = s;
                cov[b][a] = s;
            }
        }
        double vz = cov[z][z];
        for (int a = 0; a < z; a++) {
            slope[a] = cov[a][z] / vz;
        }
        for (int a = 0; a < z; a++) {
            for (int b = 0; b < z; b++) {
                conditional[a][b] = cov[a][b] - slope[a] * slope[b] * vz;
            }
        }
        double[][] m = factorGivenZ;
        if (!SmallMatrices.cholesky(conditional, m, z)) {
            throw new IllegalStateException("the covariance given the instrument is not positive definite");
        }
        double p = plan.instrumentShare;
        double high = (1 - p) / Math.sqrt(p * (1 - p)) * Math.sqrt(vz);
        double low = -p / Math.sqrt(p * (1 - p)) * Math.sqrt(vz);
        double[] v = moments.values;
        moments.clear();
        for (int i = 0; i < n; i++) {
            double zi = rng.nextDouble() < p ? high : low;
            for (int a = 0; a < z; a++) {
                u[a] = gaussian.sample();
            }
            for (int a = 0; a < z; a++) {
                double s = slope[a] * zi;
                for (int b = 0; b <= a; b++) {
                    s += m[a][b] * u[b];
                }
                v[a] = s;
            }
            v[z] = zi;
            moments.accumulate(dims);
        }
        moments.finish(n);
        return n;
    }
}
