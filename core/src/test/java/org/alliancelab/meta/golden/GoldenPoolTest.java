package org.alliancelab.meta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.EffectSizes;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.pooling.TauSquaredInterval;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code pool} case of every golden file: effect sizes and every pooled value against
 * R metafor 3.8-1 ({@code rma(yi, vi, method, test)}, {@code predict}, {@code confint(type = "QP")},
 * {@code transf.ztor}), computed with threshold 1e-12 (see golden/README.md; the expected values
 * are the files' {@code expected} objects). Tolerance: 1e-6 relative, or 1e-9 absolute near 0.
 */
class GoldenPoolTest {

    private static final double RELATIVE = 1e-6;
    /** Magnitude below which RELATIVE applies absolutely: 1e-9 absolute near 0. */
    private static final double FLOOR = 1e-3;

    /** Effect sizes of a golden file's studies for a measure, computed by this library. */
    static double[][] effectSizes(JsonNode studies, CorrelationMeasure measure) {
        int k = studies.size();
        double[] yi = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            JsonNode s = studies.get(i);
            int n = s.get("ni").asInt();
            int covariates = s.has("covariates") ? s.get("covariates").asInt() : 0;
            double r = s.has("ti")
                ? EffectSizes.partialCorrelationFromT(s.get("ti").asDouble(), n, covariates)
                : s.get("ri").asDouble();
            var es = EffectSizes.of(measure, r, n, covariates);
            yi[i] = es.yi();
            vi[i] = es.vi();
        }
        return new double[][] {yi, vi};
    }

    @TestFactory
    Stream<DynamicContainer> everyPoolCase() {
        return GoldenCases.FILES.stream().map(name -> {
            GoldenCases golden = GoldenCases.load(name);
            JsonNode studies = golden.studies();
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode c : golden.cases("pool")) {
                String label = c.get("measure").asText() + " " + c.get("method").asText() + " " + c.get("test").asText();
                tests.add(DynamicTest.dynamicTest(label, () -> checkCase(studies, c)));
            }
            for (String m : new String[] {"COR", "ZCOR", "PCOR", "ZPCOR"}) {
                if (studies.get(0).has("yi_" + m)) {
                    tests.add(DynamicTest.dynamicTest("escalc " + m, () -> checkEffectSizes(studies, m)));
                }
            }
            assertTrue(!tests.isEmpty(), name + " has cases");
            return DynamicContainer.dynamicContainer(name, tests);
        });
    }

    private static void checkEffectSizes(JsonNode studies, String measure) {
        double[][] es = effectSizes(studies, CorrelationMeasure.parse(measure));
        for (int i = 0; i < studies.size(); i++) {
            assertClose("yi[" + i + "]", studies.get(i).get("yi_" + measure).asDouble(), es[0][i]);
            assertClose("vi[" + i + "]", studies.get(i).get("vi_" + measure).asDouble(), es[1][i]);
        }
    }

    private static void checkCase(JsonNode studies, JsonNode c) {
        CorrelationMeasure measure = CorrelationMeasure.parse(c.get("measure").asText());
        double[][] es = effectSizes(studies, measure);
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.parse(c.get("method").asText()))
            .withTest(InferenceTest.parse(c.get("test").asText()));
        MetaAnalysisResult res = model.fit(es[0], es[1]);
        JsonNode expected = c.get("expected");
        Map<String, ToDoubleFunction<MetaAnalysisResult>> keys = Map.ofEntries(
            Map.entry("estimate", MetaAnalysisResult::estimate),
            Map.entry("se", MetaAnalysisResult::se),
            Map.entry("zval", MetaAnalysisResult::statistic),
            Map.entry("pval", MetaAnalysisResult::pValue),
            Map.entry("ci_lb", MetaAnalysisResult::ciLower),
            Map.entry("ci_ub", MetaAnalysisResult::ciUpper),
            Map.entry("tau2", MetaAnalysisResult::tau2),
            Map.entry("tau2_se", MetaAnalysisResult::tau2Se),
            Map.entry("I2", MetaAnalysisResult::i2),
            Map.entry("H2", MetaAnalysisResult::h2),
            Map.entry("QE", MetaAnalysisResult::qe),
            Map.entry("QEp", MetaAnalysisResult::qeP),
            Map.entry("pi_lb", MetaAnalysisResult::piLower),
            Map.entry("pi_ub", MetaAnalysisResult::piUpper),
            Map.entry("r", r -> r.toCorrelation().r()),
            Map.entry("r_ci_lb", r -> r.toCorrelation().ciLower()),
            Map.entry("r_ci_ub", r -> r.toCorrelation().ciUpper()),
            Map.entry("r_pi_lb", r -> r.toCorrelation().piLower()),
            Map.entry("r_pi_ub", r -> r.toCorrelation().piUpper()));
        assertEquals(expected.get("k").asInt(), res.k(), "k");
        int checked = 0;
        for (var e : keys.entrySet()) {
            JsonNode value = expected.get(e.getKey());
            if (value == null) {
                continue;
            }
            double actual = e.getValue().applyAsDouble(res);
            if (value.isNull()) {
                assertTrue(Double.isNaN(actual), e.getKey() + " should not exist, got " + actual);
            } else {
                assertClose(e.getKey(), value.asDouble(), actual);
            }
            checked++;
        }
        if (expected.has("tau2_ci_lb")) {
            TauSquaredInterval ci = model.tau2ConfidenceInterval(es[0], es[1], res.tau2());
            assertClose("tau2_ci_lb", expected.get("tau2_ci_lb").asDouble(), ci.lower());
            assertClose("tau2_ci_ub", expected.get("tau2_ci_ub").asDouble(), ci.upper());
            checked += 2;
        }
        assertTrue(checked >= 14, "checked " + checked + " values");
    }

    static void assertClose(String what, double expected, double actual) {
        GoldenCases.assertClose(what, expected, actual, RELATIVE, FLOOR);
    }
}
