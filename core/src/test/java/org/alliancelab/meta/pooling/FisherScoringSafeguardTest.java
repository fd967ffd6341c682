package org.alliancelab.meta.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A data set on which plain Fisher scoring oscillates with growing amplitude (metafor 3.8-1:
 * "Fisher scoring algorithm did not converge"); the bracketing safeguard must find the root.
 * Expected values: R metafor 3.8-1 with damped steps, which converge on these data:
 * {@code rma(yi, vi, method = M, control = list(threshold = 1e-12, maxiter = 10000, stepadj = 0.5))}.
 */
class FisherScoringSafeguardTest {

    private static double[][] data() {
        return data("/fisher-scoring-oscillates.csv");
    }

    private static double[][] data(String resource) {
        try (var in = FisherScoringSafeguardTest.class.getResourceAsStream(resource)) {
            List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#") && !l.startsWith("yi")).collect(Collectors.toList());
            double[][] d = new double[2][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String[] f = rows.get(i).split(",");
                d[0][i] = Double.parseDouble(f[0]);
                d[1][i] = Double.parseDouble(f[1]);
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void remlFindsTheRootWhereFisherScoringOscillates() {
        double[][] d = data();
        MetaAnalysisResult r = RandomEffectsModel.of(TauSquaredEstimator.REML).fit(d[0], d[1]);
        assertEquals(60, r.k());
        assertEquals(0.00142244331574202, r.tau2(), 1e-6 * 0.00142244331574202);
        assertEquals(0.249321391405428, r.estimate(), 1e-6 * 0.249321391405428);
        assertEquals(0.0145512385771776, r.se(), 1e-6 * 0.0145512385771776);
        assertEquals(0.00199075813241018, r.tau2Se(), 1e-6 * 0.00199075813241018);
        assertTrue(r.iterations() < 100, "converges quickly once bracketed: " + r.iterations());
    }

    @Test
    void mlFindsTheRootWhereFisherScoringOscillates() {
        double[][] d = data();
        MetaAnalysisResult r = RandomEffectsModel.of(TauSquaredEstimator.ML).fit(d[0], d[1]);
        assertEquals(0.00131772619728384, r.tau2(), 1e-6 * 0.00131772619728384);
        assertEquals(0.249111434237684, r.estimate(), 1e-6 * 0.249111434237684);
        assertEquals(0.0144646995961532, r.se(), 1e-6 * 0.0144646995961532);
        assertEquals(0.00190428771032662, r.tau2Se(), 1e-6 * 0.00190428771032662);
    }

    /**
     * Scoring cycles inside the bracket here (our earlier version stopped after 1000
     * iterations; metafor 3.8-1 needs thousands); expected values from
     * {@code rma(yi, vi, method = M, control = list(threshold = 1e-12, maxiter = 10000, stepadj = 0.5))}.
     */
    @Test
    void cyclingInsideTheBracketIsBisected() {
        double[][] d = data("/fisher-scoring-cycles.csv");
        MetaAnalysisResult reml = RandomEffectsModel.of(TauSquaredEstimator.REML).fit(d[0], d[1]);
        assertEquals(39, reml.k());
        assertEquals(0.00191798604974666, reml.tau2(), 1e-6 * 0.00191798604974666);
        assertEquals(0.157784206255706, reml.estimate(), 1e-6 * 0.157784206255706);
        assertEquals(0.0181514958937432, reml.se(), 1e-6 * 0.0181514958937432);
        assertEquals(0.00254646586792304, reml.tau2Se(), 1e-6 * 0.00254646586792304);
        assertTrue(reml.iterations() < 100, "iterations " + reml.iterations());
        MetaAnalysisResult ml = RandomEffectsModel.of(TauSquaredEstimator.ML).fit(d[0], d[1]);
        assertEquals(0.00174670294259378, ml.tau2(), 1e-6 * 0.00174670294259378);
        assertEquals(0.157637646757871, ml.estimate(), 1e-6 * 0.157637646757871);
    }
}
