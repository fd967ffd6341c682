package org.alliancelab.simulate.calibration;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.engine.SimulatedReplication;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.model.SimulatedStudy;
import org.alliancelab.simulate.montecarlo.ReplicationSeeds;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;

/**
 * A simulation check of a calibrated scenario: the Monte Carlo mean of each target's observable
 * quantity over simulated studies, to set beside the target and the population value. A
 * correlation's mean is that of the studies' Fisher z (unadjusted r, or the partial r of the
 * studies that report it), back-transformed, over the studies the target pools (all, the
 * reporting ones, or one moderator level's): what the population value (a mean of z over the
 * cells) predicts up to Fisher's small bias {@code rho / (2(n - 1))}. The expected number of
 * reporting studies is checked against the mean count per replication. Estimands no study
 * observes (causal, the effects, the difference) get NaN.
 *
 * <p>Replication i of the check uses the random stream {@link ReplicationSeeds#provider} of
 * (scenario seed, condition 0, i), as {@code simulate} does, with the scenario's default engine.
 *
 * @param targets the targets
 * @param means the Monte Carlo mean of each, NaN where not observable
 * @param replications the number of simulated syntheses
 */
public record MonteCarloCheck(List<Target> targets, List<Double> means, int replications) {

    /**
     * Copies the lists.
     *
     * @param targets the targets
     * @param means the Monte Carlo means
     * @param replications the number of simulated syntheses
     */
    public MonteCarloCheck {
        targets = List.copyOf(targets);
        means = List.copyOf(means);
    }

    /**
     * @param scenario a calibrated scenario (its first condition is simulated)
     * @param targets the targets
     * @param replications number of simulated syntheses, at least 1
     * @return the means
     * @throws IllegalArgumentException for fewer than 1 replication
     */
    public static MonteCarloCheck of(Scenario scenario, List<Target> targets, int replications) {
        if (replications < 1) {
            throw new IllegalArgumentException("at least one replication needed, got " + replications);
        }
        Condition c = scenario.conditions().get(0);
        StudySimulator simulator = StudySimulator.of(c, Engine.defaultFor(scenario));
        int k = targets.size();
        double[] sum = new double[k];
        long[] count = new long[k];
        for (int rep = 0; rep < replications; rep++) {
            SimulatedReplication r = simulator.simulate(ReplicationSeeds.provider(scenario.seed(), 0, rep));
            for (int t = 0; t < k; t++) {
                Target target = targets.get(t);
                if (Target.REPORTING_STUDIES.equals(target.estimand())) {
                    sum[t] += r.studies().stream().filter(SimulatedStudy::reportsAdjusted).count();
                    count[t]++;
                    continue;
                }
                for (SimulatedStudy s : r.studies()) {
                    double v = observed(target, s);
                    if (!Double.isNaN(v)) {
                        sum[t] += Correlations.toFisherZ(v);
                        count[t]++;
                    }
                }
            }
        }
        List<Double> means = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            double m = count[t] == 0 ? Double.NaN : sum[t] / count[t];
            means.add(Target.REPORTING_STUDIES.equals(targets.get(t).estimand()) ? m : Math.tanh(m));
        }
        return new MonteCarloCheck(targets, means, replications);
    }

    /** The study's value of the target's estimand, NaN when it is not in the target's studies or not observed. */
    private static double observed(Target target, SimulatedStudy s) {
        if (target.moderator() != null && !target.level().equals(s.moderatorLevels().get(target.moderator()))) {
            return Double.NaN;
        }
        boolean reporting = target.studies() == StudySet.REPORTING;
        if (reporting && !s.reportsAdjusted()) {
            return Double.NaN;
        }
        return switch (target.estimand()) {
            case "unadjusted" -> s.r();
            case "adjusted" -> s.partialR();
            default -> Double.NaN;
        };
    }
}
