package org.alliancelab.simulate.engine;

import java.util.List;
import org.alliancelab.simulate.model.SimulatedStudy;

/**
 * The outcome of simulating one replication of a condition.
 *
 * @param studies the published studies, in the order they were drawn
 * @param invalidDraws per-study coefficient draws that made a residual variance non-positive
 *     (each was rejected and redrawn; see {@link StudySimulator})
 * @param suppressedStudies studies drawn but not published: removed by publication selection,
 *     or (with dropout) left with too few completers to analyse
 */
public record SimulatedReplication(List<SimulatedStudy> studies, int invalidDraws, int suppressedStudies) {
    /**
     * Defensive copy.
     *
     * @param studies the published studies, in the order they were drawn
     * @param invalidDraws per-study coefficient draws that made a residual variance non-positive
     *     (each was rejected and redrawn; see {@link StudySimulator})
     * @param suppressedStudies studies drawn but not published: removed by publication selection,
     *     or (with dropout) left with too few completers to analyse
     */
    public SimulatedReplication {
        studies = List.copyOf(studies);
    }
}
