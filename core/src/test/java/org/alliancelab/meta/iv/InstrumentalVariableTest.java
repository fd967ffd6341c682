package org.alliancelab.meta.iv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** InstrumentalVariable against 2SLS computed in R (core/src/test/r/iv-reference.R) on raw data. */
class InstrumentalVariableTest {
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"binary", "continuous-violated"})
    void matchesTwoStageLeastSquaresInR(String name) throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/iv/" + name + ".json")) {
            ref = new ObjectMapper().readTree(in);
        }
        double[][] data = csv("/iv/" + ref.get("data").asText());
        int n = data.length;
        assertEquals(ref.get("n").asInt(), n);
        double[][] s = covariances(data);
        InstrumentalVariableResult r = InstrumentalVariable.of(n, s[0][0], s[0][1], s[0][2], s[1][1], s[1][2], s[2][2]);
        close(ref, "intention_to_treat", r.intentionToTreat());
        close(ref, "intention_to_treat_se", r.intentionToTreatSe());
        close(ref, "first_stage", r.firstStage());
        close(ref, "first_stage_se", r.firstStageSe());
        close(ref, "first_stage_f", r.firstStageF());
        close(ref, "estimate", r.estimate());
        close(ref, "standard_error", r.standardError());
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "continuous-violated"})
    void deltaMethodOfTheWaldRatioIsTheTwoStageVariance(String name) throws IOException {
        double[][] data = csv("/iv/" + name + ".csv");
        int n = data.length;
        double[][] s = covariances(data);
        InstrumentalVariableResult r = InstrumentalVariable.of(n, s[0][0], s[0][1], s[0][2], s[1][1], s[1][2], s[2][2]);
        // The two reduced-form regressions share Z: Cov(b_zy, b_zx) = s_e1e2 / S_zz, s_e1e2 the
        // residual covariance on n - 2 df.
        double bzy = r.intentionToTreat();
        double bzx = r.firstStage();
        double szz = (n - 1.0) * s[0][0];
        double e12 = (n - 1.0) * (s[1][2] - bzx * s[0][2]) / (n - 2.0);
        double cov = e12 / szz;
        assertEquals(cov, r.slopeCovariance(), 1e-12 * Math.abs(cov));
        double beta = bzy / bzx;
        double delta = (r.intentionToTreatSe() * r.intentionToTreatSe() - 2 * beta * cov
            + beta * beta * r.firstStageSe() * r.firstStageSe()) / (bzx * bzx);
        assertEquals(r.variance(), delta, 1e-12 * r.variance());
    }

    @Test
    void estimateDoesNotDependOnTheScaleOfTheInstrumentButTheSlopesDo() {
        InstrumentalVariableResult a = InstrumentalVariable.of(100, 0.25, 0.1, 0.04, 1, 0.3, 1);
        // Z scaled by 2: variance x4, covariances x2
        InstrumentalVariableResult b = InstrumentalVariable.of(100, 1.0, 0.2, 0.08, 1, 0.3, 1);
        assertEquals(a.estimate(), b.estimate(), 1e-15);
        assertEquals(a.standardError(), b.standardError(), 1e-15);
        assertEquals(a.firstStageF(), b.firstStageF(), 1e-12);
        assertEquals(a.firstStage(), 2 * b.firstStage(), 1e-15);
    }

    @Test
    void firstStageFIsTheCorrelationForm() {
        double rzx = 0.3;
        InstrumentalVariableResult r = InstrumentalVariable.of(50, 1, rzx, 0.1, 1, 0.2, 1);
        assertEquals(rzx * rzx * 48 / (1 - rzx * rzx), r.firstStageF(), 1e-12);
    }

    @Test
    void refusesInvalidInput() {
        assertThrows(IllegalArgumentException.class, () -> InstrumentalVariable.of(2, 1, 0.1, 0.1, 1, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> InstrumentalVariable.of(10, 0, 0.1, 0.1, 1, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> InstrumentalVariable.of(10, 1, Double.NaN, 0.1, 1, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> InstrumentalVariable.of(10, 1, 0.1, 0.1, -1, 0.1, 1));
        assertThrows(ArithmeticException.class, () -> InstrumentalVariable.of(10, 1, 0, 0.1, 1, 0.1, 1));
    }

    private static void close(JsonNode ref, String key, double actual) {
        double expected = ref.get(key).asDouble();
        assertEquals(expected, actual, TOLERANCE * Math.abs(expected), key);
    }

    /** Sample covariance matrix (divisor n - 1), two-pass, of the columns z, x, y. */
    static double[][] covariances(double[][] d) {
        int n = d.length;
        double[] mean = new double[3];
        for (double[] row : d) {
            for (int j = 0; j < 3; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] s = new double[3][3];
        for (double[] row : d) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    s[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / (n - 1);
                }
            }
        }
        return s;
    }

    static double[][] csv(String resource) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            InstrumentalVariableTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return rows.toArray(new double[0][]);
    }
}
