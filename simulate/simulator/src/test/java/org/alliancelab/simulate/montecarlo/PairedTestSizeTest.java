package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The size of the default paired test (working correlation .8, CR2 with Satterthwaite df) in
 * the four worlds where adjusted equals unadjusted in the population, under EE and REML, at 20,
 * 66 and 200 studies (the scenarios of examples/paired-size, 2,000 replications each, sufficient
 * engine), and its coverage of the true difference in a homogeneous causal world.
 *
 * <p>Target: alpha = .05, MCSE under the target sqrt(.05 x .95 / 2000) = .0049; each rate must
 * lie within 3 MCSE (false-alarm rate .27% per check, about 7% over the 30 checks; the seeds
 * are fixed, so the outcome is too). Exception, stated in docs/monte-carlo.md: with 20 studies
 * in the worlds whose covariates are (nearly) unrelated to alliance and outcome, the
 * within-study differences are sums of products of sample correlations (excess kurtosis about
 * 3) and every t test of their mean is conservative; there the test must not exceed
 * alpha + 3 MCSE and must keep at least half its nominal size. Also: the subgroup test's size
 * is below 1% in every null world (it treats estimates of the same studies as independent),
 * and the model-based test with the oracle population correlation and common-effect pooling
 * rejects a true null far more often than alpha (the failure CR2 removes).
 */
@Tag("slow")
class PairedTestSizeTest {
    private static final Path DIR = Path.of("..", "..", "examples", "paired-size");
    private static final double ALPHA = 0.05;
    private static final int[] STUDIES = {20, 66, 200};

    @TempDir
    Path tmp;

    private RunResult run(String json, String name) throws IOException {
        Scenario s = Scenario.parse(json, name, name);
        return MonteCarloRunner.of(ScenarioDesign.of(s, Engine.SUFFICIENT)).withThreads(2).run(tmp.resolve(name));
    }

    private static String read(String name) throws IOException {
        Path file = DIR.resolve(name + ".json");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " not found from " + Path.of("").toAbsolutePath());
        return Files.readString(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unrelated-ee", "unrelated-reml", "outcome-only-ee", "outcome-only-reml",
        "alliance-only-ee", "alliance-only-reml", "weak-ee", "weak-reml"})
    void holdsItsSizeWhereAdjustedEqualsUnadjusted(String name) throws IOException {
        List<ConditionSummary> conditions = run(read(name), name).summary().orElseThrow().conditions();
        for (int c = 0; c < STUDIES.length; c++) {
            ConditionSummary s = conditions.get(c);
            assertEquals(0, s.info().truthAmongReporters(Estimand.DIFFERENCE), 1e-12, "a world with equal targets");
            double mcse = Math.sqrt(ALPHA * (1 - ALPHA) / s.replications());
            double rate = s.value(Analyses.DIFFERENCE_PAIRED, MeasureNames.REJECTION_RATE);
            String at = name + ", " + STUDIES[c] + " studies: rejection rate " + rate;
            assertTrue(rate <= ALPHA + 3 * mcse, at);
            boolean heavyTailed = STUDIES[c] == 20 && (name.startsWith("unrelated") || name.startsWith("weak"));
            assertTrue(rate >= (heavyTailed ? ALPHA / 2 : ALPHA - 3 * mcse), at);
            assertTrue(s.value(Analyses.DIFFERENCE_SUBGROUP, MeasureNames.REJECTION_RATE) < 0.01, at + " (subgroup)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"causal-homogeneous-ee", "causal-homogeneous-reml"})
    void coversTheTrueDifferenceInAHomogeneousCausalWorld(String name) throws IOException {
        List<ConditionSummary> conditions = run(read(name), name).summary().orElseThrow().conditions();
        for (int c = 0; c < STUDIES.length; c++) {
            ConditionSummary s = conditions.get(c);
            assertTrue(Math.abs(s.info().truthAmongReporters(Estimand.DIFFERENCE)) > 0.005, "a real difference");
            double mcse = Math.sqrt(0.95 * 0.05 / s.replications());
            double coverage = s.find(Analyses.DIFFERENCE_PAIRED, MeasureNames.COVERAGE, Estimand.DIFFERENCE)
                .orElseThrow().value();
            assertEquals(0.95, coverage, 3 * mcse, name + ", " + STUDIES[c] + " studies: coverage");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unrelated-ee"})
    void theOracleModelBasedTestDoesNot(String name) throws IOException {
        String oracle = read(name).replace("\"pairedCorrelation\": 0.8", "\"pairedCorrelation\": \"population\"")
            .replace("\"pairedInference\": \"CR2\"", "\"pairedInference\": \"model\"");
        ConditionSummary s = run(oracle, name + "-oracle").summary().orElseThrow().conditions().get(1);
        double rate = s.value(Analyses.DIFFERENCE_PAIRED, MeasureNames.REJECTION_RATE);
        assertTrue(rate > 0.3, "oracle, model-based, EE: rejection rate " + rate);
    }
}
