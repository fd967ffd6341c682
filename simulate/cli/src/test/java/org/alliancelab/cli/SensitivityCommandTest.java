package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sensitivity}: E-values, the confounded meta-analysis and robustness values from the command line. */
class SensitivityCommandTest {

    private static final String EXAMPLE = Path.of("..", "..", "examples", "molloy2014.csv").toString();

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static JsonNode json(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.abs(expected), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void pooledValuesFollowTheFormulasFromPoolsEstimate() throws IOException {
        JsonNode pool = json("pool", "--input", EXAMPLE, "--format", "json");
        JsonNode s = json("sensitivity", "--input", EXAMPLE, "--format", "json", "--bias", "1.1");
        double r = pool.get("r").asDouble();
        double lb = pool.get("r_ci_lb").asDouble();
        assertEquals(r, s.get("r").asDouble());
        // E-value, by hand from VanderWeele & Ding (2017) with RR = exp(0.91 * 2r / sqrt(1 - r^2))
        double rr = Math.exp(0.91 * 2 * r / Math.sqrt(1 - r * r));
        double rrLb = Math.exp(0.91 * 2 * lb / Math.sqrt(1 - lb * lb));
        assertRelative(rr + Math.sqrt(rr * (rr - 1)), s.get("e_value").asDouble(), 1e-12);
        assertRelative(rrLb + Math.sqrt(rrLb * (rrLb - 1)), s.get("e_value_ci").asDouble(), 1e-12);
        // confounded meta-analysis, by hand from Mathur & VanderWeele (2020): mu = log RR,
        // tau = 1.82 / sqrt(1 - r^2) * tau (ZCOR), q = 0.91 * 0.2 / sqrt(0.99), B = 1.1, r = 0.1
        double mu = Math.log(rr);
        double tau = 1.82 / Math.sqrt(1 - r * r) * Math.sqrt(pool.get("tau2").asDouble());
        double q = 0.182 / Math.sqrt(0.99);
        double z90 = 1.2815515655446004; // Phi^-1(0.9)
        assertRelative(tau, s.get("tau_logrr").asDouble(), 1e-12);
        double p = 0.5 * org.apache.commons.numbers.gamma.Erfc.value((q + Math.log(1.1) - mu) / tau / Math.sqrt(2));
        assertRelative(p, s.get("prop_above_q").asDouble(), 1e-12);
        double t = Math.exp(mu - q + tau * z90);
        assertRelative(t, s.get("t_min").asDouble(), 1e-12);
        assertRelative(t + Math.sqrt(t * (t - 1)), s.get("g_min").asDouble(), 1e-12);
        assertEquals("above", s.get("direction").asText());
        // robustness value on the effective df t^2 (1 - r^2) / r^2, t = pool's z value
        JsonNode rv = s.get("robustness_value");
        double zval = pool.get("zval").asDouble();
        assertRelative(zval * zval * (1 - r * r) / (r * r), rv.get("df").asDouble(), 1e-12);
        assertRelative(r * r, rv.get("partial_r2").asDouble(), 1e-12);
        double f = r / Math.sqrt(1 - r * r);
        assertRelative((Math.sqrt(f * f * f * f + 4 * f * f) - f * f) / 2, rv.get("rv_q").asDouble(), 1e-12);
        assertEquals(16, s.get("per_study").size());
    }

    @Test
    void darfurRegressionAsOneStudy() throws IOException {
        // Cinelli & Hazlett (2020) section 5 and sensemakr's print: t = 4.18445 on dof = 783 (n = 1276 with
        // 491 further coefficients: 1276 - 491 - 2 = 783) give partial R2 0.02187, RV_q=1 0.13878,
        // RV_q=1,alpha=0.05 0.07626 (5 decimals: to 5e-6)
        Path p = csv("darfur.csv", "study,t,n,covariates\ndirectlyharmed,4.18445,1276,491\n");
        JsonNode s = json("sensitivity", "--input", p.toString(), "--measure", "PCOR", "--format", "json");
        JsonNode study = s.get("per_study").get(0);
        assertEquals(783, study.get("df").asDouble());
        assertEquals(0.02187, study.get("partial_r2").asDouble(), 5e-6);
        assertEquals(0.13878, study.get("rv_q").asDouble(), 5e-6);
        assertEquals(0.07626, study.get("rv_q_alpha").asDouble(), 5e-6);
        assertRelative(4.18445, study.get("t").asDouble(), 1e-12);
        assertEquals(1, s.get("robustness_value").get("q").asDouble());
        assertEquals(0.05, s.get("robustness_value").get("alpha").asDouble());
    }

    @Test
    void negativePooledCorrelationCountsTheLowerTail() throws IOException {
        Path p = csv("neg.csv", "study,r,n\nA,-0.30,100\nB,-0.20,150\nC,-0.25,80\n");
        JsonNode s = json("sensitivity", "--input", p.toString(), "--format", "json");
        assertEquals("below", s.get("direction").asText());
        assertRelative(-0.1, s.get("q").asDouble(), 1e-12);
        assertTrue(s.get("e_value").asDouble() > 1);
        // the mirrored file gives the same E-values and proportion
        Path m = csv("pos.csv", "study,r,n\nA,0.30,100\nB,0.20,150\nC,0.25,80\n");
        JsonNode pos = json("sensitivity", "--input", m.toString(), "--format", "json");
        assertRelative(pos.get("e_value").asDouble(), s.get("e_value").asDouble(), 1e-12);
        assertRelative(pos.get("prop_above_q").asDouble(), s.get("prop_above_q").asDouble(), 1e-9);
        assertRelative(pos.get("t_min").asDouble(), s.get("t_min").asDouble(), 1e-12);
    }

    @Test
    void precomputedEffectSizesHaveNoPerStudyValues() throws IOException {
        Path p = csv("yv.csv", "study,yi,vi\nA,0.2,0.01\nB,0.3,0.02\n");
        JsonNode s = json("sensitivity", "--input", p.toString(), "--format", "json");
        assertTrue(s.get("per_study").isNull());
        // CI including 0: e_value_ci = 1 and no bound
        Path wide = csv("wide.csv", "study,r,n\nA,0.1,20\nB,0.05,25\n");
        JsonNode w = json("sensitivity", "--input", wide.toString(), "--format", "json");
        assertEquals(1, w.get("e_value_ci").asDouble());
        assertTrue(w.get("rr_ci_bound").isNull());
    }

    @Test
    void textSummaryStatesWhatTheNumbersMean() {
        CliRun run = CliRun.of("sensitivity", "--input", EXAMPLE);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("could explain the pooled correlation away"), run.out());
        assertTrue(run.out().contains("T_min = "), run.out());
        assertTrue(run.out().contains("RV_q,alpha = "), run.out());
    }

    @Test
    void badOptionsAreOneLineErrors() throws IOException {
        for (String[] bad : new String[][] {{"--q", "1.5"}, {"--bias", "0.5"}, {"--r", "0"}, {"--rv-q", "0"},
            {"--alpha", "1"}}) {
            Path out = dir.resolve("out.json");
            String line = CliRun.of("sensitivity", "--input", EXAMPLE, bad[0], bad[1], "--out", out.toString())
                .assertOneLineUserError(dir);
            assertTrue(line.startsWith("alliance-lab sensitivity: Invalid value for option '" + bad[0] + "'"), line);
            assertTrue(Files.notExists(out));
        }
        Path p = csv("bad.csv", "study,r,n\nA,1.2,50\n");
        String line = CliRun.of("sensitivity", "--input", p.toString()).assertOneLineUserError(dir);
        assertTrue(line.startsWith(p + ":2: column 'r'"), line);
    }
}
