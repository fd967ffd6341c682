package org.alliancelab.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

// README-EXAMPLE-IMPORTS-BEGIN
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.EffectSizes;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
// README-EXAMPLE-IMPORTS-END

/**
 * The library example of README.md, compiled and run here so that it cannot rot. The lead
 * copies the marked imports and the marked block (dedented) into one {@code java} code block
 * of README.md; {@link #readmeShowsThisExample()} checks that the copy is still exact.
 * Expected values: R metafor 3.8-1, golden/molloy2014.json, case ZCOR / REML / knha.
 */
class ReadmeExampleTest {

    private static final Path SOURCE = Path.of("src", "test", "java", "org", "alliancelab", "meta",
        "ReadmeExampleTest.java");
    /** Relative to the core module directory, where Maven runs the tests. */
    private static final Path README = Path.of("..", "README.md");

    @Test
    void exampleReproducesMetafor() throws IOException {
        // README-EXAMPLE-BEGIN
        // Conscientiousness and medication adherence: 16 studies (Molloy et al. 2014)
        double[] r = {0.187, 0.162, 0.34, 0.32, 0.27, 0, 0.175, 0.05, 0.26, 0.01, -0.09, 0.37, 0, 0.15, 0.24, 0.04};
        int[] n = {109, 749, 55, 107, 72, 65, 174, 326, 58, 771, 56, 91, 116, 537, 158, 65};
        double[] yi = new double[r.length];
        double[] vi = new double[r.length];
        EffectSizes.of(CorrelationMeasure.ZCOR, r, n, 0, yi, vi);   // Fisher z, vi = 1/(n - 3)

        MetaAnalysisResult result = RandomEffectsModel.of(TauSquaredEstimator.REML)
            .withTest(InferenceTest.KNHA)                             // Knapp-Hartung t test
            .fit(yi, vi);
        MetaAnalysisResult.CorrelationSummary pooled = result.toCorrelation();
        System.out.printf("r = %.3f, 95%% CI [%.3f, %.3f], tau^2 = %.4f, I^2 = %.1f%%%n",
            pooled.r(), pooled.ciLower(), pooled.ciUpper(), result.tau2(), result.i2());
        // prints: r = 0.149, 95% CI [0.080, 0.216], tau^2 = 0.0081, I^2 = 61.7%
        // README-EXAMPLE-END

        JsonNode e = expected("ZCOR", "REML", "knha");
        assertClose(e, "estimate", result.estimate());
        assertClose(e, "ci_lb", result.ciLower());
        assertClose(e, "ci_ub", result.ciUpper());
        assertClose(e, "tau2", result.tau2());
        assertClose(e, "I2", result.i2());
        assertClose(e, "r", pooled.r());
        assertClose(e, "r_ci_lb", pooled.ciLower());
        assertClose(e, "r_ci_ub", pooled.ciUpper());
        String printed = String.format(java.util.Locale.ROOT, "r = %.3f, 95%% CI [%.3f, %.3f], tau^2 = %.4f, I^2 = %.1f%%",
            e.get("r").asDouble(), e.get("r_ci_lb").asDouble(), e.get("r_ci_ub").asDouble(),
            e.get("tau2").asDouble(), e.get("I2").asDouble());
        assertTrue(block("README-EXAMPLE").contains("// prints: " + printed),
            "the 'prints:' comment must show what metafor's values print as: " + printed);
    }

    @Test
    void readmeShowsThisExample() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(README),
            "README.md not found at the repository root; nothing to compare the example with");
        String readme = Files.readString(README, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String snippet = block("README-EXAMPLE-IMPORTS") + "\n\n" + block("README-EXAMPLE");
        assertTrue(readme.contains(snippet),
            "README.md must contain, in one code block, exactly the marked imports, a blank line and the marked "
                + "example of " + SOURCE + ":\n" + snippet);
    }

    @Test
    void exampleIsTheMolloyDataSet() {
        // Guards the literals of the example against the golden inputs (metadat dat.molloy2014).
        JsonNode studies = golden().get("studies");
        List<String> fromGolden = new ArrayList<>();
        for (JsonNode s : studies) {
            fromGolden.add(s.get("ri").asDouble() + "/" + s.get("ni").asInt());
        }
        double[] r = {0.187, 0.162, 0.34, 0.32, 0.27, 0, 0.175, 0.05, 0.26, 0.01, -0.09, 0.37, 0, 0.15, 0.24, 0.04};
        int[] n = {109, 749, 55, 107, 72, 65, 174, 326, 58, 771, 56, 91, 116, 537, 158, 65};
        List<String> inExample = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            inExample.add(r[i] + "/" + n[i]);
        }
        assertEquals(fromGolden, inExample);
    }

    /** The lines between {@code // NAME-BEGIN} and {@code // NAME-END} of this file, dedented. */
    private static String block(String name) throws IOException {
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int begin = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// " + name + "-BEGIN"))
            .findFirst().orElseThrow());
        int end = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// " + name + "-END"))
            .findFirst().orElseThrow());
        List<String> body = lines.subList(begin + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String l : body) {
            out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        return String.join("\n", out);
    }

    private static JsonNode golden() {
        try (InputStream in = ReadmeExampleTest.class.getResourceAsStream("/golden/molloy2014.json")) {
            assertNotNull(in, "golden/molloy2014.json on the test classpath");
            return new ObjectMapper().readTree(in);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode expected(String measure, String method, String test) {
        for (JsonNode c : golden().get("cases")) {
            if (c.get("kind").asText().equals("pool") && c.get("measure").asText().equals(measure)
                && c.get("method").asText().equals(method) && c.get("test").asText().equals(test)) {
                return c.get("expected");
            }
        }
        throw new IllegalStateException("no golden case " + measure + " " + method + " " + test);
    }

    private static void assertClose(JsonNode e, String key, double actual) {
        double expected = e.get(key).asDouble();
        assertEquals(expected, actual, Math.max(1e-6 * Math.abs(expected), 1e-9), key);
    }
}
