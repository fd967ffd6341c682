package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.calibration.Calibration;
import org.alliancelab.simulate.calibration.CalibrationTemplate;
import org.alliancelab.simulate.calibration.Calibrator;
import org.alliancelab.simulate.calibration.Targets;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calibrate and frontier on the shipped examples, through the command line. */
class CalibrateCommandTest {
    static final Path EXAMPLES = Path.of("..", "..", "examples");
    static final String NULL_TEMPLATE = EXAMPLES.resolve("fluckiger2018-null-template.json").toString();
    static final String TARGETS = EXAMPLES.resolve("fluckiger2018-targets.json").toString();

    @Test
    void writesTheCalibratedScenarioOfTheLibrary(@TempDir Path dir) {
        Path out = dir.resolve("calibrated.json");
        CliRun r = CliRun.of("calibrate", "--scenario", NULL_TEMPLATE, "--targets", TARGETS, "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("every target met"), r.out());
        assertTrue(r.out().contains("confounder -> alliance = confounder -> outcome"), r.out());
        Calibration library = Calibrator.of(CalibrationTemplate.load(Path.of(NULL_TEMPLATE)),
            Targets.load(Path.of(TARGETS))).fit();
        Scenario written = Scenario.load(out);
        assertEquals(library.scenario().toJson(), written.toJson());
        assertEquals(library.values().get(0), written.value("/model/paths/5/beta"), 0.0, "full precision");
    }

    @Test
    void infeasibleTargetsExitOneAndWriteNothing(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("tight.json");
        // The confounder paths may not exceed .2: the null world cannot reach the table.
        Files.writeString(template, Files.readString(Path.of(NULL_TEMPLATE))
            .replaceFirst("\"upper\": 0.8", "\"upper\": 0.2, \"start\": 0.1")
            .replaceFirst("\"upper\": 0.9", "\"upper\": 0.2, \"start\": 0.1"));
        Path out = dir.resolve("calibrated.json");
        CliRun r = CliRun.of("calibrate", "--scenario", template.toString(), "--targets", TARGETS, "--out",
            out.toString());
        assertEquals(1, r.exitCode(), r.err());
        List<String> err = r.errLines();
        assertEquals(1, err.size(), r.err());
        assertTrue(err.get(0).startsWith("calibrate: no solution within the bounds: cannot meet '"), err.get(0));
        assertTrue(err.get(0).contains("closest"), err.get(0));
        assertTrue(err.get(0).endsWith("; nothing written"), err.get(0));
        assertTrue(r.out().contains("NOT MET"), r.out());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the template");
        }
    }

    @Test
    void aBadTargetsFileIsOneLine(@TempDir Path dir) throws IOException {
        Path targets = dir.resolve("bad.json");
        Files.writeString(targets, "{\"targets\": [{\"estimand\": \"unadjusted\", \"value\": 0.28}]}");
        Path out = dir.resolve("calibrated.json");
        CliRun r = CliRun.of("calibrate", "--scenario", NULL_TEMPLATE, "--targets", targets.toString(), "--out",
            out.toString());
        assertEquals(targets + ": /targets/0/tolerance: missing required field 'tolerance'",
            r.assertOneLineUserError(dir));
        assertFalse(Files.exists(out));
    }

    @Test
    void aTemplateWithoutFreeParametersIsOneLine(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("plain.json");
        Files.writeString(template, Scenario.builtIn("fluckiger2018").toJson());
        CliRun r = CliRun.of("calibrate", "--scenario", template.toString(), "--targets", TARGETS);
        assertTrue(r.assertOneLineUserError(dir).startsWith(template + ": /free: missing required field 'free'"));
    }

    /** Runs frontier on the null template, sweeping alliance -> outcome. */
    private static CliRun frontier(Path out, String from, String to, String steps) {
        return CliRun.of("frontier", "--scenario", NULL_TEMPLATE, "--targets", TARGETS, "--sweep",
            "/model/paths/7/beta", "--from", from, "--to", to, "--steps", steps, "--out", out.toString());
    }

