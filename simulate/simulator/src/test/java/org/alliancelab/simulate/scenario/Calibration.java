package org.alliancelab.simulate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Calibration by computation: Newton's method (forward-difference Jacobian) on a square
 * system "population value of target i at the parameters = target value i", where the
 * population values come from the truth algebra ({@link Condition#truth()},
 * {@link Condition#truthByModerator()}, {@link Condition#truthAmongReporters()}), never from
 * simulation.
 */
final class Calibration {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A free parameter written to one or more numeric fields (JSON pointers). */
    record Parameter(String name, List<String> pointers) {
    }

    /** A population value and the value it must reach. */
    record Target(String name, ToDoubleFunction<Condition> value, double target) {
    }

    private final ObjectNode base;
    private final List<Parameter> parameters;
    private final List<Target> targets;
    private final Consumer<ObjectNode> constraints;

    Calibration(String builtIn, List<Parameter> parameters, List<Target> targets, Consumer<ObjectNode> constraints) {
        try {
            this.base = (ObjectNode) MAPPER.readTree(Scenario.builtIn(builtIn).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.parameters = parameters;
        this.targets = targets;
        this.constraints = constraints;
        if (parameters.size() != targets.size()) {
            throw new IllegalArgumentException("square system needed");
        }
    }

    /** @return the shipped values of the parameters (first pointer of each) */
    double[] shipped() {
        return parameters.stream().mapToDouble(p -> base.at(p.pointers().get(0)).asDouble()).toArray();
    }

    Condition evaluate(double[] values) {
        ObjectNode tree = base.deepCopy();
        for (int i = 0; i < values.length; i++) {
            for (String pointer : parameters.get(i).pointers()) {
                set(tree, pointer, values[i]);
            }
        }
        constraints.accept(tree);
        try {
            return Scenario.parse(MAPPER.writeValueAsString(tree), "calibration", "calibration").conditions().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void set(ObjectNode tree, String pointer, double value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, DoubleNode.valueOf(value));
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), DoubleNode.valueOf(value));
        }
    }

    double[] residuals(double[] values) {
        Condition c = evaluate(values);
        double[] r = new double[targets.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = targets.get(i).value().applyAsDouble(c) - targets.get(i).target();
        }
        return r;
    }

    /** Newton iterations from {@code start} until the largest residual is below 1e-10. */
    double[] solve(double[] start) {
        double[] x = start.clone();
        int n = x.length;
        for (int iter = 0; iter < 100; iter++) {
            double[] f = residuals(x);
            double worst = 0;
            for (double v : f) {
                worst = Math.max(worst, Math.abs(v));
            }
            if (worst < 1e-10) {
                return x;
            }
            double[][] j = new double[n][n];
            for (int k = 0; k < n; k++) {
                double[] xh = x.clone();
                double h = 1e-6;
                xh[k] += h;
                double[] fh = residuals(xh);
                for (int i = 0; i < n; i++) {
                    j[i][k] = (fh[i] - f[i]) / h;
                }
            }
            double[] step = gauss(j, f);
            // Damped step: halve until the model stays valid and the residual shrinks.
            double t = 1;
            for (int halving = 0; ; halving++) {
                double[] trial = x.clone();
                for (int k = 0; k < n; k++) {
                    trial[k] -= t * step[k];
                }
                double trialWorst = Double.POSITIVE_INFINITY;
                try {
                    for (double v : residuals(trial)) {
                        trialWorst = Math.max(trialWorst == Double.POSITIVE_INFINITY ? 0 : trialWorst, Math.abs(v));
                    }
                } catch (ScenarioException invalid) {
                    trialWorst = Double.POSITIVE_INFINITY;
                }
                if (trialWorst < worst || halving == 40) {
                    if (halving == 40) {
                        throw new IllegalStateException("calibration stalled at " + java.util.Arrays.toString(x)
                            + " residuals " + java.util.Arrays.toString(f));
                    }
                    x = trial;
                    break;
                }
                t /= 2;
            }
        }
        throw new IllegalStateException("calibration did not converge");
    }

    private static double[] gauss(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int k = i + 1; k < n; k++) {
                s -= m[i][k] * x[k];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
