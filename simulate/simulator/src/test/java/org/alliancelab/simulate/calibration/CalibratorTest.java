package org.alliancelab.simulate.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/**
 * Calibration of a model small enough to solve by hand: an observed confounder C with paths a
 * into X and into Y (tied to one value) and X -> Y with b, perfectly measured. Then
 * r_XY = b + a^2, r_XC = a, r_YC = a + a b, and the partial correlation given C is
 * (r_XY - r_XC r_YC) / sqrt((1 - r_XC^2)(1 - r_YC^2)) = b (1 - a^2) / sqrt((1 - a^2)(1 - a^2 (1 + b)^2)).
 */
class CalibratorTest {
    static final String MODEL = """
        {"name": "hand", "model": {"nodes": [{"name": "C"}, {"name": "X"}, {"name": "Y"}],
                   "paths": [{"from": "C", "to": "X", "beta": 0.1}, {"from": "C", "to": "Y", "beta": 0.1},
                             {"from": "X", "to": "Y", "beta": 0.1}],
                   "exposure": "X", "outcome": "Y", "adjustment": ["C"]},
         "design": {"studies": 10, "sampleSize": {"distribution": "fixed", "n": 100}},
         "free": [{"name": "a", "paths": ["/model/paths/0/beta", "/model/paths/1/beta"], "lower": 0, "upper": UPPER_A},
                  {"name": "b", "path": "/model/paths/2/beta", "lower": -0.5, "upper": 0.5}]}
        """;

    static CalibrationTemplate template(double upperA) {
        return CalibrationTemplate.parse(MODEL.replace("UPPER_A", Double.toString(upperA)), "hand.json", "hand");
    }

    static Targets targets(double unadjusted, double adjusted) {
        return Targets.parse("{\"targets\": [{\"name\": \"r\", \"estimand\": \"unadjusted\", \"value\": " + unadjusted
            + ", \"tolerance\": 0.001}, {\"name\": \"partial\", \"estimand\": \"adjusted\", \"value\": " + adjusted
            + ", \"tolerance\": 0.001}]}", "t.json");
    }

    /** a = .5, b = .25: r = .5, partial = .1875 / sqrt(.75 (1 - .25 * 1.25^2)); solved back. */
    @Test
    void solvesAHandDerivedSystem() {
        double a = 0.5;
        double b = 0.25;
        double r = b + a * a;
        double partial = b * (1 - a * a) / Math.sqrt((1 - a * a) * (1 - a * a * (1 + b) * (1 + b)));
        Calibration c = Calibrator.of(template(0.9), targets(r, partial)).fit();
        assertTrue(c.feasible());
        assertEquals(a, c.value("a"), 1e-9);
        assertEquals(b, c.value("b"), 1e-9);
        assertEquals(a, c.scenario().value("/model/paths/1/beta"), 1e-9, "tied field");
        assertEquals(r, c.fits().get(0).fitted(), 1e-11);
    }

    /**
     * With a at most .3, r = .5 and partial .0 need b + a^2 = .5 and b = 0: unreachable. The
     * best is a at its bound .3 ...: the closest point is reported, targets unmet named.
     */
    @Test
    void infeasibleTargetsAreNamedWithTheClosestPoint() {
        Calibration c = Calibrator.of(template(0.3), targets(0.5, 0.0)).fit();
        assertFalse(c.feasible());
        assertEquals(0.3, c.value("a"), 1e-9, "a ends at its upper bound");
        assertTrue(c.atBound(0));
        assertFalse(c.unmet().isEmpty());
        // at a = .3 the fit balances r = b + .09 against partial = b (.91) / sqrt(.91 (1 - .09 (1 + b)^2))
        double b = c.value("b");
        assertEquals(b + 0.09, c.fits().get(0).fitted(), 1e-9);
        assertTrue(b > 0 && b < 0.41, "b between the two targets' wishes: " + b);
    }