    /** A short sweep (two compatible values, no edge): the three files, one CSV row per value. */
    @Test
    void frontierWritesItsFiles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("frontier");
        CliRun r = frontier(out, "0", "0.05", "2");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("frontier.json").toFile());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "A null world (causal r = 0, at alliance -> "
            + "outcome = 0) needs an unmeasured confounder with partial R2 %.3f with alliance given the covariates and "
            + "%.3f with outcome given alliance and the covariates.", json.at("/points/0/partial_r2_exposure").asDouble(),
            json.at("/points/0/partial_r2_outcome").asDouble())), r.out());
        List<String> csv = Files.readAllLines(out.resolve("frontier.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("grid,0.0,true,0.0,"), csv.get(1));
        assertTrue(csv.get(0).endsWith(",note"), csv.get(0));
        assertTrue(csv.get(1).endsWith(","), "a compatible point has no note: " + csv.get(1));
        assertEquals(2, json.get("points").size());
        assertEquals(0.05, json.at("/compatible_intervals/0/1").asDouble(), 0.0);
        assertTrue(Files.readString(out.resolve("frontier.svg")).startsWith("<?xml"));
    }

    @Test
    void frontierRefusesASweepOfAFreeParameter(@TempDir Path dir) {
        CliRun r = CliRun.of("frontier", "--scenario", NULL_TEMPLATE, "--targets", TARGETS, "--sweep",
            "/model/paths/4/beta", "--from", "0", "--to", "0.3", "--out", dir.resolve("f").toString());
        assertTrue(r.assertOneLineUserError(dir).contains("'/model/paths/4/beta' is a free parameter of the template"));
    }

    /** The null template with one more free entry first (so it is /free/0). */
    private static Path withFreeEntry(Path dir, String entry) throws IOException {
        Path template = dir.resolve("template.json");
        String text = Files.readString(Path.of(NULL_TEMPLATE));
        assertTrue(text.contains("\"free\": ["));
        Files.writeString(template, text.replace("\"free\": [", "\"free\": [" + entry + ", "));
        return template;
    }

    @Test
    void aWholeNumberFreeFieldIsRefusedNotReportedInfeasible(@TempDir Path dir) throws IOException {
        Path template = withFreeEntry(dir, "{\"path\": \"/design/studies\", \"lower\": 100, \"upper\": 400}");
        for (String command : List.of("calibrate", "frontier")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--scenario", template.toString(),
                "--targets", TARGETS, "--out", dir.resolve("out").toString()));
            if (command.equals("frontier")) {
                args.addAll(List.of("--sweep", "/model/paths/7/beta", "--from", "0", "--to", "0.1"));
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertTrue(r.assertOneLineUserError(dir).startsWith(template + ": /free/0/path: '/design/studies' takes "
                + "whole numbers only"), r.err());
        }
    }

    @Test
    void aFreeParameterNameUsedTwiceIsRefused(@TempDir Path dir) throws IOException {
        Path template = withFreeEntry(dir, "{\"name\": \"P(report adjusted | late)\", \"path\": "
            + "\"/model/paths/0/beta\", \"lower\": 0, \"upper\": 0.5}");
        CliRun r = CliRun.of("frontier", "--scenario", template.toString(), "--targets", TARGETS, "--sweep",
            "/model/paths/7/beta", "--from", "0", "--to", "0.1", "--out", dir.resolve("f").toString());
        assertEquals(template + ": /free/6/name: free parameter name 'P(report adjusted | late)' is used twice (a name "
            + "labels one column of the fit)", r.assertOneLineUserError(dir));
    }

    /**
     * At .7 the null template's model is invalid whatever the fit: the frontier goes on, the
     * point is incompatible with its reason in the note, and the report reads the files.
     */
    @Test
    void aValueWhereTheModelIsInvalidIsRecordedNotFatal(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("frontier");
        CliRun r = frontier(out, "0", "0.7", "3");
        assertEquals(0, r.exitCode(), r.err());
        List<List<String>> csv = CliRun.csvRows(out.resolve("frontier.csv"));
        List<String> header = csv.get(0);
        List<String> last = csv.get(csv.size() - 1);
        assertEquals("0.7", last.get(header.indexOf("value")));
        assertEquals("false", last.get(header.indexOf("compatible")));
        assertEquals("NA", last.get(header.indexOf("causal_r")));
        String note = last.get(header.indexOf("note"));
        assertTrue(note.startsWith("the model is invalid at this value") && note.contains("explain"), note);
        JsonNode json = new ObjectMapper().readTree(out.resolve("frontier.json").toFile());
        JsonNode p = json.at("/points/" + (json.get("points").size() - 1));
        assertEquals(note, p.get("note").asText());
        assertTrue(p.get("causal_r").isNull());
        assertTrue(r.out().contains("0.700000") && r.out().contains("no: " + note), r.out());
        assertTrue(json.get("headline").asText().startsWith("The table allows population causal r from 0.000"));
        CliRun report = CliRun.of("report", "--frontier", out.toString());
        assertEquals(0, report.exitCode(), report.err());
        String escaped = note.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
        assertTrue(Files.readString(out.resolve("report.html")).contains(escaped), "the note in the report");
    }

    @Test
    void sweepValuesAreWrittenAsShortDecimals(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("frontier");
        CliRun r = frontier(out, "0.2", "0.23", "4");
        assertEquals(0, r.exitCode(), r.err());
        List<String> values = CliRun.csvRows(out.resolve("frontier.csv")).stream().skip(1)
            .filter(row -> row.get(0).equals("grid")).map(row -> row.get(1)).toList();
        assertTrue(0.2 + 1 * (0.23 - 0.2) / 3 != 0.21, "the plain formula is noisy here");
        assertEquals(List.of("0.2", "0.21", "0.22", "0.23"), values);
        JsonNode json = new ObjectMapper().readTree(out.resolve("frontier.json").toFile());
        assertEquals("0.21", json.at("/points/1/value").asText());
    }
}
