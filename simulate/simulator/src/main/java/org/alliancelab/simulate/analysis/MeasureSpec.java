package org.alliancelab.simulate.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.alliancelab.simulate.results.Estimand;

/**
 * Which performance measures to compute for one analysis of a condition, in terms of the
 * columns of the replication record ({@link RecordLayout}). A replication in which the
 * estimate column is NaN (the analysis failed or did not apply) does not enter the measures of
 * that analysis; the number of replications each measure used is reported with it.
 */
public sealed interface MeasureSpec {

    /** @return the analysis the measures belong to */
    String analysis();

    /**
     * An estimator with a confidence interval and a test of zero: replications, mean,
     * empirical SE, per estimand bias, RMSE and coverage, the rejection rate of zero and the
     * means of extra columns (e.g. tau<sup>2</sup>, I<sup>2</sup>). Formulas in
     * the Monte Carlo package ({@code MeasureAccumulator}). A row whose lower bound exceeds its
     * upper bound holds a set of two rays, {@code (-inf, upper]} and {@code [lower, inf)}; a NaN
     * bound leaves the row out of the coverage.
     *
     * @param analysis analysis name
     * @param estimate column of the estimate
     * @param ciLower column of the lower confidence bound
     * @param ciUpper column of the upper confidence bound
     * @param pValue column of the two-sided p-value of the test of zero, or null for none
     * @param estimands estimand to true value, in report order
     * @param means measure name (e.g. {@code mean_tau2}) to column, in report order
     */
    record Estimator(String analysis, String estimate, String ciLower, String ciUpper, String pValue,
                     Map<Estimand, Double> estimands, Map<String, String> means) implements MeasureSpec {
        /**
         * Copies the maps, keeping their order.
         *
         * @param estimands estimand to true value, in report order
         * @param analysis analysis name
         * @param ciLower column of the lower confidence bound
         * @param ciUpper column of the upper confidence bound
         * @param estimate column of the estimate
         * @param means measure name (e.g. {@code mean_tau2}) to column, in report order
         * @param pValue column of the two-sided p-value of the test of zero, or null for none
         */
        public Estimator {
            Objects.requireNonNull(analysis);
            Objects.requireNonNull(estimate);
            estimands = Collections.unmodifiableMap(new LinkedHashMap<>(estimands));
            means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
        }
    }

    /**
     * The mean of a column, with MCSE sd/sqrt(n).
     *
     * @param analysis analysis name
     * @param measure measure name, e.g. {@code share_negative}
     * @param column column averaged
     */
    record Mean(String analysis, String measure, String column) implements MeasureSpec {
    }

    /**
     * The share of replications whose p-value is below alpha, with binomial MCSE.
     *
     * @param analysis analysis name
     * @param measure measure name, e.g. {@code rejection_rate}
     * @param pValue column of the p-value
     */
    record Rejection(String analysis, String measure, String pValue) implements MeasureSpec {
    }
}
