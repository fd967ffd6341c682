package org.alliancelab.meta.bias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A reference file of {@code core/src/test/resources/selection/}, written by
 * {@code core/src/test/r/selection-reference.R}: the data ({@code data.yi}, {@code data.vi}), the
 * settings and the R calls with their results.
 */
record SelectionReferences(JsonNode root, double[] yi, double[] vi) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SelectionReferences read(String file) {
        try (InputStream in = SelectionReferences.class.getResourceAsStream("/selection/" + file + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no reference file " + file);
            }
            JsonNode root = MAPPER.readTree(in);
            JsonNode data = root.get("data");
            int k = data.size();
            double[] yi = new double[k];
            double[] vi = new double[k];
            for (int i = 0; i < k; i++) {
                yi[i] = data.get(i).get("yi").asDouble();
                vi[i] = data.get(i).get("vi").asDouble();
            }
            return new SelectionReferences(root, yi, vi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the numbers of an array field (null as NaN), or of a scalar as one element */
    static double[] doubles(JsonNode node) {
        if (!node.isArray()) {
            return new double[] {node.isNull() ? Double.NaN : node.asDouble()};
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).isNull() ? Double.NaN : node.get(i).asDouble();
        }
        return out;
    }
}
