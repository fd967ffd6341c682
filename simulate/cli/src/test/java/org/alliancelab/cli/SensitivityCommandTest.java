package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sensitivity} on dat.molloy2014 (examples/molloy2014.csv, ZCOR, REML): the E-values and
 * the robustness value are those of the formulas (VanderWeele &amp; Ding 2017; Cinelli &amp;
 * Hazlett 2020), computed here by hand from {@code pool}'s own pooled z, CI and SE (which
 * {@code PoolCommandGoldenTest} matches to metafor), with df = 1/SE<sup>2</sup> + 1.
 */
class SensitivityCommandTest {
    private static final Path MOLLOY = Path.of("..", "..", "examples", "molloy2014.csv");

    @TempDir
    Path tmp;

    private static JsonNode json(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static double eValue(double r) {
        double rr = Math.exp(0.91 * 2 * r / Math.sqrt(1 - r * r));
        return rr + Math.sqrt(rr * (rr - 1));
    }

    @Test
    void eValuesAndRobustnessValueFollowThePooledEstimate() throws Exception {
        JsonNode pool = json("pool", "--input", MOLLOY.toString(), "--format", "json");
        JsonNode s = json("sensitivity", "--input", MOLLOY.toString(), "--format", "json");
        double r = Math.tanh(pool.get("estimate").asDouble());
        assertEquals(r, s.get("r").asDouble(), 1e-12);
        assertEquals(eValue(r), s.get("e_value").asDouble(), 1e-9);
        assertEquals(eValue(Math.tanh(pool.get("ci_lb").asDouble())), s.get("e_value_ci").asDouble(), 1e-9);
        double se = pool.get("se").asDouble();
        double df = 1 / (se * se) + 1;
        JsonNode rv = s.get("robustness_value");
        assertEquals(df, rv.get("df").asDouble(), 1e-9);
        double f = Math.abs(r) / Math.sqrt(1 - r * r);
        assertEquals(0.5 * (Math.sqrt(Math.pow(f, 4) + 4 * f * f) - f * f), rv.get("rv_q").asDouble(), 1e-12);
        double t2 = f * f * df;
        assertEquals(t2 / (t2 + df), rv.get("partial_r2").asDouble(), 1e-12);
        assertTrue(rv.get("rv_qa").asDouble() < rv.get("rv_q").asDouble(), "significance is lost first");
        assertEquals(16, s.get("studies").size());
        // a study's df is n - p - 2: molloy's first study has n = 109 (ZCOR, p = 0)
        assertEquals(107, s.get("studies").get(0).get("df").asDouble(), 1e-9);
    }

    @Test
    void aNonPositiveQIsOneLineAndExitTwo() throws Exception {
        CliRun r = CliRun.of("sensitivity", "--input", MOLLOY.toString(), "--q", "0");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("'--q': must be positive"), r.err());
    }
}
