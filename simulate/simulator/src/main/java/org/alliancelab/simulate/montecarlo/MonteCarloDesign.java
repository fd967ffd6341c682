package org.alliancelab.simulate.montecarlo;

import java.util.List;
import org.alliancelab.simulate.analysis.MeasureSpec;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.results.ConditionInfo;

/**
 * Everything the Monte Carlo runner needs to know about a simulation study: its identity (for
 * checkpoints and shards), its conditions, the per-replication record, the measures, and how
 * to run one replication. The scenario-based implementation is {@link ScenarioDesign}.
 */
public interface MonteCarloDesign {
    /** @return the scenario's name */
    String name();

    /** @return the master seed */
    long seed();

    /** @return replications per condition */
    int replications();

    /** @return the engine's name, e.g. {@code sufficient} */
    String engine();

    /** @return canonical JSON text of the scenario, stored with the output */
    String scenarioJson();

    /** @return the conditions, indexed from 0 */
    List<ConditionInfo> conditions();

    /** @return the columns of a replication record */
    RecordLayout layout();

    /**
     * @param condition condition index
     * @return the measures of that condition (estimands set to its truths)
     */
    List<MeasureSpec> measures(int condition);

    /**
     * @param condition condition index
     * @return a new worker for one thread
     */
    ReplicationWorker newWorker(int condition);
}
