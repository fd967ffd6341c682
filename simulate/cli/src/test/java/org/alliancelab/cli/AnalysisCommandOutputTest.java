package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text summaries of {@code pool --mods}, {@code bias} and {@code influence} on the shipped
 * example (molloy2014), printed as metafor prints the same numbers (metafor 3.8-1,
 * golden/molloy2014.json: metareg meanage, egger, trimfill L0, failsafe), and {@code --out}.
 */
class AnalysisCommandOutputTest {

    private static final String EXAMPLE = Path.of("..", "..", "examples", "molloy2014.csv").toString();

    @TempDir
    Path dir;

    private static String text(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
        return run.out();
    }

    @Test
    void metaRegressionTable() {
        String out = text("pool", "--input", EXAMPLE, "--mods", "meanage");
        assertTrue(out.startsWith("Mixed-effects meta-regression (k = 16; tau^2 estimator: REML)"), out);
        // metafor: intrcpt 0.2741 (se 0.1090, p 0.0119), meanage -0.0024 (0.0020), QM 1.4288, R2 11.77%
        List<String> lines = out.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("intrcpt\\s+0\\.2741\\s+0\\.1090\\s+\\S+\\s+0\\.0119 .*")), out);
        assertTrue(lines.stream().anyMatch(l -> l.matches("meanage\\s+-0\\.0024\\s+0\\.0020\\s.*")), out);
        assertTrue(out.contains("QM(df = 1) = 1.4288, p-val = 0.2320"), out);
        assertTrue(out.contains("R^2 (amount of heterogeneity accounted for):            11.77%"), out);
        assertTrue(out.contains("QE(df = 14) = 30.9050, p-val = 0.0057"), out);
    }

    @Test
    void knappHartungMetaRegressionUsesF() {
        String out = text("pool", "--input", EXAMPLE, "--mods", "meanage,factor(quality)", "--test", "knha");
        assertTrue(out.contains("Test of moderators (coefficients 2:4):"), out);
        assertTrue(out.contains("F(df1 = 3, df2 = 12) = "), out);
        assertTrue(out.contains("factor(quality)2"), out);
        assertTrue(out.contains("factor(quality)3"), out);
    }

    @Test
    void biasSummary() {
        String out = text("bias", "--input", EXAMPLE);
        // metafor: regtest z = 1.0217, p = 0.3069, limit estimate 0.0790; trimfill L0 k0 = 2 on the left,
        // estimate 0.1288; fsn 316
        assertTrue(out.contains("z = 1.0217, p-val = 0.3069"), out);
        assertTrue(out.contains("limit estimate (as the standard error goes to 0): 0.0790"), out);
        assertTrue(out.contains("estimated number of missing studies on the left side: 2"), out);
        assertTrue(out.contains("estimate with the filled studies (k = 18): 0.1288"), out);
        assertTrue(out.contains("Fail-safe N (Rosenthal): 316"), out);
    }

    @Test
    void influenceTables() {
        String out = text("influence", "--input", EXAMPLE, "--digits", "3");
        // metafor leave1out without Jerant et al. 2011: estimate 0.165, QE 25.066
        assertTrue(out.lines().anyMatch(l -> l.matches("Jerant et al\\. 2011\\s+0\\.165\\s.*25\\.066.*")), out);
        assertTrue(out.contains("Influence diagnostics"), out);
    }

    @Test
    void outWritesTheJsonAtomically() throws IOException {
        Path out = dir.resolve("bias.json");
        CliRun run = CliRun.of("bias", "--input", EXAMPLE, "--format", "json", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        JsonNode a = new ObjectMapper().readTree(Files.readString(out));
        assertEquals(316, a.get("failsafe").get("fsnum").asInt());
    }

    @Test
    void helpListsTheNewCommands() {
        String out = text("--help");
        for (String command : List.of("pool", "bias", "influence", "sensitivity", "aggregate")) {
            assertTrue(out.contains("  " + command + " "), command + " in:\n" + out);
        }
    }
}
