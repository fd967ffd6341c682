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
 * Strict, pointer-aware reading of one JSON object of a scenario (or of a file that goes with
 * one, such as calibration targets): every accessor knows the JSON pointer of the field it
 * reads, so every error is a {@link ScenarioException} naming the file and the pointer.
 */
public final class JsonObject {
    /** The start of the message for a number where the format takes a whole number. */
    static final String NOT_AN_INTEGER = "expected an integer";

    private final String source;
    private final String pointer;
    private final JsonNode node;

    private JsonObject(String source, String pointer, JsonNode node) {
        this.source = source;
        this.pointer = pointer;
        this.node = node;
    }

    /**
     * @param source file or built-in name, for errors
     * @param pointer JSON pointer of the node ("" for the document)
     * @param node the node
     * @return the reader
     * @throws ScenarioException when the node is not an object
     */
    public static JsonObject of(String source, String pointer, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ScenarioException(source, pointer, "expected a JSON object");
        }
        return new JsonObject(source, pointer, node);
    }

    /** @return the JSON pointer of this object */
    public String pointer() {
        return pointer;
    }

    /** @return the file or built-in name, for error messages */
    public String source() {
        return source;
    }

    /**
     * @param key a key of this object
     * @return the JSON pointer of its field (escaped as RFC 6901)
     */
    public String pointer(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * @param key the field, or null for the object itself
     * @param message the problem
     * @return the error naming source and pointer
     */
    public ScenarioException error(String key, String message) {
        return new ScenarioException(source, key == null ? pointer : pointer(key), message);
    }

    /**
     * Rejects any key not in {@code allowed}.
     *
     * @param allowed the allowed keys
     * @return this
     * @throws ScenarioException naming the first unknown key
     */
    public JsonObject allowOnly(String... allowed) {
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

    /**
     * @param key a key
     * @return whether the field is present and not null
     */
    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    /** @return the keys in file order */
    public List<String> keys() {
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

    /**
     * @param key a required text field
     * @return its value
     * @throws ScenarioException when missing or not a string
     */
    public String string(String key) {
        JsonNode v = required(key);
        if (!v.isTextual()) {
            throw error(key, "expected a string");
        }
        return v.asText();
    }

    /**
     * @param key an optional text field
     * @return its value, if present
     * @throws ScenarioException when present but not a string
     */
    public Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    /**
     * An optional text field read by a parser whose {@link IllegalArgumentException} message
     * becomes the field's error.
     *
     * @param <T> the parsed type
     * @param key the field
     * @param parser reads the text
     * @param defaultValue when absent
     * @return the parsed value
     * @throws ScenarioException when the parser refuses the text
     */
    public <T> T parsed(String key, Function<String, T> parser, T defaultValue) {
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

    /**
     * @param key a required numeric field
     * @return its finite value
     * @throws ScenarioException when missing, not a number or not finite
     */
    public double number(String key) {
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

    /**
     * @param key an optional numeric field
     * @param defaultValue when absent
     * @return its value
     * @throws ScenarioException when present but not a finite number
     */
    public double number(String key, double defaultValue) {
        return has(key) ? number(key) : defaultValue;
    }

    /**
     * @param key a required numeric field
     * @param lower smallest allowed value
     * @param upper largest allowed value
     * @return its value, in [lower, upper]
     * @throws ScenarioException when missing, not a number or out of range
     */
    public double number(String key, double lower, double upper) {
        double d = number(key);
        if (d < lower || d > upper) {
            throw error(key, "must be in [" + lower + ", " + upper + "], got " + d);
        }
        return d;
    }

    /**
     * @param key a required integer field
     * @return its value
     * @throws ScenarioException when missing or not a whole number
     */
    public long integer(String key) {
        JsonNode v = required(key);
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || !v.canConvertToLong()) {
            throw error(key, NOT_AN_INTEGER);
        }
        return v.isIntegralNumber() ? v.asLong() : (long) v.asDouble();
    }

    /**
     * @param key a required integer field
     * @param lower smallest allowed value
     * @param upper largest allowed value
     * @return its value
     * @throws ScenarioException when missing, not a whole number or out of range
     */
    public int integer(String key, int lower, int upper) {
        long v = integer(key);
        if (v < lower || v > upper) {
            throw error(key, "must be an integer in [" + lower + ", " + upper + "], got " + v);
        }
        return (int) v;
    }

    /**
     * @param key a required object field
     * @return its reader
     * @throws ScenarioException when missing or not an object
     */
    public JsonObject object(String key) {
        return of(source, pointer(key), required(key));
    }

    /**
     * @param key an optional object field
     * @return its reader, if present
     * @throws ScenarioException when present but not an object
     */
    public Optional<JsonObject> optionalObject(String key) {
        return has(key) ? Optional.of(object(key)) : Optional.empty();
    }

    /**
     * @param key a required array field
     * @return its elements
     * @throws ScenarioException when missing or not an array
     */
    public List<JsonNode> array(String key) {
        JsonNode v = required(key);
        if (!v.isArray()) {
            throw error(key, "expected an array");
        }
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }

    /**
     * @param key an optional array field
     * @return its elements, empty when absent
     * @throws ScenarioException when present but not an array
     */
    public List<JsonNode> optionalArray(String key) {
        return has(key) ? array(key) : List.of();
    }

    /**
     * @param key a required array of objects
     * @return a reader per element
     * @throws ScenarioException when missing, not an array, or an element is not an object
     */
    public List<JsonObject> objects(String key) {
        List<JsonNode> items = array(key);
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            objects.add(of(source, pointer(key) + "/" + i, items.get(i)));
        }
        return objects;
    }

    /**
     * @param key an optional array of objects
     * @return a reader per element, empty when absent
     * @throws ScenarioException when an element is not an object
     */
    public List<JsonObject> optionalObjects(String key) {
        return has(key) ? objects(key) : List.of();
    }

    /**
     * @param key a required array of finite numbers
     * @return the numbers
     * @throws ScenarioException naming the first element that is not a finite number
     */
    public double[] numbers(String key) {
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

    /**
     * @param key an optional array of strings
     * @return the strings, empty when absent
     * @throws ScenarioException naming the first element that is not a string
     */
    public List<String> strings(String key) {
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

    /**
     * @param key a required field
     * @return its node
     * @throws ScenarioException when missing
     */
    public JsonNode raw(String key) {
        return required(key);
    }
}
