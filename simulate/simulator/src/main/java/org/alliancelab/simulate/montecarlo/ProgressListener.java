package org.alliancelab.simulate.montecarlo;

/** Told, on the thread that called the runner, how far a run has got. */
@FunctionalInterface
public interface ProgressListener {
    /** Does nothing. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done replications finished (including those reused from a checkpoint)
     * @param total replications this run (or shard) must have in the end
     */
    void progress(long done, long total);
}
