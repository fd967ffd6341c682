package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pool --cluster COL --robust CR1|CR2} against R: the cases of core's
 * {@code robust/robust_*.json} (metafor 3.8-1 {@code robust()}, clubSandwich 0.5.8; calls in
 * each file), written to CSV and run through the command line; every JSON field to 1e-8
 * relative.
 */
class PoolRobustTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"one_per_cluster_reml", "two_per_cluster_ee", "metaregression_reml", "paired_reml",
        "paired_ee", "small_m5_reml", "differences_reml", "differences_ee"})
    void matchesR(String name) throws IOException {
        JsonNode root;
        try (InputStream in = PoolRobustTest.class.getResourceAsStream("/robust/robust_" + name + ".json")) {
            root = MAPPER.readTree(in);
        }
        List<String> mods = new ArrayList<>();
        root.get("moderators").forEach(m -> mods.add(m.asText()));
        StringBuilder csv = new StringBuilder("yi,vi,cluster");
        mods.forEach(m -> csv.append(',').append(m));
        csv.append('\n');
        for (JsonNode row : root.get("data")) {
            csv.append(row.get("yi").asText()).append(',').append(row.get("vi").asText()).append(",c")
                .append(row.get("cluster").asText());
            mods.forEach(m -> csv.append(',').append(row.get(m).asText()));
            csv.append('\n');
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv);
        for (String estimator : List.of("CR1", "CR2")) {
            List<String> args = new ArrayList<>(List.of("pool", "--input", file.toString(), "--method",
                root.get("method").asText(), "--cluster", "cluster", "--robust", estimator, "--format", "json"));
            if (!mods.isEmpty()) {
                args.add("--mods");
                args.add(String.join(",", mods));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            JsonNode robust = MAPPER.readTree(run.out()).get("robust");
            assertEquals(estimator, robust.get("estimator").asText());
            JsonNode expected = root.get(estimator);
            for (int j = 0; j < expected.size(); j++) {
                JsonNode e = expected.get(j);
                JsonNode a = robust.get("coefficients").get(j);
                assertEquals(e.get("name").asText(), a.get("name").asText());
                for (String key : List.of("estimate", "se", "tval", "df", "pval", "ci_lb", "ci_ub")) {
                    double x = e.get(key).asDouble();
                    assertEquals(x, a.get(key).asDouble(), 1e-8 * Math.abs(x) + 1e-14,
                        name + " " + estimator + " " + e.get("name").asText() + " " + key);
                }
            }
        }
    }

    @Test
    void missingClusterColumnIsOneLine() throws IOException {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "yi,vi\n0.1,0.01\n0.2,0.02\n0.3,0.01\n");
        String line = CliRun.of("pool", "--input", file.toString(), "--cluster", "study", "--robust", "CR2")
            .assertOneLineUserError(dir);
        assertTrue(line.contains(file.toString()) && line.contains("study"), line);
    }

    @Test
    void oneClusterIsRefused() throws IOException {
        Path file = dir.resolve("b.csv");
        Files.writeString(file, "yi,vi,s\n0.1,0.01,a\n0.2,0.02,a\n0.3,0.01,a\n");
        String line = CliRun.of("pool", "--input", file.toString(), "--cluster", "s", "--robust", "CR2")
            .assertOneLineUserError(dir);
        assertTrue(line.contains("1 cluster"), line);
    }

    @Test
    void robustNeedsCluster() {
        String line = CliRun.of("pool", "--input", "x.csv", "--robust", "CR2").assertOneLineUserError(dir);
        assertTrue(line.contains("--cluster"), line);
    }
}
