package org.alliancelab.meta.bias;

import static org.alliancelab.meta.golden.GoldenCases.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BiConsumer;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.MetaRegression;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code egger}, {@code ranktest}, {@code trimfill} and {@code failsafe} case of the golden
 * files: metafor 3.8-1 {@code regtest(res)}, {@code ranktest(res)}, {@code trimfill(res,
 * estimator)} and {@code fsn(yi, vi)} (golden/README.md), to 1e-6 relative.
 */
class GoldenBiasTest {

    private static final double TOL = 1e-6;

    private static List<DynamicTest> cases(String kind, BiConsumer<GoldenCases, JsonNode> check) {
        return GoldenCases.dynamicTests(kind,
            c -> kind + (c.has("estimator") ? " " + c.get("estimator").asText() : ""), check);
    }


    private static TauSquaredEstimator method(JsonNode c) {
        return TauSquaredEstimator.parse(c.get("method").asText());
    }

    @TestFactory
    List<DynamicTest> egger() {
        return cases("egger", (g, c) -> {
            String m = c.get("measure").asText();
            // regtest refits with the model's control (threshold 1e-12 in the golden runs)
            EggerResult r = EggerTest.of(MetaRegression.of(method(c)).withConvergence(1e-12, 10000))
                .test(g.yi(m), g.vi(m));
            JsonNode e = c.get("expected");
            assertClose("zval", e.get("zval").asDouble(), r.statistic(), TOL, 1e-12);
            assertClose("pval", e.get("pval").asDouble(), r.pValue(), TOL, 1e-12);
            assertClose("limit_estimate", e.get("limit_estimate").asDouble(), r.limitEstimate(), TOL, 1e-12);
        });
    }

    @TestFactory
    List<DynamicTest> ranktest() {
        return cases("ranktest", (g, c) -> {
            String m = c.get("measure").asText();
            RankCorrelationResult r = RankCorrelationTest.test(g.yi(m), g.vi(m));
            JsonNode e = c.get("expected");
            assertClose("tau", e.get("tau").asDouble(), r.tau(), TOL, 1e-12);
            assertClose("pval", e.get("pval").asDouble(), r.pValue(), TOL, 1e-12);
        });
    }

    @TestFactory
    List<DynamicTest> trimfill() {
        return cases("trimfill", (g, c) -> {
            String m = c.get("measure").asText();
            // original fit as in the golden run (threshold 1e-12); trimfill's own refits use
            // metafor's default control, which matchingMetafor() reproduces
            RandomEffectsModel model = RandomEffectsModel.of(method(c)).withConvergence(1e-12, 10000);
            TrimAndFillResult r = TrimAndFill.of(model).matchingMetafor()
                .withEstimator(MissingStudiesEstimator.valueOf(c.get("estimator").asText()))
                .fit(g.yi(m), g.vi(m));
            JsonNode e = c.get("expected");
            assertEquals(e.get("k0").asInt(), r.k0(), "k0");
            assertEquals(e.get("side").asText(), r.side().label(), "side");
            MetaAnalysisResult f = r.filled();
            assertClose("estimate", e.get("estimate").asDouble(), f.estimate(), TOL, 1e-12);
            assertClose("se", e.get("se").asDouble(), f.se(), TOL, 1e-12);
            assertClose("tau2", e.get("tau2").asDouble(), f.tau2(), TOL, 1e-10);
        });
    }

    @TestFactory
    List<DynamicTest> failsafe() {
        return cases("failsafe", (g, c) -> {
            String m = c.get("measure").asText();
            JsonNode e = c.get("expected");
            String type = c.get("type").asText();
            if ("Orwin".equals(type)) {
                // fsn(yi, vi, type = "Orwin"[, target]): unweighted mean, target default mean/2
                FailSafeResult r = c.has("target") ? FailSafeN.orwin(g.yi(m), c.get("target").asDouble())
                    : FailSafeN.orwin(g.yi(m));
                assertEquals(e.get("fsnum").asDouble(), r.number(), 0.0, "fsnum");
                return;
            }
            assertEquals("Rosenthal", type);
            FailSafeResult r = FailSafeN.rosenthal(g.yi(m), g.vi(m));
            assertEquals(e.get("fsnum").asDouble(), r.number(), 0.0, "fsnum");
            assertClose("pval", e.get("pval").asDouble(), r.pValue(), TOL, 1e-300);
        });
    }
}
