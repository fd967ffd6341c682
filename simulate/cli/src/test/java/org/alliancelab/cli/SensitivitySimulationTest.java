package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyses.sensitivity: true} computes, on each replication, what the {@code sensitivity}
 * command computes for the adjusted studies it saves (ZPCOR: {@code yi_adjusted},
 * {@code vi_adjusted} of the studies that report an adjusted estimate), to 1e-10; a scenario
 * without adjusted reporting refuses it, and without the flag there are no sensitivity columns.
 */
class SensitivitySimulationTest {
    @TempDir
    Path tmp;

    private Path scenario(String name, boolean sensitivity) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(CliRun.of("scenarios", "show", name).out());
        ((ObjectNode) tree.path("analyses")).put("sensitivity", sensitivity);
        Path f = tmp.resolve(name + "-" + sensitivity + ".json");
        Files.writeString(f, json.writeValueAsString(tree));
        return f;
    }

    @Test
    void eachReplicationsSensitivityColumnsAreTheCommandsOnItsAdjustedStudies() throws Exception {
        Path out = tmp.resolve("run");
        CliRun s = CliRun.of("simulate", "--scenario", scenario("fluckiger2018", true).toString(), "--reps", "2",
            "--save-studies", "0,1", "--quiet", "--out", out.toString());
        assertEquals(0, s.exitCode(), s.err());
        List<List<String>> studies = CliRun.csvRows(out.resolve("studies.csv"));
        List<String> h = studies.get(0);
        List<List<String>> reps = CliRun.csvRows(out.resolve("replications.csv"));
        List<String> rh = reps.get(0);
        int checked = 0;
        for (String rep : List.of("0", "1")) {
            StringBuilder csv = new StringBuilder("yi,vi\n");
            for (List<String> row : studies.subList(1, studies.size())) {
                if (row.get(h.indexOf("condition")).equals("0") && row.get(h.indexOf("replication")).equals(rep)
                    && row.get(h.indexOf("reports_adjusted")).equals("TRUE")) {
                    csv.append(row.get(h.indexOf("yi_adjusted"))).append(',').append(row.get(h.indexOf("vi_adjusted")))
                        .append('\n');
                }
            }
            List<String> record = reps.stream().filter(r -> r.get(rh.indexOf("condition")).equals("0")
                    && r.get(rh.indexOf("replication")).equals(rep))
                .findFirst().orElseThrow();
            ToDoubleFunction<String> col = c -> Csv.parseNumber(record.get(rh.indexOf("sensitivity." + c)));
            Path f = Files.createTempFile(tmp, "rep", ".csv");
            Files.writeString(f, csv.toString());
            CliRun c = CliRun.of("sensitivity", "--input", f.toString(), "--measure", "ZPCOR", "--format", "json");
            assertEquals(0, c.exitCode(), c.err());
            JsonNode j = new ObjectMapper().readTree(c.out());
            for (String key : List.of("e_value", "e_value_ci", "prop_above_q", "t_min", "g_min")) {
                assertClose(j.get(key).asDouble(), col.applyAsDouble(key));
            }
            for (String key : List.of("partial_r2", "rv_q", "rv_q_alpha")) {
                assertClose(j.get("robustness_value").get(key).asDouble(), col.applyAsDouble(key));
            }
            checked++;
        }
        assertEquals(2, checked);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.toString().contains("mean_rv_q_alpha"), "the means are in summary.json");
    }

    @Test
    void withoutTheFlagThereAreNoSensitivityColumns() throws Exception {
        Path out = tmp.resolve("plain");
        CliRun s = CliRun.of("simulate", "--scenario", scenario("fluckiger2018", false).toString(), "--reps", "1",
            "--quiet", "--out", out.toString());
        assertEquals(0, s.exitCode(), s.err());
        assertTrue(!Files.readAllLines(out.resolve("replications.csv")).get(0).contains("sensitivity."));
    }

    @Test
    void aScenarioWithoutAdjustedReportingRefusesIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(CliRun.of("scenarios", "show", "fluckiger2018").out());
        ((ObjectNode) tree.path("design")).remove("adjustedReporting");
        ((ObjectNode) tree.path("analyses")).put("sensitivity", true);
        Path f = tmp.resolve("noadj.json");
        Files.writeString(f, json.writeValueAsString(tree));
        String line = CliRun.of("simulate", "--scenario", f.toString(), "--reps", "1", "--quiet", "--out",
            tmp.resolve("x").toString()).assertOneLineUserError(tmp);
        assertTrue(line.contains("/analyses/sensitivity") && line.contains("adjustedReporting"), line);
        Path bad = tmp.resolve("bad.json");
        ((ObjectNode) tree.path("analyses")).put("sensitivity", "yes");
        Files.writeString(bad, json.writeValueAsString(tree));
        String typed = CliRun.of("simulate", "--scenario", bad.toString(), "--reps", "1", "--quiet", "--out",
            tmp.resolve("y").toString()).assertOneLineUserError(tmp);
        assertTrue(typed.contains("/analyses/sensitivity") && typed.contains("expected true or false"), typed);
    }

    private static void assertClose(double expected, double actual) {
        assertTrue(Double.isFinite(expected), "a finite reference value");
        assertEquals(expected, actual, 1e-10 * Math.max(1, Math.abs(expected)));
    }
}
