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
 * (docs/scenario-format.md#the-grid); a field that takes whole numbers only
 * ({@link Scenario#wholeNumberField}) cannot be free, since the search moves values
 * continuously, and a name is used once. Without the key the file is a valid scenario
 * ({@link #scenario()}); the scenario reader refuses the key. Immutable.
 */
public final class CalibrationTemplate {
    private final Scenario scenario;
    private final List<FreeParameter> free;
    /** Fields set by {@link #with}, applied with the free values (a sweep's value). */
    private final Map<String, Double> fixed;

    private CalibrationTemplate(Scenario scenario, List<FreeParameter> free, Map<String, Double> fixed) {
        this.scenario = scenario;
        this.free = List.copyOf(free);
        this.fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    }

    /**
     * @param scenario the scenario (one condition)
     * @param free the free parameters, at least one, no pointer or name twice
     * @return the template
     * @throws IllegalArgumentException when the scenario has a grid, a pointer addresses no
     *     numeric field, addresses a whole-number field ({@link Scenario#wholeNumberField}:
     *     the search varies values continuously) or is used twice, or a name is used twice
     */
    public static CalibrationTemplate of(Scenario scenario, List<FreeParameter> free) {
        if (scenario.conditions().size() != 1) {
            throw new IllegalArgumentException("a calibration template has one condition: remove the grid");
        }
        if (free.isEmpty()) {
            throw new IllegalArgumentException("no free parameters");
        }
        List<String> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (FreeParameter p : free) {
            for (String pointer : p.pointers()) {
                String problem = wholeNumberProblem(scenario, pointer);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
                if (seen.contains(pointer)) {
                    throw new IllegalArgumentException("'" + pointer + "' is set by two free parameters");
                }
                seen.add(pointer);
            }
            if (names.contains(p.name())) {
                throw new IllegalArgumentException(nameUsedTwice(p.name()));
            }
            names.add(p.name());
        }
        return new CalibrationTemplate(scenario, free, Map.of());
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
        List<String> names = new ArrayList<>();
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
                String problem;
                try {
                    problem = wholeNumberProblem(scenario, pointers.get(i));
                } catch (IllegalArgumentException bad) {
                    problem = bad.getMessage();
                }
                if (problem != null) {
                    throw new ScenarioException(source, where, problem);
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
            if (names.contains(name)) {
                throw e.error(e.has("name") ? "name" : key, nameUsedTwice(name));
            }
            names.add(name);
            free.add(new FreeParameter(name, pointers, lower, upper, start));
        }
        return new CalibrationTemplate(scenario, free, Map.of());
    }

    /**
     * Why a field cannot be free because it takes whole numbers, or null when it can.
     *
     * @throws IllegalArgumentException when the pointer addresses no numeric field
     */
    private static String wholeNumberProblem(Scenario scenario, String pointer) {
        return scenario.wholeNumberField(pointer) ? "'" + pointer + "' takes whole numbers only, and a free "
            + "parameter is searched over a continuous range: fix it in the template (or sweep it with 'frontier' "
            + "at whole-number values)" : null;
    }

    private static String nameUsedTwice(String name) {
        return "free parameter name '" + name + "' is used twice (a name labels one column of the fit)";
    }

    /**
     * @return the template's scenario as written (without the {@code free} key, at the
     *     template's values; the fields set by {@link #with} are applied by {@link #at})
     */
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
        Map<String, Double> fields = new LinkedHashMap<>(fixed);
        for (int i = 0; i < values.length; i++) {
            for (String pointer : free.get(i).pointers()) {
                fields.put(pointer, values[i]);
            }
        }
        return scenario.withValues(fields);
    }

    /**
     * A copy with another fixed value in a field that is not free (a frontier's swept
     * parameter). The value is applied by {@link #at} together with the free values, so it is
     * validated there: a value that makes the scenario invalid at the template's start values
     * may be valid at the fitted ones.
     *
     * @param pointer the field
     * @param value its value
     * @return the template
     * @throws IllegalArgumentException when the field is free, addresses no numeric field or
     *     the value is not finite
     */
    public CalibrationTemplate with(String pointer, double value) {
        if (free.stream().anyMatch(p -> p.pointers().contains(pointer))) {
            throw new IllegalArgumentException("'" + pointer + "' is a free parameter of the template");
        }
        scenario.value(pointer);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("'" + pointer + "': value must be finite, got " + value);
        }
        Map<String, Double> f = new LinkedHashMap<>(fixed);
        f.put(pointer, value);
        return new CalibrationTemplate(scenario, free, f);
    }

    /** @return the start values of the free parameters */
    public double[] start() {
        return free.stream().mapToDouble(FreeParameter::start).toArray();
    }
}
