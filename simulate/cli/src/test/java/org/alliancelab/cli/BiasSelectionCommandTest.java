package org.alliancelab.cli;

import static org.alliancelab.cli.GoldenStudies.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code bias --selmodel} and the PET-PEESE section against metafor 3.8-1, on the
 * reference files of core ({@code selection/*.json}, written by core/src/test/r/selection-reference.R:
 * {@code selmodel(rma(yi, vi), type = "stepfun", steps = ...)} with a tight optimiser control, and
 * {@code rma(yi, vi, mods = ~ sqrt(vi))} / {@code ~ vi}); the studies are given as yi, vi columns.
 */
class BiasSelectionCommandTest {

    @TempDir
    Path dir;

    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = BiasSelectionCommandTest.class.getResourceAsStream("/selection/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private Path csv(JsonNode ref) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("study,yi,vi");
        int i = 1;
        for (JsonNode s : ref.get("data")) {
            lines.add("s" + i++ + "," + s.get("yi").asDouble() + "," + s.get("vi").asDouble());
        }
        Path f = dir.resolve(ref.get("name").asText() + ".csv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void selectionModelAndPetPeeseMatchMetafor() throws IOException {
        JsonNode sel = reference("selmodel_selected_k66_4step");
        JsonNode pp = reference("petpeese_selected_k66");
        JsonNode a = GoldenStudies.json("bias", "--input", csv(sel).toString(), "--selmodel", ".025,.1,.5",
            "--format", "json");
        JsonNode s = a.get("selmodel");
        JsonNode e = sel.get("expected");
        assertClose("estimate", e.get("beta").asDouble(), s.get("estimate"), 1e-6, 1e-8);
        assertClose("tau2", e.get("tau2").asDouble(), s.get("tau2"), 1e-6, 1e-8);
        assertClose("se", e.get("se").asDouble(), s.get("se"), 1e-5, 1e-8);
        assertClose("LRT", e.get("LRT").asDouble(), s.get("LRT"), 1e-6, 1e-8);
        assertEquals(3, s.get("LRTdf").asInt());
        assertEquals("greater", s.get("alternative").asText());
        assertEquals("ML", s.get("method").asText(), "REML refitted as ML, as metafor");
        JsonNode intervals = s.get("intervals");
        assertEquals(4, intervals.size());
        for (int j = 0; j < 4; j++) {
            assertClose("delta " + j, e.get("delta").get(j).asDouble(), intervals.get(j).get("delta"), 1e-6, 1e-8);
            assertEquals(e.get("k_interval").get(j).asInt(), intervals.get(j).get("k").asInt());
            assertFalse(intervals.get(j).get("at_bound").asBoolean());
        }
        assertTrue(intervals.get(0).get("se").isNull(), "the first weight is fixed at 1");
        JsonNode p = a.get("pet_peese");
        for (String which : List.of("pet", "peese")) {
            JsonNode x = pp.get(which);
            assertClose(which + " estimate", x.get("beta").get(0).asDouble(), p.get(which).get("estimate"), 1e-6, 1e-10);
            assertClose(which + " se", x.get("se").get(0).asDouble(), p.get(which).get("se"), 1e-6, 1e-10);
            assertClose(which + " slope", x.get("beta").get(1).asDouble(), p.get(which).get("slope"), 1e-6, 1e-10);
        }
        assertEquals(pp.get("chosen").asText(), p.get("chosen").asText());
    }

    @Test
    void withoutSelmodelTheKeyIsNullAndPetPeeseIsThere() throws IOException {
        JsonNode a = GoldenStudies.json("bias", "--input", csv(reference("petpeese_crede2010")).toString(),
            "--format", "json");
        assertTrue(a.get("selmodel").isNull());
        assertEquals("PEESE", a.get("pet_peese").get("chosen").asText());
    }

    @Test
    void textShowsTheSectionsAndTheBound() throws IOException {
        CliRun run = CliRun.of("bias", "--input", csv(reference("selmodel_delta_upper_bound")).toString(),
            "--selmodel", "3psm");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("PET-PEESE") && out.contains("conditional estimate"), out);
        assertTrue(out.contains("Step-function selection model (3PSM"), out);
        assertTrue(out.contains("100.0000 (bound)"), out);
    }

    @Test
    void emptyIntervalIsOneLineExit2() throws IOException {
        Path f = csv(reference("selmodel_synthetic_k300_empty_interval"));
        CliRun run = CliRun.of("bias", "--input", f.toString(), "--selmodel", ".025,.5");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.contains(f.getFileName().toString()) && err.contains("--selmodel") && err.contains("(0.5, 1.0]"),
            err);
    }

    @Test
    void badStepsAreRefused() throws IOException {
        Path f = csv(reference("selmodel_molloy2014_3psm"));
        for (String bad : List.of("abc", "1.5", "0,.5", "1")) {
            CliRun run = CliRun.of("bias", "--input", f.toString(), "--selmodel", bad);
            assertEquals(2, run.exitCode(), bad);
            assertTrue(run.err().contains("--selmodel"), run.err());
        }
    }
}
