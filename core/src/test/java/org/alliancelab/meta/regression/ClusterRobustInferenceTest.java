package org.alliancelab.meta.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CR1 and CR2 (Satterthwaite) against R: {@code robust/robust_*.json} on the test classpath,
 * written by {@code core/src/test/r/robust-reference.R} (metafor 3.8-1, clubSandwich 0.5.8;
 * each file records its calls: {@code robust(fit, cluster, adjust = TRUE)} and
 * {@code robust(fit, cluster, clubSandwich = TRUE)}). Every field to 1e-8 relative.
 */
class ClusterRobustInferenceTest {
    private static final double REL = 1e-8;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode read(String name) throws IOException {
        try (InputStream in = ClusterRobustInferenceTest.class.getResourceAsStream("/robust/robust_" + name + ".json")) {
            return MAPPER.readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"one_per_cluster_reml", "two_per_cluster_ee", "metaregression_reml", "paired_reml",
        "paired_ee", "small_m5_reml", "differences_reml", "differences_ee"})
    void matchesMetaforAndClubSandwich(String name) throws IOException {
        JsonNode root = read(name);
        JsonNode data = root.get("data");
        int k = data.size();
        double[] yi = new double[k];
        double[] vi = new double[k];
        int[] cluster = new int[k];
        List<String> mods = new ArrayList<>();
        root.get("moderators").forEach(m -> mods.add(m.asText()));
        DesignMatrix.Builder b = DesignMatrix.builder(k);
        for (int i = 0; i < k; i++) {
            yi[i] = data.get(i).get("yi").asDouble();
            vi[i] = data.get(i).get("vi").asDouble();
            cluster[i] = data.get(i).get("cluster").asInt();
        }
        for (String m : mods) {
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                v[i] = data.get(i).get(m).asDouble();
            }
            b.continuous(m, v);
        }
        DesignMatrix design = b.build();
        // tau2 from our own REML or EE fit, itself matched to metafor elsewhere; checked here too.
        TauSquaredEstimator estimator = TauSquaredEstimator.parse(root.get("method").asText());
        double tau2 = MetaRegression.of(RandomEffectsModel.of(estimator)).fit(yi, vi, design).tau2();
        assertEquals(root.get("tau2").asDouble(), tau2, 1e-7 * Math.max(1e-3, tau2), "tau2");
        for (SandwichEstimator e : SandwichEstimator.values()) {
            ClusterRobustResult r = ClusterRobustInference.of(e).fit(yi, vi, tau2, design, cluster);
            JsonNode expected = root.get(e.name());
            assertEquals(expected.size(), r.coefficients().size());
            for (int j = 0; j < expected.size(); j++) {
                JsonNode x = expected.get(j);
                RobustCoefficient c = r.coefficients().get(j);
                String at = name + " " + e + " " + x.get("name").asText();
                assertEquals(x.get("name").asText(), c.name(), at);
                close(x.get("estimate").asDouble(), c.estimate(), at + " estimate");
                close(x.get("se").asDouble(), c.se(), at + " se");
                close(x.get("tval").asDouble(), c.statistic(), at + " t");
                close(x.get("df").asDouble(), c.df(), at + " df");
                close(x.get("pval").asDouble(), c.pValue(), at + " p");
                close(x.get("ci_lb").asDouble(), c.ciLower(), at + " ci_lb");
                close(x.get("ci_ub").asDouble(), c.ciUpper(), at + " ci_ub");
            }
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.abs(expected) + 1e-14, what);
    }

    /**
     * Hand derivation for one row per cluster and an intercept only: with weights w_i, estimate
     * b = sum w y / sum w, leverage h_i = w_i / sum w, and A_i = (1 - h_i)^(-1/2), so
     * V_CR2 = sum_i w_i^2 e_i^2 / (1 - h_i) / (sum w)^2. For the df, g_i = w_i T / (sum w)
     * (1 - h_i)^(-1/2) ... reduces to a_i = w_i / ((sum w)^2 (1 - h_i)) and h_i-term
     * (w_i / sum w) (1 - h_i)^(-1/2) / sqrt(sum w), so P_ij = delta_ij a_i - c_i c_j with
     * c_i = w_i (1 - h_i)^(-1/2) / (sum w)^(3/2); df = (sum a - sum c^2)^2 / sum_ij P_ij^2.
     */
    @Test
    void onePerClusterInterceptOnlyIsTheHc2Formula() {
        double[] yi = {0.31, 0.12, 0.25, 0.4, 0.05, 0.22};
        double[] vi = {0.02, 0.01, 0.03, 0.015, 0.05, 0.01};
        double tau2 = 0.004;
        int k = yi.length;
        double[] w = new double[k];
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            w[i] = 1 / (vi[i] + tau2);
            sw += w[i];
            swy += w[i] * yi[i];
        }
        double est = swy / sw;
        double v = 0;
        double[] a = new double[k];
        double[] c = new double[k];
        for (int i = 0; i < k; i++) {
            double h = w[i] / sw;
            double e = yi[i] - est;
            v += w[i] * w[i] * e * e / (1 - h);
            a[i] = w[i] / (sw * sw * (1 - h));
            c[i] = w[i] / Math.sqrt(1 - h) / Math.pow(sw, 1.5);
        }
        v /= sw * sw;
        double trace = 0;
        double squares = 0;
        for (int i = 0; i < k; i++) {
            trace += a[i] - c[i] * c[i];
            for (int j = 0; j < k; j++) {
                double pij = (i == j ? a[i] : 0) - c[i] * c[j];
                squares += pij * pij;
            }
        }
        int[] cluster = {1, 2, 3, 4, 5, 6};
        RobustCoefficient r = ClusterRobustInference.of(SandwichEstimator.CR2)
            .fit(yi, vi, tau2, DesignMatrix.interceptOnly(k), cluster).coefficients().get(0);
        assertEquals(est, r.estimate(), 1e-15);
        assertEquals(Math.sqrt(v), r.se(), 1e-15);
        assertEquals(trace * trace / squares, r.df(), 1e-12);
    }

    @Test
    void tooFewClustersAreRefused() {
        double[] yi = {0.1, 0.2, 0.3};
        double[] vi = {0.01, 0.01, 0.01};
        DesignMatrix x = DesignMatrix.interceptOnly(3);
        assertThrows(IllegalArgumentException.class,
            () -> ClusterRobustInference.of(SandwichEstimator.CR2).fit(yi, vi, 0, x, new int[] {1, 1, 1}));
        DesignMatrix two = DesignMatrix.builder(3).continuous("m", new double[] {0, 1, 2}).build();
        assertThrows(IllegalArgumentException.class,
            () -> ClusterRobustInference.of(SandwichEstimator.CR1).fit(yi, vi, 0, two, new int[] {1, 1, 2}));
        assertThrows(IllegalArgumentException.class,
            () -> ClusterRobustInference.of(SandwichEstimator.CR1).fit(yi, vi, -1, x, new int[] {1, 2, 3}));
    }
}
