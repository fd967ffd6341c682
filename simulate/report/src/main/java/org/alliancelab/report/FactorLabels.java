package org.alliancelab.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a grid factor, a JSON pointer into the scenario, into words by looking up what it
 * points at: {@code /model/nodes/1/reliability} becomes "reliability of early_change",
 * {@code /model/paths/5/beta} becomes "path alliance → outcome". Anything else keeps its pointer,
 * and a named factor (whose column is its name, not a pointer) keeps its name.
 */
public final class FactorLabels {

    private FactorLabels() {
    }

    /**
     * @param pointer a grid factor's JSON pointer
     * @param definition the scenario definition it points into
     * @return the factor in words, or the pointer when it points at nothing known
     */
    public static String label(String pointer, JsonNode definition) {
        String[] p = pointer.split("/");
        // p[0] is "" for a pointer starting with "/".
        if (p.length == 5 && p[1].equals("model") && p[2].equals("nodes")) {
            String name = definition.at("/model/nodes/" + p[3] + "/name").asText("");
            if (!name.isEmpty()) {
                return p[4] + " of " + name;
            }
        }
        if (p.length == 5 && p[1].equals("model") && p[2].equals("paths")) {
            JsonNode path = definition.at("/model/paths/" + p[3]);
            String from = path.path("from").asText("");
            String to = path.path("to").asText("");
            if (!from.isEmpty() && !to.isEmpty()) {
                String what = p[4].equals("beta") ? "path" : p[4].equals("sd") ? "between-study SD of path" : p[4] + " of path";
                return what + " " + from + " \u2192 " + to;
            }
        }
        if (p.length == 3 && p[1].equals("design")) {
            return p[2].equals("studies") ? "studies per meta-analysis" : p[2];
        }
        return pointer;
    }
}
