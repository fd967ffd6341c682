package org.alliancelab.cli;

import static org.alliancelab.cli.GoldenStudies.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pool --by}: the golden files have no subgroup cases, so the subgroup analysis is checked
 * against the definitions it stands for, on golden/molloy2014.json's studies grouped by
 * {@code controls}: with separate tau^2 each group is exactly {@code pool} on that group's
 * studies alone (metafor's {@code rma(..., subset = controls == level)}), and Q-between is the
 * Q statistic of the group estimates with weights 1/SE^2 (Borenstein et al. 2009, ch. 19); with a
 * common tau^2 and z tests, Q-between equals the omnibus QM of {@code pool --mods controls}
 * (metafor's {@code rma(yi, vi, mods = ~ factor(controls))}), and every group's tau^2 is that
 * model's residual tau^2.
 */
class PoolSubgroupTest {

    @TempDir
    Path dir;

    private final GoldenStudies g = GoldenStudies.load("molloy2014.json");

    @Test
    void separateTau2IsPoolPerGroup() throws IOException {
        Path csv = g.writeCsv(dir);
        JsonNode a = GoldenStudies.json("pool", "--input", csv.toString(), "--by", "controls", "--format", "json");
        assertEquals("controls", a.get("by").asText());
        assertEquals("separate", a.get("subgroup_tau2").asText());
        JsonNode groups = a.get("groups");
        assertEquals(2, groups.size());
        double sw = 0;
        double swy = 0;
        for (JsonNode group : groups) {
            String level = group.get("level").asText();
            JsonNode alone = GoldenStudies.json("pool", "--input", subset(csv, level).toString(), "--format", "json");
            Set<String> keys = new TreeSet<>();
            group.fieldNames().forEachRemaining(keys::add);
            Set<String> wanted = new TreeSet<>();
            alone.fieldNames().forEachRemaining(wanted::add);
            wanted.add("level");
            assertEquals(wanted, keys, "the plain pool keys plus level");
            for (Iterator<String> it = alone.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                assertEquals(alone.get(key), group.get(key), level + " " + key);
            }
            double w = 1 / Math.pow(group.get("se").asDouble(), 2);
            sw += w;
            swy += w * group.get("estimate").asDouble();
        }
        assertEquals(List.of("multiple", "none"), List.of(groups.get(0).get("level").asText(),
            groups.get(1).get("level").asText()), "levels in sorted order");
        double mean = swy / sw;
        double q = 0;
        for (JsonNode group : groups) {
            q += Math.pow(group.get("estimate").asDouble() - mean, 2) / Math.pow(group.get("se").asDouble(), 2);
        }
        assertClose("Qbetween", q, a.get("Qbetween"), 1e-12, 0);
        assertEquals(1, a.get("Qbetween_df").asInt());
        assertClose("Qbetween_p", ChiSquaredDistribution.of(1).survivalProbability(q), a.get("Qbetween_p"), 1e-10, 0);
    }

    @Test
    void commonTau2EqualsTheMetaRegressionOnTheGroups() {
        Path csv = g.writeCsv(dir);
        JsonNode a = GoldenStudies.json("pool", "--input", csv.toString(), "--by", "controls", "--subgroup-tau2",
            "common", "--format", "json");
        JsonNode reg = GoldenStudies.json("pool", "--input", csv.toString(), "--mods", "controls", "--format", "json");
        assertEquals("common", a.get("subgroup_tau2").asText());
        assertClose("Qbetween = QM", reg.get("QM").asDouble(), a.get("Qbetween"), 1e-8, 0);
        assertClose("Qbetween_p = QMp", reg.get("QMp").asDouble(), a.get("Qbetween_p"), 1e-8, 0);
        for (JsonNode group : a.get("groups")) {
            assertClose(group.get("level").asText() + " tau2", reg.get("tau2").asDouble(), group.get("tau2"), 1e-10,
                1e-15);
            assertTrue(group.get("tau2_ci_lb").isNull(), "no own tau^2 CI with a common tau^2");
        }
    }

    @Test
    void textSummaryNamesGroupsAndTheTest() {
        CliRun run = CliRun.of("pool", "--input", g.writeCsv(dir).toString(), "--by", "controls");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Subgroup analysis by 'controls' (k = 16; 2 subgroups;"), run.out());
        assertTrue(run.out().contains("\nmultiple   3 "), run.out());
        assertTrue(run.out().contains("\nnone      13 "), run.out());
        assertTrue(run.out().contains("Qbetween(df = 1) = "), run.out());
    }

    /** A one-study subgroup falls back to z (as pool with k = 1); the analysis still reports knha. */
    @Test
    void singleStudySubgroupWithKnappHartung() throws IOException {
        Path p = dir.resolve("g.csv");
        Files.writeString(p, "study,r,n,g\nA,0.1,50,x\nB,0.2,60,y\nC,0.3,70,y\nD,0.25,80,y\n", StandardCharsets.UTF_8);
        JsonNode a = GoldenStudies.json("pool", "--input", p.toString(), "--by", "g", "--test", "knha", "--format",
            "json");
        assertEquals("knha", a.get("test").asText());
        assertEquals("z", a.get("groups").get(0).get("test").asText());
        assertEquals(1, a.get("groups").get(0).get("k").asInt());
        assertEquals("knha", a.get("groups").get(1).get("test").asText());
        assertTrue(a.get("groups").get(0).get("tau2_ci_lb").isNull(), "no tau^2 CI from one study");
    }

    /** The CSV's header and the rows of one level of controls. */
    private Path subset(Path csv, String level) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int col = List.of(lines.get(0).split(",")).indexOf("controls");
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            // the golden study labels contain no commas, so splitting is safe here
            if (line.split(",")[col].replace("\"", "").equals(level)) {
                out.add(line);
            }
        }
        Path p = dir.resolve("controls-" + level + ".csv");
        Files.write(p, out, StandardCharsets.UTF_8);
        return p;
    }
}
