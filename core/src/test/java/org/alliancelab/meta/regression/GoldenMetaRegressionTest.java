package org.alliancelab.meta.regression;

import static org.alliancelab.meta.golden.GoldenCases.assertClose;
import static org.alliancelab.meta.golden.GoldenCases.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code metareg} case of the golden files: metafor 3.8-1
 * {@code rma(yi, vi, mods = ~ MODS, method = "REML")} with threshold 1e-12 (golden/README.md).
 */
class GoldenMetaRegressionTest {

    private static final double TOL = 1e-6;

    @TestFactory
    List<DynamicTest> metaregCases() {
        return GoldenCases.dynamicTests("metareg", c -> "mods=" + c.get("mods").asText(),
            GoldenMetaRegressionTest::check);
    }

    /**
     * Builds the design as R's formula does: text fields (or fields written factor(x)) become
     * factors, numbers stay numeric.
     */
    static DesignMatrix design(GoldenCases g, String mods) {
        DesignMatrix.Builder b = DesignMatrix.builder(g.size());
        for (String mod : mods.split("\\+")) {
            String name = mod.trim();
            if (name.startsWith("factor(") && name.endsWith(")")) {
                String inner = name.substring(7, name.length() - 1).trim();
                b.categorical(inner, g.strings(inner));
            } else if (g.isNumeric(name)) {
                b.continuous(name, g.column(name));
            } else {
                b.categorical(name, g.strings(name));
            }
        }
        return b.build();
    }

    private static void check(GoldenCases g, JsonNode c) {
        String measure = c.get("measure").asText();
        MetaRegressionResult r = MetaRegression.of(TauSquaredEstimator.parse(c.get("method").asText()))
            .withTest(InferenceTest.parse(c.get("test").asText()))
            .withConvergence(1e-12, 10000)
            .fit(g.yi(measure), g.vi(measure), design(g, c.get("mods").asText()));
        JsonNode e = c.get("expected");
        JsonNode names = e.get("coef_names");
        double[] coef = doubles(e.get("coef"));
        double[] se = doubles(e.get("se"));
        double[] pval = doubles(e.get("pval"));
        assertEquals(names.size(), r.p());
        for (int j = 0; j < r.p(); j++) {
            Coefficient cf = r.coefficients().get(j);
            assertEquals(names.get(j).asText(), cf.name());
            assertClose(cf.name() + " coef", coef[j], cf.estimate(), TOL, 1e-12);
            assertClose(cf.name() + " se", se[j], cf.se(), TOL, 1e-12);
            assertClose(cf.name() + " pval", pval[j], cf.pValue(), TOL, 1e-12);
        }
        // tau^2 can sit at the boundary (1.6e-13 in one case): compared absolutely below 1e-9
        assertClose("tau2", e.get("tau2").asDouble(), r.tau2(), TOL, 1e-9);
        // I2 inherits that: at tau^2 ~ 1e-13 it is ~ 1e-9 percent, compared to 1e-9 points absolutely
        assertClose("I2", e.get("I2").asDouble(), r.i2(), TOL, 1e-3);
        assertClose("QM", e.get("QM").asDouble(), r.qm(), TOL, 1e-12);
        assertClose("QMp", e.get("QMp").asDouble(), r.qmP(), TOL, 1e-12);
        assertClose("QE", e.get("QE").asDouble(), r.qe(), TOL, 1e-12);
        assertClose("QEp", e.get("QEp").asDouble(), r.qeP(), TOL, 1e-12);
        assertClose("R2", e.get("R2").asDouble(), r.r2(), TOL, 1e-12);
    }
}
