package org.alliancelab.simulate.scenario;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The distribution of a study's sample size (patients enrolled). Every variant has a minimum;
 * draws below it are redrawn (a truncated distribution), at most {@link #MAX_REDRAWS} times,
 * after which the minimum is used.
 */
public sealed interface SampleSizeDistribution {

    /** Redraws of a too-small sample size before the minimum itself is used. */
    int MAX_REDRAWS = 1000;

    /** @return the smallest sample size a study may have */
    int minimum();

    /**
     * Draws one sample size.
     *
     * @param rng source of randomness
     * @param gaussian standard normal sampler on the same rng
     * @param study 0-based index of the study attempt within the replication (used by
     *     {@link Explicit})
     * @return a sample size &gt;= {@link #minimum()}
     */
    int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int study);

    /**
     * Every study has {@code n} patients.
     *
     * @param n the sample size
     * @param minimum the minimum (n must be at least this)
     */
    record Fixed(int n, int minimum) implements SampleSizeDistribution {
        @Override
        public int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int study) {
            return n;
        }
    }

    /**
     * Integers uniformly in {@code [lower, upper]}.
     *
     * @param lower smallest value (at least the minimum)
     * @param upper largest value
     * @param minimum the minimum
     */
    record Uniform(int lower, int upper, int minimum) implements SampleSizeDistribution {
        @Override
        public int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int study) {
            return lower + rng.nextInt(upper - lower + 1);
        }
    }

    /**
     * {@code round(median * exp(spread * Z))}, Z standard normal, truncated below at the
     * minimum by redrawing. The untruncated mean is {@code median * exp(spread^2 / 2)}.
     *
     * @param median the median (before truncation)
     * @param spread the SD of log n
     * @param minimum the minimum
     */
    record LogNormal(double median, double spread, int minimum) implements SampleSizeDistribution {
        @Override
        public int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int study) {
            for (int i = 0; i < MAX_REDRAWS; i++) {
                double n = Math.rint(median * Math.exp(spread * gaussian.sample()));
                if (n >= minimum) {
                    return n > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : (int) n;
                }
            }
            return minimum;
        }
    }

    /**
     * An explicit list, used in order and cyclically: study attempt {@code i} gets
     * {@code values[i mod size]} (e.g. the sample sizes of a real meta-analysis).
     *
     * @param values the sample sizes (each at least the minimum)
     * @param minimum the minimum
     */
    record Explicit(List<Integer> values, int minimum) implements SampleSizeDistribution {
        /**
         * Defensive copy.
         *
         * @param values the sample sizes (each at least the minimum)
         * @param minimum the minimum (n must be at least this)
         */
        public Explicit {
            values = List.copyOf(values);
        }

        @Override
        public int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int study) {
            return values.get(study % values.size());
        }
    }
}
