package org.alliancelab.simulate.calibration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.scenario.JsonObject;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;

/**
 * A calibration template: an ordinary scenario of one condition plus a top-level key
 * {@code "free"} listing its free parameters:
 *
 * <pre>
 * "free": [
 *   {"name": "alliance -> outcome", "path": "/model/paths/7/beta", "lower": 0, "upper": 0.8},
 *   {"name": "confounder paths", "paths": ["/model/paths/5/beta", "/model/paths/6/beta"],
 *    "lower": 0, "upper": 0.8, "start": 0.3}]
 * </pre>
 *
 * Each entry has {@code path} (one JSON pointer) or {@code paths} (several, tied to one value),
 * {@code lower} and {@code upper}, and optionally {@code name} and {@code start} (default: the
 * template's value at the first pointer). Pointers follow the grid's rules
 * (docs/scenario-format.md#the-grid). Without the key the file is a valid scenario
 * ({@link #scenario()}); the scenario reader refuses the key. Immutable.
 */
public final class CalibrationTemplate {
    private final Scenario scenario;
    private final List<FreeParameter> free;

    private CalibrationTemplate(Scenario scenario, List<FreeParameter> free) {
        this.scenario = scenario;
        this.free = List.copyOf(free);
    }

    /**
     * @param scenario the scenario (one condition)
     * @param free the free parameters, at least one, no pointer twice
     * @return the template
     * @throws IllegalArgumentException when the scenario has a grid, a pointer addresses no
     *     numeric field or is used twice
     */
    public static CalibrationTemplate of(Scenario scenario, List<FreeParameter> free) {
        if (scenario.conditions().size() != 1) {
            throw new IllegalArgumentException("a calibration template has one condition: remove the grid");
        }
        if (free.isEmpty()) {
            throw new IllegalArgumentException("no free parameters");
        }
        List<String> seen = new ArrayList<>();
        for (FreeParameter p : free) {
            for (String pointer : p.pointers()) {
                scenario.value(pointer);
                if (seen.contains(pointer)) {
                    throw new IllegalArgumentException("'" + pointer + "' is set by two free parameters");
                }
                seen.add(pointer);
            }
        }
        return new CalibrationTemplate(scenario, free);
    }

    /**
     * Reads a template file (UTF-8).
     *
     * @param file the file
     * @return the template
     * @throws ScenarioException naming the file and the JSON pointer of what is wrong
     */
    public static CalibrationTemplate load(Path file) {
        return parse(Scenario.readText(file, "template"), file.toString(), Scenario.defaultName(file));
    }

    /**
     * @param json the template's text
     * @param source name for messages
     * @param defaultName the scenario's name when it has none
     * @return the template
     * @throws ScenarioException naming the source and the JSON pointer of what is wrong
     */
    public static CalibrationTemplate parse(String json, String source, String defaultName) {
        ObjectNode root = Scenario.readTree(json, source);
        JsonObject top = JsonObject.of(source, "", root);
        if (!root.has("free")) {
            throw top.error("free", "missing required field 'free' (the template's free parameters, "
                + "docs/calibration.md)");
        }
        ObjectNode tree = root.deepCopy();
        tree.remove("free");
        Scenario scenario = Scenario.fromTree(tree, source, defaultName);
        if (scenario.conditions().size() != 1) {
            throw top.error("grid", "a calibration template has one condition: remove the grid");
        }
        List<JsonObject> entries = top.objects("free");
        if (entries.isEmpty()) {
            throw top.error("free", "no free parameters");
        }
        List<FreeParameter> free = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (JsonObject e : entries) {
            e.allowOnly("name", "path", "paths", "lower", "upper", "start");
            List<String> pointers;
            String key;
            if (e.has("path") == e.has("paths")) {
                throw e.error(null, "give exactly one of 'path' (one field) and 'paths' (fields tied to one value)");
            } else if (e.has("path")) {
                pointers = List.of(e.string("path"));
                key = "path";
            } else {
                pointers = e.strings("paths");
                key = "paths";
                if (pointers.isEmpty()) {
                    throw e.error("paths", "no paths");
                }
            }
            for (int i = 0; i < pointers.size(); i++) {
                String where = key.equals("path") ? e.pointer("path") : e.pointer("paths") + "/" + i;
                try {
                    scenario.value(pointers.get(i));
                } catch (IllegalArgumentException bad) {
                    throw new ScenarioException(source, where, bad.getMessage());
                }
                if (seen.containsKey(pointers.get(i))) {
                    throw new ScenarioException(source, where, "'" + pointers.get(i) + "' is already free at "
                        + seen.get(pointers.get(i)));
                }
                seen.put(pointers.get(i), where);
            }
            double lower = e.number("lower");
            double upper = e.number("upper");
            if (!(lower < upper)) {
                throw e.error("upper", "must exceed lower (" + lower + "), got " + upper);
            }
            double start = e.has("start") ? e.number("start") : scenario.value(pointers.get(0));
            if (start < lower || start > upper) {
                throw e.error(e.has("start") ? "start" : key, "the start " + start
                    + (e.has("start") ? "" : " (the template's value)") + " lies outside [" + lower + ", " + upper
                    + "]");
            }
            String name = e.optionalString("name").orElse(String.join(" = ", pointers));
            free.add(new FreeParameter(name, pointers, lower, upper, start));
        }
        return new CalibrationTemplate(scenario, free);
    }

    /** @return the template's scenario (without the {@code free} key, at the template's values) */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the free parameters in file order */
    public List<FreeParameter> free() {
        return free;
    }

    /**
     * @param values one value per free parameter, in order
     * @return the template's scenario with every pointer of each parameter set to its value
     * @throws IllegalArgumentException for the wrong number of values
     * @throws ScenarioException when the values make the scenario invalid
     */
    public Scenario at(double[] values) {
        if (values.length != free.size()) {
            throw new IllegalArgumentException(free.size() + " values needed, got " + values.length);
        }
        Map<String, Double> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            for (String pointer : free.get(i).pointers()) {
                fields.put(pointer, values[i]);
            }
        }
        return scenario.withValues(fields);
    }

    /**
     * A copy whose scenario has another fixed value in a field that is not free (a frontier's
     * swept parameter).
     *
     * @param pointer the field
     * @param value its value
     * @return the template
     * @throws IllegalArgumentException when the field is free or addresses no numeric field
     * @throws ScenarioException when the value makes the scenario invalid
     */
    public CalibrationTemplate with(String pointer, double value) {
        if (free.stream().anyMatch(p -> p.pointers().contains(pointer))) {
            throw new IllegalArgumentException("'" + pointer + "' is a free parameter of the template");
        }
        return new CalibrationTemplate(scenario.withValues(Map.of(pointer, value)), free);
    }

    /** @return the start values of the free parameters */
    public double[] start() {
        return free.stream().mapToDouble(FreeParameter::start).toArray();
    }
}
