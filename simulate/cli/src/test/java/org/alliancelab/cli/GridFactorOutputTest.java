package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named grid factor is the column header and the condition label everywhere a run is read
 * (examples/confounder-strength.json: {@code confounder_strength} sets both confounder paths,
 * crossed with {@code k}); an old scenario file writes what it wrote before.
 */
class GridFactorOutputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "confounder-strength.json");

    @TempDir
    Path tmp;

    @Test
    void namesHeadTheColumnsAndLabelTheConditions() throws Exception {
        Path dir = tmp.resolve("run");
        CliRun s = CliRun.of("simulate", "--scenario", EXAMPLE.toString(), "--reps", "4", "--save-studies", "1",
            "--out", dir.toString());
        assertEquals(0, s.exitCode(), s.err());
        // the terminal's condition header prints each level as the scenario gives it
        assertTrue(s.out().lines().anyMatch(l -> l.equals("Condition 0  confounder_strength = 0  k = 66")), s.out());
        assertTrue(s.out().lines().anyMatch(l -> l.equals("Condition 3  confounder_strength = 0.15  k = 295")), s.out());
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertTrue(summary.get(0).startsWith("condition,confounder_strength,k,analysis,"), summary.get(0));
        // condition 5 is the last level of both factors (last factor fastest)
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("5,0.3,295,")), "condition 5 row");
        List<String> reps = Files.readAllLines(dir.resolve("replications.csv"));
        assertTrue(reps.get(0).startsWith("condition,replication,confounder_strength,k,studies.k,"), reps.get(0));
        List<String> row = Csv.split(reps.stream().filter(l -> l.startsWith("4,0,")).findFirst().orElseThrow());
        assertEquals(List.of("0.3", "66", "66"), row.subList(2, 5), "factor levels, then studies.k = k");
        String studies = Files.readAllLines(dir.resolve("studies.csv")).get(0);
        assertTrue(studies.startsWith("condition,confounder_strength,k,replication,"), studies);
        JsonNode factors = MAPPER.readTree(dir.resolve("summary.json").toFile()).get("conditions").get(3).get("factors");
        assertEquals(List.of("confounder_strength", "k"), List.copyOf(MAPPER.convertValue(factors, java.util.LinkedHashMap.class)
            .keySet()));
        assertEquals(0.15, factors.get("confounder_strength").asDouble(), 0);
        assertEquals(295, factors.get("k").asDouble(), 0);

        CliRun text = CliRun.of("compare", dir.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().lines().anyMatch(l -> l.equals("confounder-strength confounder_strength=0.3, k=66")),
            text.out());
        assertTrue(text.out().lines().noneMatch(l -> l.contains("/model/") || l.contains("#0")), text.out());
        CliRun csv = CliRun.of("compare", dir.toString(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().lines().anyMatch(l -> l.startsWith("confounder-strength,2,confounder_strength=0.15;k=66,")),
            csv.out());

        Path html = tmp.resolve("report.html");
        CliRun report = CliRun.of("report", dir.toString(), "--out", html.toString());
        assertEquals(0, report.exitCode(), report.err());
        String page = Files.readString(html);
        assertTrue(page.contains("confounder_strength = 0.15, k = 295"), "condition label");
        assertTrue(!page.contains("/model/paths/5/beta ="), "no pointer labels");
    }

    /**
     * The old form ({@code path}) and the same factor as a one-pointer {@code paths} write the
     * same bytes; naming it changes the header's factor cell and nothing else.
     */
    @Test
    void oldFilesWriteWhatTheyWroteAndANameOnlyRenamesTheColumn() throws Exception {
        String causal = CliRun.of("scenarios", "show", "causal").out();
        ObjectNode old = (ObjectNode) MAPPER.readTree(causal);
        String pointer = old.at("/grid/0/path").asText();
        assertEquals("/model/nodes/1/reliability", pointer);
        ObjectNode list = old.deepCopy();
        ObjectNode listFactor = (ObjectNode) list.at("/grid/0");
        listFactor.remove("path");
        listFactor.putArray("paths").add(pointer);
        ObjectNode named = old.deepCopy();
        ((ObjectNode) named.at("/grid/0")).put("name", "reliability");
        Path[] dirs = new Path[3];
        ObjectNode[] trees = {old, list, named};
        for (int i = 0; i < 3; i++) {
            Path file = tmp.resolve("s" + i + ".json");
            Files.writeString(file, MAPPER.writeValueAsString(trees[i]));
            dirs[i] = tmp.resolve("out" + i);
            CliRun r = CliRun.of("simulate", "--scenario", file.toString(), "--reps", "6", "--quiet", "--out",
                dirs[i].toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        Path builtIn = tmp.resolve("builtin");
        assertEquals(0, CliRun.of("simulate", "--scenario", "causal", "--reps", "6", "--quiet", "--out",
            builtIn.toString()).exitCode());
        for (String f : List.of("summary.csv", "replications.csv")) {
            byte[] base = Files.readAllBytes(builtIn.resolve(f));
            assertArrayEquals(base, Files.readAllBytes(dirs[0].resolve(f)), f + ": the file equals the built-in");
            assertArrayEquals(base, Files.readAllBytes(dirs[1].resolve(f)), f + ": paths [p] equals path p");
            List<String> plain = Files.readAllLines(dirs[0].resolve(f));
            List<String> renamed = Files.readAllLines(dirs[2].resolve(f));
            assertEquals(plain.get(0).replace("," + pointer + ",", ",reliability,"), renamed.get(0), f);
            assertEquals(plain.subList(1, plain.size()), renamed.subList(1, renamed.size()), f + ": the same numbers");
        }
        CliRun compareOld = CliRun.of("compare", dirs[0].toString());
        assertTrue(compareOld.out().contains("causal reliability of early_change=0.6"), compareOld.out());
    }

    /** A checkpoint of another grid is refused, naming where the grids differ. */
    @Test
    void aCheckpointOfAnotherGridIsRefused() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(EXAMPLE.toFile());
        Path file = tmp.resolve("c.json");
        Files.writeString(file, MAPPER.writeValueAsString(tree));
        Path dir = tmp.resolve("cp");
        assertEquals(0, CliRun.of("simulate", "--scenario", file.toString(), "--reps", "4", "--shard", "1/2", "--quiet",
            "--out", dir.toString()).exitCode());
        ArrayNode scale = ((ObjectNode) tree.at("/grid/0")).putArray("scale");
        scale.add(1).add(0.5);
        Files.writeString(file, MAPPER.writeValueAsString(tree));
        CliRun other = CliRun.of("simulate", "--scenario", file.toString(), "--reps", "4", "--quiet", "--out",
            dir.toString());
        assertEquals(2, other.exitCode(), other.err());
        assertEquals(1, other.errLines().size(), other.err());
        assertTrue(other.err().contains("scenario definition at /grid/0/scale"), other.err());
    }

    /** A malformed factor through the command line: one line naming the file and the pointer, exit 2, nothing written. */
    @Test
    void aBadFactorIsOneLineAndWritesNothing() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(EXAMPLE.toFile());
        ((ObjectNode) tree.at("/grid/0")).put("name", "confounder strength");
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, MAPPER.writeValueAsString(tree));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("simulate", "--scenario", file.toString(), "--reps", "2", "--out", out.toString());
        String line = r.assertOneLineUserError(tmp);
        assertTrue(line.startsWith(file + ": /grid/0/name: "), line);
        assertTrue(line.contains("'confounder strength'"), line);
        assertTrue(!Files.exists(out), "no output directory");
    }
}
