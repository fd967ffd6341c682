package org.alliancelab.simulate.analysis;

import java.util.List;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.scenario.Condition;

/**
 * One analysis run on every simulated replication: it owns its name, its output columns, its
 * performance measures and its computation. The replication loops over a list of analyses
 * ({@link StandardAnalyses} gives the built-ins); adding an analysis is one class implementing
 * this interface, passed to {@code ScenarioDesign.of(scenario, engine, analyses)}.
 *
 * <p>Contract: {@link #columns()} is fixed for a scenario (every condition writes the same
 * columns, so that {@code replications.csv} is rectangular); the computation writes only
 * through {@link ColumnWriter}s of its own groups, leaves the columns of a failed part NaN and
 * reports the failure. Column names must be unique across the analyses of a design.
 */
public interface Analysis {

    /** Where an analysis's output goes in the files. */
    enum Role {
        /** Describes the replication's studies: first in {@code replications.csv}, last in the summary. */
        STUDY_DESCRIPTION,
        /** A meta-analysis of the replication, in list order in both files. */
        META_ANALYSIS
    }

    /** @return the analysis name, e.g. {@code adjusted}; the prefix of its main columns */
    String name();

    /** @return where its output is listed (default {@link Role#META_ANALYSIS}) */
    default Role role() {
        return Role.META_ANALYSIS;
    }

    /** @return the columns it writes in every replication, in record order */
    List<ColumnGroup> columns();

    /**
     * @param condition a condition's factor levels and population values
     * @return the performance measures of this analysis in that condition, in report order
     */
    List<MeasureSpec> measures(ConditionInfo condition);

    /**
     * @param condition the condition (its analysis settings, moderators and cells)
     * @param layout the record layout; bind writers with {@link RecordLayout#writer(ColumnGroup)}
     * @return the computation for one thread (it may keep scratch arrays)
     */
    Computation newComputation(Condition condition, RecordLayout layout);

    /** The per-thread computation of an analysis. */
    @FunctionalInterface
    interface Computation {
        /**
         * @param data the replication's studies, as the meta-analyst sees them
         * @param record the record to fill, pre-filled with NaN
         * @param failures where to add what failed in this replication, with why
         */
        void compute(ReplicationData data, double[] record, List<Failure> failures);
    }
}
