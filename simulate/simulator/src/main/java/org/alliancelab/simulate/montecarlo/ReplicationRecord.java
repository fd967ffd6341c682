package org.alliancelab.simulate.montecarlo;

import java.util.List;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.results.Failure;

/**
 * The numbers one replication produced.
 *
 * @param condition condition index (seed coordinate)
 * @param replication replication index (seed coordinate)
 * @param values the record in {@link RecordLayout} order (NaN where an analysis failed)
 * @param failures analyses that failed, empty when none
 */
public record ReplicationRecord(int condition, int replication, double[] values, List<Failure> failures) {
    /**
     * Copies the failure list.
     *
     * @param failures analyses that failed, empty when none
     * @param condition condition index (seed coordinate)
     * @param replication replication index (seed coordinate)
     * @param values the record in {@link RecordLayout} order (NaN where an analysis failed)
     */
    public ReplicationRecord {
        failures = List.copyOf(failures);
    }
}
