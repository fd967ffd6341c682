package org.alliancelab.simulate.montecarlo;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.simulate.analysis.Analysis;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.analysis.ReplicationData;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.scenario.Condition;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One replication of a condition: draws the published studies, reads them into
 * {@link ReplicationData} and runs each analysis on them, in the design's order. An analysis
 * that fails leaves its columns NaN and is reported as a {@link Failure}.
 *
 * <p>Not thread-safe: keeps the simulator, the data and the analyses' scratch; one per thread.
 */
final class Replication implements ReplicationWorker {
    private final StudySimulator simulator;
    private final ReplicationData data;
    private final Analysis.Computation[] computations;

    private Replication(Condition condition, Engine engine, List<Analysis> analyses, RecordLayout layout) {
        this.simulator = engine.simulator(condition);
        this.data = ReplicationData.of(simulator, condition.analyses());
        this.computations = new Analysis.Computation[analyses.size()];
        for (int i = 0; i < computations.length; i++) {
            computations[i] = analyses.get(i).newComputation(condition, layout);
        }
    }

    /**
     * @param condition the condition
     * @param engine the engine
     * @param analyses the analyses, in record order
     * @param layout the record layout of the design
     * @return a worker for one thread
     */
    static Replication of(Condition condition, Engine engine, List<Analysis> analyses, RecordLayout layout) {
        return new Replication(condition, engine, analyses, layout);
    }

    @Override
    public List<Failure> run(UniformRandomProvider rng, double[] values) {
        data.load(simulator.simulateInPlace(rng));
        List<Failure> failures = new ArrayList<>(0);
        for (Analysis.Computation c : computations) {
            c.compute(data, values, failures);
        }
        return failures;
    }
}
