package org.alliancelab.meta.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.RobustCoefficient;
import org.alliancelab.meta.regression.SandwichEstimator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EstimateComparison#pairedRobust} against R: {@code robust/robust_differences_*.json}
 * (written by core/src/test/r/robust-reference.R: {@code rma(d, vd, method)} on the within-study
 * differences with working correlation .8, then {@code robust(fit, cluster = 1:k, adjust = TRUE)}
 * and {@code robust(fit, cluster = 1:k, clubSandwich = TRUE)}; metafor 3.8-1, clubSandwich
 * 0.5.8). To 1e-8 relative.
 */
class PairedRobustTest {
    @ParameterizedTest
    @ValueSource(strings = {"differences_reml", "differences_ee"})
    void matchesR(String name) throws IOException {
        JsonNode root;
        try (InputStream in = PairedRobustTest.class.getResourceAsStream("/robust/robust_" + name + ".json")) {
            root = new ObjectMapper().readTree(in);
        }
        JsonNode data = root.get("data");
        int k = data.size();
        double[][] cols = new double[5][k];
        String[] keys = {"yiA", "viA", "yiB", "viB", "rho"};
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < 5; c++) {
                cols[c][i] = data.get(i).get(keys[c]).asDouble();
            }
        }
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.parse(root.get("method").asText()));
        for (SandwichEstimator e : SandwichEstimator.values()) {
            PairedComparison p = EstimateComparison.pairedRobust(cols[0], cols[1], cols[2], cols[3], cols[4], model, e);
            assertEquals(root.get("tau2").asDouble(), p.pooled().tau2(), 1e-7 * Math.max(1e-4, p.pooled().tau2()));
            JsonNode x = root.get(e.name()).get(0);
            RobustCoefficient r = p.robust();
            for (String key : new String[] {"estimate", "se", "tval", "df", "pval", "ci_lb", "ci_ub"}) {
                double expected = x.get(key).asDouble();
                double actual = switch (key) {
                    case "estimate" -> r.estimate();
                    case "se" -> r.se();
                    case "tval" -> r.statistic();
                    case "df" -> r.df();
                    case "pval" -> r.pValue();
                    case "ci_lb" -> r.ciLower();
                    default -> r.ciUpper();
                };
                assertEquals(expected, actual, 1e-8 * Math.abs(expected) + 1e-14, name + " " + e + " " + key);
            }
            assertEquals(p.pooled().estimate(), r.estimate(), 1e-15);
        }
    }
}
