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
 * {@code robust/robust_*.json} (core/src/test/resources/robust/, written by
 * core/src/test/r/robust-reference.R: metafor 3.8-1 {@code robust()}, clubSandwich 0.5.8; calls
 * in each file), written to CSV and run through the command line; every JSON field to 1e-8
 * relative, and where R has no CR1 (m &lt;= p) the one-line error. Then the text block and the
 * bad inputs.
 */
class PoolRobustTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"one_per_cluster_reml", "two_per_cluster_ee", "metaregression_reml", "paired_reml",
        "paired_ee", "small_m5_reml", "differences_reml", "differences_ee", "singular_leverage_reml",
        "cr2_m_equals_p_ee"})
    void matchesR(String name) throws IOException {
        JsonNode root = read(name);
        List<String> mods = moderators(root);
        Path file = csv(name, root);
        for (String estimator : List.of("CR1", "CR2")) {
            JsonNode expected = root.get(estimator);
            List<String> args = new ArrayList<>(List.of("pool", "--input", file.toString(), "--method",
                root.get("method").asText(), "--cluster", "cluster", "--robust", estimator, "--format", "json"));
            if (!mods.isEmpty()) {
                args.add("--mods");
                args.add(String.join(",", mods));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            if (expected == null) { // metafor::robust refuses CR1 with m <= p
                String line = run.assertOneLineUserError(dir);
                assertTrue(line.contains(file.toString()) && line.contains("CR1 needs at least"), line);
                continue;
            }
            assertEquals(0, run.exitCode(), run.err());
            JsonNode robust = MAPPER.readTree(run.out()).get("robust");
            assertEquals(estimator, robust.get("estimator").asText());
            assertEquals("cluster", robust.get("cluster_column").asText());
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

    private static List<String> moderators(JsonNode root) {
        List<String> mods = new ArrayList<>();
        root.get("moderators").forEach(m -> mods.add(m.asText()));
        return mods;
    }

    /** The reference file's data as CSV: yi, vi, cluster (labels c1, c2, ...) and the moderators. */
    private Path csv(String name, JsonNode root) throws IOException {
        List<String> mods = moderators(root);
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
        return file;
    }

    /** The one line on stderr of a run refused as bad input, for a CSV file of that content. */
    private String refused(String content, String... options) throws IOException {
        Path file = dir.resolve("input.csv");
        Files.writeString(file, content);
        List<String> args = new ArrayList<>(List.of("pool", "--input", file.toString()));
        args.addAll(List.of(options));
        String line = CliRun.of(args.toArray(String[]::new)).assertOneLineUserError(dir);
        assertTrue(line.contains(file.toString()), line);
        return line;
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = PoolRobustTest.class.getResourceAsStream("/robust/robust_" + name + ".json")) {
            return MAPPER.readTree(in);
        }
    }

    /**
     * The summary's block, as printed for {@code robust_metaregression_reml.json} with
     * {@code --mods age,rated}: R's CR2 values (clubSandwich 0.5.8) rounded to the 4 digits
     * printed, df to 2; the model-based table stays above it.
     */
    @Test
    void textBlockWithModerators() throws IOException {
        JsonNode root = read("metaregression_reml");
        Path file = csv("metaregression_reml", root);
        CliRun run = CliRun.of("pool", "--input", file.toString(), "--mods", "age,rated", "--cluster", "cluster",
            "--robust", "CR2");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        int block = lines.indexOf("Cluster-robust inference (CR2, Satterthwaite df; 16 clusters in column cluster, "
            + "95% CI):");
        assertTrue(block > lines.indexOf("Model results (Wald z tests, 95% CI):"), run.out());
        assertEquals(List.of("estimate", "se", "tval", "df", "pval", "ci.lb", "ci.ub"),
            List.of(lines.get(block + 2).trim().split("\\s+")));
        JsonNode cr2 = root.get("CR2");
        for (int j = 0; j < cr2.size(); j++) {
            JsonNode e = cr2.get(j);
            List<String> row = List.of(lines.get(block + 3 + j).trim().split("\\s+"));
            assertEquals(List.of(e.get("name").asText(), f(e, "estimate", 4), f(e, "se", 4), f(e, "tval", 4),
                f(e, "df", 2), f(e, "pval", 4), f(e, "ci_lb", 4), f(e, "ci_ub", 4)), row);
        }
    }

    private static String f(JsonNode e, String key, int digits) {
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", e.get(key).asDouble());
    }

    @Test
    void missingClusterColumnIsOneLine() throws IOException {
        String line = refused("yi,vi\n0.1,0.01\n0.2,0.02\n0.3,0.01\n", "--cluster", "study", "--robust", "CR2");
        assertTrue(line.contains("study"), line);
    }

    @Test
    void oneClusterIsRefused() throws IOException {
        String line = refused("yi,vi,s\n0.1,0.01,a\n0.2,0.02,a\n0.3,0.01,a\n", "--cluster", "s", "--robust", "CR2");
        assertTrue(line.contains("1 cluster"), line);
    }

    @Test
    void robustNeedsCluster() {
        String line = CliRun.of("pool", "--input", "x.csv", "--robust", "CR2").assertOneLineUserError(dir);
        assertTrue(line.contains("--cluster"), line);
    }

    @Test
    void clusterNeedsRobust() {
        String line = CliRun.of("pool", "--input", "x.csv", "--cluster", "study").assertOneLineUserError(dir);
        assertTrue(line.contains("--cluster needs --robust"), line);
    }

    @Test
    void unknownCorrectionIsRefused() {
        String line = CliRun.of("pool", "--input", "x.csv", "--cluster", "study", "--robust", "CR3")
            .assertOneLineUserError(dir);
        assertTrue(line.contains("--robust") && line.contains("CR3"), line);
    }

    @Test
    void notWithSubgroups() {
        String line = CliRun.of("pool", "--input", "x.csv", "--by", "g", "--cluster", "study", "--robust", "CR2")
            .assertOneLineUserError(dir);
        assertTrue(line.contains("--by"), line);
    }

    @Test
    void aMissingClusterIsOneLine() throws IOException {
        refused("yi,vi,s\n0.1,0.01,a\n0.2,0.02,\n0.3,0.01,b\n", "--cluster", "s", "--robust", "CR2");
    }
}
