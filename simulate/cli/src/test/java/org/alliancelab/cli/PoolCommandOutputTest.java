package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text summary and the --out file. Expected numbers: metafor 3.8-1,
 * golden/molloy2014.json (the same data as examples/molloy2014.csv), rounded as printed.
 */
class PoolCommandOutputTest {

    @TempDir
    Path dir;

    private static final Path EXAMPLE = Path.of("..", "..", "examples", "molloy2014.csv");

    private static JsonNode expected(String measure, String method, String test) {
        return GoldenCase.poolCases("molloy2014.json").stream()
            .filter(c -> c.measure().equals(measure) && c.method().equals(method) && c.test().equals(test))
            .findFirst().orElseThrow().expected();
    }

    private static String f4(JsonNode e, String key) {
        return String.format(Locale.ROOT, "%.4f", e.get(key).asDouble());
    }

    @Test
    void textSummaryOfTheRandomEffectsModel() {
        JsonNode e = expected("ZCOR", "REML", "z");
        CliRun run = CliRun.of("pool", "--input", EXAMPLE.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        String out = run.out();
        assertTrue(out.startsWith("Random-effects model (k = 16; tau^2 estimator: REML)"), out);
        assertTrue(out.contains("tau^2 (estimated amount of total heterogeneity): " + f4(e, "tau2")
            + " (SE = " + f4(e, "tau2_se") + ")"), out);
        assertTrue(out.contains("[" + f4(e, "tau2_ci_lb") + ", " + f4(e, "tau2_ci_ub") + "]"), out);
        assertTrue(out.contains(String.format(Locale.ROOT, "%.2f%%", e.get("I2").asDouble())), out);
        assertTrue(out.contains("Q(df = 15) = " + f4(e, "QE")), out);
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("estimate")).findFirst().orElseThrow());
        assertEquals(List.of(f4(e, "estimate"), f4(e, "se"), f4(e, "zval"), "<.0001", f4(e, "ci_lb"), f4(e, "ci_ub")),
            List.of(lines.get(header + 1).trim().split("\\s+")));
        assertTrue(out.contains("Prediction interval (95%): [" + f4(e, "pi_lb") + ", " + f4(e, "pi_ub") + "]"), out);
        String rRow = lines.get(lines.size() - 1).trim();
        assertEquals(List.of(f4(e, "r"), f4(e, "r_ci_lb"), f4(e, "r_ci_ub"), f4(e, "r_pi_lb"), f4(e, "r_pi_ub")),
            List.of(rRow.split("\\s+")));
    }

    @Test
    void textSummaryOfTheCommonEffectModelHasNoTauOrPredictionInterval() {
        JsonNode e = expected("COR", "EE", "z");
        CliRun run = CliRun.of("pool", "--input", EXAMPLE.toString(), "--measure", "COR", "--method", "FE",
            "--digits", "6");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("Common-effect model (k = 16)"), out);
        assertFalse(out.contains("tau^2"), out);
        assertFalse(out.contains("Prediction interval"), out);
        assertFalse(out.contains("Back-transformed"), out);
        assertTrue(out.contains(String.format(Locale.ROOT, "%.6f", e.get("estimate").asDouble())), out);
    }

    @Test
    void knappHartungIsNamedWithItsDegreesOfFreedom() {
        CliRun run = CliRun.of("pool", "--input", EXAMPLE.toString(), "--test", "knha");
        assertTrue(run.out().contains("Knapp-Hartung t test, df = 15"), run.out());
        assertTrue(run.out().contains("tval"), run.out());
    }

    @Test
    void outFileGetsWhatStdoutWouldShow() throws IOException {
        CliRun toStdout = CliRun.of("pool", "--input", EXAMPLE.toString(), "--format", "json");
        Path out = dir.resolve("pooled.json");
        Files.writeString(out, "an older, longer result that must be replaced entirely");
        CliRun toFile = CliRun.of("pool", "--input", EXAMPLE.toString(), "--format", "json", "--out", out.toString());
        assertEquals(0, toFile.exitCode(), toFile.err());
        assertEquals("", toFile.out());
        assertEquals(toStdout.out(), Files.readString(out, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left behind");
        }
    }
}