    @Test
    void confounderStrengthByHand() {
        // U unobserved, no adjustment: R2_{D~U} = a^2; R2_{Y~U|D} = [a (1 - a^2) / sqrt((1 - a^2)(1 - (b + a^2)^2))]^2.
        Scenario s = Scenario.parse("""
            {"model": {"nodes": [{"name": "U", "observed": false}, {"name": "X"}, {"name": "Y"}],
                       "paths": [{"from": "U", "to": "X", "beta": 0.5}, {"from": "U", "to": "Y", "beta": 0.5},
                                 {"from": "X", "to": "Y", "beta": 0.25}],
                       "exposure": "X", "outcome": "Y"},
             "design": {"studies": 10, "sampleSize": {"distribution": "fixed", "n": 100}}}
            """, "u.json", "u");
        ConfounderStrength k = ConfounderStrength.of(s.conditions().get(0), "U");
        assertEquals(0.25, k.exposure(), 1e-12);
        double pc = 0.5 * 0.75 / Math.sqrt(0.75 * (1 - 0.5 * 0.5));
        assertEquals(pc * pc, k.outcome(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ConfounderStrength.of(s.conditions().get(0), "X"));
    }

    @Test
    void templateErrorsNameTheField() {
        assertEquals("hand.json: /free/1/path: '/model/paths/9/beta' addresses no field of the scenario",
            assertThrows(ScenarioException.class, () -> CalibrationTemplate.parse(MODEL.replace("UPPER_A", "0.9")
                .replace("/model/paths/2/beta", "/model/paths/9/beta"), "hand.json", "hand")).getMessage());
        assertEquals("hand.json: /free/0/paths: the start 0.1 (the template's value) lies outside [0.2, 0.9]",
            assertThrows(ScenarioException.class, () -> CalibrationTemplate.parse(MODEL.replace("UPPER_A", "0.9")
                .replace("\"lower\": 0,", "\"lower\": 0.2,"), "hand.json", "hand")).getMessage());
        assertEquals("hand.json: /free: a calibration template's free parameters: fit it with 'calibrate', which "
            + "writes an ordinary scenario (docs/calibration.md), or remove the key",
            assertThrows(ScenarioException.class, () -> Scenario.parse(MODEL.replace("UPPER_A", "0.9"), "hand.json",
                "hand")).getMessage());
    }

    @Test
    void targetErrorsNameTheField() {
        assertEquals("t.json: /targets/0/tolerance: missing required field 'tolerance'",
            assertThrows(ScenarioException.class, () -> Targets.parse(
                "{\"targets\": [{\"estimand\": \"unadjusted\", \"value\": 0.3}]}", "t.json")).getMessage());
        assertEquals("t.json: /targets/0/estimand: unknown estimand 'pooled' (known: unadjusted, adjusted, "
            + "adjusted_latent, causal, total_effect, direct_effect, difference, reporting_studies)",
            assertThrows(ScenarioException.class, () -> Targets.parse(
                "{\"targets\": [{\"estimand\": \"pooled\", \"value\": 0.3, \"tolerance\": 1}]}", "t.json"))
                .getMessage());
        assertEquals("t.json: /targets/0/tau2: unknown key 'tau2' (allowed: name, estimand, studies, moderator, level, "
            + "value, tolerance, weight)",
            assertThrows(ScenarioException.class, () -> Targets.parse(
                "{\"targets\": [{\"estimand\": \"unadjusted\", \"tau2\": 0.3}]}", "t.json")).getMessage());
        Targets unknownLevel = Targets.parse("{\"targets\": [{\"estimand\": \"unadjusted\", \"moderator\": \"timing\", "
            + "\"level\": \"mid\", \"value\": 0.3, \"tolerance\": 0.01}]}", "t.json");
        assertEquals("t.json: /targets/0: moderator 'timing' has no level 'mid' in scenario 'fluckiger2018'",
            assertThrows(ScenarioException.class, () -> unknownLevel.check(Scenario.builtIn("fluckiger2018")))
                .getMessage());
    }
}
