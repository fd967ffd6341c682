package org.alliancelab.simulate.results;

import java.util.List;
import java.util.Optional;

/**
 * The result of one condition: its description, the performance measures and the failed
 * replications with their seed coordinates.
 *
 * @param info factor levels and truths
 * @param replications replications run
 * @param measures the measures, grouped by analysis in design order
 * @param failures the replications in which at least one analysis failed, in replication order
 */
public record ConditionSummary(ConditionInfo info, int replications, List<Measure> measures,
                               List<FailedReplication> failures) {
    /**
     * Copies the lists.
     *
     * @param measures the measures, grouped by analysis in design order
     * @param failures the replications in which at least one analysis failed, in replication order
     * @param info factor levels and truths
     * @param replications replications run
     */
    public ConditionSummary {
        measures = List.copyOf(measures);
        failures = List.copyOf(failures);
    }

    /**
     * A replication with failed analyses.
     *
     * @param condition condition index (seed coordinate)
     * @param replication replication index (seed coordinate)
     * @param failures what failed and why
     */
    public record FailedReplication(int condition, int replication, List<Failure> failures) {
        /**
         * Copies the list.
         *
         * @param failures the replications in which at least one analysis failed, in replication order
         * @param condition condition index (seed coordinate)
         * @param replication replication index (seed coordinate)
         */
        public FailedReplication {
            failures = List.copyOf(failures);
        }
    }

    /**
     * @param analysis analysis name ({@link Analyses})
     * @param measure measure name ({@link MeasureNames})
     * @param estimand estimand key, or "" for a measure without estimand
     * @return the measure when present
     */
    public Optional<Measure> find(String analysis, String measure, String estimand) {
        for (Measure m : measures) {
            if (m.analysis().equals(analysis) && m.measure().equals(measure) && m.estimand().equals(estimand)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * @param analysis analysis name
     * @param measure measure name
     * @param estimand the estimand the measure refers to
     * @return the measure when present
     */
    public Optional<Measure> find(String analysis, String measure, Estimand estimand) {
        return find(analysis, measure, estimand.key());
    }

    /**
     * @param analysis analysis name
     * @param measure measure name (one without estimand)
     * @return its value, NaN when absent
     */
    public double value(String analysis, String measure) {
        return find(analysis, measure, "").map(Measure::value).orElse(Double.NaN);
    }
}
