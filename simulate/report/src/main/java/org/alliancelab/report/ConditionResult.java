package org.alliancelab.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alliancelab.plot.McEstimate;

/**
 * One condition of a {@code simulate} run as {@code summary.json} reports it.
 *
 * @param index condition index (the seed coordinate)
 * @param factors grid factor (JSON pointer into the scenario) to level, in grid order
 * @param truth estimand to population value, all studies
 * @param truthAmongReporters estimand to population value among the studies that report an
 *     adjusted estimate (equal to {@code truth} when reporting is at random; may be empty)
 * @param measures analysis to measure to estimand ("" for none) to estimate and MCSE
 * @param replications replications run
 * @param failedReplications replications in which an analysis failed
 */
public record ConditionResult(int index, Map<String, Double> factors, Map<String, Double> truth,
                              Map<String, Double> truthAmongReporters,
                              Map<String, Map<String, Map<String, McEstimate>>> measures,
                              int replications, int failedReplications) {

    /** Keeps the maps' order, read-only. */
    public ConditionResult {
        factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
        truthAmongReporters = Collections.unmodifiableMap(new LinkedHashMap<>(truthAmongReporters));
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /**
     * @param analysis e.g. "adjusted"
     * @param measure e.g. "coverage"
     * @param estimand e.g. "causal", or "" for measures without estimand
     * @return the estimate, when the run reported it
     */
    public Optional<McEstimate> measure(String analysis, String measure, String estimand) {
        return Optional.ofNullable(measures.get(analysis)).map(m -> m.get(measure)).map(e -> e.get(estimand));
    }

    /**
     * @param estimand e.g. "adjusted"
     * @return its population value among reporting studies when given, else over all studies (NaN when absent)
     */
    public double truthForReporters(String estimand) {
        Double v = truthAmongReporters.get(estimand);
        if (v == null) {
            v = truth.get(estimand);
        }
        return v == null ? Double.NaN : v;
    }
}
