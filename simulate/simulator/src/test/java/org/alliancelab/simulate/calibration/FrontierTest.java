package org.alliancelab.simulate.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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
        FrontierPoint zero = f.nullWorld().orElseThrow();
        Scenario builtIn = Scenario.builtIn("fluckiger2018-null");
        for (int i = 0; i < template.free().size(); i++) {
            String pointer = template.free().get(i).pointers().get(0);
            assertEquals(builtIn.value(pointer), zero.calibration().orElseThrow().values().get(i), FluckigerRebuildTest.TOLERANCE,
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
        assertEquals(1, last.worstResidualInTolerances(), 0.01, "a target at its tolerance");
        double step = 0.1 / (1 << Frontier.BISECTIONS);
        Calibration beyond = Calibrator.of(template.with(SWEEP, edge + 4 * step), targets).fit(
            last.calibration().orElseThrow().values().stream().mapToDouble(Double::doubleValue).toArray());
        assertFalse(beyond.feasible(), "just beyond the edge");
        assertTrue(f.headline().startsWith("The table allows population causal r from 0.000 to "), f.headline());
        assertTrue(zero.strength().exposure() > 0 && zero.strength().outcome() > 0);
    }

    /** The null world's sentence, with the numbers of the frontier's own null point. */
    private static String nullSentence(Frontier f, FrontierPoint p) {
        return String.format(Locale.ROOT, "needs an unmeasured confounder with partial R2 %.3f with %s given the "
            + "covariates and %.3f with %s given %s and the covariates.", p.strength().exposure(), f.exposure(),
            p.strength().outcome(), f.outcome(), f.exposure());
    }

    @Test
    void theHeadlineNamesTheScenariosExposureAndOutcome() {
        Frontier f = Frontier.of(FluckigerRebuildTest.template("fluckiger2018-null"), FluckigerRebuildTest.targets(),
            SWEEP, 0, 0.1, 2, "confounder");
        assertEquals("alliance", f.exposure());
        assertEquals("outcome", f.outcome());
        assertTrue(f.sweepsTheCausalPath());
        FrontierPoint zero = f.nullWorld().orElseThrow();
        assertEquals(0, zero.value());
        assertTrue(f.headline().contains("A null world (causal r = 0, at alliance -> outcome = 0) "
            + nullSentence(f, zero)), f.headline());
    }

    /**
     * Sweeping a confounder path of the causal world: every world has a causal effect, so the
     * headline speaks of no null world, and never of the swept path's ends as exposure and
     * outcome.
     */
    @Test
    void aSweepOfAnotherPathHasNoNullWorld() {
        Frontier f = Frontier.of(FluckigerRebuildTest.template("fluckiger2018"), FluckigerRebuildTest.targets(),
            "/model/paths/5/beta", 0, 0.6, 3, "confounder");
        assertEquals("confounder -> alliance", f.label());
        assertFalse(f.sweepsTheCausalPath());
        assertFalse(f.compatible().isEmpty());
        assertTrue(f.compatible().stream().allMatch(p -> p.causal() > 0.05), "a causal world throughout");
        assertTrue(f.nullWorld().isEmpty());
        String h = f.headline();
        assertFalse(h.contains("A null world"), h);
        assertFalse(h.contains("with confounder given"), h);
        assertTrue(h.contains("No compatible point of the sweep is a null world (population causal r = 0); sweep "
            + "alliance -> outcome through 0"), h);
        double lo = f.compatible().stream().mapToDouble(FrontierPoint::causal).min().orElseThrow();
        double hi = f.compatible().stream().mapToDouble(FrontierPoint::causal).max().orElseThrow();
        assertTrue(h.startsWith(String.format(Locale.ROOT, "The table allows population causal r from %.3f to %.3f "
            + "(confounder -> alliance from", lo, hi)), h);
    }

    @Test
    void aSweepWithoutZeroSaysSo() {
        Frontier f = Frontier.of(FluckigerRebuildTest.template("fluckiger2018-null"), FluckigerRebuildTest.targets(),
            SWEEP, 0.05, 0.1, 2, "confounder");
        assertTrue(f.points().stream().allMatch(FrontierPoint::feasible));
        String h = f.headline();
        assertTrue(h.endsWith(" The sweep does not include alliance -> outcome = 0 (the null world)."), h);
        assertFalse(h.contains("no compatible world"), h);
    }

    /**
     * At .7 the model is invalid whatever the fit (the outcome's variance is over-explained):
     * that value is an incompatible point with the scenario's reason, and the sweep goes on.
     */
    @Test
    void aValueWhereTheModelIsInvalidIsAnIncompatiblePoint() {
        CalibrationTemplate template = FluckigerRebuildTest.template("fluckiger2018-null");
        Frontier f = Frontier.of(template, FluckigerRebuildTest.targets(), SWEEP, 0, 0.7, 3, "confounder");
        FrontierPoint last = f.points().get(f.points().size() - 1);
        assertEquals(0.7, last.value());
        assertTrue(last.calibration().isEmpty());
        assertFalse(last.feasible());
        assertTrue(Double.isNaN(last.causal()) && Double.isNaN(last.worstResidualInTolerances()));
        assertTrue(last.note().startsWith("the model is invalid at this value: at every start of the search"),
            last.note());
        assertTrue(last.note().contains("paths into 'outcome' explain"), last.note());
        assertFalse(last.note().contains(".json"), "the template is not blamed: " + last.note());
        // the scenario at the template's start is indeed invalid there
        assertThrows(RuntimeException.class, () -> template.with(SWEEP, 0.7).at(template.start()));
        FrontierPoint middle = f.points().stream().filter(p -> p.value() == 0.35).findFirst().orElseThrow();
        assertTrue(middle.calibration().isPresent());
        assertTrue(middle.note().startsWith("targets not met: '"), middle.note());
        assertEquals(1, f.compatibleIntervals().size());
        assertTrue(f.compatibleIntervals().get(0)[1] < 0.35);
        assertTrue(f.headline().startsWith("The table allows population causal r from 0.000 to "), f.headline());
    }

    /** Grid values are the decimals from + i (to - from) / (steps - 1), without floating-point noise. */
    @Test
    void gridValuesAreShortDecimals() {
        boolean noisy = false;
        for (int i = 0; i < 31; i++) {
            double expected = BigDecimal.valueOf(i).movePointLeft(2).doubleValue();
            double raw = 0 + i * (0.3 - 0) / 30;
            noisy |= raw != expected;
            assertEquals(expected, Frontier.gridValue(0, 0.3, 31, i), 0.0, "i = " + i);
        }
        assertTrue(noisy, "the plain formula gives noise somewhere, e.g. 0.029999999999999995");
        assertEquals(0.03, Frontier.gridValue(0, 0.3, 31, 3), 0.0);
        assertEquals("0.03", Double.toString(Frontier.gridValue(0, 0.3, 31, 3)));
        assertEquals(0.0, Frontier.gridValue(-0.3, 0.3, 7, 3), 0.0, "zero, not 5.6e-17");
        assertEquals(-0.1, Frontier.gridValue(-0.3, 0.3, 7, 2), 0.0);
        // values with no short decimal stay within 1e-12 of the formula
        double third = Frontier.gridValue(0, 1, 4, 1);
        assertEquals(1.0 / 3, third, 1e-12 / 3);
        assertEquals(1e-3 / 7, Frontier.gridValue(0, 1e-3, 8, 1), 1e-12 * 1e-3 / 7);
    }
}
