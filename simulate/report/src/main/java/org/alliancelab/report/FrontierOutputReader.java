package org.alliancelab.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancelab.simulate.results.SimulationOutputException;
import org.alliancelab.simulate.results.SummaryJson;

/**
 * Reads the {@code frontier.json} that {@code frontier} writes into its output directory.
 * Every field the report uses is required; a missing or mistyped one is a
 * {@link SimulationOutputException} naming the file and the JSON pointer.
 */
public final class FrontierOutputReader {

    /** The file {@code frontier} writes with the points. */
    public static final String FRONTIER_JSON = "frontier.json";

    private FrontierOutputReader() {
    }

    /**
     * @param dir a directory written by {@code frontier}
     * @return its content
     * @throws SimulationOutputException when the file is missing or malformed
     * @throws IOException on a read error
     */
    public static FrontierOutput read(Path dir) throws SimulationOutputException, IOException {
        Path file = dir.resolve(FRONTIER_JSON);
        JsonNode root = SummaryJson.readObject(file, "frontier");
        JsonNode list = root.get("points");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw SimulationOutputException.json(file, "/points", "must be a non-empty array");
        }
        List<FrontierOutput.Point> points = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String at = "/points/" + i;
            points.add(new FrontierOutput.Point(number(file, p, at, "value"), flag(file, p, at, "grid"),
                flag(file, p, at, "compatible"), number(file, p, at, "causal_r"),
                number(file, p, at, "partial_r2_exposure"), number(file, p, at, "partial_r2_outcome"),
                number(file, p, at, "max_residual_in_tolerances"), text(file, p, at, "note")));
        }
        JsonNode sweep = root.path("sweep");
        return new FrontierOutput(dir, text(file, root, "", "template"), text(file, root, "", "targets"),
            text(file, sweep, "/sweep", "path"), text(file, sweep, "/sweep", "label"),
            text(file, root, "", "confounder"), text(file, root, "", "headline"), points);
    }

    private static String text(Path file, JsonNode parent, String at, String field) throws SimulationOutputException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw SimulationOutputException.json(file, at + "/" + field, "missing or not a string");
        }
        return n.asText();
    }

    private static boolean flag(Path file, JsonNode parent, String at, String field) throws SimulationOutputException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isBoolean()) {
            throw SimulationOutputException.json(file, at + "/" + field, "missing or not true/false");
        }
        return n.asBoolean();
    }

    /** A number; {@code null} (how the writer spells an undefined value) is NaN. */
    private static double number(Path file, JsonNode parent, String at, String field) throws SimulationOutputException {
        JsonNode n = parent.get(field);
        if (n == null || !(n.isNumber() || n.isNull())) {
            throw SimulationOutputException.json(file, at + "/" + field, "missing or not a number");
        }
        return n.isNull() ? Double.NaN : n.asDouble();
    }
}
