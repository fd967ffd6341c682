package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session-by-session designs through the command line: truth, simulate, report and bad input. */
class SessionBySessionCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** White-noise within-person processes (no carry-over, no cross-lagged paths), correlated intercepts. */
    private static String scenario(String carryOver, String crossLagged, String reverse) {
        return """
            {"model": {"nodes": [{"name": "alliance"}, {"name": "outcome"}], "exposure": "alliance", "outcome": "outcome"},
             "design": {"studies": 5, "sampleSize": {"distribution": "fixed", "n": 40},
               "sessions": {"count": 4, "intercepts": {"sd": [1, 1], "correlation": 0.5},
                 "carryOver": %s, "crossLagged": {"beta": %s}, "reverse": %s,
                 "innovations": {"sd": [1, 1], "correlation": 0}}},
             "replications": 3}
            """.formatted(carryOver, crossLagged, reverse);
    }

    /**
     * By hand, rho = .5, T = 4, unit variances: between-person r = rho / (1 + 1/T) = .4; naive
     * limit from Var X = Var Y = 2, Cov(X_t, Y_t) = Cov(X_t, Y_t+1) = rho, Cov(Y_t, Y_t+1) = 1:
     * (2 rho - rho) / (4 - rho^2); the within-person processes are independent: limit 0.
     */
    @Test
    void truthPrintsThePanelValuesOfAHandCase(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("white.json");
        Files.writeString(file, scenario("[0, 0]", "0", "0"));
        CliRun r = CliRun.of("truth", "--scenario", file.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode c = MAPPER.readTree(r.out()).at("/conditions/0");
        assertEquals(0.4, c.at("/truth/unadjusted").asDouble(), 1e-14);
        assertTrue(c.at("/truth/causal").isNull());
        assertEquals(0.4, c.at("/panel/between_person").asDouble(), 1e-14);
        assertEquals(0.5 / (4 - 0.25), c.at("/panel/naive_lagged_limit").asDouble(), 1e-14);
        assertEquals(0, c.at("/panel/within_lagged_limit").asDouble(), 1e-14);
        assertEquals(0, c.at("/panel/cross_lagged").asDouble(), 0);
    }

    @Test
    void aNonStationaryProcessIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("explosive.json");
        Files.writeString(file, scenario("[0.9, 0.9]", "0.3", "0.3"));
        Path out = dir.resolve("out");
        for (String[] args : new String[][] {{"truth", "--scenario", file.toString()},
            {"simulate", "--scenario", file.toString(), "--out", out.toString()}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("explosive.json: /design/sessions: the within-person process is not stationary"),
                r.err());
            assertTrue(r.err().contains("modulus 1.200 (must be < 1)"), r.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void builtInRunsAndReports(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        CliRun s = CliRun.of("simulate", "--scenario", "session-by-session", "--reps", "4", "--out", out.toString());
        assertEquals(0, s.exitCode(), s.err());
        assertTrue(s.out().contains("within_lagged"), s.out());
        Path run = out;
        JsonNode summary = MAPPER.readTree(run.resolve("summary.json").toFile());
        assertTrue(summary.toString().contains("\"cross_lagged\""), "measures against the causal estimand");
        assertEquals("panel", MAPPER.readTree(run.resolve("run.json").toFile()).path("engine").asText());
        CliRun report = CliRun.of("report", run.toString(), "--out", dir.resolve("r.html").toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(Files.size(dir.resolve("r.html")) > 1000);
    }

    @Test
    void theCrossSectionalEnginesRefuseASessionDesign(@TempDir Path dir) throws IOException {
        CliRun r = CliRun.of("simulate", "--scenario", "session-by-session", "--engine", "sufficient", "--reps", "2",
            "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("/design/sessions: a session-by-session design needs the panel engine"), r.err());
    }
}
