package org.alliancelab.simulate.scenario;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * Publication selection: the probability that a drawn study is published, as a function of
 * the z statistic {@code atanh(r) sqrt(n - 3)} of its unadjusted correlation. Two rules:
 * {@link Significance} (the synthesis-era rule: non-significant studies are published with a
 * fixed probability) and {@link StepFunction} (a step function of the one-sided p-value, the
 * selection that step-function selection models assume).
 */
public sealed interface PublicationSelection {

    /**
     * @param z the study's z statistic, {@code atanh(r) sqrt(n - 3)}
     * @param criticalZ the two-sided critical value {@code z_(1 - alpha/2)} of the analyses'
     *     alpha (used by {@link Significance} only)
     * @return the probability that the study is published, in [0, 1]
     */
    double probability(double z, double criticalZ);

    /**
     * A study whose unadjusted correlation is not significant (two-sided Fisher-z test of r = 0
     * at the analyses' alpha: {@code |z| < z_(1-alpha/2)}) is published with probability
     * {@code probability}; significant studies always are.
     *
     * @param probability publication probability pi of a non-significant study, in (0, 1]
     */
    record Significance(double probability) implements PublicationSelection {
        @Override
        public double probability(double z, double criticalZ) {
            return Math.abs(z) < criticalZ ? probability : 1;
        }
    }

    /**
     * Publication probability a step function of the one-sided p-value {@code p = 1 - Phi(z)}
     * (small p for large positive correlations), as in Vevea &amp; Hedges (1995,
     * doi:10.1007/BF02294384) and metafor's {@code selmodel(type = "stepfun")}: a study with
     * {@code steps[j-1] < p <= steps[j]} is published with {@code probabilities[j]}
     * ({@code steps[-1] = 0}). With steps {@code (0.025, 1)} and probabilities {@code (1, w)}
     * this is the world of the three-parameter selection model (3PSM).
     *
     * @param steps the upper ends of the p-value intervals, increasing, in (0, 1], the last 1
     * @param probabilities the publication probability of each interval, in [0, 1], at least
     *     one positive
     */
    record StepFunction(double[] steps, double[] probabilities) implements PublicationSelection {
        /**
         * Copies the arrays.
         *
         * @param steps the upper ends of the p-value intervals, increasing, in (0, 1], the last 1
         * @param probabilities the publication probability of each interval, in [0, 1], at least
         *     one positive
         */
        public StepFunction {
            steps = steps.clone();
            probabilities = probabilities.clone();
        }

        /** @return a copy of the steps */
        @Override
        public double[] steps() {
            return steps.clone();
        }

        /** @return a copy of the probabilities */
        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        @Override
        public double probability(double z, double criticalZ) {
            double p = 0.5 * Erfc.value(z / Math.sqrt(2));
            for (int j = 0; j < steps.length - 1; j++) {
                if (p <= steps[j]) {
                    return probabilities[j];
                }
            }
            return probabilities[steps.length - 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StepFunction s && Arrays.equals(steps, s.steps)
                && Arrays.equals(probabilities, s.probabilities);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(steps) + Arrays.hashCode(probabilities);
        }

        @Override
        public String toString() {
            return "StepFunction[steps=" + Arrays.toString(steps) + ", probabilities="
                + Arrays.toString(probabilities) + "]";
        }
    }
}
