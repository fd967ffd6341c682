package org.alliancelab.cli;

import static org.alliancelab.cli.GoldenStudies.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code alliance-lab influence --format json} against every {@code leave1out}
 * case of the golden files (metafor 3.8-1 {@code leave1out(rma(yi, vi, method = "REML"))}:
 * estimate, se, tau2, I2, QE per omitted study), to 1e-6 relative.
 *
 * <p>The golden files have no {@code influence()} output, so the diagnostics are checked against
 * the formulas of Viechtbauer &amp; Cheung (2010, doi:10.1002/jrsm.11), as metafor's
 * {@code influence.rma.uni} computes them, evaluated on metafor's own numbers: the full fit
 * (the file's {@code pool} case ZCOR REML z), the leave-one-out fits and the effect sizes
 * (the file's {@code yi_ZCOR}, {@code vi_ZCOR}).
 */
class InfluenceCommandGoldenTest {

    private static final double TOL = 1e-6;

    @TempDir
    static Path dir;

    @TestFactory
    List<DynamicTest> goldenCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : GoldenStudies.DIAGNOSTICS_FILES) {
            GoldenStudies g = GoldenStudies.load(file);
            for (JsonNode c : g.cases("leave1out")) {
                tests.add(DynamicTest.dynamicTest(file + " leave1out " + c.get("method").asText(), () -> check(g, c)));
            }
        }
        assertEquals(GoldenStudies.DIAGNOSTICS_FILES.size(), tests.size(), "one leave1out case per file");
        return tests;
    }

    private static void check(GoldenStudies g, JsonNode c) {
        String measure = c.get("measure").asText();
        String method = c.get("method").asText();
        JsonNode a = GoldenStudies.json("influence", "--input", g.writeCsv(dir).toString(), "--measure", measure,
            "--method", method, "--format", "json");
        JsonNode e = c.get("expected");
        int k = g.studies().size();
        JsonNode rows = a.get("leave1out");
        assertEquals(k, rows.size(), "one leave-one-out row per study");
        for (int i = 0; i < k; i++) {
            JsonNode row = rows.get(i);
            String study = g.studies().get(i).get("study").asText();
            assertEquals(study, row.get("study").asText(), "row " + i + " omits study " + study);
            for (String key : List.of("estimate", "se", "tau2", "I2", "QE")) {
                // tau2 and I2 are 0 in edge_homogeneous: absolute floors
                assertClose(study + " " + key, e.get(key).get(i).asDouble(), row.get(key), TOL, 1e-10);
            }
        }

        // influence diagnostics from metafor's values
        JsonNode full = g.poolCase(measure, method, "z").get("expected");
        double mu = full.get("estimate").asDouble();
        double vMu = Math.pow(full.get("se").asDouble(), 2);
        double tau2 = full.get("tau2").asDouble();
        double sw = 0;
        for (JsonNode s : g.studies()) {
            sw += 1 / (s.get("vi_" + measure).asDouble() + tau2);
        }
        JsonNode inf = a.get("influence");
        assertEquals(k, inf.size(), "one influence row per study");
        for (int i = 0; i < k; i++) {
            JsonNode row = inf.get(i);
            JsonNode s = g.studies().get(i);
            String study = s.get("study").asText();
            assertEquals(study, row.get("study").asText());
            double yi = s.get("yi_" + measure).asDouble();
            double vi = s.get("vi_" + measure).asDouble();
            double muDel = e.get("estimate").get(i).asDouble();
            double vDel = Math.pow(e.get("se").get(i).asDouble(), 2);
            double tau2Del = e.get("tau2").get(i).asDouble();
            double swDel = 0;
            for (JsonNode t : g.studies()) {
                swDel += 1 / (t.get("vi_" + measure).asDouble() + tau2Del);
            }
            double hat = 1 / (vi + tau2) / sw;
            double diff = mu - muDel;
            // relative 1e-6; the tiny absolute floors only matter for values at 0
            assertClose(study + " hat", hat, row.get("hat"), TOL, 1e-12);
            assertClose(study + " weight", 100 * hat, row.get("weight"), TOL, 1e-10);
            assertClose(study + " tau2_del", tau2Del, row.get("tau2_del"), TOL, 1e-10);
            assertClose(study + " QE_del", e.get("QE").get(i).asDouble(), row.get("QE_del"), TOL, 1e-10);
            assertClose(study + " cov_r", vDel / vMu, row.get("cov_r"), TOL, 1e-12);
            assertClose(study + " rstudent", (yi - muDel) / Math.sqrt(vi + tau2Del + vDel), row.get("rstudent"),
                TOL, 1e-12);
            assertClose(study + " cook_d", diff * diff / vMu, row.get("cook_d"), TOL, 1e-14);
            assertClose(study + " dffits", diff / Math.sqrt(hat * (tau2Del + vi)), row.get("dffits"), TOL, 1e-12);
            assertClose(study + " dfbs", diff / Math.sqrt(1 / swDel), row.get("dfbs"), TOL, 1e-12);
            assertTrue(row.get("influential").isBoolean(), "influential is true or false");
        }
    }
}
