package org.alliancelab.simulate.montecarlo;

import java.nio.file.Path;

/**
 * What a checkpoint or shard directory says about the run that wrote it; enough to rebuild its
 * design for {@link MonteCarloCollector}.
 *
 * @param dir the checkpoint directory
 * @param fingerprint the run's fingerprint (see {@link MonteCarloRunner})
 * @param scenario scenario name
 * @param seed master seed
 * @param replications replications per condition
 * @param engine engine name
 * @param software software version that wrote it
 * @param scenarioJson the stored canonical scenario JSON
 */
public record StoredRun(Path dir, String fingerprint, String scenario, long seed, int replications, String engine,
                        String software, String scenarioJson) {
    /** @return a one-line description for messages */
    public String description() {
        return "scenario " + scenario + ", seed " + seed + ", " + replications + " replications, engine "
            + engine + ", alliance-lab " + software;
    }
}
