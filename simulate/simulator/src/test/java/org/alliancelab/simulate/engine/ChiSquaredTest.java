package org.alliancelab.simulate.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChiSquaredTest {

    /**
     * One-sample Kolmogorov-Smirnov test of 20,000 draws against the chi-squared CDF of Commons
     * Statistics, at alpha = .001 (asymptotic critical value 1.9495 / sqrt(N)); df = 1 and 2
     * exercise the boosted branch (shape < 1 and = 1). Fixed seed; false-alarm rate .1% per df.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1, 2, 3, 10, 57, 999})
    void matchesTheChiSquaredDistribution(double df) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        var gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 20_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ChiSquared.sample(df, rng, gaussian);
        }
        Arrays.sort(x);
        ChiSquaredDistribution dist = ChiSquaredDistribution.of(df);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = dist.cumulativeProbability(x[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (i + 1.0) / n - f));
        }
        assertTrue(d < 1.9495 / Math.sqrt(n), "KS D = " + d + " for df " + df);
    }
}
