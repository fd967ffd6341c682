package org.alliancelab.simulate.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/**
 * The template reader refuses free parameters the search cannot use: a whole-number field
 * (the scenario reader's own rule, {@link Scenario#wholeNumberField}) and a name used twice.
 */
class CalibrationTemplateTest {

    private static String nullTemplate() throws IOException {
        return Files.readString(FluckigerRebuildTest.EXAMPLES.resolve("fluckiger2018-null-template.json"));
    }

    /** The null template with one more free entry first (so it is /free/0). */
    private static String withFirst(String entry) throws IOException {
        String text = nullTemplate();
        assertTrue(text.contains("\"free\": ["), "the example's free list");
        return text.replace("\"free\": [", "\"free\": [" + entry + ", ");
    }

    @Test
    void theScenarioReaderSaysWhichFieldsTakeWholeNumbers() {
        Scenario s = FluckigerRebuildTest.template("fluckiger2018-null").scenario();
        assertTrue(s.wholeNumberField("/design/studies"));
        assertTrue(s.wholeNumberField("/design/sampleSize/minimum"));
        assertFalse(s.wholeNumberField("/design/sampleSize/median"));
        assertFalse(s.wholeNumberField("/model/paths/7/beta"));
        assertFalse(s.wholeNumberField("/design/adjustedReporting/probabilities/early"));
        assertThrows(IllegalArgumentException.class, () -> s.wholeNumberField("/design/nothing"));
    }

    @Test
    void aWholeNumberFieldCannotBeFree() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CalibrationTemplate.parse(
            withFirst("{\"path\": \"/design/studies\", \"lower\": 100, \"upper\": 400}"), "t.json", "t"));
        assertEquals("/free/0/path", e.pointer());
        assertTrue(e.problem().contains("'/design/studies' takes whole numbers only"), e.problem());
        // tied fields: the pointer of the whole-number one
        ScenarioException tied = assertThrows(ScenarioException.class, () -> CalibrationTemplate.parse(
            withFirst("{\"paths\": [\"/model/paths/0/beta\", \"/design/sampleSize/minimum\"], \"lower\": 0, "
                + "\"upper\": 40}"), "t.json", "t"));
        assertEquals("/free/0/paths/1", tied.pointer());
        CalibrationTemplate ok = FluckigerRebuildTest.template("fluckiger2018-null");
        IllegalArgumentException library = assertThrows(IllegalArgumentException.class, () -> CalibrationTemplate.of(
            ok.scenario(), List.of(new FreeParameter("k", List.of("/design/studies"), 100, 400, 295))));
        assertTrue(library.getMessage().contains("whole numbers"), library.getMessage());
    }

    @Test
    void aFreeParameterNameUsedTwiceIsRefused() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CalibrationTemplate.parse(
            withFirst("{\"name\": \"late: confounder -> alliance\", \"path\": \"/model/paths/0/beta\", "
                + "\"lower\": 0, \"upper\": 0.5}"), "t.json", "t"));
        // the example's own entry of that name is now the third
        assertEquals("/free/2/name", e.pointer());
        assertTrue(e.problem().contains("'late: confounder -> alliance' is used twice"), e.problem());
        CalibrationTemplate ok = FluckigerRebuildTest.template("fluckiger2018-null");
        List<FreeParameter> twice = List.of(new FreeParameter("a", List.of("/model/paths/0/beta"), 0, 0.5, 0.2),
            new FreeParameter("a", List.of("/model/paths/1/beta"), -0.5, 0.5, -0.1));
        assertThrows(IllegalArgumentException.class, () -> CalibrationTemplate.of(ok.scenario(), twice));
    }
}
