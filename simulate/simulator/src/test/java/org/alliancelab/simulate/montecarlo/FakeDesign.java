package org.alliancelab.simulate.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.analysis.MeasureSpec;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.Failure;

/**
 * A small design for testing the runner without the scenario model: condition c has true
 * effect 0.1 c; a replication draws x ~ N(effect, 0.1^2) (Box-Muller on the replication's
 * stream), reports a 95% Wald CI and p-value, and fails on purpose: the analysis "second"
 * fails when the stream's first uniform is below 0.1, the whole replication throws when it is
 * above 0.97 (so both failure paths are exercised at known coordinates).
 */
final class FakeDesign implements MonteCarloDesign {
    static final double SD = 0.1;
    private final long seed;
    private final int replications;
    private final int conditions;
    private final String tag;

    FakeDesign(long seed, int replications, int conditions, String tag) {
        this.seed = seed;
        this.replications = replications;
        this.conditions = conditions;
        this.tag = tag;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int replications() {
        return replications;
    }

    @Override
    public String engine() {
        return "fake";
    }

    @Override
    public String scenarioJson() {
        return "{\"fake\":\"" + tag + "\"}";
    }

    @Override
    public List<ConditionInfo> conditions() {
        List<ConditionInfo> out = new ArrayList<>();
        for (int c = 0; c < conditions; c++) {
            Map<String, Double> factors = new LinkedHashMap<>();
            factors.put("/effect", 0.1 * c);
            out.add(new ConditionInfo(c, factors, effect(0.1 * c), effect(0.1 * c), 0.05, Map.of()));
        }
        return out;
    }

    /** A condition's truth: only the causal effect is defined (the fake analyses estimate it). */
    private static TruthValues effect(double v) {
        return new TruthValues(Double.NaN, Double.NaN, Double.NaN, v, Double.NaN, Double.NaN);
    }

    @Override
    public RecordLayout layout() {
        return RecordLayout.of(List.of("x", "x_lower", "x_upper", "x_p", "y", "y_lower", "y_upper", "y_p"));
    }

    @Override
    public List<MeasureSpec> measures(int condition) {
        double truth = 0.1 * condition;
        return List.of(
            new MeasureSpec.Estimator("first", "x", "x_lower", "x_upper", "x_p", Map.of(Estimand.CAUSAL, truth), Map.of()),
            new MeasureSpec.Estimator("second", "y", "y_lower", "y_upper", "y_p", Map.of(Estimand.CAUSAL, truth), Map.of()),
            new MeasureSpec.Mean("first", "mean_upper", "x_upper"));
    }

    /** Whether the analysis "second" of a replication fails, from its stream's first draw. */
    static boolean secondFails(double u) {
        return u < 0.1;
    }

    /** Whether the whole replication fails, from its stream's first draw. */
    static boolean replicationFails(double u) {
        return u > 0.97;
    }

    @Override
    public ReplicationWorker newWorker(int condition) {
        double truth = 0.1 * condition;
        return (rng, v) -> {
            double u = rng.nextDouble();
            if (replicationFails(u)) {
                throw new IllegalStateException("planned failure, u = " + u);
            }
            for (int a = 0; a < 2; a++) {
                double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                double x = truth + SD * z;
                v[4 * a] = x;
                v[4 * a + 1] = x - 1.959964 * SD;
                v[4 * a + 2] = x + 1.959964 * SD;
                v[4 * a + 3] = Math.abs(x / SD) > 1.959964 ? 0.01 : 0.5;
            }
            if (secondFails(u)) {
                for (int j = 4; j < 8; j++) {
                    v[j] = Double.NaN;
                }
                return List.of(new Failure("second", "planned, u < 0.1"));
            }
            return List.of();
        };
    }
}
