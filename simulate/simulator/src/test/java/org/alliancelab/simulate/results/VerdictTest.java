package org.alliancelab.simulate.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.model.TruthValues;
import org.junit.jupiter.api.Test;

/** The verdict's rule on constructed worlds: p values and rejection rates chosen by hand. */
class VerdictTest {
    private static final TruthValues T = new TruthValues(.25, .22, .2, .1, .1, .1);

    private static ConditionSummary world(double[] p) {
        int n = p.length;
        long rejected = java.util.Arrays.stream(p).filter(v -> v < 0.05).count();
        double rate = (double) rejected / n;
        List<Measure> m = List.of(
            new Measure(Analyses.DIFFERENCE_PAIRED, MeasureNames.REJECTION_RATE, "", rate,
                Math.sqrt(rate * (1 - rate) / n), n),
            new Measure(Analyses.STUDIES, MeasureNames.MEAN_K_ADJUSTED, "", 66, 0, n));
        return new ConditionSummary(new ConditionInfo(0, Map.of(), T, T, 0.05, Map.of()), n, m, List.of());
    }

    /** p values spread evenly over (lo, hi). */
    private static double[] uniform(int n, double lo, double hi) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = lo + (hi - lo) * (i + 0.5) / n;
        }
        return p;
    }

    @Test
    void separatedWorldsAreToldApart() {
        double[] a = uniform(500, 0, 0.02);
        double[] b = uniform(500, 0.1, 1);
        Verdict v = Verdict.of(Analyses.DIFFERENCE_PAIRED, "A", world(a), a, "B", world(b), b).orElseThrow();
        assertEquals(1, v.rejectionA(), 1e-12);
        assertEquals(0, v.rejectionB(), 1e-12);
        assertEquals(1, v.discrimination().auc(), 1e-12);
        assertEquals(Verdict.Conclusion.TELLS_APART, v.conclusion());
        assertTrue(v.sentence().contains("can tell the worlds apart"), v.sentence());
    }

    @Test
    void identicalWorldsCannotBeToldApart() {
        double[] a = uniform(500, 0, 1);
        Verdict v = Verdict.of(Analyses.DIFFERENCE_PAIRED, "A", world(a), a, "B", world(a), a).orElseThrow();
        assertEquals(0.5, v.discrimination().auc(), 1e-12);
        assertEquals(Verdict.Conclusion.CANNOT, v.conclusion());
    }

    /** Both reject nearly always: tiny p values that differ in magnitude only do not tell the worlds apart. */
    @Test
    void bothRejectingIsNotDiscrimination() {
        double[] a = uniform(500, 0, 0.001);
        double[] b = uniform(500, 0.0002, 0.0012);
        Verdict v = Verdict.of(Analyses.DIFFERENCE_PAIRED, "A", world(a), a, "B", world(b), b).orElseThrow();
        assertTrue(v.discrimination().auc() > 0.6, "AUC " + v.discrimination().auc());
        assertEquals(Verdict.Conclusion.WEAKLY, v.conclusion());
        double[] c = uniform(500, 0, 0.0011);
        Verdict w = Verdict.of(Analyses.DIFFERENCE_PAIRED, "A", world(a), a, "C", world(c), c).orElseThrow();
        assertEquals(Verdict.Conclusion.CANNOT, w.conclusion(), "AUC " + w.discrimination().auc());
    }

    @Test
    void aWorldWithoutTheTestGivesNoVerdict() {
        double[] a = uniform(10, 0, 1);
        ConditionSummary none = new ConditionSummary(new ConditionInfo(0, Map.of(), T, T, 0.05, Map.of()), 10,
            List.of(), List.of());
        assertTrue(Verdict.of(Analyses.DIFFERENCE_PAIRED, "A", world(a), a, "B", none, a).isEmpty());
    }
}
