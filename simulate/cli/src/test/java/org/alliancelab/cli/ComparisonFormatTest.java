package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --format json} and {@code compare --format json|csv}: the same numbers as summary.json. */
class ComparisonFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void jsonCarriesEachSummaryAndTheVerdicts() throws Exception {
        CliRun s = CliRun.of("simulate", "--scenario", "causal,null-confounded", "--reps", "40", "--format", "json",
            "--out", tmp.toString());
        assertEquals(0, s.exitCode(), s.err());
        JsonNode root = MAPPER.readTree(s.out());
        assertEquals(2, root.get("runs").size());
        for (JsonNode run : root.get("runs")) {
            JsonNode file = MAPPER.readTree(Files.readString(Path.of(run.get("directory").asText()).resolve("summary.json")));
            assertEquals(file, run.get("summary"), "the summary is summary.json's");
        }
        assertEquals(2, root.get("verdicts").size(), "one verdict per difference test");
        JsonNode v = root.get("verdicts").get(1);
        assertEquals("difference_paired", v.get("analysis").asText());
        assertEquals("causal", v.get("world_a").asText());
        assertTrue(v.get("sentence").asText().startsWith("At "), v.toString());
        CliRun c = CliRun.of("compare", tmp.resolve("causal").toString(), tmp.resolve("null-confounded").toString(),
            "--format", "json");
        assertEquals(0, c.exitCode(), c.err());
        assertEquals(root.get("verdicts"), MAPPER.readTree(c.out()).get("verdicts"));
    }

    @Test
    void csvHasOneTidyRowPerMeasure() throws Exception {
        Path dir = tmp.resolve("causal");
        assertEquals(0, CliRun.of("simulate", "--scenario", "causal", "--reps", "30", "--quiet", "--out", dir.toString())
            .exitCode());
        CliRun c = CliRun.of("compare", dir.toString(), "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        List<String> lines = c.out().lines().toList();
        assertEquals("scenario,condition,factors,analysis,measure,estimand,value,mcse,replications", lines.get(0));
        JsonNode summary = MAPPER.readTree(Files.readString(dir.resolve("summary.json")));
        double mean = summary.get("conditions").get(2).get("measures").get("adjusted").get("mean").get("value").asDouble();
        String row = lines.stream().filter(l -> l.startsWith("causal,2,") && l.contains(",adjusted,mean,,")).findFirst()
            .orElseThrow();
        assertEquals(mean, Csv.parseNumber(Csv.split(row).get(6)), 0);
        assertTrue(Csv.split(row).get(2).startsWith("/model/nodes/1/reliability="), row);
    }

    /** Grid conditions are labelled by their factor values; six worlds are too wide, so one block each. */
    @Test
    void gridConditionsAreNamedAndWideTablesGoLong() throws Exception {
        CliRun s = CliRun.of("simulate", "--scenario", "causal,null-confounded", "--reps", "10", "--out", tmp.toString());
        assertEquals(0, s.exitCode(), s.err());
        assertTrue(s.out().lines().anyMatch(l -> l.equals("causal reliability of early_change=0.6")), s.out());
        assertTrue(s.out().lines().anyMatch(l -> l.equals("null-confounded reliability of early_change=1")), s.out());
        assertTrue(s.out().lines().noneMatch(l -> l.contains("#0")), s.out());
        String table = s.out().substring(s.out().indexOf("Monte Carlo means"), s.out().indexOf("Verdict:"));
        assertTrue(table.lines().allMatch(l -> l.length() <= 160), "no table row wider than a terminal:\n" + table);
    }

    /**
     * Two runs of one scenario (the same label) compare too, each with its own figures: the
     * subgroup test's size bound is 3/R of each world's own replications (40 and 20).
     */
    @Test
    void twoRunsOfOneScenarioKeepTheirOwnFigures() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, CliRun.of("simulate", "--scenario", "mediator", "--reps", "40", "--quiet", "--out",
            a.toString()).exitCode());
        assertEquals(0, CliRun.of("simulate", "--scenario", "mediator", "--reps", "20", "--seed", "5", "--quiet",
            "--out", b.toString()).exitCode());
        CliRun c = CliRun.of("compare", a.toString(), b.toString());
        assertEquals(0, c.exitCode(), c.err());
        String size = c.out().lines().filter(l -> l.contains("rejects the true difference")).findFirst().orElseThrow();
        assertTrue(size.contains("(< 7.5%)") && size.contains("(< 15%)"), size);
    }
}
