package org.alliancelab.cli;

import static org.alliancelab.cli.GoldenStudies.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code alliance-lab bias --format json} against every {@code egger},
 * {@code ranktest}, {@code trimfill} (L0 and R0) and {@code failsafe} case of the golden files
 * molloy2014, cohen1981, craft2003_acog, edge_homogeneous and synthetic_k300 (metafor 3.8-1:
 * {@code regtest(res)}, {@code ranktest(res)}, {@code trimfill(res, estimator = ...)},
 * {@code fsn(yi, vi)} for {@code res <- rma(yi, vi, method = "REML")}), to 1e-6 relative;
 * k0, side and the fail-safe N exactly.
 */
class BiasCommandGoldenTest {

    private static final double TOL = 1e-6;

    @TempDir
    static Path dir;

    @TestFactory
    List<DynamicTest> goldenCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : GoldenStudies.DIAGNOSTICS_FILES) {
            GoldenStudies g = GoldenStudies.load(file);
            for (String estimator : List.of("L0", "R0")) {
                tests.add(DynamicTest.dynamicTest(file + " --trimfill-estimator " + estimator,
                    () -> check(g, estimator)));
            }
        }
        return tests;
    }

    private static void check(GoldenStudies g, String estimator) {
        JsonNode tf = null;
        for (JsonNode c : g.cases("trimfill")) {
            if (c.get("estimator").asText().equals(estimator)) {
                tf = c;
            }
        }
        JsonNode egger = g.cases("egger").get(0);
        JsonNode rank = g.cases("ranktest").get(0);
        JsonNode fsn = g.cases("failsafe").get(0);
        for (JsonNode c : List.of(egger, rank, tf, fsn)) {
            assertEquals("ZCOR", c.get("measure").asText(), "the golden bias cases are on the ZCOR scale");
        }
        assertEquals("REML", tf.get("method").asText());
        JsonNode a = GoldenStudies.json("bias", "--input", g.writeCsv(dir).toString(), "--measure", "ZCOR",
            "--method", egger.get("method").asText(), "--trimfill-estimator", estimator, "--format", "json");

        assertEquals(Set.of("zval", "pval", "limit_estimate"), keys(a.get("egger")), "egger keys");
        JsonNode e = egger.get("expected");
        assertClose("egger zval", e.get("zval").asDouble(), a.get("egger").get("zval"), TOL, 1e-12);
        assertClose("egger pval", e.get("pval").asDouble(), a.get("egger").get("pval"), TOL, 1e-12);
        assertClose("egger limit_estimate", e.get("limit_estimate").asDouble(),
            a.get("egger").get("limit_estimate"), TOL, 1e-12);

        assertEquals(Set.of("tau", "pval"), keys(a.get("ranktest")), "ranktest keys");
        JsonNode r = rank.get("expected");
        assertClose("ranktest tau", r.get("tau").asDouble(), a.get("ranktest").get("tau"), TOL, 1e-12);
        assertClose("ranktest pval", r.get("pval").asDouble(), a.get("ranktest").get("pval"), TOL, 1e-12);

        assertEquals(Set.of("k0", "side", "estimate", "se", "tau2"), keys(a.get("trimfill")), "trimfill keys");
        assertEquals(estimator, a.get("trimfill_estimator").asText());
        JsonNode t = tf.get("expected");
        assertEquals(t.get("k0").asInt(), a.get("trimfill").get("k0").asInt(), "k0");
        assertEquals(t.get("side").asText(), a.get("trimfill").get("side").asText(), "side");
        assertClose("trimfill estimate", t.get("estimate").asDouble(), a.get("trimfill").get("estimate"), TOL, 1e-12);
        assertClose("trimfill se", t.get("se").asDouble(), a.get("trimfill").get("se"), TOL, 1e-12);
        // tau^2 is 0 in edge_homogeneous: absolute floor
        assertClose("trimfill tau2", t.get("tau2").asDouble(), a.get("trimfill").get("tau2"), TOL, 1e-10);

        assertEquals(Set.of("fsnum", "pval"), keys(a.get("failsafe")), "failsafe keys");
        assertEquals("Rosenthal", fsn.get("type").asText());
        JsonNode f = fsn.get("expected");
        assertEquals(f.get("fsnum").asLong(), a.get("failsafe").get("fsnum").asLong(), "fsnum");
        assertEquals(true, a.get("failsafe").get("fsnum").isIntegralNumber(), "fsnum is a whole number");
        // synthetic_k300's p underflows to 0 in R
        assertClose("failsafe pval", f.get("pval").asDouble(), a.get("failsafe").get("pval"), TOL, 1e-300);
    }

    private static Set<String> keys(JsonNode o) {
        Set<String> out = new TreeSet<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
