package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.analysis.MeasureSpec;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.Measure;
import org.junit.jupiter.api.Test;

/**
 * Performance measures and MCSEs (Morris, White &amp; Crowther 2019, Table 6) on a
 * hand-computable example: estimates 0.1, 0.2, 0.3, 0.6 with true value 0.2, plus one failed
 * replication (NaN) that must not count.
 */
class MeasureAccumulatorTest {
    private static final double TOL = 1e-12;
    private static final RecordLayout LAYOUT = RecordLayout.of(List.of("est", "lo", "hi", "p", "tau2"));

    private static List<Measure> run() {
        MeasureSpec spec = new MeasureSpec.Estimator("a", "est", "lo", "hi", "p",
            Map.of(Estimand.CAUSAL, 0.2), Map.of("mean_tau2", "tau2"));
        MeasureAccumulator acc = MeasureAccumulator.of(spec, LAYOUT, 0.05);
        // est, CI, p, tau2: the CIs of rows 1-3 contain 0.2, row 4's does not.
        acc.add(new double[] {0.1, 0.0, 0.25, 0.01, 0.01});
        acc.add(new double[] {0.2, 0.1, 0.3, 0.2, 0.02});
        acc.add(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        acc.add(new double[] {0.3, 0.2, 0.4, 0.04, 0.03});
        acc.add(new double[] {0.6, 0.5, 0.7, 0.001, 0.06});
        return acc.measures();
    }

    private static Measure get(List<Measure> ms, String measure, String estimand) {
        return ms.stream().filter(m -> m.measure().equals(measure) && m.estimand().equals(estimand)).findFirst()
            .orElseThrow();
    }

    @Test
    void meanBiasAndEmpiricalSe() {
        List<Measure> ms = run();
        // n = 4, mean 0.3; s^2 = (0.04 + 0.01 + 0 + 0.09) / 3 = 0.14 / 3
        double s = Math.sqrt(0.14 / 3);
        assertEquals(4, get(ms, "replications", "").value());
        assertEquals(0.3, get(ms, "mean", "").value(), TOL);
        assertEquals(s / 2, get(ms, "mean", "").mcse(), TOL);
        assertEquals(0.1, get(ms, "bias", "causal").value(), TOL);
        assertEquals(s / 2, get(ms, "bias", "causal").mcse(), TOL);
        assertEquals(s, get(ms, "empirical_se", "").value(), TOL);
        assertEquals(s / Math.sqrt(6), get(ms, "empirical_se", "").mcse(), TOL);
    }

    @Test
    void rmseWithDeltaMethodMcse() {
        List<Measure> ms = run();
        // squared errors 0.01, 0, 0.01, 0.16: MSE = 0.045; deviations from it -0.035, -0.045,
        // -0.035, 0.115, squares sum 0.0177; MCSE(MSE) = sqrt(0.0177 / (4 * 3)).
        double rmse = Math.sqrt(0.045);
        assertEquals(rmse, get(ms, "rmse", "causal").value(), TOL);
        assertEquals(Math.sqrt(0.0177 / 12) / (2 * rmse), get(ms, "rmse", "causal").mcse(), TOL);
    }

    @Test
    void coverageAndRejectionWithBinomialMcse() {
        List<Measure> ms = run();
        assertEquals(0.75, get(ms, "coverage", "causal").value(), TOL);
        assertEquals(Math.sqrt(0.75 * 0.25 / 4), get(ms, "coverage", "causal").mcse(), TOL);
        // p-values 0.01, 0.2, 0.04, 0.001 against alpha 0.05: three rejections
        assertEquals(0.75, get(ms, "rejection_rate", "").value(), TOL);
        assertEquals(4, get(ms, "rejection_rate", "").replications());
        // tau2 0.01, 0.02, 0.03, 0.06: mean 0.03, s^2 = (0.0004 + 0.0001 + 0 + 0.0009) / 3
        assertEquals(0.03, get(ms, "mean_tau2", "").value(), TOL);
        assertEquals(Math.sqrt(0.0014 / 3 / 4), get(ms, "mean_tau2", "").mcse(), TOL);
    }

    /** A row with lower > upper is the two rays (-inf, upper] and [lower, inf), a Fieller-type set. */
    @Test
    void coverageOfTwoRaysAndOfTheWholeLine() {
        MeasureSpec spec = new MeasureSpec.Estimator("a", "est", "lo", "hi", "p", Map.of(Estimand.CAUSAL, 0.2), Map.of());
        MeasureAccumulator acc = MeasureAccumulator.of(spec, LAYOUT, 0.05);
        acc.add(new double[] {0.2, 0.5, 0.3, 0.5, 0}); // rays (-inf, .3] and [.5, inf): covers .2
        acc.add(new double[] {0.2, 0.1, -0.4, 0.5, 0}); // rays (-inf, -.4] and [.1, inf): covers .2
        acc.add(new double[] {0.2, 0.3, 0.1, 0.5, 0}); // rays (-inf, .1] and [.3, inf): misses .2
        acc.add(new double[] {0.2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.5, 0}); // the whole line
        assertEquals(0.75, get(acc.measures(), "coverage", "causal").value(), TOL);
    }

    @Test
    void fewerThanTwoReplicationsGiveNaNWhereSIsNeeded() {
        MeasureSpec spec = new MeasureSpec.Estimator("a", "est", "lo", "hi", "p", Map.of(Estimand.CAUSAL, 0.0), Map.of());
        MeasureAccumulator acc = MeasureAccumulator.of(spec, LAYOUT, 0.05);
        acc.add(new double[] {0.1, 0.0, 0.2, 0.5, 0});
        List<Measure> ms = acc.measures();
        assertEquals(0.1, get(ms, "mean", "").value(), TOL);
        assertTrue(Double.isNaN(get(ms, "empirical_se", "").value()));
        assertTrue(Double.isNaN(get(ms, "bias", "causal").mcse()));
        assertEquals(1.0, get(ms, "coverage", "causal").value());
    }

    @Test
    void welfordAgreesWithTwoPassOnAShiftedSample() {
        // Large offset: the naive sum-of-squares formula would lose every digit here.
        RunningMoments m = new RunningMoments();
        double[] x = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
        for (double v : x) {
            m.add(v);
        }
        assertEquals(1e9 + 10, m.mean(), 0);
        assertEquals(30.0, m.variance(), 1e-9); // (36 + 9 + 9 + 36) / 3
    }
}
