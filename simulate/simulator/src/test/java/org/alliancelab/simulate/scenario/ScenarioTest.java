package org.alliancelab.simulate.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.simulate.model.TruthValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A small valid scenario: confounder C -> X, C -> Y, X -> Y. */
    static final String MINIMAL = """
        {
          "name": "mini",
          "seed": 7,
          "replications": 10,
          "model": {
            "nodes": [
              {"name": "C", "reliability": 0.9},
              {"name": "X", "reliability": 0.8},
              {"name": "Y", "reliability": 0.7},
              {"name": "U", "observed": false}
            ],
            "paths": [
              {"from": "C", "to": "X", "beta": 0.5},
              {"from": "C", "to": "Y", "beta": 0.4},
              {"from": "X", "to": "Y", "beta": 0.3, "sd": 0.05}
            ],
            "exposure": "X",
            "outcome": "Y",
            "adjustment": ["C"]
          },
          "design": {
            "studies": 20,
            "sampleSize": {"distribution": "fixed", "n": 50},
            "moderators": [
              {"name": "timing", "levels": [
                {"name": "early", "probability": 0.25},
                {"name": "late", "probability": 0.75,
                 "paths": [{"from": "X", "to": "Y", "beta": 0.1}]}
              ]}
            ],
            "adjustedReporting": {"count": 5}
          },
          "analyses": {"estimator": "DL", "test": "knha", "alpha": 0.1}
        }
        """;

    private static Scenario parse(String json) {
        return Scenario.parse(json, "test.json", "test");
    }

    private static ScenarioException invalid(Consumer<ObjectNode> edit) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(MINIMAL);
            edit.accept(tree);
            String json = MAPPER.writeValueAsString(tree);
            ScenarioException e = assertThrows(ScenarioException.class, () -> parse(json));
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("test.json: "), e.getMessage());
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode obj(ObjectNode tree, String pointer) {
        return (ObjectNode) tree.at(pointer);
    }

    @Test
    void readsAValidScenario() {
        Scenario s = parse(MINIMAL);
        assertEquals("mini", s.name());
        assertEquals(7, s.seed());
        assertEquals(10, s.replications());
        assertEquals(TauSquaredEstimator.DL, s.analyses().estimator());
        assertEquals(InferenceTest.KNHA, s.analyses().test());
        assertEquals(0.1, s.analyses().alpha());
        assertEquals(List.of("timing"), s.moderatorNames());
        assertEquals(1, s.conditions().size());
        Condition c = s.conditions().get(0);
        assertEquals(0, c.index());
        assertTrue(c.factors().isEmpty());
        assertEquals(2, c.cells().size());
        assertEquals(new AdjustedReporting.Count(5), c.design().adjustedReporting().orElseThrow());
    }

    /**
     * Mixture truth: early cells have X -> Y = .3, late .1. Unadjusted r = sqrt(.8 * .7)(c + .5 * .4)
     * (the confounder derivation of StructuralModelTest): early .5 sqrt(.56), late .3 sqrt(.56).
     * The condition's truth is tanh(.25 atanh(early) + .75 atanh(late)); by moderator, each level
     * alone; total effect averaged linearly: .25 * .3 + .75 * .1 = .15.
     */
    @Test
    void truthAveragesCellsOnTheFisherScale() {
        // Without between-study variation, so that the truth is the value at the mean paths.
        Condition c = parse(FIXED_PATHS).conditions().get(0);
        double early = .5 * Math.sqrt(.56);
        double late = .3 * Math.sqrt(.56);
        double expected = Math.tanh(.25 * atanh(early) + .75 * atanh(late));
        assertEquals(expected, c.truth().unadjusted(), 1e-12);
        assertEquals(.15, c.truth().totalEffect(), 1e-12);
        TruthValues lateTruth = c.truthByModerator().get("timing").get("late");
        assertEquals(late, lateTruth.unadjusted(), 1e-12);
        assertEquals(early, c.truthByModerator().get("timing").get("early").unadjusted(), 1e-12);
    }

    /** A level with probability 0 still gets its population values (conditional on the level). */
    @Test
    void zeroProbabilityLevelHasATruth() {
        Condition c = parse(FIXED_PATHS.replace("\"probability\": 0.25", "\"probability\": 0.0")
            .replace("\"probability\": 0.75", "\"probability\": 1.0")).conditions().get(0);
        assertEquals(.5 * Math.sqrt(.56), c.truthByModerator().get("timing").get("early").unadjusted(), 1e-12);
        assertEquals(.3 * Math.sqrt(.56), c.truth().unadjusted(), 1e-12);
    }

    /** MINIMAL without the between-study SD of X -> Y. */
    static final String FIXED_PATHS = MINIMAL.replace("\"beta\": 0.3, \"sd\": 0.05", "\"beta\": 0.3");

    /**
     * With the SD, the truth is the expectation over the studies' draws: it differs from the
     * value at the mean paths (Jensen), which is kept as truthAtMeanPaths.
     */
    @Test
    void truthIsTheExpectationOverPathVariationAndTheMeanPathValueIsKept() {
        Condition varying = parse(MINIMAL).conditions().get(0);
        Condition fixed = parse(FIXED_PATHS).conditions().get(0);
        assertEquals(fixed.truth(), varying.truthAtMeanPaths());
        assertEquals(fixed.truth(), fixed.truthAtMeanPaths());
        assertTrue(Math.abs(varying.truth().adjusted() - fixed.truth().adjusted()) > 1e-6);
        assertTrue(varying.truthError() < 1e-8, "quadrature error " + varying.truthError());
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    /** First factor slowest: levels {a1, a2} x {b1, b2, b3}: condition 4 is (a2, b2). */
    @Test
    void gridExpandsWithLastFactorFastest() {
        Scenario s = parse(MINIMAL.replace("\"analyses\"",
            "\"grid\": [{\"path\": \"/model/paths/2/beta\", \"levels\": [0.0, 0.2]},"
                + " {\"path\": \"/model/nodes/1/reliability\", \"levels\": [0.6, 0.8, 1.0]}], \"analyses\""));
        assertEquals(6, s.conditions().size());
        Condition c4 = s.conditions().get(4);
        assertEquals(4, c4.index());
        assertEquals(List.of("/model/paths/2/beta", "/model/nodes/1/reliability"), List.copyOf(c4.factors().keySet()));
        assertEquals(0.2, c4.factors().get("/model/paths/2/beta"));
        assertEquals(0.8, c4.factors().get("/model/nodes/1/reliability"));
        assertEquals(0.8, c4.model().nodes().get(1).reliability());
        assertEquals(0.2, c4.model().paths().get(2).beta());
    }

    @Test
    void seedReplicationsAndJsonRoundTrip() {
        Scenario s = parse(MINIMAL).withSeed(99).withReplications(3);
        assertEquals(99, s.seed());
        assertEquals(3, s.replications());
        Scenario again = parse(s.toJson());
        assertEquals(99, again.seed());
        assertEquals(3, again.replications());
        assertEquals(s.conditions().get(0).truth(), again.conditions().get(0).truth());
    }

    @Test
    void unknownKeysAreRejectedWithTheirPointer() {
        assertEquals("/colour", invalid(t -> t.put("colour", "red")).pointer());
        assertEquals("/model/paths/1/weight",
            invalid(t -> obj(t, "/model/paths/1").put("weight", 1)).pointer());
        assertEquals("/design/sampleSize/mean",
            invalid(t -> obj(t, "/design/sampleSize").put("mean", 1)).pointer());
    }

    @Test
    void graphErrorsNameTheField() {
        ScenarioException cycle = invalid(t -> ((ArrayNode) t.at("/model/paths")).addObject()
            .put("from", "Y").put("to", "C").put("beta", 0.1));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        assertTrue(cycle.pointer().startsWith("/model/paths/"), cycle.pointer());
        ScenarioException missing = invalid(t -> obj(t, "/model/paths/0").put("to", "Z"));
        assertEquals("/model/paths/0/to", missing.pointer());
        assertTrue(missing.getMessage().contains("'Z'"));
        assertEquals("/model/nodes/1/reliability",
            invalid(t -> obj(t, "/model/nodes/1").put("reliability", 1.2)).pointer());
        assertEquals("/model/nodes/1/reliability",
            invalid(t -> obj(t, "/model/nodes/1").put("reliability", 0.0)).pointer());
        assertEquals("/model/nodes/3/reliability",
            invalid(t -> obj(t, "/model/nodes/3").put("reliability", 0.5)).pointer());
        assertEquals("/model/adjustment/0",
            invalid(t -> ((ArrayNode) t.at("/model/adjustment")).set(0, "U")).pointer());
    }

    @Test
    void tooMuchExplainedVarianceNamesTheNode() {
        ScenarioException e = invalid(t -> obj(t, "/model/paths/1").put("beta", 0.9));
        assertEquals("/model/nodes/2", e.pointer());
        assertTrue(e.getMessage().contains("'Y'"), e.getMessage());
        assertTrue(e.getMessage().contains("variance"), e.getMessage());
    }

    @Test
    void gridErrors() {
        assertEquals("/grid", invalid(t -> t.putArray("grid")).pointer());
        assertEquals("/grid/0/path", invalid(t -> t.putArray("grid").addObject()
            .put("path", "/model/paths/9/beta").putArray("levels").add(1)).pointer());
        assertEquals("/grid/0/path", invalid(t -> t.putArray("grid").addObject()
            .put("path", "/model/exposure").putArray("levels").add(1)).pointer());
        assertEquals("/grid/0/levels", invalid(t -> t.putArray("grid").addObject()
            .put("path", "/model/paths/0/beta").putArray("levels")).pointer());
        // A level that makes a node's variance explained >= 100% names the node and the condition.
        ScenarioException e = invalid(t -> t.putArray("grid").addObject()
            .put("path", "/model/paths/1/beta").putArray("levels").add(0.1).add(0.95));
        assertEquals("/model/nodes/2", e.pointer());
        assertTrue(e.getMessage().contains("grid condition 1"), e.getMessage());
    }

    @Test
    void designErrors() {
        assertEquals("/design/moderators/0/levels",
            invalid(t -> obj(t, "/design/moderators/0/levels/0").put("probability", 0.3)).pointer());
        assertEquals("/design/moderators/0/levels/0/probability",
            invalid(t -> obj(t, "/design/moderators/0/levels/0").put("probability", 1.5)).pointer());
        assertEquals("/design/moderators/0/levels/1/paths/0",
            invalid(t -> obj(t, "/design/moderators/0/levels/1/paths/0").put("to", "C")).pointer());
        assertEquals("/design/moderators/0/levels/1/reliabilities/X",
            invalid(t -> obj(t, "/design/moderators/0/levels/1").putObject("reliabilities").put("X", 1.5)).pointer());
        assertEquals("/design/moderators/0/levels/1/reliabilities/U",
            invalid(t -> obj(t, "/design/moderators/0/levels/1").putObject("reliabilities").put("U", 0.5)).pointer());
        ScenarioException level = invalid(t -> obj(t, "/design/moderators/0/levels/1/paths/0").put("beta", 0.99));
        assertEquals("/design/moderators/0/levels/1", level.pointer());
        assertTrue(level.getMessage().contains("level 'late': paths into 'Y' explain"), level.getMessage());
        assertEquals("/design/sampleSize/n",
            invalid(t -> obj(t, "/design/sampleSize").put("n", 3)).pointer());
        assertEquals("/design/sampleSize/distribution",
            invalid(t -> obj(t, "/design/sampleSize").put("distribution", "gamma")).pointer());
        assertEquals("/design/adjustedReporting",
            invalid(t -> obj(t, "/design/adjustedReporting").put("fraction", 0.5)).pointer());
        assertEquals("/design/adjustedReporting/probabilities/middle",
            invalid(t -> obj(t, "/design").putObject("adjustedReporting").put("moderator", "timing")
                .putObject("probabilities").put("middle", 0.5)).pointer());
        assertEquals("/design/publication/probability",
            invalid(t -> obj(t, "/design").putObject("publication").put("probability", 0.0)).pointer());
        assertEquals("/design/studies", invalid(t -> obj(t, "/design").put("studies", 2.5)).pointer());
        assertEquals("/analyses/estimator", invalid(t -> obj(t, "/analyses").put("estimator", "XYZ")).pointer());
        assertEquals("/analyses/alpha", invalid(t -> obj(t, "/analyses").put("alpha", 1.0)).pointer());
        assertEquals("/model/exposure", invalid(t -> obj(t, "/model").remove("exposure")).pointer());
    }

    @Test
    void publicationStepFunctionAndBiasMethodsAreReadAndValidated() throws IOException {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(MINIMAL);
        ObjectNode pub = obj(tree, "/design").putObject("publication");
        pub.putArray("steps").add(0.025).add(0.5).add(1);
        pub.putArray("probabilities").add(1).add(0.3).add(0.1);
        obj(tree, "/analyses").putArray("biasMethods").add("egger").add("3PSM").add("petpeese");
        Scenario s = parse(MAPPER.writeValueAsString(tree));
        PublicationSelection.StepFunction step =
            (PublicationSelection.StepFunction) s.conditions().get(0).design().publication().orElseThrow();
        assertArrayEquals(new double[] {0.025, 0.5, 1}, step.steps());
        assertArrayEquals(new double[] {1, 0.3, 0.1}, step.probabilities());
        assertEquals(List.of(BiasMethod.EGGER, BiasMethod.SELECTION_3PSM, BiasMethod.PET_PEESE),
            s.analyses().biasMethods());

        assertEquals("/design/publication", invalid(t -> {
            ObjectNode p = obj(t, "/design").putObject("publication");
            p.put("probability", 0.5);
            p.putArray("steps").add(1);
        }).pointer());
        assertEquals("/design/publication", invalid(t -> obj(t, "/design").putObject("publication")).pointer());
        assertEquals("/design/publication/steps/1", invalid(t -> steps(t, new double[] {0.5, 0.2, 1},
            new double[] {1, 1, 1})).pointer());
        ScenarioException last = invalid(t -> steps(t, new double[] {0.025, 0.5}, new double[] {1, 1}));
        assertEquals("/design/publication/steps/1", last.pointer());
        assertTrue(last.getMessage().contains("the last step must be 1"), last.getMessage());
        assertEquals("/design/publication/probabilities", invalid(t -> steps(t, new double[] {0.025, 1},
            new double[] {1})).pointer());
        assertEquals("/design/publication/probabilities/1", invalid(t -> steps(t, new double[] {0.025, 1},
            new double[] {1, 1.5})).pointer());
        assertEquals("/design/publication/probabilities", invalid(t -> steps(t, new double[] {0.025, 1},
            new double[] {0, 0})).pointer());
        ScenarioException unknown = invalid(t -> obj(t, "/analyses").putArray("biasMethods").add("egger").add("funnel"));
        assertEquals("/analyses/biasMethods/1", unknown.pointer());
        assertTrue(unknown.getMessage().contains("expected egger, trimfill, 3psm or petpeese"), unknown.getMessage());
        assertEquals("/analyses/biasMethods/1",
            invalid(t -> obj(t, "/analyses").putArray("biasMethods").add("egger").add("EGGER")).pointer());
    }

    private static void steps(ObjectNode tree, double[] steps, double[] probabilities) {
        ObjectNode p = obj(tree, "/design").putObject("publication");
        var s = p.putArray("steps");
        for (double v : steps) {
            s.add(v);
        }
        var q = p.putArray("probabilities");
        for (double v : probabilities) {
            q.add(v);
        }
    }

    @Test
    void malformedJsonIsOneLineWithPosition() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("{\"name\": \"x\",\n  \"seed\": }"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        ScenarioException dup = assertThrows(ScenarioException.class, () -> parse("{\"seed\": 1, \"seed\": 2}"));
        assertTrue(dup.getMessage().contains("malformed JSON"), dup.getMessage());
    }

    @Test
    void loadsFilesAndBuiltIns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, MINIMAL.replace("\"name\": \"mini\",", ""));
        Scenario s = Scenario.resolve(file.toString());
        assertEquals("mine", s.name());
        ScenarioException missing = assertThrows(ScenarioException.class, () -> Scenario.resolve("nosuch"));
        assertTrue(missing.getMessage().contains("fluckiger2018"), missing.getMessage());
        ScenarioException builtIn = assertThrows(ScenarioException.class, () -> Scenario.builtIn("nosuch"));
        assertTrue(builtIn.getMessage().contains("causal"), builtIn.getMessage());
        for (String name : Scenario.builtInNames()) {
            Scenario b = Scenario.builtIn(name);
            assertEquals(name, b.name());
            assertFalse(b.conditions().isEmpty());
        }
    }
}
