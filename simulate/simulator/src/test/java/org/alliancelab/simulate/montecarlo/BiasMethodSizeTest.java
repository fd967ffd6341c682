package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The size of the two tests of publication selection that run in the simulation, Egger's test
 * and the 3PSM's likelihood-ratio test, where no selection happens: the built-in
 * {@code selection} world without its publication rule, at 66 and 295 studies, 2,000
 * replications each, under every estimator they are used with here: REML and DL (Egger's
 * meta-regression; the 3PSM refits by ML) with the world's between-study SD, and EE (both tests
 * then assume a common effect) in the same world made homogeneous (path SD 0), where that
 * assumption holds.
 *
 * <p>Target: alpha = .05; MCSE under the target sqrt(.05 x .95 / 2000) = .0049; each rate must
 * lie within 3.5 MCSE (false-alarm rate .05% per check, under 1% over the 12 checks; the seeds
 * are fixed, so the outcome is too). Both tests are also checked to detect the selection of
 * the 3PSM's own world (publication probability .15 above p = .025) at 295 studies in more
 * than half the replications. Measured figures are in docs/monte-carlo.md.
 */
@Tag("slow")
class BiasMethodSizeTest {
    private static final double ALPHA = 0.05;
    private static final int REPS = 2000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"REML", "DL", "EE"})
    void eggerAndTheLikelihoodRatioTestHoldTheirSizeWithoutSelection(String estimator) throws IOException {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(Scenario.builtIn("selection").toJson());
        ((ObjectNode) tree.get("design")).remove("publication");
        ((ObjectNode) tree.get("analyses")).put("estimator", estimator);
        if (estimator.equals("EE")) {
            for (var path : tree.at("/model/paths")) {
                ((ObjectNode) path).put("sd", 0.0);
            }
        }
        ArrayNode grid = tree.putArray("grid");
        grid.addObject().put("path", "/design/studies").putArray("levels").add(66).add(295);
        tree.put("replications", REPS);
        List<ConditionSummary> conditions = run(tree, "size-" + estimator);
        double mcse = Math.sqrt(ALPHA * (1 - ALPHA) / REPS);
        for (ConditionSummary c : conditions) {
            for (String test : List.of(Analyses.EGGER, Analyses.SELECTION_3PSM)) {
                assertEquals(REPS, c.value(test, MeasureNames.REPLICATIONS), 0, test + ": every replication fitted");
                double rate = c.value(test, MeasureNames.SELECTION_DETECTED);
                assertEquals(ALPHA, rate, 3.5 * mcse, test + ", " + estimator + ", " + c.info().factors()
                    + ": rejection rate without selection " + rate);
            }
        }
    }

    @Test
    void bothDetectTheSelectionOfTheThreeParameterWorld() throws IOException {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(Scenario.builtIn("selection").toJson());
        ArrayNode probabilities = (ArrayNode) tree.at("/design/publication/probabilities");
        probabilities.set(1, 0.15);
        probabilities.set(2, 0.15);
        ((ObjectNode) tree.get("design")).put("studies", 295);
        tree.remove("grid");
        tree.put("replications", 200);
        ConditionSummary c = run(tree, "power").get(0);
        assertTrue(c.value(Analyses.EGGER, MeasureNames.SELECTION_DETECTED) > 0.5, "Egger detects");
        assertTrue(c.value(Analyses.SELECTION_3PSM, MeasureNames.SELECTION_DETECTED) > 0.5, "the LRT detects");
    }

    private List<ConditionSummary> run(ObjectNode tree, String name) throws IOException {
        Scenario s = Scenario.parse(MAPPER.writeValueAsString(tree), name, name);
        return MonteCarloRunner.of(ScenarioDesign.of(s, Engine.SUFFICIENT)).withThreads(2).run(tmp.resolve(name))
            .summary().orElseThrow().conditions();
    }
}
