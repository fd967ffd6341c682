package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --save-studies}: the saved studies are the ones the run analysed. Re-pooled
 * with {@code pool} (REML, z, as the scenario), each replication's saved unadjusted and adjusted
 * effect sizes give that replication's own {@code unadjusted_all.r} and {@code adjusted.r} of
 * replications.csv, to 1e-12.
 */
class SaveStudiesTest {
    @TempDir
    Path tmp;

    @Test
    void savedStudiesRepoolToTheReplicationsOwnFigures() throws Exception {
        Path out = tmp.resolve("run");
        CliRun s = CliRun.of("simulate", "--scenario", "fluckiger2018", "--reps", "4", "--save-studies", "1,3",
            "--quiet", "--out", out.toString());
        assertEquals(0, s.exitCode(), s.err());
        List<List<String>> studies = Files.readAllLines(out.resolve("studies.csv")).stream().map(Csv::split).toList();
        List<String> h = studies.get(0);
        List<List<String>> reps = Files.readAllLines(out.resolve("replications.csv")).stream().map(Csv::split).toList();
        List<String> rh = reps.get(0);
        assertEquals("reports_adjusted,published", String.join(",", h.subList(h.indexOf("reports_adjusted"),
            h.indexOf("reports_adjusted") + 2)));
        for (int rep : new int[] {1, 3}) {
            StringBuilder unadjusted = new StringBuilder("yi,vi\n");
            StringBuilder adjusted = new StringBuilder("yi,vi\n");
            for (List<String> row : studies.subList(1, studies.size())) {
                // as docs/monte-carlo.md re-pools: the published studies of one replication
                if (Integer.parseInt(row.get(h.indexOf("replication"))) != rep
                    || !row.get(h.indexOf("published")).equals("1")) {
                    continue;
                }
                unadjusted.append(row.get(h.indexOf("yi"))).append(',').append(row.get(h.indexOf("vi"))).append('\n');
                if (row.get(h.indexOf("reports_adjusted")).equals("TRUE")) {
                    adjusted.append(row.get(h.indexOf("yi_adjusted"))).append(',')
                        .append(row.get(h.indexOf("vi_adjusted"))).append('\n');
                }
            }
            List<String> record = reps.stream().filter(r -> r.get(rh.indexOf("replication")).equals(String.valueOf(rep)))
                .findFirst().orElseThrow();
            assertEquals(Csv.parseNumber(record.get(rh.indexOf("unadjusted_all.r"))), pooledR(unadjusted.toString()), 1e-12);
            assertEquals(Csv.parseNumber(record.get(rh.indexOf("adjusted.r"))), pooledR(adjusted.toString()), 1e-12);
            assertEquals(Csv.parseNumber(record.get(rh.indexOf("studies.k"))),
                unadjusted.toString().lines().count() - 1, 0);
        }
    }

    private double pooledR(String csv) throws Exception {
        Path f = Files.createTempFile(tmp, "p", ".csv");
        Files.writeString(f, csv);
        CliRun p = CliRun.of("pool", "--input", f.toString(), "--method", "REML", "--format", "json");
        assertEquals(0, p.exitCode(), p.err());
        return new ObjectMapper().readTree(p.out()).get("r").asDouble();
    }

    @Test
    void gzipAndSelectionAndErrors() throws Exception {
        Path out = tmp.resolve("gz");
        CliRun s = CliRun.of("simulate", "--scenario", "causal", "--reps", "3", "--save-studies", "2",
            "--studies-file", "studies.csv.gz", "--quiet", "--out", out.toString());
        assertEquals(0, s.exitCode(), s.err());
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("studies.csv.gz")))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("condition,/model/nodes/1/reliability,replication,study,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",beta_alliance_outcome"), lines.get(0));
        // "2": the first two replications of each of the 3 conditions
        assertEquals(List.of("0", "1"), lines.stream().skip(1).map(l -> Csv.split(l).get(2)).distinct().sorted().toList());
        CliRun bad = CliRun.of("simulate", "--scenario", "causal", "--reps", "3", "--save-studies", "5-9", "--out",
            tmp.resolve("bad").toString());
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().contains("0-2"), bad.err());
        CliRun shard = CliRun.of("simulate", "--scenario", "causal", "--reps", "3", "--save-studies", "all",
            "--shard", "1/2", "--out", tmp.resolve("sh").toString());
        assertEquals(2, shard.exitCode());
    }
}
