package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.McseFormat;
import org.alliancelab.simulate.results.Measure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.results.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --targets FILE | synthesis} and {@code --no-targets}, and the default per scenario. */
class CompareTargetsTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void simulate() {
        for (String s : new String[] {"fluckiger2018", "causal"}) {
            CliRun r = CliRun.of("simulate", "--scenario", s, "--reps", "20", "--threads", "1", "--quiet", "--out",
                tmp.resolve(s).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
    }

    private static String compare(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        return r.out();
    }

    private static String dir(String scenario) {
        return tmp.resolve(scenario).toString();
    }

    @Test
    void theSynthesisColumnIsTheDefaultOnlyForTheFluckigerScenarios() {
        String fluckiger = compare("compare", dir("fluckiger2018"));
        assertTrue(fluckiger.contains("synthesis") && fluckiger.contains(".28 (k = 295)"), fluckiger);
        String causal = compare("compare", dir("causal"));
        assertFalse(causal.contains("synthesis") || causal.contains(".28 (k = 295)"), causal);
        assertTrue(causal.contains("pooled r, all studies"), "the runs' own means are still shown");
        String asked = compare("compare", dir("causal"), "--targets", "synthesis");
        assertTrue(asked.contains(".28 (k = 295)"), asked);
        String none = compare("compare", dir("fluckiger2018"), "--no-targets");
        assertFalse(none.contains(".28 (k = 295)"), none);
    }

    @Test
    void userTargetsGetOneRowEachWithTheAnalysisThatEstimatesIt() throws Exception {
        Path targets = tmp.resolve("mine.json");
        Files.writeString(targets, """
            {"description": "my table", "targets": [
              {"name": "my pooled r", "estimand": "unadjusted", "value": 0.3, "tolerance": 0.01},
              {"name": "my adjusted r", "estimand": "adjusted", "studies": "reporting", "value": 0.2, "tolerance": 0.01},
              {"name": "my causal r", "estimand": "causal", "value": 0.1, "tolerance": 0.05}]}
            """);
        String out = compare("compare", dir("fluckiger2018"), "--targets", targets.toString());
        RunSummary run = RunSummary.read(tmp.resolve("fluckiger2018"));
        ConditionSummary c = run.conditions().get(0);
        Measure pooled = c.find(Analyses.UNADJUSTED_ALL, MeasureNames.MEAN, "").orElseThrow();
        Measure adjusted = c.find(Analyses.ADJUSTED, MeasureNames.MEAN, "").orElseThrow();
        assertTrue(out.contains("my table"), out);
        assertTrue(line(out, "my pooled r").contains(".3 \u00b1 .01")
            && line(out, "my pooled r").endsWith(McseFormat.estimate(pooled.value(), pooled.mcse())), out);
        assertTrue(line(out, "my adjusted r").endsWith(McseFormat.estimate(adjusted.value(), adjusted.mcse())), out);
        assertTrue(line(out, "my causal r (population)").endsWith(
            String.format(Locale.ROOT, "%.3f", c.info().truth(Estimand.CAUSAL))), out);
        assertFalse(out.contains(".28 (k = 295)"), "the user's targets replace the synthesis's");

        // the same table for R: JSON's targets and CSV's rows carry the summary's numbers
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            compare("compare", dir("fluckiger2018"), "--targets", targets.toString(), "--format", "json"));
        com.fasterxml.jackson.databind.JsonNode mine = json.get("targets");
        assertEquals(3, mine.size());
        assertEquals("my pooled r", mine.get(0).get("name").asText());
        assertEquals(pooled.value(), mine.get(0).get("runs").get(0).get("mean").asDouble(), 0);
        assertEquals(pooled.mcse(), mine.get(0).get("runs").get(0).get("mcse").asDouble(), 0);
        assertEquals("adjusted", mine.get(1).get("runs").get(0).get("analysis").asText());
        assertEquals(adjusted.value(), mine.get(1).get("runs").get(0).get("mean").asDouble(), 0);
        assertEquals("population", mine.get(2).get("runs").get(0).get("source").asText());
        assertEquals(c.info().truth(Estimand.CAUSAL), mine.get(2).get("runs").get(0).get("mean").asDouble(), 0);
        String csv = compare("compare", dir("fluckiger2018"), "--targets", targets.toString(), "--format", "csv");
        String[] lines = csv.split("\n");
        assertEquals("target,estimand,value,tolerance,scenario,condition,factors,source,analysis,measure,mean,mcse,"
            + "replications", lines[0]);
        assertEquals(4, lines.length, csv);
        String[] first = lines[1].split(",");
        assertEquals("my pooled r", first[0]);
        assertEquals(pooled.value(), Double.parseDouble(first[10]), 0);
        assertTrue(lines[3].contains(",population,,,"), lines[3]);
    }

    @Test
    void badTargetsAreOneLineExitTwo() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"targets\": [{\"name\": \"x\", \"estimand\": \"nosuch\", \"value\": 1, \"tolerance\": 1}]}");
        CliRun r = CliRun.of("compare", dir("causal"), "--targets", bad.toString());
        String err = r.assertOneLineUserError(tmp);
        assertTrue(err.startsWith(bad + ": /targets/0"), err);
        CliRun both = CliRun.of("compare", dir("causal"), "--targets", "synthesis", "--no-targets");
        assertTrue(both.assertOneLineUserError(tmp).contains("mutually exclusive"), both.err());
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(start
            + " in " + text)).stripTrailing();
    }
}
