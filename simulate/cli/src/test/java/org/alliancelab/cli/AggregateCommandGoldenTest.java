package org.alliancelab.cli;

import static org.alliancelab.cli.GoldenStudies.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.alliancelab.cli.io.Column;
import org.alliancelab.cli.io.StudyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code alliance-lab aggregate} against the {@code aggregate} case of
 * golden/crede2010_grade.json (metafor 3.8-1 {@code aggregate(dat, cluster = studyid, rho = 0.5,
 * struct = "CS")} on ZCOR: one yi, vi per study), and the aggregated CSV pooled by
 * {@code alliance-lab pool} against the file's {@code pool_after_aggregate} case
 * ({@code rma(yi, vi, method = "REML")} on those rows), to 1e-6 relative.
 */
class AggregateCommandGoldenTest {

    private static final double TOL = 1e-6;

    @TempDir
    Path dir;

    private final GoldenStudies g = GoldenStudies.load("crede2010_grade.json");

    private JsonNode aggregateCase() {
        List<JsonNode> cases = g.cases("aggregate");
        assertEquals(1, cases.size());
        JsonNode c = cases.get(0);
        assertEquals("CS", c.get("struct").asText());
        return c;
    }

    @Test
    void csvOutputMatchesMetaforAndPoolsAsMetafor() throws IOException {
        JsonNode c = aggregateCase();
        Path out = dir.resolve("aggregated.csv");
        CliRun run = CliRun.of("aggregate", "--input", g.writeCsv(dir).toString(), "--cluster",
            c.get("cluster").asText(), "--rho", c.get("rho").asText(), "--measure", c.get("measure").asText(),
            "--out", out.toString());
        // sampleid varies within a study, so it is left out with a note; class is constant within
        // every study and is kept, as metafor::aggregate.escalc keeps it.
        assertEquals("alliance-lab aggregate: note: left out column sampleid (not constant within every studyid)",
            run.err().strip());
        assertEquals(0, run.exitCode());
        assertEquals("", run.out(), "--out writes nothing on stdout");

        StudyTable t = StudyTable.read(out);
        assertEquals(List.of("study", "yi", "vi", "effects", "class"), t.columns());
        for (int i = 0; i < t.size(); i++) {
            String cluster = t.column("study").text(i);
            String expected = null;
            for (JsonNode st : g.studies()) {
                if (st.get(c.get("cluster").asText()).asText().equals(cluster)) {
                    expected = st.get("class").asText();
                    break;
                }
            }
            assertEquals(expected, t.column("class").text(i), "class of cluster " + cluster);
        }
        JsonNode e = c.get("expected");
        assertEquals(e.get("cluster").size(), t.size(), "one row per cluster");
        Column study = t.column("study");
        Column yi = t.column("yi");
        Column vi = t.column("vi");
        for (int i = 0; i < t.size(); i++) {
            String cluster = e.get("cluster").get(i).asText();
            assertEquals(cluster, study.text(i), "clusters in order of first appearance");
            assertEquals(e.get("yi").get(i).asDouble(), yi.number(i), TOL * Math.abs(e.get("yi").get(i).asDouble()),
                "yi of cluster " + cluster);
            assertEquals(e.get("vi").get(i).asDouble(), vi.number(i), TOL * e.get("vi").get(i).asDouble(),
                "vi of cluster " + cluster);
        }
        int effects = 0;
        for (int m : t.column("effects").wholeNumbers()) {
            effects += m;
        }
        assertEquals(g.studies().size(), effects, "every effect is in one cluster");

        // the aggregated file is ready for pool
        JsonNode after = g.cases("pool_after_aggregate").get(0);
        JsonNode pooled = GoldenStudies.json("pool", "--input", out.toString(), "--measure",
            after.get("measure").asText(), "--method", after.get("method").asText(), "--test",
            after.get("test").asText(), "--format", "json");
        JsonNode pe = after.get("expected");
        assertEquals(pe.get("k").asInt(), pooled.get("k").asInt(), "k");
        for (Iterator<String> it = pe.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("k")) {
                assertClose("pool_after_aggregate " + key, pe.get(key).asDouble(), pooled.get(key), TOL, 1e-300);
            }
        }
    }

    @Test
    void jsonOutputMatchesMetafor() {
        JsonNode c = aggregateCase();
        CliRun run = CliRun.of("aggregate", "--input", g.writeCsv(dir).toString(), "--cluster",
            c.get("cluster").asText(), "--rho", c.get("rho").asText(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("left out column sampleid"), run.err());
        JsonNode a;
        try {
            a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        assertEquals("cs", a.get("method").asText());
        assertEquals("ZCOR", a.get("measure").asText());
        assertEquals(g.studies().size(), a.get("k").asInt());
        JsonNode e = c.get("expected");
        JsonNode rows = a.get("rows");
        assertEquals(e.get("cluster").size(), a.get("clusters").asInt());
        assertEquals(e.get("cluster").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertEquals(e.get("cluster").get(i).asText(), row.get("study").asText());
            assertClose("yi " + i, e.get("yi").get(i).asDouble(), row.get("yi"), TOL, 0);
            assertClose("vi " + i, e.get("vi").get(i).asDouble(), row.get("vi"), TOL, 0);
        }
    }

    /**
     * The composite correlation (MAc's agg): for a cluster of m correlations, sum(r)/sqrt(m + m(m-1)rho)
     * and the mean n rounded, computed here by hand from the golden studies.
     */
    @Test
    void compositeFollowsMacRule() throws IOException {
        Path csv = dir.resolve("pairs.csv");
        Files.writeString(csv, "study,r,n\nA,0.30,100\nA,0.20,120\nB,0.45,80\nA,0.10,131\n", StandardCharsets.UTF_8);
        JsonNode a = GoldenStudies.json("aggregate", "--input", csv.toString(), "--cluster", "study", "--rho", "0.6",
            "--method", "composite", "--format", "json");
        JsonNode rows = a.get("rows");
        assertEquals(2, rows.size());
        assertEquals("A", rows.get(0).get("study").asText());
        assertClose("r of A", 0.6 / Math.sqrt(3 + 3 * 2 * 0.6), rows.get(0).get("r"), 1e-12, 0);
        assertEquals(117, rows.get(0).get("n").asInt(), "mean of 100, 120, 131 rounded");
        assertEquals(3, rows.get(0).get("correlations").asInt());
        assertClose("r of B (alone)", 0.45, rows.get(1).get("r"), 1e-12, 0);
        assertTrue(a.get("measure").isNull());
    }
}
