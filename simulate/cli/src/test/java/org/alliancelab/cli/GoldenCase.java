package org.alliancelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code pool} case of a golden file copied from core (R metafor 3.8-1; see
 * src/test/resources/golden/README.md).
 */
record GoldenCase(String file, JsonNode studies, String measure, String method, String test, JsonNode expected) {

    static JsonNode load(String file) {
        try (InputStream in = GoldenCase.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("golden file not on the test classpath: " + file);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GoldenCase> poolCases(String file) {
        JsonNode root = load(file);
        List<GoldenCase> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            if (c.get("kind").asText().equals("pool")) {
                out.add(new GoldenCase(file, root.get("studies"), c.get("measure").asText(),
                    c.get("method").asText(), c.get("test").asText(), c.get("expected")));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return file + " " + measure + " " + method + " " + test;
    }
}
