package org.alliancelab.simulate.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The content of a {@code summary.json}: what a finished run reports. The one model of that
 * file: the runner returns it, {@link SummaryJson} writes and reads it, and {@code compare},
 * {@code report} and the plots use it.
 *
 * @param scenario scenario name
 * @param software software label
 * @param seed master seed
 * @param replications replications per condition
 * @param engine engine name
 * @param conditions per-condition results, in index order
 * @param scenarioDefinition the scenario's definition as JSON text ("" when the file has none)
 */
public record RunSummary(String scenario, String software, long seed, int replications, String engine,
                         List<ConditionSummary> conditions, String scenarioDefinition) {
    /**
     * Copies the list.
     *
     * @param conditions per-condition results, in index order
     * @param engine engine name
     * @param replications replications per condition
     * @param scenario scenario name
     * @param scenarioDefinition the scenario's definition as JSON text ("" when the file has none)
     * @param seed master seed
     * @param software software label
     */
    public RunSummary {
        Objects.requireNonNull(scenario, "scenario");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(scenarioDefinition, "scenarioDefinition");
    }

    /**
     * @param outDir a directory written by {@code simulate} or {@code collect}
     * @return its {@code summary.json}
     * @throws SimulationOutputException when the file is missing or malformed (the message
     *     names the file and the JSON location)
     * @throws IOException on a read error
     */
    public static RunSummary read(Path outDir) throws SimulationOutputException, IOException {
        return SummaryJson.read(outDir);
    }

    /** @return the significance level of the first condition's tests (0.05 when none) */
    public double alpha() {
        return conditions.isEmpty() ? 0.05 : conditions.get(0).info().alpha();
    }
}
