package org.alliancelab.simulate.montecarlo;

import java.nio.file.Path;
import java.util.Optional;
import org.alliancelab.simulate.results.RunSummary;

/**
 * What a call of {@link MonteCarloRunner#run} did.
 *
 * @param status how the run ended
 * @param outDir the output directory
 * @param computed replications computed by this call
 * @param reused replications taken from an existing checkpoint
 * @param summary what the run wrote to summary.json (present only when {@link Status#COMPLETE})
 */
public record RunResult(Status status, Path outDir, long computed, long reused, Optional<RunSummary> summary) {

    /** How a run ended. */
    public enum Status {
        /** All replications done and the output files written. */
        COMPLETE,
        /** A shard's replications are done and stored for {@code collect}. */
        SHARD_COMPLETE,
        /** Stopped on request before the end; finished blocks are in the checkpoint. */
        STOPPED
    }
}
