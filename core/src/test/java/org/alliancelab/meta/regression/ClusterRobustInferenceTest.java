package org.alliancelab.meta.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CR1 and CR2 (Satterthwaite) against R: {@code robust/robust_*.json} on the test classpath
 * (core/src/test/resources/robust/), written by {@code core/src/test/r/robust-reference.R}
 * (metafor 3.8-1, clubSandwich 0.5.8; each file records its calls:
 * {@code robust(fit, cluster, adjust = TRUE)} and {@code robust(fit, cluster, clubSandwich = TRUE)},
 * or {@code clubSandwich::coef_test} and {@code conf_int} where metafor refuses). Every field to
 * 1e-8 relative. Then hand derivations, edge cases and the workspace path.
 */
class ClusterRobustInferenceTest {
    private static final double REL = 1e-8;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode read(String name) throws IOException {
        try (InputStream in = ClusterRobustInferenceTest.class.getResourceAsStream("/robust/robust_" + name + ".json")) {
            return MAPPER.readTree(in);
        }
    }

    /** A reference file's data: y scaled by s, v by s² (s = 1: as R had them). */
    private record Case(JsonNode root, double[] yi, double[] vi, int[] cluster, DesignMatrix design) {
        static Case read(String name, double s) throws IOException {
            JsonNode root = ClusterRobustInferenceTest.read(name);
            JsonNode data = root.get("data");
            int k = data.size();
            double[] yi = new double[k];
            double[] vi = new double[k];
            int[] cluster = new int[k];
            for (int i = 0; i < k; i++) {
                yi[i] = s * data.get(i).get("yi").asDouble();
                vi[i] = s * s * data.get(i).get("vi").asDouble();
                cluster[i] = data.get(i).get("cluster").asInt();
            }
            DesignMatrix.Builder b = DesignMatrix.builder(k);
            for (JsonNode m : root.get("moderators")) {
                double[] v = new double[k];
                for (int i = 0; i < k; i++) {
                    v[i] = data.get(i).get(m.asText()).asDouble();
                }
                b.continuous(m.asText(), v);
            }
            return new Case(root, yi, vi, cluster, b.build());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"one_per_cluster_reml", "two_per_cluster_ee", "metaregression_reml", "paired_reml",
        "paired_ee", "small_m5_reml", "differences_reml", "differences_ee", "singular_leverage_reml",
        "cr2_m_equals_p_ee"})
    void matchesMetaforAndClubSandwich(String name) throws IOException {
        Case c0 = Case.read(name, 1);
        JsonNode root = c0.root();
        double[] yi = c0.yi();
        double[] vi = c0.vi();
        int[] cluster = c0.cluster();
        DesignMatrix design = c0.design();
        // tau2 from our own REML or EE fit, itself matched to metafor elsewhere; checked here too.
        TauSquaredEstimator estimator = TauSquaredEstimator.parse(root.get("method").asText());
        double tau2 = MetaRegression.of(RandomEffectsModel.of(estimator)).fit(yi, vi, design).tau2();
        assertEquals(root.get("tau2").asDouble(), tau2, 1e-7 * Math.max(1e-3, tau2), "tau2");
        for (SandwichEstimator e : SandwichEstimator.values()) {
            JsonNode expected = root.get(e.name());
            if (expected == null) { // metafor::robust refuses this case (CR1 with m <= p): so do we
                assertThrows(IllegalArgumentException.class,
                    () -> ClusterRobustInference.of(e).fit(yi, vi, tau2, design, cluster), name + " " + e);
                continue;
            }
            ClusterRobustResult r = ClusterRobustInference.of(e).fit(yi, vi, tau2, design, cluster);
            assertEquals(e, r.estimator());
            assertEquals(clusters(cluster), r.clusters(), name + " clusters");
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


    private static int clusters(int[] cluster) {
        return (int) java.util.Arrays.stream(cluster).distinct().count();
    }

    /**
     * Hand derivation, intercept only and one row per cluster. With weights w_i = 1/(v_i +
     * tau²), W = sum w, b = sum w y / W, e_i = y_i - b and leverage h_i = w_i / W:
     * <ul>
     * <li>T_i = 1/w_i and X M X' = 1/W, so G_i = T_i^(1/2) (T_i - 1/W) T_i^(1/2) =
     *     T_i² (1 - h_i) and A_i = T_i^(1/2) G_i^(-1/2) T_i^(1/2) = (1 - h_i)^(-1/2);
     *     V_CR2 = sum_i w_i² e_i² / (1 - h_i) / W².</li>
     * <li>g_i = A_i w_i M = h_i / sqrt(1 - h_i); the working residual covariance is
     *     Omega = T - 1 1'/W, so Omega_ii = (1 - h_i)/w_i and Omega_ij = -1/W. Then
     *     P_ii = g_i² (1 - h_i)/w_i = w_i/W² (they sum to 1/W, the model variance: CR2 is
     *     unbiased) and P_ij = -g_i g_j / W for i != j. On the scale of W, W P_ii = h_i and
     *     W P_ij = -sqrt(q_i q_j) with q_i = g_i² = h_i²/(1 - h_i), and sum h_i = 1, so
     *     df = (sum P_ii)² / sum_ij P_ij² = 1 / (sum_i h_i² + (sum_i q_i)² - sum_i q_i²).</li>
     * <li>V_CR1 = m/(m - 1) sum_i w_i² e_i² / W² on m - 1 df.</li>
     * </ul>
     */
    @Test
    void onePerClusterInterceptOnlyIsTheClosedForm() {
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
        double v2 = 0;
        double v1 = 0;
        double sumH2 = 0;
        double sumQ = 0;
        double sumQ2 = 0;
        for (int i = 0; i < k; i++) {
            double h = w[i] / sw;
            double e = yi[i] - est;
            v2 += w[i] * w[i] * e * e / (1 - h);
            v1 += w[i] * w[i] * e * e;
            double q = h * h / (1 - h);
            sumH2 += h * h;
            sumQ += q;
            sumQ2 += q * q;
        }
        v2 /= sw * sw;
        v1 *= k / (k - 1.0) / (sw * sw);
        int[] cluster = {1, 2, 3, 4, 5, 6};
        DesignMatrix x = DesignMatrix.interceptOnly(k);
        RobustCoefficient cr2 = ClusterRobustInference.of(SandwichEstimator.CR2).fit(yi, vi, tau2, x, cluster)
            .coefficients().get(0);
        assertEquals(est, cr2.estimate(), 1e-15);
        assertEquals(Math.sqrt(v2), cr2.se(), 1e-15);
        assertEquals(1 / (sumH2 + sumQ * sumQ - sumQ2), cr2.df(), 1e-12);
        RobustCoefficient cr1 = ClusterRobustInference.of(SandwichEstimator.CR1).fit(yi, vi, tau2, x, cluster)
            .coefficients().get(0);
        assertEquals(Math.sqrt(v1), cr1.se(), 1e-15);
        assertEquals(k - 1, cr1.df());
    }

    /**
     * Equal variances, one row per cluster: h_i = 1/k, q_i = 1/(k (k - 1)), so the closed form
     * above gives df = 1 / (1/k + 1/(k - 1)² - 1/(k (k - 1)²)) = k - 1 and
     * V_CR2 = sum e² / (k (k - 1)) = s²/k: CR2 is the one-sample t test.
     */
    @Test
    void equalVariancesGiveTheOneSampleTTest() {
        double[] yi = {0.31, 0.12, 0.25, 0.4, 0.05, 0.22, 0.18};
        int k = yi.length;
        double[] vi = new double[k];
        java.util.Arrays.fill(vi, 0.02);
        double mean = java.util.Arrays.stream(yi).average().orElseThrow();
        double ss = 0;
        for (double y : yi) {
            ss += (y - mean) * (y - mean);
        }
        double se = Math.sqrt(ss / (k - 1) / k);
        RobustCoefficient c = ClusterRobustInference.of(SandwichEstimator.CR2).withConfidenceLevel(0.9)
            .fit(yi, vi, 0.01, DesignMatrix.interceptOnly(k), new int[] {7, 6, 5, 4, 3, 2, 1}).coefficients().get(0);
        assertEquals(mean, c.estimate(), 1e-15);
        assertEquals(se, c.se(), 1e-15);
        assertEquals(k - 1, c.df(), 1e-12);
        double crit = org.apache.commons.statistics.distribution.TDistribution.of(k - 1).inverseSurvivalProbability(0.05);
        assertEquals(mean - crit * se, c.ciLower(), 1e-14);
        assertEquals(2 * org.apache.commons.statistics.distribution.TDistribution.of(k - 1)
            .survivalProbability(mean / se), c.pValue(), 1e-12);
    }

    /**
     * Scaling y by s and v (and tau²) by s² scales the SEs and estimates by s and leaves t, df
     * and p unchanged, down to variances of 1e-12: the Moore–Penrose cut-off is taken on
     * weights scaled by their mean, as clubSandwich does. Against R's values of
     * {@code robust/robust_small_m5_reml.json} and {@code robust_singular_leverage_reml.json}.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-5, 1e3})
    void scaleFree(double s) throws IOException {
        for (String name : List.of("small_m5_reml", "singular_leverage_reml")) {
            Case scaled = Case.read(name, s);
            JsonNode root = scaled.root();
            double tau2 = s * s * root.get("tau2").asDouble();
            ClusterRobustResult r = ClusterRobustInference.of(SandwichEstimator.CR2)
                .fit(scaled.yi(), scaled.vi(), tau2, scaled.design(), scaled.cluster());
            for (int j = 0; j < r.coefficients().size(); j++) {
                JsonNode x = root.get("CR2").get(j);
                RobustCoefficient c = r.coefficients().get(j);
                String at = name + " x " + s + " " + c.name();
                assertEquals(s * x.get("se").asDouble(), c.se(), 1e-7 * s * x.get("se").asDouble(), at + " se");
                close(x.get("df").asDouble(), c.df(), at + " df");
                assertEquals(x.get("pval").asDouble(), c.pValue(), 1e-7 * x.get("pval").asDouble(), at + " p");
            }
        }
    }

    /**
     * As many one-row clusters as coefficients: the fit is exact, every residual 0 and every
     * cluster of leverage 1 (A_j = 0), so the robust variance is identically 0: SE 0, t = b/0,
     * df NaN and so p and the interval NaN. clubSandwich 0.5.8 gives the same for
     * {@code coef_test(rma(yi, vi, mods = ~ x + z, method = "EE"), vcov = "CR2", cluster = 1:3)}
     * with these data (SE 0, t Inf, df NaN, p NA).
     */
    @Test
    void exactFitHasNaNDegreesOfFreedom() {
        double[] yi = {0.1, 0.3, 0.2};
        double[] vi = {0.01, 0.02, 0.015};
        DesignMatrix x = DesignMatrix.builder(3).continuous("x", new double[] {0, 1, 0})
            .continuous("z", new double[] {0, 0, 1}).build();
        ClusterRobustResult r = ClusterRobustInference.of(SandwichEstimator.CR2).fit(yi, vi, 0, x, new int[] {1, 2, 3});
        assertEquals(3, r.clusters());
        for (RobustCoefficient c : r.coefficients()) {
            assertEquals(0, c.se(), 1e-15, c.name());
            assertEquals(Double.POSITIVE_INFINITY, Math.abs(c.statistic()), c.name());
            assertTrue(Double.isNaN(c.df()) && Double.isNaN(c.pValue()) && Double.isNaN(c.ciLower())
                && Double.isNaN(c.ciUpper()), c.toString());
        }
        assertEquals(0.2, r.coefficient("x").estimate(), 1e-14);
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
        assertThrows(IllegalArgumentException.class,
            () -> ClusterRobustInference.of(SandwichEstimator.CR2).fit(yi, vi, 0, x, new int[] {1, 2}));
        ClusterRobustWorkspace ws = new ClusterRobustWorkspace();
        assertThrows(IllegalArgumentException.class,
            () -> ClusterRobustInference.of(SandwichEstimator.CR2).fitInterceptOnly(yi, vi, 3, 0, new int[] {4, 4, 4}, ws));
        assertThrows(IllegalArgumentException.class,
            () -> ClusterRobustInference.of(SandwichEstimator.CR2).fitInterceptOnly(yi, vi, 4, 0, new int[] {1, 2, 3, 4}, ws));
        assertThrows(IllegalArgumentException.class,
            () -> ClusterRobustInference.of(SandwichEstimator.CR2).fitInterceptOnly(yi, vi, 0, 0, new int[] {1, 2, 3}, ws));
        assertThrows(IllegalArgumentException.class, () -> ClusterRobustInference.of(SandwichEstimator.CR2)
            .withConfidenceLevel(1));
    }

    @Test
    void invalidEffectSizesNameTheRow() {
        double[] yi = {0.1, Double.NaN, 0.3};
        double[] vi = {0.01, 0.01, 0.01};
        InvalidEffectSizeException e = assertThrows(InvalidEffectSizeException.class, () -> ClusterRobustInference
            .of(SandwichEstimator.CR2).fitInterceptOnly(yi, vi, 3, 0, new int[] {1, 2, 3}, new ClusterRobustWorkspace()));
        assertEquals(1, e.study());
    }

    /** The overload taking the fitted meta-regression is the pieces' fit with its tau². */
    @Test
    void fromMetaRegressionResult() throws IOException {
        Case c = Case.read("metaregression_reml", 1);
        double[] yi = c.yi();
        double[] vi = c.vi();
        int[] cluster = c.cluster();
        DesignMatrix x = c.design();
        MetaRegressionResult fitted = MetaRegression.of(TauSquaredEstimator.REML).fit(yi, vi, x);
        ClusterRobustInference cr2 = ClusterRobustInference.of(SandwichEstimator.CR2);
        assertEquals(cr2.fit(yi, vi, fitted.tau2(), x, cluster), cr2.fit(yi, vi, x, fitted, cluster));
        for (int j = 0; j < fitted.p(); j++) {
            assertEquals(fitted.coefficients().get(j).estimate(),
                cr2.fit(yi, vi, x, fitted, cluster).coefficients().get(j).estimate(), 1e-12);
        }
        DesignMatrix other = DesignMatrix.builder(yi.length).continuous("age", new double[yi.length]).build();
        assertThrows(IllegalArgumentException.class, () -> cr2.fit(yi, vi, other, fitted, cluster));
    }

    /**
     * {@code fitInterceptOnly} on a reused workspace equals the general fit with the
     * intercept-only design to the last bit (records compare doubles bitwise), for one and two
     * rows per cluster and uneven clusters, unsorted labels, both corrections, k changing from
     * fit to fit and arrays longer than k.
     */
    @Test
    void workspaceEqualsTheGeneralFit() {
        SplittableRandom rng = new SplittableRandom(20261203);
        ClusterRobustWorkspace ws = new ClusterRobustWorkspace();
        for (int rep = 0; rep < 500; rep++) {
            int m = 2 + rng.nextInt(60);
            int layout = rep % 3; // 0: one row per cluster, 1: two rows per cluster, 2: 1 to 4 rows
            int[] sizes = new int[m];
            int k = 0;
            for (int j = 0; j < m; j++) {
                sizes[j] = layout == 0 ? 1 : layout == 1 ? 2 : 1 + rng.nextInt(4);
                k += sizes[j];
            }
            int extra = rng.nextInt(5);
            int[] cluster = new int[k + extra];
            double[] yi = new double[k + extra];
            double[] vi = new double[k + extra];
            for (int j = 0, r = 0; j < m; j++) {
                for (int t = 0; t < sizes[j]; t++) {
                    cluster[r++] = 1000 - 7 * j;
                }
            }
            for (int i = k - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = cluster[i];
                cluster[i] = cluster[j];
                cluster[j] = t;
            }
            for (int i = 0; i < k + extra; i++) {
                vi[i] = 1.0 / (20 + rng.nextInt(300));
                yi[i] = 0.25 + 0.1 * rng.nextGaussian() + Math.sqrt(vi[i]) * rng.nextGaussian();
            }
            double tau2 = rng.nextBoolean() ? 0 : 0.02 * rng.nextDouble();
            double[] y = java.util.Arrays.copyOf(yi, k);
            double[] v = java.util.Arrays.copyOf(vi, k);
            int[] c = java.util.Arrays.copyOf(cluster, k);
            for (SandwichEstimator e : SandwichEstimator.values()) {
                ClusterRobustInference inference = ClusterRobustInference.of(e).withConfidenceLevel(0.9);
                ClusterRobustResult general = inference.fit(y, v, tau2, DesignMatrix.interceptOnly(k), c);
                inference.fitInterceptOnly(yi, vi, k, tau2, cluster, ws);
                assertEquals(general.coefficients().get(0), ws.toCoefficient(), rep + " " + e);
                assertEquals(general.clusters(), ws.clusters());
                assertEquals(k, ws.k());
                assertEquals(e, ws.estimator());
                assertEquals(0.9, ws.confidenceLevel());
                RobustCoefficient g = general.coefficients().get(0);
                assertEquals(g.estimate(), ws.estimate());
                assertEquals(g.se(), ws.se());
                assertEquals(g.statistic(), ws.statistic());
                assertEquals(g.df(), ws.df());
                assertEquals(g.pValue(), ws.pValue());
                assertEquals(g.ciLower(), ws.ciLower());
                assertEquals(g.ciUpper(), ws.ciUpper());
            }
        }
    }
}
