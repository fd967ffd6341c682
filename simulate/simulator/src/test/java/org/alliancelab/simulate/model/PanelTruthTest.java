package org.alliancelab.simulate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The population values of a session-by-session design: limits, the Nickell bias, the average over studies. */
class PanelTruthTest {

    private static PanelModel model(int sessions, double cxy, double sd, double reverse, double error) {
        return new PanelModel(sessions, 1, 1, 0.3, 0.4, 0.3, cxy, sd, reverse, 1, 1, 0.1, error, error);
    }

    /** Without measurement error the within-person limit approaches c_xy as T grows, the gap shrinking as 1/T. */
    @Test
    void nickellBiasVanishesAsOneOverT() {
        double c = 0.15;
        double gap10 = PanelTruth.at(model(10, c, 0, 0.1, 0), c).withinLagged() - c;
        double gap100 = PanelTruth.at(model(100, c, 0, 0.1, 0), c).withinLagged() - c;
        double gap400 = PanelTruth.at(model(400, c, 0, 0.1, 0), c).withinLagged() - c;
        assertTrue(Math.abs(gap100) < Math.abs(gap10) / 5, gap10 + " " + gap100);
        // order 1/T: T times the gap settles
        assertEquals(100 * gap100, 400 * gap400, 0.1 * Math.abs(100 * gap100));
        // the naive limit does not depend on T (stationary rows) and stays confounded
        assertEquals(PanelTruth.at(model(10, c, 0, 0.1, 0), c).naiveLagged(),
            PanelTruth.at(model(100, c, 0, 0.1, 0), c).naiveLagged(), 1e-12);
    }

    /** Without intercepts, error and feedback, the naive regression is the VAR's own equation: its limit is c_xy. */
    @Test
    void naiveLimitIsTheCrossLaggedEffectWithoutTraitsOrError() {
        PanelModel m = new PanelModel(5, 0, 0, 0, 0.4, 0.3, 0.2, 0, 0.1, 1, 1, 0.3, 0, 0);
        assertEquals(0.2, PanelTruth.at(m, 0.2).naiveLagged(), 1e-14);
    }

    /** The average over the studies' c_xy by quadrature against a fine midpoint rule over the same truncated normal. */
    @Test
    void stationaryIntervalWithoutReversePath() {
        double[] all = model(6, 0.1, 0.4, 0, 0.3).stationaryCrossLagged();
        assertEquals(Double.NEGATIVE_INFINITY, all[0]);
        assertEquals(Double.POSITIVE_INFINITY, all[1]);
        PanelModel explosive = new PanelModel(6, 1, 1, 0, 1.1, 0.3, 0, 0, 0, 1, 1, 0, 0, 0);
        assertTrue(Double.isNaN(explosive.stationaryCrossLagged()[0]));
    }

    @Test
    void averageOverStudiesMatchesAnIndependentIntegration() {
        PanelModel m = model(6, 0.1, 0.4, 0.4, 0.3);
        PanelTruth q = PanelTruth.of(m);
        double mass = 0;
        double c = 0;
        double within = 0;
        double naive = 0;
        double[] range = m.stationaryCrossLagged();
        // the interval is the stationary set: just inside is stationary, just outside is not
        assertTrue(m.var1(range[1] - 1e-9).stationary());
        assertTrue(!m.var1(range[1] + 1e-9).stationary());
        assertTrue(m.var1(range[0] + 1e-9).stationary());
        assertTrue(!m.var1(range[0] - 1e-9).stationary());
        double lower = Math.max(-8, (range[0] - 0.1) / 0.4);
        double upper = Math.min(8, (range[1] - 0.1) / 0.4);
        int steps = 20_000;
        double h = (upper - lower) / steps;
        for (int i = 0; i < steps; i++) {
            double u = lower + (i + 0.5) * h;
            double cxy = 0.1 + 0.4 * u;
            double w = Math.exp(-0.5 * u * u);
            PanelTruth t = PanelTruth.at(m, cxy);
            mass += w;
            c += w * cxy;
            within += w * t.withinLagged();
            naive += w * t.naiveLagged();
        }
        // stationary only for c_xy < 1.05 (eigenvalues .35 +- sqrt(.0025 + .4 c)): 0.9% of the normal is cut
        assertTrue(c / mass < 0.1 - 1e-4, "truncated mean " + c / mass);
        // smooth integrands on the interval: the midpoint rule's error is O(h^2), about 1e-8 here
        assertEquals(c / mass, q.crossLagged(), 1e-7);
        assertEquals(within / mass, q.withinLagged(), 1e-7);
        assertEquals(naive / mass, q.naiveLagged(), 1e-7);
        PanelTruth none = PanelTruth.of(model(6, 0.1, 0.01, 0.05, 0.3));
        assertEquals(0.1, none.crossLagged(), 1e-12);
    }
}
