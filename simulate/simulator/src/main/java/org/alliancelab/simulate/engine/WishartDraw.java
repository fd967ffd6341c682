package org.alliancelab.simulate.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The sufficient-statistics engine's draw of a study: the co-moment matrix of the analysis
 * variables from its Wishart distribution by Bartlett's decomposition, comoment = (L A)(L A)' ~
 * Wishart(L L', df), A lower triangular with A<sub>ii</sub><sup>2</sup> ~ chi-squared(df - i)
 * and standard normal entries below the diagonal. For the leading {@code dims} variables the
 * leading block of the Cholesky factor is the factor of the leading block, so this is their
 * marginal Wishart. Cost independent of n. Smith WB, Hocking RR (1972), Algorithm AS 53,
 * Wishart variate generator, Appl Stat 21:341-345. doi:10.2307/2346290
 */
final class WishartDraw implements StudyDraw {
    private final double[][] bartlett;
    private final double[][] product;

    WishartDraw(int q) {
        bartlett = new double[q][q];
        product = new double[q][q];
    }

    @Override
    public int draw(CellPlan plan, double[][] factor, int dims, int n, double[] beta, double[] residualSd,
                    UniformRandomProvider rng, NormalizedGaussianSampler gaussian, CoMoments moments) {
        draw(factor, dims, n - 1, rng, gaussian, moments.matrix());
        return n;
    }

    void draw(double[][] l, int dims, int df, UniformRandomProvider rng, NormalizedGaussianSampler gaussian,
              double[][] comoment) {
        double[][] a = bartlett;
        for (int i = 0; i < dims; i++) {
            a[i][i] = Math.sqrt(ChiSquared.sample(df - i, rng, gaussian));
            for (int j = 0; j < i; j++) {
                a[i][j] = gaussian.sample();
            }
        }
        // M = L A (lower triangular).
        double[][] mm = product;
        for (int i = 0; i < dims; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = j; k <= i; k++) {
                    s += l[i][k] * a[k][j];
                }
                mm[i][j] = s;
            }
        }
        for (int i = 0; i < dims; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += mm[i][k] * mm[j][k];
                }
                comoment[i][j] = s;
            }
        }
    }
}
