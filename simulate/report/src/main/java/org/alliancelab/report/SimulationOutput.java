package org.alliancelab.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancelab.plot.CausalGraph;

/**
 * A finished {@code simulate} output directory, read back for plots and the report.
 *
 * @param dir the directory
 * @param scenario scenario name
 * @param description the scenario's description ("" when none)
 * @param software software version that wrote it
 * @param seed master seed
 * @param replications replications per condition
 * @param engine engine name
 * @param alpha significance level of the tests
 * @param graph the scenario's causal model, when the summary carries its definition
 * @param factorLabels grid factor (JSON pointer) to a label in words, in grid order
 * @param conditions the conditions, in index order
 * @param pooledEstimates condition index to column name (e.g. {@code adjusted.r}) to the value
 *     of that column in each replication (NaN where the analysis failed); only the pooled
 *     correlations ({@code *.r}) are kept
 */
public record SimulationOutput(Path dir, String scenario, String description, String software, long seed,
                               int replications, String engine, double alpha, Optional<CausalGraph> graph,
                               Map<String, String> factorLabels, List<ConditionResult> conditions,
                               Map<Integer, Map<String, double[]>> pooledEstimates) {

    /** Copies the collections. */
    public SimulationOutput {
        factorLabels = Collections.unmodifiableMap(new LinkedHashMap<>(factorLabels));
        conditions = List.copyOf(conditions);
        pooledEstimates = Collections.unmodifiableMap(new LinkedHashMap<>(pooledEstimates));
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
    public String conditionLabel(ConditionResult condition) {
        if (condition.factors().isEmpty()) {
            return "single condition";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> f : condition.factors().entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(factorLabels.getOrDefault(f.getKey(), f.getKey())).append(" = ")
                .append(Numbers.level(f.getValue()));
        }
        return sb.toString();
    }
}
