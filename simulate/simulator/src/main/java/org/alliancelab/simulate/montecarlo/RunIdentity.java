package org.alliancelab.simulate.montecarlo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two runs interchangeable: the same replication records come out of them. A
 * checkpoint or shard is reused only when its fingerprint, the SHA-256 of these fields, equals
 * the current run's.
 *
 * @param scenario scenario name
 * @param seed master seed
 * @param replications replications per condition
 * @param engine engine name
 * @param software software version
 * @param blockSize replications per block
 * @param columns record columns
 * @param scenarioJson canonical scenario JSON
 */
record RunIdentity(String scenario, long seed, int replications, String engine, String software,
                   int blockSize, List<String> columns, String scenarioJson) {

    /**
     * @param design the design
     * @return its identity with the current software version and block size
     */
    static RunIdentity of(MonteCarloDesign design) {
        return new RunIdentity(design.name(), design.seed(), design.replications(), design.engine(),
            SoftwareVersion.get(), WorkPlan.BLOCK_SIZE, design.layout().columns(),
            // the same scenario pretty-printed on Windows must match its Linux shards
            design.scenarioJson().replace("\r\n", "\n"));
    }

    /** @return hex SHA-256 of the fields, one per line */
    String fingerprint() {
        String text = String.join("\n", "alliance-lab monte carlo run v1", scenario, Long.toString(seed),
            Integer.toString(replications), engine, software, Integer.toString(blockSize),
            String.join(",", columns), scenarioJson);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** @return a one-line description for error messages */
    String describe() {
        return "scenario " + scenario + ", seed " + seed + ", " + replications + " replications, engine "
            + engine + ", " + "alliance-lab " + software;
    }
}
