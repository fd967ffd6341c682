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

    /** A short sweep (two compatible values, no edge): the three files, one CSV row per value. */
    @Test
    void frontierWritesItsFiles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("frontier");
        CliRun r = CliRun.of("frontier", "--scenario", NULL_TEMPLATE, "--targets", TARGETS, "--sweep",
            "/model/paths/7/beta", "--from", "0", "--to", "0.05", "--steps", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("A null world (alliance -> outcome = 0) needs an unmeasured confounder with "
            + "partial R2 0.186 with alliance"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("frontier.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("grid,0.0,true,0.0,"), csv.get(1));
        JsonNode json = new ObjectMapper().readTree(out.resolve("frontier.json").toFile());
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
}
