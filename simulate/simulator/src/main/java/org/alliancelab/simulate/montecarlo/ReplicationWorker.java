package org.alliancelab.simulate.montecarlo;

import java.util.List;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.results.Failure;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Simulates and analyses the replications of one condition. A worker belongs to one thread
 * (it may keep scratch arrays); the runner creates one per thread and condition.
 */
@FunctionalInterface
public interface ReplicationWorker {
    /**
     * Runs one replication.
     *
     * @param rng the replication's own random stream (the only randomness allowed)
     * @param values the record to fill, in {@link RecordLayout} order, pre-filled with NaN;
     *     columns of analyses that failed stay NaN
     * @return the analyses that failed in this replication, with why (empty when none)
     * @throws RuntimeException when the whole replication fails; the runner then records it as
     *     a failure of the analysis {@code replication}
     */
    List<Failure> run(UniformRandomProvider rng, double[] values);
}
