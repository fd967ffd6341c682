package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alliancelab.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --frontier}: the frontier section reads what {@code frontier} wrote. */
class ReportFrontierTest {

    @TempDir
    Path tmp;

    /** A short frontier of the shipped null template: three grid points, the last one infeasible. */
    private Path frontier() {
        Path out = tmp.resolve("frontier");
        CliRun r = CliRun.of("frontier", "--scenario", CalibrateCommandTest.NULL_TEMPLATE, "--targets",
            CalibrateCommandTest.TARGETS, "--sweep", "/model/paths/7/beta", "--from", "0", "--to", "0.4", "--steps", "3",
            "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @Test
    void theSectionShowsTheHeadlineAndEveryPointAsFrontierWroteThem() throws Exception {
        Path dir = frontier();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("frontier.json").toFile());
        CliRun r = CliRun.of("report", "--frontier", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains(json.get("headline").asText().replace("->", "-&gt;")), "headline");
        assertTrue(html.contains("data-plot=\"frontier\""), "plot");
        JsonNode points = json.get("points");
        int infeasible = 0;
        for (JsonNode p : points) {
            String row = String.format(Locale.ROOT, "<td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>",
                p.get("value").asDouble(), p.get("causal_r").asDouble(), p.get("partial_r2_exposure").asDouble(),
                p.get("partial_r2_outcome").asDouble());
            assertTrue(html.contains(row), row);
            infeasible += p.get("compatible").asBoolean() ? 0 : 1;
        }
        assertTrue(infeasible > 0, "a sweep to 0.4 passes the largest compatible effect");
        assertEquals(infeasible, html.split("class=\"infeasible\"", -1).length - 1);
        assertFalse(html.contains("<section id=\"r0-run\">"), "no simulation run was given");
    }

    @Test
    void runsAndFrontiersTogetherInOnePage() throws Exception {
        Path run = ReportFixtures.write(tmp.resolve("run"), "fluckiger2018-null", 0.0, 1);
        Path out = tmp.resolve("page.html");
        CliRun r = CliRun.of("report", run.toString(), "--frontier", frontier().toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(out);
        assertTrue(html.indexOf("<section id=\"r0-run\">") < html.indexOf("<section id=\"f0-frontier\">"), html);
    }

    /** The report's one-line error for a frontier.json with its first match of regex replaced; no report written. */
    private String reportOfDamaged(String regex, String replacement) throws Exception {
        Path dir = frontier();
        Path json = dir.resolve("frontier.json");
        Files.writeString(json, Files.readString(json).replaceFirst(regex, replacement));
        CliRun r = CliRun.of("report", "--frontier", dir.toString());
        String err = r.assertOneLineUserError(tmp);
        assertFalse(Files.exists(dir.resolve("report.html")));
        return err;
    }

    @Test
    void aDamagedFrontierFileIsOneLineExitTwoAndNothingWritten() throws Exception {
        String err = reportOfDamaged("\"causal_r\" : [0-9.eE-]+", "\"causal_r\" : \"x\"");
        assertTrue(err.contains("frontier.json: /points/0/causal_r: missing or not a number"), err);
    }

    /** The reader is strict about the note too (written by every frontier, "" for a compatible point). */
    @Test
    void aFrontierFileWithoutTheNoteIsRefused() throws Exception {
        String err = reportOfDamaged("\"note\" : \"[^\"]*\",", "");
        assertTrue(err.contains("frontier.json: /points/0/note: missing or not a string"), err);
    }

    @Test
    void nothingToReportIsAUsageError() {
        CliRun r = CliRun.of("report");
        assertTrue(r.assertOneLineUserError(tmp).contains("DIR"), r.err());
        assertEquals(List.of(), List.of(tmp.toFile().list()));
    }
}
