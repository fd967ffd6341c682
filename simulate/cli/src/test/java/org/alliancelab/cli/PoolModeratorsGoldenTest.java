package org.alliancelab.cli;

import static org.alliancelab.cli.GoldenStudies.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code alliance-lab pool --mods ... --format json} against every {@code metareg}
 * case of golden/molloy2014.json (metafor 3.8-1: {@code rma(yi, vi, mods = ~ meanage)} and
 * {@code rma(yi, vi, mods = ~ factor(controls) + quality)}, REML, z tests), to 1e-6 relative.
 * The formula's {@code +} becomes the comma list of {@code --mods}; {@code controls} holds text,
 * so it is dummy-coded against its first sorted level as R's {@code factor()} is.
 */
class PoolModeratorsGoldenTest {

    private static final double TOL = 1e-6;

    /** The keys of plain {@code pool} (ZCOR), which a meta-regression's JSON has too. */
    private static final Set<String> POOL_KEYS = Set.of("measure", "method", "test", "k", "estimate", "se", "zval",
        "pval", "ci_lb", "ci_ub", "tau2", "I2", "H2", "QE", "QEp", "pi_lb", "pi_ub", "tau2_se", "tau2_ci_lb",
        "tau2_ci_ub", "r", "r_ci_lb", "r_ci_ub", "r_pi_lb", "r_pi_ub");

    @TempDir
    static Path dir;

    @TestFactory
    List<DynamicTest> metaregCases() {
        GoldenStudies g = GoldenStudies.load("molloy2014.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : g.cases("metareg")) {
            String mods = c.get("mods").asText().replace('+', ',');
            tests.add(DynamicTest.dynamicTest("molloy2014 --mods " + mods, () -> check(g, c, mods)));
        }
        assertEquals(2, tests.size(), "molloy2014 has two metareg cases");
        return tests;
    }

    private static void check(GoldenStudies g, JsonNode c, String mods) {
        JsonNode a = GoldenStudies.json("pool", "--input", g.writeCsv(dir).toString(), "--mods", mods,
            "--measure", c.get("measure").asText(), "--method", c.get("method").asText(),
            "--test", c.get("test").asText(), "--format", "json");
        JsonNode e = c.get("expected");

        Set<String> keys = new TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        assertTrue(keys.containsAll(POOL_KEYS), () -> "plain pool keys missing from " + keys);
        assertTrue(keys.containsAll(Set.of("coefficients", "QM", "QMp", "R2")), () -> "keys " + keys);
        assertTrue(a.get("estimate").isNull(), "a meta-regression has no single pooled estimate");

        JsonNode coefs = a.get("coefficients");
        JsonNode names = e.get("coef_names");
        assertEquals(names.size(), coefs.size(), "number of coefficients");
        double crit = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);
        for (int j = 0; j < names.size(); j++) {
            JsonNode cf = coefs.get(j);
            String name = names.get(j).asText();
            assertEquals(name, cf.get("name").asText(), "coefficient " + j + " (design-matrix order)");
            double b = e.get("coef").get(j).asDouble();
            double se = e.get("se").get(j).asDouble();
            assertClose(name + " estimate", b, cf.get("estimate"), TOL, 1e-12);
            assertClose(name + " se", se, cf.get("se"), TOL, 1e-12);
            assertClose(name + " pval", e.get("pval").get(j).asDouble(), cf.get("pval"), TOL, 1e-12);
            // metafor's zval and CI bounds follow from its coef and se (Wald z, 95%)
            assertClose(name + " zval", b / se, cf.get("zval"), TOL, 1e-12);
            assertClose(name + " ci_lb", b - crit * se, cf.get("ci_lb"), TOL, 1e-12);
            assertClose(name + " ci_ub", b + crit * se, cf.get("ci_ub"), TOL, 1e-12);
        }
        // tau^2 sits at the zero boundary in the controls+quality case (1.6e-13 in R): absolute 1e-9,
        // and I2 (2.6e-9 percent there) likewise in percentage points
        assertClose("tau2", e.get("tau2").asDouble(), a.get("tau2"), TOL, 1e-9);
        assertClose("I2", e.get("I2").asDouble(), a.get("I2"), TOL, 1e-6);
        assertClose("QM", e.get("QM").asDouble(), a.get("QM"), TOL, 1e-12);
        assertClose("QMp", e.get("QMp").asDouble(), a.get("QMp"), TOL, 1e-12);
        assertClose("QE", e.get("QE").asDouble(), a.get("QE"), TOL, 1e-12);
        assertClose("QEp", e.get("QEp").asDouble(), a.get("QEp"), TOL, 1e-12);
        assertClose("R2", e.get("R2").asDouble(), a.get("R2"), TOL, 1e-12);
        assertEquals(g.studies().size(), a.get("k").asInt(), "k");
        assertFalse(a.get("tau2_se").isNull(), "REML gives an SE of tau^2");
    }
}
