package org.alliancelab.meta.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The panel estimators against R (core/src/test/r/panel-reference.R): lme4's REML fit of the
 * random-intercept model and lm's pooled lagged regression, on two simulated panels stored as CSV.
 * lme4 optimizes the variance ratio numerically (bobyqa, rhoend 1e-14): its sigma^2 and tau^2
 * agree with the closed form to about 3e-8 relative on these panels, so 1e-6 is the tolerance
 * for everything from lme4; lm is direct least squares (1e-10).
 */
class PanelReferenceTest {
    private static final double LME4 = 1e-6;
    private static final double LM = 1e-10;

    private static JsonNode reference(int index) throws IOException {
        try (InputStream in = PanelReferenceTest.class.getResourceAsStream("/panel/reference.json")) {
            return new ObjectMapper().readTree(in).get(index);
        }
    }

    /** Reads a long-format CSV (id, session, x, y; sorted) into persons x sessions arrays. */
    static double[][][] panel(String file, int persons, int sessions) throws IOException {
        double[][] x = new double[persons][sessions];
        double[][] y = new double[persons][sessions];
        try (InputStream in = PanelReferenceTest.class.getResourceAsStream("/panel/" + file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
            assertEquals(persons * sessions, lines.size());
            for (String line : lines) {
                String[] f = line.split(",");
                int i = Integer.parseInt(f[0]) - 1;
                int t = Integer.parseInt(f[1]) - 1;
                x[i][t] = Double.parseDouble(f[2]);
                y[i][t] = Double.parseDouble(f[3]);
            }
        }
        return new double[][][] {x, y};
    }

    private static PanelStatistics statistics(JsonNode ref) throws IOException {
        double[][][] p = panel(ref.get("file").asText(), ref.get("persons").asInt(), ref.get("sessions").asInt());
        return PanelStatistics.fromSessions(p[0], p[1]);
    }

    private static void close(JsonNode node, String key, double actual, double tolerance) {
        double expected = node.get(key).asDouble();
        assertEquals(expected, actual, tolerance * Math.abs(expected), key);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void withinPersonRemlMatchesLme4(int index) throws IOException {
        JsonNode ref = reference(index);
        WithinPersonFit fit = WithinPersonLaggedModel.of().fit(statistics(ref));
        JsonNode w = ref.get("within");
        assertFalse(w.get("singular").asBoolean());
        assertFalse(fit.boundary());
        close(w, "intercept", fit.intercept(), LME4);
        close(w, "intercept_se", fit.interceptSe(), LME4);
        close(w, "xc", fit.exposure(), LME4);
        close(w, "xc_se", fit.exposureSe(), LME4);
        close(w, "yc", fit.carryOver(), LME4);
        close(w, "yc_se", fit.carryOverSe(), LME4);
        close(w, "tau2", fit.tau2(), LME4);
        close(w, "sigma2", fit.sigma2(), LME4);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void withinPersonMatchesTheHandComputation(int index) throws IOException {
        JsonNode ref = reference(index);
        WithinPersonFit fit = WithinPersonLaggedModel.of().fit(statistics(ref));
        JsonNode h = ref.get("within_by_hand");
        close(h, "xc", fit.exposure(), 1e-10);
        close(h, "yc", fit.carryOver(), 1e-9);
        close(h, "sigma2", fit.sigma2(), 1e-12);
        close(h, "tau2", fit.tau2(), 1e-12);
        close(h, "xc_se", fit.exposureSe(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void pooledLaggedRegressionMatchesLm(int index) throws IOException {
        JsonNode ref = reference(index);
        LaggedRegressionFit fit = PooledLaggedRegression.of().fit(statistics(ref));
        JsonNode o = ref.get("naive");
        close(o, "intercept", fit.intercept(), LM);
        close(o, "intercept_se", fit.interceptSe(), LM);
        close(o, "x", fit.exposure(), LM);
        close(o, "x_se", fit.exposureSe(), LM);
        close(o, "y", fit.carryOver(), LM);
        close(o, "y_se", fit.carryOverSe(), LM);
        close(o, "sigma2", fit.sigma2(), LM);
        assertEquals(o.get("df").asInt(), fit.df());
    }

    /**
     * Shifting every value by 1e6 changes the grand means only: the within cross-products and
     * Welford's between cross-products keep 1e-8 relative (a raw-sum formula would lose
     * about (1e6)^2 eps / variance, everything), and so do the fits.
     */
    @Test
    void statisticsAreShiftInvariantAtALargeLevel() throws IOException {
        double[][][] p = panel("panel-40x6.csv", 40, 6);
        PanelStatistics base = PanelStatistics.fromSessions(p[0], p[1]);
        for (double[][] v : p) {
            for (double[] row : v) {
                for (int t = 0; t < row.length; t++) {
                    row[t] += 1e6;
                }
            }
        }
        PanelStatistics shifted = PanelStatistics.fromSessions(p[0], p[1]);
        for (int a = 0; a < 9; a++) {
            double w = base.within()[a];
            double b = base.between()[a];
            assertEquals(w, shifted.within()[a], 1e-8 * Math.abs(base.within()[0]), "W " + a);
            assertEquals(b, shifted.between()[a], 1e-8 * Math.abs(base.between()[0]), "B " + a);
        }
        assertEquals(base.means()[2] + 1e6, shifted.means()[2], 1e-8);
        WithinPersonFit f = WithinPersonLaggedModel.of().fit(base);
        WithinPersonFit g = WithinPersonLaggedModel.of().fit(shifted);
        assertEquals(f.exposure(), g.exposure(), 1e-8 * Math.abs(f.exposure()));
        assertEquals(f.tau2(), g.tau2(), 1e-8 * f.tau2());
        LaggedRegressionFit o = PooledLaggedRegression.of().fit(base);
        assertEquals(o.exposure(), PooledLaggedRegression.of().fit(shifted).exposure(), 1e-7 * Math.abs(o.exposure()));
    }

    @Test
    void remlMaximumIsInteriorOrAtTheBoundary() {
        // Person means of y_next identical: B_yy = 0, so REML's lambda is below sigma^2: tau^2 = 0
        // and sigma^2 pools the within and between residuals over n m - 3 df.
        double[] w = {4, 1, 1, 1, 3, 0.5, 1, 0.5, 5};
        PanelStatistics s = PanelStatistics.of(10, 4, new double[] {0, 0, 1}, w, new double[9]);
        WithinPersonFit fit = WithinPersonLaggedModel.of().fit(s);
        assertTrue(fit.boundary());
        assertEquals(0, fit.tau2());
        double det = 4 * 3 - 1;
        double bx = (3 * 1 - 1 * 0.5) / det;
        double by = (4 * 0.5 - 1 * 1) / det;
        assertEquals((5 - bx * 1 - by * 0.5) / (40 - 3), fit.sigma2(), 1e-15);
        assertEquals(bx, fit.exposure(), 1e-15);
    }

    @Test
    void refusesBadStatistics() {
        double[] ok = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        assertThrows(IllegalArgumentException.class, () -> PanelStatistics.of(1, 4, new double[3], ok, ok));
        assertThrows(IllegalArgumentException.class, () -> PanelStatistics.of(5, 1, new double[3], ok, ok));
        assertThrows(IllegalArgumentException.class, () -> PanelStatistics.of(5, 4, new double[2], ok, ok));
        assertThrows(IllegalArgumentException.class,
            () -> PanelStatistics.of(5, 4, new double[3], new double[] {1, 0, 0, 0, Double.NaN, 0, 0, 0, 1}, ok));
        double[] collinear = {1, 1, 0, 1, 1, 0, 0, 0, 1};
        PanelStatistics s = PanelStatistics.of(5, 4, new double[3], collinear, ok);
        assertThrows(ArithmeticException.class, () -> WithinPersonLaggedModel.of().fit(s));
        assertThrows(IllegalArgumentException.class,
            () -> PanelStatistics.fromSessions(new double[][] {{1, 2, 3}, {1, 2}}, new double[][] {{1, 2, 3}, {1, 2}}));
    }
}
