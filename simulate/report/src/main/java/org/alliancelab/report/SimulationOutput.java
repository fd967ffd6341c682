package org.alliancelab.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancelab.plot.CausalGraph;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.RunSummary;

/**
 * A finished {@code simulate} output directory, read back for plots and the report: its
 * {@code summary.json} ({@link RunSummary}, the one model of that file) and what only the
 * report needs besides: the causal graph and factor labels of the scenario definition, and the
 * pooled correlations of every replication.
 *
 * @param dir the directory
 * @param summary its summary.json
 * @param description the scenario's description ("" when none)
 * @param graph the scenario's causal model, when the summary carries its definition
 * @param factorLabels grid factor (JSON pointer) to a label in words, in grid order
 * @param pooledEstimates condition index to column name (e.g. {@code adjusted.r}) to the value
 *     of that column in each replication (NaN where the analysis failed); only the pooled
 *     correlations ({@code *.r}) are kept
 */
public record SimulationOutput(Path dir, RunSummary summary, String description, Optional<CausalGraph> graph,
                               Map<String, String> factorLabels, Map<Integer, Map<String, double[]>> pooledEstimates) {

    /** Copies the collections. */
    public SimulationOutput {
        factorLabels = Collections.unmodifiableMap(new LinkedHashMap<>(factorLabels));
        pooledEstimates = Collections.unmodifiableMap(new LinkedHashMap<>(pooledEstimates));
    }

    /** @return the scenario name */
    public String scenario() {
        return summary.scenario();
    }

    /** @return the software that wrote the run */
    public String software() {
        return summary.software();
    }

    /** @return the master seed */
    public long seed() {
        return summary.seed();
    }

    /** @return replications per condition */
    public int replications() {
        return summary.replications();
    }

    /** @return the engine name */
    public String engine() {
        return summary.engine();
    }

    /** @return the significance level of the tests */
    public double alpha() {
        return summary.alpha();
    }

    /** @return the conditions, in index order */
    public List<ConditionSummary> conditions() {
        return summary.conditions();
    }

    /**
     * @param condition condition index
     * @param column column name, e.g. {@code unadjusted_all.r}
     * @return the column's values across replications, or an empty array when absent
     */
    public double[] pooled(int condition, String column) {
        Map<String, double[]> byColumn = pooledEstimates.get(condition);
        double[] v = byColumn == null ? null : byColumn.get(column);
        return v == null ? new double[0] : v.clone();
    }

    /**
     * @param condition a condition
     * @return its factor levels in words, e.g. "reliability of early_change = 0.6", or
     *     "single condition" without a grid
     */
    public String conditionLabel(ConditionSummary condition) {
        Map<String, Double> factors = condition.info().factors();
        if (factors.isEmpty()) {
            return "single condition";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> f : factors.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(factorLabels.getOrDefault(f.getKey(), f.getKey())).append(" = ")
                .append(Numbers.level(f.getValue()));
        }
        return sb.toString();
    }
}
