package org.alliancelab.simulate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.model.PanelModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The design.sessions block: what it reads, what it refuses (with the JSON pointer), the engine it needs. */
class SessionsReaderTest {
    private static final String SESSIONS = """
        "sessions": {"count": 6, "intercepts": {"sd": [0.9, 0.8], "correlation": 0.3}, "carryOver": [0.4, 0.3],
          "crossLagged": {"beta": 0.15, "sd": 0.05}, "reverse": 0.1,
          "innovations": {"sd": [1, 0.9], "correlation": 0.2}, "measurementError": {"sd": [0.5, 0.4]}}""";

    private static String scenario(String model, String designExtra, String sessions) {
        return """
            {"model": %s,
             "design": {"studies": 4, "sampleSize": {"distribution": "fixed", "n": 30}%s, %s}}
            """.formatted(model, designExtra, sessions);
    }

    private static final String TWO_NODES = """
        {"nodes": [{"name": "alliance"}, {"name": "outcome"}], "exposure": "alliance", "outcome": "outcome"}""";

    @Test
    void readsEveryField() {
        Scenario s = Scenario.parse(scenario(TWO_NODES, "", SESSIONS), "p.json", "p");
        PanelModel p = s.conditions().get(0).design().sessions().orElseThrow();
        assertEquals(new PanelModel(6, 0.9, 0.8, 0.3, 0.4, 0.3, 0.15, 0.05, 0.1, 1, 0.9, 0.2, 0.5, 0.4), p);
        assertEquals(Engine.PANEL, Engine.defaultFor(s));
        assertTrue(Engine.SUFFICIENT.unsupported(s).isPresent());
        assertTrue(Engine.PANEL.unsupported(Scenario.parse(ScenarioTest.MINIMAL, "m.json", "m")).isPresent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"count\": 6|\"count\": 2|/design/sessions/count",
        "\"carryOver\": [0.4, 0.3]|\"carryOver\": [0.4]|/design/sessions/carryOver",
        "\"reverse\": 0.1|\"reverse\": 0.1, \"lag\": 2|/design/sessions/lag",
        "\"correlation\": 0.3|\"correlation\": 1.3|/design/sessions/intercepts/correlation",
        "\"sd\": [0.5, 0.4]|\"sd\": [-0.5, 0.4]|/design/sessions/measurementError/sd",
        "\"sd\": [1, 0.9]|\"sd\": [0, 0.9]|/design/sessions/innovations/sd",
        "\"carryOver\": [0.4, 0.3]|\"carryOver\": [1.0, 0.3]|/design/sessions"})
    void refusesWithAPointer(String from, String to, String pointer) {
        String json = scenario(TWO_NODES, "", SESSIONS.replace(from, to));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.parse(json, "p.json", "p"));
        assertTrue(e.getMessage().startsWith("p.json: " + pointer + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void refusesWhatAPanelStudyDoesNotHave() {
        String withPaths = TWO_NODES.replace("\"exposure\"",
            "\"paths\": [{\"from\": \"alliance\", \"to\": \"outcome\", \"beta\": 0.2}], \"exposure\"");
        ScenarioException paths = assertThrows(ScenarioException.class,
            () -> Scenario.parse(scenario(withPaths, "", SESSIONS), "p.json", "p"));
        assertTrue(paths.getMessage().startsWith("p.json: /model: with design.sessions"), paths.getMessage());
        String moderator = ", \"moderators\": [{\"name\": \"m\", \"levels\": [{\"name\": \"a\", \"probability\": 1}]}]";
        ScenarioException moderators = assertThrows(ScenarioException.class,
            () -> Scenario.parse(scenario(TWO_NODES, moderator, SESSIONS), "p.json", "p"));
        assertTrue(moderators.getMessage().startsWith("p.json: /design/moderators: a session-by-session"),
            moderators.getMessage());
    }
}
