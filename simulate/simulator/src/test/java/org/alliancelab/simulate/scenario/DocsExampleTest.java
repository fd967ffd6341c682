package org.alliancelab.simulate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.engine.SimulatedReplication;
import org.alliancelab.simulate.engine.StudySimulator;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The annotated example of docs/scenario-format.md is a valid scenario and behaves as documented. */
class DocsExampleTest {
    /** Relative to the simulate module directory, where Maven runs the tests. */
    private static final Path DOC = Path.of("..", "..", "docs", "scenario-format.md");

    private static String doc() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DOC), "docs/scenario-format.md not found from " + Path.of("").toAbsolutePath());
        return Files.readString(DOC);
    }

    private static String example(String doc) {
        int marker = doc.indexOf("<!-- scenario-format-example");
        int start = doc.indexOf("```json\n", marker) + "```json\n".length();
        int end = doc.indexOf("```", start);
        return doc.substring(start, end);
    }

    @Test
    void exampleIsValidAndExpandsAsDocumented() throws IOException {
        Scenario s = Scenario.parse(example(doc()), "example.json", "example");
        assertEquals("example", s.name());
        assertEquals(20240611L, s.seed());
        List<Condition> c = s.conditions();
        assertEquals(4, c.size());
        double[][] table = {{0.0, 0.6}, {0.0, 1.0}, {0.15, 0.6}, {0.15, 1.0}};
        for (int i = 0; i < 4; i++) {
            assertEquals(table[i][0], c.get(i).factors().get("/model/paths/7/beta"));
            assertEquals(table[i][1], c.get(i).factors().get("/model/nodes/1/reliability"));
        }
        assertEquals(0, c.get(0).truthAtMeanPaths().causal(), 1e-12);
        // The studies' alliance effects vary about 0 (sd .05): their average causal z is not
        // exactly 0 (the mutilated outcome variance depends on the draw), but small.
        assertEquals(0, c.get(0).truth().causal(), 1e-3);
        assertTrue(c.get(2).truth().causal() > 0.05);
        // Dropout: the documented refusal of the sufficient engine, and the patient engine runs.
        ScenarioException e = assertThrows(ScenarioException.class, () -> StudySimulator.of(c.get(3), Engine.SUFFICIENT));
        assertEquals("/design/dropout", e.pointer());
        SimulatedReplication rep = StudySimulator.of(c.get(3), Engine.PATIENT)
            .simulate(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        assertEquals(100, rep.studies().size());
    }

    @Test
    void everyBuiltInIsDocumented() throws IOException {
        String doc = doc();
        for (String name : Scenario.builtInNames()) {
            assertTrue(doc.contains("| `" + name + "` |"), name);
        }
    }

    /** The named-factor example of "Names, several fields, scale" is the grid of examples/confounder-strength.json. */
    @Test
    void namedFactorExampleIsTheExampleFilesGrid() throws IOException {
        String doc = doc();
        int start = doc.indexOf("\"grid\": [\n  {\"name\": \"confounder_strength\"");
        assertTrue(start > 0, "the named-factor example");
        String grid = "{" + doc.substring(start, doc.indexOf("```", start)) + "}";
        Path file = Path.of("..", "..", "examples", "confounder-strength.json");
        Scenario example = Scenario.parse(Files.readString(file), file.toString(), "confounder-strength");
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(grid).get("grid"), mapper.readTree(example.toJson()).get("grid"));
        assertEquals(List.of("confounder_strength", "k"), example.grid().stream().map(GridFactor::column).toList());
        assertEquals(6, example.conditions().size());
        Condition c4 = example.conditions().get(4);
        assertEquals(0.3, c4.factors().get("confounder_strength"));
        assertEquals(66.0, c4.factors().get("k"));
    }
}
