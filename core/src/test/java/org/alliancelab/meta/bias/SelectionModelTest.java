package org.alliancelab.meta.bias;

import static org.alliancelab.meta.golden.GoldenCases.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The step-function selection model against metafor 3.8-1's {@code selmodel(..., type =
 * "stepfun")}: {@code selection/selmodel_*.json}, each recording its R call (with a tight
 * optimiser control: {@code reltol = 1e-14} and difference steps {@code ndeps = 1e-5} for optim's
 * numerical gradient, whose default 1e-3 leaves metafor 1e-5 to 1e-3 from the maximum). Estimate,
 * tau² and the weights to 1e-6 relative, the standard errors (numDeriv's Hessian in R, a
 * difference of the analytic gradient here) to 1e-5, the log-likelihood to 1e-8; the
 * log-likelihood without selection to 1e-8, because metafor's ML refit stops at its default
 * threshold 1e-5. Then the boundaries, the refusals and invariances.
 */
class SelectionModelTest {

    private static final double EST = 1e-6;
    private static final double SE = 1e-5;

    static SelectionModel model(JsonNode root) {
        return SelectionModel.of(SelectionReferences.doubles(root.get("steps")))
            .withAlternative(PValueAlternative.parse(root.get("alternative").asText()))
            .withEstimator(TauSquaredEstimator.parse(root.get("method").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"molloy2014_3psm", "molloy2014_4step", "molloy2014_5step_ee", "craft2003_3psm",
        "crede2010_3psm", "crede2010_5step", "crede2010_two_sided", "molloy2014_less", "synthetic_k300_3psm",
        "selected_k66_3psm", "selected_k66_4step", "selected_k300_3psm"})
    void matchesMetafor(String name) {
        SelectionReferences ref = SelectionReferences.read("selmodel_" + name);
        SelectionModelResult r = model(ref.root()).fit(ref.yi(), ref.vi());
        JsonNode e = ref.root().get("expected");
        assertClose("estimate", e.get("beta").asDouble(), r.estimate(), EST, 1e-3);
        assertClose("tau2", e.get("tau2").asDouble(), r.tau2(), EST, 1e-1);
        assertClose("ll", e.get("ll").asDouble(), r.logLikelihood(), 1e-8, 1);
        assertClose("ll0", e.get("ll0").asDouble(), r.logLikelihoodWithoutSelection(), 1e-8, 1);
        assertClose("LRT", e.get("LRT").asDouble(), r.lrt(), 1e-6, 1e-3);
        assertEquals(e.get("LRTdf").asInt(), r.lrtDf(), "LRTdf");
        assertClose("LRTp", e.get("LRTp").asDouble(), r.lrtPValue(), 1e-5, 1e-300);
        assertClose("se", e.get("se").asDouble(), r.se(), SE, 1e-6);
        assertClose("ci_lb", e.get("ci_lb").asDouble(), r.ciLower(), SE, 1e-2);
        if (r.randomEffects()) {
            assertClose("se_tau2", e.get("se_tau2").asDouble(), r.tau2Se(), SE, 1e-6);
        }
        double[] delta = SelectionReferences.doubles(e.get("delta"));
        double[] deltaSe = SelectionReferences.doubles(e.get("se_delta"));
        double[] k = SelectionReferences.doubles(e.get("k_interval"));
        assertEquals(delta.length, r.weights().size(), "intervals");
        for (int j = 0; j < delta.length; j++) {
            SelectionWeight w = r.weights().get(j);
            assertEquals((int) k[j], w.k(), "k of interval " + j);
            assertClose("delta " + j, delta[j], w.weight(), EST, 1e-2);
            if (j > 0) {
                assertClose("se_delta " + j, deltaSe[j], w.se(), SE, 1e-3);
            }
        }
    }

    /** tau² = 0 at the maximum: metafor's free fit creeps towards it; its fit with tau² = 0 fixed is the boundary maximum. */
    @Test
    void tau2AtItsBoundary() {
        SelectionReferences ref = SelectionReferences.read("selmodel_cohen1981_3psm_tau2_boundary");
        SelectionModelResult r = model(ref.root()).fit(ref.yi(), ref.vi());
        JsonNode free = ref.root().get("expected");
        JsonNode fixed = ref.root().get("expected_tau2_fixed");
        assertEquals(0, r.tau2(), 0, "tau2 exactly at the bound");
        assertTrue(free.get("tau2").asDouble() < 1e-6, "metafor's free fit approaches 0");
        assertClose("estimate", fixed.get("beta").asDouble(), r.estimate(), EST, 1e-3);
        assertClose("ll", fixed.get("ll").asDouble(), r.logLikelihood(), 1e-10, 1);
        // standard errors given tau² = 0, as metafor's with tau² fixed; tau² has none
        assertClose("se", fixed.get("se").asDouble(), r.se(), SE, 1e-6);
        assertTrue(Double.isNaN(r.tau2Se()), "no SE of tau² at 0");
        assertTrue(r.logLikelihood() >= free.get("ll").asDouble() - 1e-9, "no lower than metafor's free maximum");
        double[] delta = SelectionReferences.doubles(fixed.get("delta"));
        for (int j = 1; j < delta.length; j++) {
            assertClose("delta " + j, delta[j], r.weights().get(j).weight(), EST, 1e-2);
        }
        // the free fit's estimate, whose tau² is 5e-7 rather than 0, to 1e-5
        assertClose("estimate (free fit)", free.get("beta").asDouble(), r.estimate(), 1e-5, 1e-3);
    }

    /** A weight held at delta.max = 100 (metafor's reaches 100 - 2e-5), tau² at 0 too. */
    @Test
    void weightAtItsUpperBound() {
        SelectionReferences ref = SelectionReferences.read("selmodel_delta_upper_bound");
        SelectionModelResult r = model(ref.root()).fit(ref.yi(), ref.vi());
        JsonNode e = ref.root().get("expected");
        SelectionWeight w = r.weights().get(1);
        assertEquals(SelectionModel.MAX_WEIGHT, w.weight(), 0, "the bound");
        assertTrue(w.atBound() && r.weightAtBound(), "reported at the bound");
        assertTrue(e.get("delta").get(1).asDouble() > 99.999, "metafor approaches it");
        assertClose("estimate", e.get("beta").asDouble(), r.estimate(), 1e-5, 1e-3);
        assertClose("ll", e.get("ll").asDouble(), r.logLikelihood(), 1e-8, 1);
        assertClose("LRT", e.get("LRT").asDouble(), r.lrt(), 1e-6, 1);
        assertClose("se", e.get("se").asDouble(), r.se(), 1e-3, 1e-6);
    }

    /** No p-value in (.5, 1]: refused with the interval named, as metafor refuses. */
    @Test
    void emptyIntervalIsRefused() {
        SelectionReferences ref = SelectionReferences.read("selmodel_synthetic_k300_empty_interval");
        assertTrue(ref.root().get("error").asText().contains("do not contain any observed p-values"));
        EmptyIntervalException e = assertThrows(EmptyIntervalException.class,
            () -> model(ref.root()).fit(ref.yi(), ref.vi()));
        assertEquals(0.5, e.lower(), 0);
        assertEquals(1, e.upper(), 0);
    }

    @Test
    void refusals() {
        assertThrows(IllegalArgumentException.class, () -> SelectionModel.of(0.025, 1.5));
        assertThrows(IllegalArgumentException.class, () -> SelectionModel.of(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SelectionModel.of(1));
        assertThrows(IllegalArgumentException.class, () -> SelectionModel.of());
        // 3 parameters (mu, tau2, delta2), 2 studies
        assertThrows(IllegalArgumentException.class,
            () -> SelectionModel.threeParameter().fit(new double[] {0.5, 0.01}, new double[] {0.01, 0.02}));
        assertThrows(IllegalArgumentException.class,
            () -> SelectionModel.threeParameter().fit(new double[] {0.5, 0.01, 0.2}, new double[] {0.01, 0.02}));
        // steps sorted, duplicates dropped, 1 appended
        assertEquals("[0.025, 0.5, 1.0]", Arrays.toString(SelectionModel.of(0.5, 0.025, 0.5).steps()));
    }

    /** An iteration limit that cannot be met is a documented failure, not a hang or a half result. */
    @Test
    void iterationLimitIsAFailure() {
        SelectionReferences ref = SelectionReferences.read("selmodel_selected_k66_4step");
        SelectionNonConvergenceException e = assertThrows(SelectionNonConvergenceException.class,
            () -> model(ref.root()).withMaxIterations(1).fit(ref.yi(), ref.vi()));
        assertEquals(1, e.iterations());
    }

    /** The p-values are scale-free: y times c and v times c² give the estimate times c, tau² times c², the same weights. */
    @Test
    void scaleEquivariance() {
        SelectionReferences ref = SelectionReferences.read("selmodel_selected_k66_4step");
        SelectionModel m = model(ref.root());
        SelectionModelResult a = m.fit(ref.yi(), ref.vi());
        double c = 3.7;
        double[] y = Arrays.stream(ref.yi()).map(v -> c * v).toArray();
        double[] v = Arrays.stream(ref.vi()).map(x -> c * c * x).toArray();
        SelectionModelResult b = m.fit(y, v);
        assertClose("estimate", c * a.estimate(), b.estimate(), 1e-8, 1e-3);
        assertClose("tau2", c * c * a.tau2(), b.tau2(), 1e-7, 1e-3);
        assertClose("se", c * a.se(), b.se(), 1e-6, 1e-3);
        for (int j = 1; j < a.weights().size(); j++) {
            assertClose("delta " + j, a.weights().get(j).weight(), b.weights().get(j).weight(), 1e-7, 1e-2);
        }
    }

    /** Negated effects with the "less" p-value are the mirror image of the "greater" fit. */
    @Test
    void lessMirrorsGreater() {
        SelectionReferences ref = SelectionReferences.read("selmodel_crede2010_5step");
        SelectionModelResult a = model(ref.root()).fit(ref.yi(), ref.vi());
        double[] y = Arrays.stream(ref.yi()).map(v -> -v).toArray();
        SelectionModelResult b = model(ref.root()).withAlternative(PValueAlternative.LESS).fit(y, ref.vi());
        assertClose("estimate", -a.estimate(), b.estimate(), 1e-9, 1e-3);
        assertClose("tau2", a.tau2(), b.tau2(), 1e-9, 1e-3);
        assertClose("lrt", a.lrt(), b.lrt(), 1e-9, 1);
    }
}
