package org.alliancelab.simulate.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Allocation-free chi-squared variates for the Bartlett decomposition: {@code chi2(k) = 2
 * Gamma(k/2, 1)} with Marsaglia and Tsang's squeeze-rejection method for shape
 * {@code a >= 1}, boosted by {@code U^(1/a)} for {@code a < 1} (Marsaglia &amp; Tsang 2000,
 * ACM TOMS 26:363, doi:10.1145/358407.358414). Commons RNG's
 * {@code AhrensDieterMarsagliaTsangGammaSampler} implements the same method, but its factory
 * recomputes the constants and creates a Gaussian sampler on every call; here the degrees of
 * freedom change with every draw (n - 1 - i per study and diagonal element), so the
 * replication's Gaussian sampler is reused instead (about 4x faster per study).
 */
final class ChiSquared {
    private ChiSquared() {
    }

    /**
     * @param df degrees of freedom, &gt; 0
     * @param rng uniform source
     * @param gaussian standard normal sampler on the same source
     * @return a chi-squared(df) variate
     */
    static double sample(double df, UniformRandomProvider rng, NormalizedGaussianSampler gaussian) {
        double a = 0.5 * df;
        double boost = 1;
        if (a < 1) {
            // Gamma(a) = Gamma(a + 1) * U^(1/a) (Marsaglia & Tsang 2000, section 6); U in (0, 1].
            boost = Math.pow(1 - rng.nextDouble(), 1 / a);
            a += 1;
        }
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian.sample();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2
                || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return 2 * d * v * boost;
            }
        }
    }
}
