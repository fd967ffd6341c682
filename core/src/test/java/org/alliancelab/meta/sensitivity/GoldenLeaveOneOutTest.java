package org.alliancelab.meta.sensitivity;

import static org.alliancelab.meta.golden.GoldenCases.assertClose;
import static org.alliancelab.meta.golden.GoldenCases.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code leave1out} case of the golden files: metafor 3.8-1 {@code leave1out(res)} of the
 * REML fit with threshold 1e-12 (golden/README.md), to 1e-6 relative.
 */
class GoldenLeaveOneOutTest {

    private static final double TOL = 1e-6;

    @TestFactory
    List<DynamicTest> leave1outCases() {
        return GoldenCases.dynamicTests("leave1out", c -> "leave1out", GoldenLeaveOneOutTest::check);
    }

    private static void check(GoldenCases g, JsonNode c) {
        String m = c.get("measure").asText();
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.parse(c.get("method").asText()))
            .withConvergence(1e-12, 10000);
        List<MetaAnalysisResult> rows = LeaveOneOut.fit(model, g.yi(m), g.vi(m));
        JsonNode e = c.get("expected");
        double[] est = doubles(e.get("estimate"));
        double[] se = doubles(e.get("se"));
        double[] tau2 = doubles(e.get("tau2"));
        double[] i2 = doubles(e.get("I2"));
        double[] qe = doubles(e.get("QE"));
        assertEquals(est.length, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            MetaAnalysisResult r = rows.get(i);
            String at = " without study " + i;
            assertClose("estimate" + at, est[i], r.estimate(), TOL, 1e-12);
            assertClose("se" + at, se[i], r.se(), TOL, 1e-12);
            // tau^2 (and with it I^2) may be 0 at the boundary: absolute below 1e-10 (1e-6 points)
            assertClose("tau2" + at, tau2[i], r.tau2(), TOL, 1e-10);
            assertClose("I2" + at, i2[i], r.i2(), TOL, 1e-6);
            assertClose("QE" + at, qe[i], r.qe(), TOL, 1e-12);
        }
    }
}
