package org.alliancelab.simulate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Error lines name what is wrong and nothing else: no parser internals, no grid suffix the grid did not cause. */
class ScenarioErrorMessageTest {

    @Test
    void malformedJsonHasLineAndColumnWithoutParserInternals() {
        ScenarioException e = assertThrows(ScenarioException.class,
            () -> Scenario.parse("{\"name\": \"x\", \"model\": {", "bad.json", "x"));
        assertTrue(e.getMessage().startsWith("bad.json: malformed JSON at line 1, column 25: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("the file ends before the object opened at line 1, column 24 is closed"),
            e.getMessage());
        assertFalse(e.getMessage().contains("Source"), e.getMessage());
        assertFalse(e.getMessage().contains("REDACTED"), e.getMessage());
    }

    /** A missing file is named once, as the CSV readers name it. */
    @Test
    void missingFileIsNamedOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path missing = dir.resolve("targets.json");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.readText(missing, "targets"));
        assertEquals(missing + ": file not found", e.getMessage());
    }

    /** An error unrelated to the grid is reported without "(grid condition 0: ...)"; one the grid causes keeps it. */
    @Test
    void gridSuffixOnlyWhenTheGridCausesTheError() {
        String withGrid = ScenarioTest.MINIMAL.replace("\"seed\": 7,",
            "\"seed\": 7, \"grid\": [{\"path\": \"/model/paths/0/beta\", \"levels\": [0.1, 0.2]}],");
        String unrelated = withGrid.replace("\"studies\": ", "\"studies\": 1, \"ignored\": ");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.parse(unrelated, "s.json", "s"));
        assertFalse(e.getMessage().contains("grid condition"), e.getMessage());
        String caused = withGrid.replace("[0.1, 0.2]", "[0.1, 2.0]");
        ScenarioException g = assertThrows(ScenarioException.class, () -> Scenario.parse(caused, "s.json", "s"));
        assertTrue(g.getMessage().contains("(grid condition 1: "), g.getMessage());
        assertEquals(1, g.getMessage().lines().count());
    }
}
