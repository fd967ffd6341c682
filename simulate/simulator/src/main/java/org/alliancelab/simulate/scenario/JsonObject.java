package org.alliancelab.simulate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict, pointer-aware reading of one JSON object of a scenario: every accessor knows the
 * JSON pointer of the field it reads, so every error names it.
 */
final class JsonObject {
    private final String source;
    private final String pointer;
    private final JsonNode node;

    private JsonObject(String source, String pointer, JsonNode node) {
        this.source = source;
        this.pointer = pointer;
        this.node = node;
    }

    static JsonObject of(String source, String pointer, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ScenarioException(source, pointer, "expected a JSON object");
        }
        return new JsonObject(source, pointer, node);
    }

    String pointer() {
        return pointer;
    }

    String source() {
        return source;
    }

    String pointer(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    ScenarioException error(String key, String message) {
        return new ScenarioException(source, key == null ? pointer : pointer(key), message);
    }

    /** Rejects any key not in {@code allowed}. */
    JsonObject allowOnly(String... allowed) {
        Set<String> ok = new LinkedHashSet<>(Arrays.asList(allowed));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!ok.contains(name)) {
                throw error(name, "unknown key '" + name + "' (allowed: " + String.join(", ", ok) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private JsonNode required(String key) {
        if (!has(key)) {
            throw error(key, "missing required field '" + key + "'");
        }
        return node.get(key);
    }

    String string(String key) {
        JsonNode v = required(key);
        if (!v.isTextual()) {
            throw error(key, "expected a string");
        }
        return v.asText();
    }

    Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    /**
     * An optional text field read by a parser whose {@link IllegalArgumentException} message
     * becomes the field's error.
     */
    <T> T parsed(String key, Function<String, T> parser, T defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        try {
            return parser.apply(string(key));
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    /** An optional true/false field. */
    boolean bool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw error(key, "expected true or false");
        }
        return v.asBoolean();
    }

    double number(String key) {
        JsonNode v = required(key);
        if (!v.isNumber()) {
            throw error(key, "expected a number");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw error(key, "expected a finite number");
        }
        return d;
    }

    double number(String key, double defaultValue) {
        return has(key) ? number(key) : defaultValue;
    }

    /** A number in [lower, upper]. */
    double number(String key, double lower, double upper) {
        double d = number(key);
        if (d < lower || d > upper) {
            throw error(key, "must be in [" + lower + ", " + upper + "], got " + d);
        }
        return d;
    }

    long integer(String key) {
        JsonNode v = required(key);
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || !v.canConvertToLong()) {
            throw error(key, "expected an integer");
        }
        return v.isIntegralNumber() ? v.asLong() : (long) v.asDouble();
    }

    int integer(String key, int lower, int upper) {
        long v = integer(key);
        if (v < lower || v > upper) {
            throw error(key, "must be an integer in [" + lower + ", " + upper + "], got " + v);
        }
        return (int) v;
    }

    JsonObject object(String key) {
        return of(source, pointer(key), required(key));
    }

    Optional<JsonObject> optionalObject(String key) {
        return has(key) ? Optional.of(object(key)) : Optional.empty();
    }

    /** Elements of a required array. */
    List<JsonNode> array(String key) {
        JsonNode v = required(key);
        if (!v.isArray()) {
            throw error(key, "expected an array");
        }
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }

    List<JsonNode> optionalArray(String key) {
        return has(key) ? array(key) : List.of();
    }

    List<JsonObject> objects(String key) {
        List<JsonNode> items = array(key);
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            objects.add(of(source, pointer(key) + "/" + i, items.get(i)));
        }
        return objects;
    }

    List<JsonObject> optionalObjects(String key) {
        return has(key) ? objects(key) : List.of();
    }

    /** A required array of finite numbers, each error naming its element. */
    double[] numbers(String key) {
        List<JsonNode> items = array(key);
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = items.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new ScenarioException(source, pointer(key) + "/" + i, "expected a finite number");
            }
            values[i] = v.asDouble();
        }
        return values;
    }

    List<String> strings(String key) {
        List<JsonNode> items = optionalArray(key);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isTextual()) {
                throw new ScenarioException(source, pointer(key) + "/" + i, "expected a string");
            }
            values.add(items.get(i).asText());
        }
        return values;
    }

    JsonNode raw(String key) {
        return required(key);
    }
}
