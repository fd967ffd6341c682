package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The truth command, run in-process with the application's error handling (AllianceLab.configure). */
class TruthCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CliRun run(String... args) {
        return CliRun.ofCommand(new TruthCommand(), args);
    }

    /** Confounder C -> X .5, C -> Y .4, X -> Y .3, perfectly measured (StructuralModelTest's derivation). */
    private static final String CONFOUNDER = """
        {"model": {"nodes": [{"name": "C"}, {"name": "X"}, {"name": "Y"}],
                   "paths": [{"from": "C", "to": "X", "beta": 0.5}, {"from": "C", "to": "Y", "beta": 0.4},
                             {"from": "X", "to": "Y", "beta": 0.3}],
                   "exposure": "X", "outcome": "Y", "adjustment": ["C"]},
         "design": {"studies": 10, "sampleSize": {"distribution": "fixed", "n": 100}}}
        """;

    /**
     * Hand-derived values through the command: r = .3 + .5 * .4 = .5; partial given C =
     * .3 (1 - .25) / sqrt(.75 (1 - .55^2)); causal = .3 / sqrt(1 - 2 * .5 * .4 * .3); effects .3.
     */
    @Test
    void jsonForAHandDerivedModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("confounder.json");
        Files.writeString(file, CONFOUNDER);
        CliRun r = run("--scenario", file.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode t = MAPPER.readTree(r.out()).at("/conditions/0/truth");
        assertEquals(0.5, t.get("unadjusted").asDouble(), 1e-12);
        assertEquals(.225 / Math.sqrt(.75 * (1 - .3025)), t.get("adjusted").asDouble(), 1e-12);
        assertEquals(t.get("adjusted").asDouble(), t.get("adjusted_latent").asDouble(), 1e-12);
        assertEquals(.3 / Math.sqrt(.88), t.get("causal").asDouble(), 1e-12);
        assertEquals(.3, t.get("total_effect").asDouble(), 1e-12);
        assertEquals(.3, t.get("direct_effect").asDouble(), 1e-12);
    }

    /** Every grid condition of a built-in, with its factors and the library's values at full precision. */
    @Test
    void jsonListsEveryConditionOfABuiltIn() throws IOException {
        CliRun r = run("--scenario", "causal", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = MAPPER.readTree(r.out());
        assertEquals("causal", root.get("scenario").asText());
        List<Condition> conditions = Scenario.builtIn("causal").conditions();
        assertEquals(conditions.size(), root.get("conditions").size());
        for (Condition c : conditions) {
            JsonNode node = root.get("conditions").get(c.index());
            assertEquals(c.index(), node.get("index").asInt());
            c.factors().forEach((path, level) -> assertEquals(level, node.get("factors").get(path).asDouble()));
            TruthValues t = c.truth();
            double[] expected = {t.unadjusted(), t.adjusted(), t.adjustedLatent(), t.causal(), t.totalEffect(),
                t.directEffect()};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], node.get("truth").get(Estimand.TRUTHS.get(i).key()).asDouble(), 0.0);
            }
        }
    }

    @Test
    void textShowsModeratorLevels() {
        CliRun r = run("--scenario", "fluckiger2018", "--digits", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("adjusted_latent"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("timing = late") && l.contains("0.30")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("timing = early") && l.contains("0.22")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("disorder = substance_use") && l.contains("0.14")), r.out());
        assertTrue(r.err().isEmpty());
    }

    @Test
    void invalidScenarioIsOneLineWithExitCode2(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, CONFOUNDER.replace("\"beta\": 0.4", "\"beta\": 0.95"));
        CliRun r = run("--scenario", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith(file + ": /model/nodes/2: paths into 'Y' explain"), r.err());
        assertTrue(r.out().isEmpty());

        CliRun unknown = run("--scenario", "no-such-scenario");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.errLines().size());
        assertTrue(unknown.err().contains("fluckiger2018-null"), unknown.err());
    }

    @Test
    void badOptionsExitWith2() {
        CliRun r = run("--scenario", "causal", "--digits", "0");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        CliRun format = run("--scenario", "causal", "--format", "xml");
        assertEquals(2, format.exitCode());
    }

    @Test
    void writesTheOutputFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("truth.json");
        CliRun r = run("--scenario", "mediator", "--format", "json", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().isEmpty());
        JsonNode t = MAPPER.readTree(Files.readString(out)).at("/conditions/0/truth");
        // Mediator built-in: total = .10 + .35 * .40 = .24, direct .10.
        assertEquals(0.24, t.get("total_effect").asDouble(), 1e-12);
        assertEquals(0.10, t.get("direct_effect").asDouble(), 1e-12);
        assertFalse(Files.exists(dir.resolve("truth.json.tmp")));
    }
}
