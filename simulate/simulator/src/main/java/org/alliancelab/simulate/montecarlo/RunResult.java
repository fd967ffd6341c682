package org.alliancelab.simulate.montecarlo;

import java.nio.file.Path;
import java.util.List;
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
 * @param damaged checkpoint blocks found damaged on resume (their SHA-256 differed from the
 *     recorded one) and computed again
 */
public record RunResult(Status status, Path outDir, long computed, long reused, Optional<RunSummary> summary,
                        List<Path> damaged) {

    /**
     * Copies the list.
     *
     * @param damaged checkpoint blocks found damaged on resume (their SHA-256 differed from the
     *     recorded one) and computed again
     * @param computed replications computed by this call
     * @param outDir the output directory
     * @param reused replications taken from an existing checkpoint
     * @param status how the run ended
     * @param summary what the run wrote to summary.json (present only when {@link Status#COMPLETE})
     */
    public RunResult {
        damaged = List.copyOf(damaged);
    }

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
