package org.alliancelab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Test fixture: writes a small {@code simulate} output directory in the format of the
 * simulator (summary.json with conditions, truths, nested measures and the scenario
 * definition; replications.csv with NA for failed analyses and a quoted failures column).
 * The numbers are synthetic (fixed seed); tests check what the report does with them.
 */
public final class ReportFixtures {

    static final double[] RELIABILITY = {0.6, 0.8, 1.0};
    static final int REPS = 200;

    private ReportFixtures() {
    }

    /**
     * @param dir directory to create
     * @param scenario scenario name
     * @param causal the causal correlation (0 for a null world)
     * @param seed random seed of the synthetic replications
     * @return dir
     */
    public static Path write(Path dir, String scenario, double causal, long seed) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", scenario);
        root.put("software", "0.1.0-SNAPSHOT");
        root.put("seed", seed);
        root.put("replications", REPS);
        root.put("engine", "sufficient");
        root.put("alpha", 0.05);
        ArrayNode conditions = root.putArray("conditions");
        Random rng = new Random(seed);
        StringBuilder csv = new StringBuilder("condition,replication,/model/nodes/1/reliability,studies.k,"
            + "unadjusted_all.r,unadjusted_all.p,unadjusted_reporting.r,adjusted.r,adjusted.p,"
            + "difference_subgroup.difference,failures\n");
        for (int c = 0; c < RELIABILITY.length; c++) {
            double unadjusted = 0.28;
            double adjusted = causal + (0.26 - causal) * (1 - RELIABILITY[c]) + 0.02;
            ObjectNode cond = conditions.addObject();
            cond.put("condition", c);
            cond.put("seed", seed);
            cond.putObject("factors").put("/model/nodes/1/reliability", RELIABILITY[c]);
            ObjectNode truth = cond.putObject("truth");
            truth.put("unadjusted", unadjusted);
            truth.put("adjusted", adjusted);
            truth.put("adjusted_latent", adjusted - 0.01);
            truth.put("causal", causal);
            truth.put("total_effect", causal);
            truth.put("direct_effect", causal);
            cond.putObject("truth_among_reporters").put("adjusted", adjusted);
            cond.put("replications", REPS);
            ObjectNode failures = cond.putObject("failures");
            failures.put("replications_with_failures", c == 2 ? 1 : 0);
            ArrayNode failedList = failures.putArray("list");
            if (c == 2) {
                ObjectNode f = failedList.addObject().put("condition", c).put("replication", 7);
                f.putArray("analyses").addObject().put("analysis", "adjusted")
                    .put("reason", "NonConvergenceException: REML did not converge, 1000 iterations");
            }
            ObjectNode m = cond.putObject("measures");
            pooled(m.putObject("unadjusted_all"), unadjusted, 0.012, causal, unadjusted, "unadjusted");
            pooled(m.putObject("unadjusted_reporting"), 0.25, 0.02, causal, unadjusted, "unadjusted");
            pooled(m.putObject("adjusted"), adjusted, 0.02, causal, adjusted, "adjusted");
            ObjectNode diff = m.putObject("difference_subgroup");
            estimate(diff.putObject("mean"), adjusted - unadjusted, 0.001);
            estimate(diff.putObject("rejection_rate"), causal > 0 ? 0.12 : 0.10 + 0.1 * (1 - RELIABILITY[c]), 0.02);
            ObjectNode paired = m.putObject("difference_paired");
            estimate(paired.putObject("rejection_rate"), causal > 0 ? 0.30 : 0.55, 0.03);
            ObjectNode studies = m.putObject("studies");
            estimate(studies.putObject("mean_k"), 295, 0);
            estimate(studies.putObject("share_negative"), 0.017, 0.001);
            for (int r = 0; r < REPS; r++) {
                double u = unadjusted + 0.012 * rng.nextGaussian();
                double a = adjusted + 0.02 * rng.nextGaussian();
                boolean failed = c == 2 && r == 7;
                csv.append(c).append(',').append(r).append(',').append(RELIABILITY[c]).append(",295,")
                    .append(u).append(",0.0001,").append(0.25 + 0.02 * rng.nextGaussian()).append(',')
                    .append(failed ? "NA" : Double.toString(a)).append(',').append(failed ? "NA" : "0.001").append(',')
                    .append(failed ? "NA" : Double.toString(a - u)).append(',')
                    .append(failed ? "\"adjusted: REML did not converge, 1000 iterations\"" : "").append('\n');
            }
        }
        root.set("scenario_definition", mapper.readTree(DEFINITION.replace("NAME", scenario)
            .replace("CAUSAL", Double.toString(causal))));
        Files.writeString(dir.resolve("summary.json"), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root),
            StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("replications.csv"), csv.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    private static void pooled(ObjectNode a, double mean, double se, double causal, double own, String ownName) {
        estimate(a.putObject("replications"), REPS, Double.NaN);
        estimate(a.putObject("mean"), mean, se / Math.sqrt(REPS));
        estimate(a.putObject("empirical_se"), se, se / Math.sqrt(2 * (REPS - 1)));
        ObjectNode bias = a.putObject("bias");
        estimate(bias.putObject("causal"), mean - causal, se / Math.sqrt(REPS));
        estimate(bias.putObject(ownName), mean - own, se / Math.sqrt(REPS));
        ObjectNode coverage = a.putObject("coverage");
        double covCausal = Math.abs(mean - causal) < 0.01 ? 0.95 : 0.2;
        estimate(coverage.putObject("causal"), covCausal, Math.sqrt(covCausal * (1 - covCausal) / REPS));
        estimate(coverage.putObject(ownName), 0.94, Math.sqrt(0.94 * 0.06 / REPS));
        estimate(a.putObject("rejection_rate"), 1.0, 0.0);
        estimate(a.putObject("mean_tau2"), 0.012, 0.0002);
        estimate(a.putObject("mean_i2"), 55.0, 0.5);
    }

    private static void estimate(ObjectNode o, double value, double mcse) {
        o.put("value", value);
        if (Double.isFinite(mcse)) {
            o.put("mcse", mcse);
        } else {
            o.putNull("mcse");
        }
        o.put("replications", REPS);
    }

    static final String DEFINITION = """
        {"name": "NAME", "description": "Synthetic fixture world NAME: alliance confounded by severity and early change.",
         "model": {"nodes": [{"name": "severity", "reliability": 0.85}, {"name": "early_change", "reliability": 0.6},
                             {"name": "alliance", "reliability": 0.77}, {"name": "outcome", "reliability": 0.85},
                             {"name": "confounder", "observed": false}],
                   "paths": [{"from": "severity", "to": "early_change", "beta": 0.2},
                             {"from": "severity", "to": "alliance", "beta": -0.15},
                             {"from": "severity", "to": "outcome", "beta": 0.25},
                             {"from": "early_change", "to": "alliance", "beta": 0.3},
                             {"from": "early_change", "to": "outcome", "beta": 0.3},
                             {"from": "alliance", "to": "outcome", "beta": CAUSAL, "sd": 0.05},
                             {"from": "confounder", "to": "alliance", "beta": 0.2},
                             {"from": "confounder", "to": "outcome", "beta": 0.2}],
                   "exposure": "alliance", "outcome": "outcome", "adjustment": ["severity", "early_change"]},
         "grid": [{"path": "/model/nodes/1/reliability", "levels": [0.6, 0.8, 1.0]}]}
        """;
}
