package org.alliancelab.simulate.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The frontier of the synthesis's table on a coarse sweep of alliance -> outcome (0, .1, .2,
 * .3) from the null template: its end at 0 is fluckiger2018-null, and the edge of the
 * compatible set located by bisection is the largest compatible causal path: compatible there,
 * not compatible a little beyond (the full sweep of docs/calibration.md gives the same edge).
 */
class FrontierTest {
    static final String SWEEP = "/model/paths/7/beta";

    @Test
    void endPointsAreTheNullWorldAndTheLargestCompatibleEffect() {
        CalibrationTemplate template = FluckigerRebuildTest.template("fluckiger2018-null");
        Targets targets = FluckigerRebuildTest.targets();
        Frontier f = Frontier.of(template, targets, SWEEP, 0, 0.3, 4, "confounder");
        assertEquals("alliance -> outcome", f.label());
        assertEquals(5, f.points().size(), "four grid values and one edge");
        // The null end reproduces the built-in null world.
        FrontierPoint zero = f.atZero().orElseThrow();
        Scenario builtIn = Scenario.builtIn("fluckiger2018-null");
        for (int i = 0; i < template.free().size(); i++) {
            String pointer = template.free().get(i).pointers().get(0);
            assertEquals(builtIn.value(pointer), zero.calibration().values().get(i), FluckigerRebuildTest.TOLERANCE,
                pointer);
        }
        assertEquals(0, zero.causal(), 1e-12);
        // The edge: compatible, between .2 (compatible) and .3 (not).
        List<double[]> intervals = f.compatibleIntervals();
        assertEquals(1, intervals.size());
        assertEquals(0, intervals.get(0)[0]);
        double edge = intervals.get(0)[1];
        assertTrue(edge > 0.2 && edge < 0.3, "edge " + edge);
        FrontierPoint last = f.compatible().get(f.compatible().size() - 1);
        assertFalse(last.grid());
        assertEquals(1, last.calibration().worstResidualInTolerances(), 0.01, "a target at its tolerance");
        double step = 0.1 / (1 << Frontier.BISECTIONS);
        Calibration beyond = Calibrator.of(template.with(SWEEP, edge + 4 * step), targets).fit(
            last.calibration().values().stream().mapToDouble(Double::doubleValue).toArray());
        assertFalse(beyond.feasible(), "just beyond the edge");
        assertTrue(f.headline().startsWith("The table allows population causal r from 0.000 to "), f.headline());
        assertTrue(zero.strength().exposure() > 0 && zero.strength().outcome() > 0);
    }
}
