package org.alliancelab.meta.dependence;

import static org.alliancelab.meta.golden.GoldenCases.assertClose;
import static org.alliancelab.meta.golden.GoldenCases.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BiConsumer;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.pooling.TauSquaredInterval;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code aggregate}, {@code pool_after_aggregate} and {@code multilevel} case of the golden
 * files (metafor 3.8-1: {@code aggregate(dat, cluster = studyid, rho = 0.5, struct = "CS")},
 * {@code rma(yi, vi, method = "REML")} on those rows, and
 * {@code rma.mv(yi, vi, random = ~ 1 | studyid/sampleid, method = "REML")}; golden/README.md).
 * Aggregation and pooling to 1e-6 relative; the multilevel model to 1e-4, because rma.mv's
 * default optimizer (nlminb) stops well short of the REML maximum's full precision.
 */
class GoldenDependenceTest {

    private static final double TOL = 1e-6;
    private static final double MULTILEVEL_TOL = 1e-4;

    private static List<DynamicTest> cases(String kind, BiConsumer<GoldenCases, JsonNode> check) {
        return GoldenCases.dynamicTests(kind, c -> kind, check);
    }


    private static List<AggregatedEffect> aggregated(GoldenCases g, String measure, String cluster, double rho) {
        return CompoundSymmetryAggregation.of(rho).aggregate(g.strings(cluster), g.yi(measure), g.vi(measure));
    }

    private static String measure(JsonNode c) {
        return c.get("measure").asText();
    }

    @TestFactory
    List<DynamicTest> aggregate() {
        return cases("aggregate", (g, c) -> {
            assertEquals("CS", c.get("struct").asText());
            List<AggregatedEffect> rows = aggregated(g, measure(c), c.get("cluster").asText(), c.get("rho").asDouble());
            JsonNode e = c.get("expected");
            double[] yi = doubles(e.get("yi"));
            double[] vi = doubles(e.get("vi"));
            assertEquals(yi.length, rows.size());
            for (int i = 0; i < yi.length; i++) {
                assertEquals(e.get("cluster").get(i).asText(), rows.get(i).cluster());
                assertClose("yi of cluster " + rows.get(i).cluster(), yi[i], rows.get(i).yi(), TOL, 1e-12);
                assertClose("vi of cluster " + rows.get(i).cluster(), vi[i], rows.get(i).vi(), TOL, 1e-12);
            }
        });
    }

    @TestFactory
    List<DynamicTest> poolAfterAggregate() {
        return cases("pool_after_aggregate", (g, c) -> {
            // the aggregation of this file's 'aggregate' case
            JsonNode agg = g.cases("aggregate").get(0);
            List<AggregatedEffect> rows = aggregated(g, measure(agg), agg.get("cluster").asText(), agg.get("rho").asDouble());
            double[] y = rows.stream().mapToDouble(AggregatedEffect::yi).toArray();
            double[] v = rows.stream().mapToDouble(AggregatedEffect::vi).toArray();
            RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.parse(c.get("method").asText()))
                .withTest(InferenceTest.parse(c.get("test").asText()))
                .withConvergence(1e-12, 10000);
            MetaAnalysisResult r = model.fit(y, v);
            JsonNode e = c.get("expected");
            assertEquals(e.get("k").asInt(), r.k());
            assertClose("estimate", e.get("estimate").asDouble(), r.estimate(), TOL, 1e-12);
            assertClose("se", e.get("se").asDouble(), r.se(), TOL, 1e-12);
            assertClose("zval", e.get("zval").asDouble(), r.statistic(), TOL, 1e-12);
            assertClose("pval", e.get("pval").asDouble(), r.pValue(), TOL, 1e-300);
            assertClose("ci_lb", e.get("ci_lb").asDouble(), r.ciLower(), TOL, 1e-12);
            assertClose("ci_ub", e.get("ci_ub").asDouble(), r.ciUpper(), TOL, 1e-12);
            assertClose("tau2", e.get("tau2").asDouble(), r.tau2(), TOL, 1e-12);
            assertClose("tau2_se", e.get("tau2_se").asDouble(), r.tau2Se(), TOL, 1e-12);
            assertClose("I2", e.get("I2").asDouble(), r.i2(), TOL, 1e-12);
            assertClose("H2", e.get("H2").asDouble(), r.h2(), TOL, 1e-12);
            assertClose("QE", e.get("QE").asDouble(), r.qe(), TOL, 1e-12);
            assertClose("QEp", e.get("QEp").asDouble(), r.qeP(), TOL, 1e-300);
            assertClose("pi_lb", e.get("pi_lb").asDouble(), r.piLower(), TOL, 1e-12);
            assertClose("pi_ub", e.get("pi_ub").asDouble(), r.piUpper(), TOL, 1e-12);
            TauSquaredInterval ci = model.tau2ConfidenceInterval(y, v, r.tau2());
            assertClose("tau2_ci_lb", e.get("tau2_ci_lb").asDouble(), ci.lower(), TOL, 1e-12);
            assertClose("tau2_ci_ub", e.get("tau2_ci_ub").asDouble(), ci.upper(), TOL, 1e-12);
            MetaAnalysisResult.CorrelationSummary rr = r.toCorrelation();
            assertClose("r", e.get("r").asDouble(), rr.r(), TOL, 1e-12);
            assertClose("r_ci_lb", e.get("r_ci_lb").asDouble(), rr.ciLower(), TOL, 1e-12);
            assertClose("r_ci_ub", e.get("r_ci_ub").asDouble(), rr.ciUpper(), TOL, 1e-12);
            assertClose("r_pi_lb", e.get("r_pi_lb").asDouble(), rr.piLower(), TOL, 1e-12);
            assertClose("r_pi_ub", e.get("r_pi_ub").asDouble(), rr.piUpper(), TOL, 1e-12);
        });
    }

    @TestFactory
    List<DynamicTest> multilevel() {
        return cases("multilevel", (g, c) -> {
            // random = "~ 1 | STUDY/SAMPLE"
            String[] levels = c.get("random").asText().replaceFirst("^~\\s*1\\s*\\|", "").trim().split("/");
            assertEquals(2, levels.length, "a three-level structure study/sample");
            String m = measure(c);
            ThreeLevelResult r = ThreeLevelModel.reml()
                .fit(g.yi(m), g.vi(m), g.strings(levels[0].trim()), g.strings(levels[1].trim()));
            JsonNode e = c.get("expected");
            double[] sigma2 = doubles(e.get("sigma2"));
            assertClose("estimate", e.get("estimate").asDouble(), r.estimate(), MULTILEVEL_TOL, 1e-12);
            assertClose("se", e.get("se").asDouble(), r.se(), MULTILEVEL_TOL, 1e-12);
            assertClose("ci_lb", e.get("ci_lb").asDouble(), r.ciLower(), MULTILEVEL_TOL, 1e-12);
            assertClose("ci_ub", e.get("ci_ub").asDouble(), r.ciUpper(), MULTILEVEL_TOL, 1e-12);
            assertClose("sigma2[1] (studies)", sigma2[0], r.sigma2Studies(), MULTILEVEL_TOL, 1e-12);
            assertClose("sigma2[2] (samples)", sigma2[1], r.sigma2Samples(), MULTILEVEL_TOL, 1e-12);
            assertClose("QE", e.get("QE").asDouble(), r.qe(), TOL, 1e-12);
            assertClose("logLik", e.get("logLik").asDouble(), r.logLikelihood(), MULTILEVEL_TOL, 1e-12);
        });
    }
}
