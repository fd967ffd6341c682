package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What makes two runs interchangeable: the same replication records come out of them. A
 * checkpoint, a shard or a finished output directory is reused only when its fingerprint, the
 * SHA-256 of these fields, equals the current run's; otherwise {@link #difference} names what
 * differs.
 *
 * @param scenario scenario name
 * @param seed master seed
 * @param replications replications per condition
 * @param engine engine name
 * @param software software version
 * @param blockSize replications per block
 * @param columns record columns (the analyses and their options)
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

    /**
     * The identity as stored in a checkpoint manifest and in {@code run.json}: every field but
     * the scenario JSON, and the fingerprint.
     *
     * @param mapper JSON mapper
     * @return the fields
     */
    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode m = mapper.createObjectNode();
        m.put("fingerprint", fingerprint());
        m.put("scenario", scenario);
        m.put("seed", seed);
        m.put("replications", replications);
        m.put("engine", engine);
        m.put("software", software);
        m.put("block_size", blockSize);
        columns.forEach(m.putArray("columns")::add);
        return m;
    }

    /**
     * Reads what {@link #toJson} wrote; fields an earlier version did not write are null or -1.
     *
     * @param node the stored fields
     * @param scenarioJson the stored scenario JSON, or null when not stored
     * @return the stored identity
     */
    static RunIdentity fromJson(JsonNode node, String scenarioJson) {
        List<String> cols = null;
        if (node.path("columns").isArray()) {
            cols = new ArrayList<>();
            for (JsonNode c : node.get("columns")) {
                cols.add(c.asText());
            }
        }
        return new RunIdentity(node.path("scenario").asText(null), node.path("seed").asLong(),
            node.path("replications").asInt(-1), node.path("engine").asText(null), node.path("software").asText(null),
            node.path("block_size").asInt(-1), cols, scenarioJson);
    }

    /**
     * Names the first difference between this run and a stored one, as a reader would want to
     * be told it: "seed 7 here, 1 in the directory".
     *
     * @param stored the stored identity (fields may be null when an earlier version wrote it)
     * @param storedFingerprint the fingerprint the directory records
     * @return empty when the runs are the same, else the difference
     */
    Optional<String> difference(RunIdentity stored, String storedFingerprint) {
        if (fingerprint().equals(storedFingerprint)) {
            return Optional.empty();
        }
        if (!Objects.equals(scenario, stored.scenario)) {
            return Optional.of(quoteDiff("scenario", scenario, stored.scenario));
        }
        if (seed != stored.seed) {
            return Optional.of(quoteDiff("seed", seed, stored.seed));
        }
        if (replications != stored.replications) {
            return Optional.of(quoteDiff("replications", replications, stored.replications));
        }
        if (!Objects.equals(engine, stored.engine)) {
            return Optional.of(quoteDiff("engine", engine, stored.engine));
        }
        if (!Objects.equals(software, stored.software)) {
            return Optional.of(quoteDiff("software version", software, stored.software));
        }
        if (stored.scenarioJson != null) {
            Optional<String> d = jsonDifference(scenarioJson, stored.scenarioJson);
            if (d.isPresent()) {
                return Optional.of("scenario definition at " + d.get());
            }
        }
        if (stored.columns != null && !columns.equals(stored.columns)) {
            return Optional.of("analyses (" + columns.size() + " record columns here, " + stored.columns.size()
                + " in the directory)");
        }
        if (stored.blockSize > 0 && blockSize != stored.blockSize) {
            return Optional.of(quoteDiff("block size", blockSize, stored.blockSize));
        }
        return Optional.of("run settings (fingerprint " + fingerprint().substring(0, 12) + " here, "
            + storedFingerprint.substring(0, Math.min(12, storedFingerprint.length())) + " in the directory)");
    }

    private static String quoteDiff(String what, Object here, Object there) {
        return what + " (" + here + " here, " + there + " in the directory)";
    }

    /** The JSON pointer of the first difference of two documents and the two values there. */
    private static Optional<String> jsonDifference(String here, String there) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            return firstDifference("", mapper.readTree(here), mapper.readTree(there));
        } catch (IOException e) {
            return here.equals(there) ? Optional.empty() : Optional.of("(unreadable stored scenario)");
        }
    }

    private static Optional<String> firstDifference(String pointer, JsonNode a, JsonNode b) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                Optional<String> d = firstDifference(pointer + "/" + n.replace("~", "~0").replace("/", "~1"),
                    a.get(n), b.get(n));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext(); i++) {
                Optional<String> d = firstDifference(pointer + "/" + i, ia.next(), ib.next());
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (Objects.equals(a, b)) {
            return Optional.empty();
        }
        return Optional.of((pointer.isEmpty() ? "/" : pointer) + " (" + shortText(a) + " here, " + shortText(b)
            + " in the directory)");
    }

    private static String shortText(JsonNode n) {
        if (n == null) {
            return "absent";
        }
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
