package org.alliancelab.simulate.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated simulation scenario: causal model, study design, analyses, grid of factors,
 * replications and master seed. See {@code docs/scenario-format.md} for the format.
 *
 * <p>Grid expansion order: conditions are the Cartesian product of the grid factors' levels
 * with the LAST factor varying fastest (nested loops in grid order); condition {@code i} has
 * index {@code i}. Without grid there is exactly one condition, index 0. A factor sets each of
 * its fields to its scale times the level ({@link GridFactor}); its {@link GridFactor#column()}
 * keys the condition's {@link Condition#factors()}.
 *
 * <p>Immutable.
 */
public final class Scenario {
    private static final List<String> BUILT_IN = List.of("causal", "null-confounded",
        "null-unmeasured", "reverse-causation", "mediator", "dropout", "fluckiger2018",
        "fluckiger2018-null", "selection", "encouragement-trial", "encouragement-trial-null", "session-by-session",
        "session-by-session-null");

    private static final ObjectMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
            // a long description is valid JSON: lift the parser's 20-million-character cap
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).build())
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    /** Most conditions a grid may have: each is a validated model held in memory. */
    public static final int MAX_CONDITIONS = 100_000;

    private final String source;
    private final String name;
    private final ObjectNode tree;
    private final long seed;
    private final int replications;
    private final List<GridFactor> grid;
    private final List<Condition> conditions;

    private Scenario(String source, String name, ObjectNode tree, long seed, int replications,
                     List<GridFactor> grid, List<Condition> conditions) {
        this.source = source;
        this.name = name;
        this.tree = tree;
        this.seed = seed;
        this.replications = replications;
        this.grid = List.copyOf(grid);
        this.conditions = List.copyOf(conditions);
    }

    /**
     * Reads a scenario file.
     *
     * @param file the JSON file
     * @return the validated scenario
     * @throws ScenarioException when the file cannot be read or is invalid
     */
    public static Scenario load(Path file) {
        return parse(readText(file, "scenario"), file.toString(), defaultName(file));
    }

    /**
     * The text of a file read as a scenario file is (UTF-8, a byte-order mark accepted), for
     * files built on scenarios such as calibration templates and targets.
     *
     * @param file the file
     * @param kind what the file should be, for the message when it is a directory
     * @return its text
     * @throws ScenarioException naming the file when it is a directory, cannot be read or is
     *     not UTF-8
     */
    public static String readText(Path file, String kind) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ScenarioException(source, "", "is a directory, not a " + kind + " file");
        }
        try {
            return utf8(Files.readAllBytes(file), source);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ScenarioException(source, "", "file not found");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ScenarioException(source, "", "permission denied");
        } catch (IOException e) {
            // the exception's message repeats the path, which the error line already names
            throw new ScenarioException(source, "", "cannot read file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * @param file a scenario file
     * @return the name of a scenario read from it that has no "name": the file name without
     *     {@code .json}
     */
    public static String defaultName(Path file) {
        String base = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return base.endsWith(".json") ? base.substring(0, base.length() - 5) : base;
    }

    /**
     * A built-in scenario by name.
     *
     * @param name one of {@link #builtInNames()}
     * @return the scenario
     * @throws ScenarioException naming the known names when there is no such built-in
     */
    public static Scenario builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new ScenarioException(name, "", "no built-in scenario '" + name + "' (known: "
                + String.join(", ", BUILT_IN) + ")");
        }
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/" + name + ".json")) {
            if (in == null) {
                throw new ScenarioException(name, "", "built-in scenario resource is missing");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name, name);
        } catch (IOException e) {
            throw new ScenarioException(name, "", "cannot read built-in scenario: " + e.getMessage());
        }
    }

    /** @return the names of the built-in scenarios */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /**
     * A built-in scenario if {@code nameOrPath} is a built-in name, else the file at that path.
     *
     * @param nameOrPath built-in name or file path
     * @return the scenario
     * @throws ScenarioException when neither exists or the scenario is invalid
     */
    public static Scenario resolve(String nameOrPath) {
        if (nameOrPath.isBlank()) {
            throw new ScenarioException("--scenario", "", "empty scenario name (built-ins: " + String.join(", ", BUILT_IN)
                + ")");
        }
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        Path file = Path.of(nameOrPath);
        if (!Files.exists(file)) {
            throw new ScenarioException(nameOrPath, "", "no such file and no built-in scenario of that name"
                + " (built-ins: " + String.join(", ", BUILT_IN) + ")");
        }
        return load(file);
    }

    /**
     * Parses scenario JSON text.
     *
     * @param json the text
     * @param source name used in error messages (file or built-in name)
     * @param defaultName scenario name when the JSON has no "name"
     * @return the validated scenario
     * @throws ScenarioException when invalid
     */
    public static Scenario parse(String json, String source, String defaultName) {
        return fromTree(readTree(json, source), source, defaultName);
    }

    /**
     * Reads JSON text as strictly as a scenario is read (duplicate keys, trailing tokens and
     * numbers beyond the range of a double refused), for files built on a scenario such as a
     * calibration template.
     *
     * @param json the text
     * @param source name used in error messages
     * @return the document's object
     * @throws ScenarioException when the text is not such a JSON object
     */
    public static ObjectNode readTree(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ScenarioException(source, "", "malformed JSON" + where + ": "
                + JsonSyntaxMessage.of(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source, "", "expected a JSON object");
        }
        checkFinite(source, "", root);
        return (ObjectNode) root;
    }

    /**
     * Reads and validates a scenario from its JSON tree (from {@link #readTree}).
     *
     * @param tree the document; not modified
     * @param source name used in error messages
     * @param defaultName scenario name when the JSON has no "name"
     * @return the validated scenario
     * @throws ScenarioException when invalid
     */
    public static Scenario fromTree(ObjectNode tree, String source, String defaultName) {
        return of(source, defaultName, tree.deepCopy());
    }

    /**
     * The text of a scenario file: UTF-8, with or without a byte-order mark (as CSV input).
     *
     * @throws ScenarioException naming the line of the first byte that is not UTF-8
     */
    private static String utf8(byte[] bytes, String source) {
        try {
            return org.alliancelab.io.Utf8Text.decode(bytes);
        } catch (org.alliancelab.io.Utf8Text.MalformedException e) {
            throw new ScenarioException(source, "", e.getMessage() + " (save the file as UTF-8)");
        }
    }

    /**
     * Refuses numbers beyond the range of a double (the parser reads {@code 1e400} as
     * infinity), naming their JSON pointer, before any field is read.
     */
    private static void checkFinite(String source, String pointer, JsonNode node) {
        if (node.isNumber() && !Double.isFinite(node.asDouble())) {
            throw new ScenarioException(source, pointer, "number out of range (beyond +-1.8e308)");
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                checkFinite(source, pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1"), f.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkFinite(source, pointer + "/" + i, node.get(i));
            }
        }
    }

    private static Scenario of(String source, String defaultName, ObjectNode tree) {
        JsonObject root = JsonObject.of(source, "", tree);
        if (tree.has("free")) {
            throw root.error("free", "a calibration template's free parameters: fit it with 'calibrate', "
                + "which writes an ordinary scenario (docs/calibration.md), or remove the key");
        }
        root.allowOnly("name", "description", "seed", "replications", "model", "design", "analyses", "grid");
        String name = root.optionalString("name").orElse(defaultName);
        root.optionalString("description");
        long seed = root.has("seed") ? root.integer("seed") : 1L;
        int replications = root.has("replications") ? root.integer("replications", 1, Integer.MAX_VALUE) : 1000;

        ObjectNode base = tree.deepCopy();
        base.remove("grid");
        List<JsonObject> gridObjects = List.of();
        List<GridFactor> grid = List.of();
        if (root.has("grid")) {
            gridObjects = root.objects("grid");
            if (gridObjects.isEmpty()) {
                throw root.error("grid", "the grid is empty (omit the key for a single condition)");
            }
            grid = GridFactor.readAll(gridObjects, base);
        }
        long product = 1;
        for (GridFactor f : grid) {
            product *= f.levels().size();
            if (product > MAX_CONDITIONS) {
                throw root.error("grid", "the grid has more than " + MAX_CONDITIONS + " conditions (the product of "
                    + "its factors' level counts); split it into several scenarios");
            }
        }
        int count = (int) product;
        ScenarioReader reader = new ScenarioReader(source);
        List<Condition> conditions = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            ObjectNode resolved = base.deepCopy();
            Map<String, Double> factors = new LinkedHashMap<>();
            int rest = c;
            int[] levelIndex = new int[grid.size()];
            for (int f = grid.size() - 1; f >= 0; f--) {
                levelIndex[f] = rest % grid.get(f).levels().size();
                rest /= grid.get(f).levels().size();
            }
            for (int f = 0; f < grid.size(); f++) {
                GridFactor factor = grid.get(f);
                double level = factor.levels().get(levelIndex[f]);
                factors.put(factor.column(), level);
                for (int p = 0; p < factor.paths().size(); p++) {
                    set(resolved, factor.paths().get(p), factor.value(p, level));
                }
            }
            try {
                conditions.add(reader.condition(c, factors, JsonObject.of(source, "", resolved)));
            } catch (ScenarioException e) {
                if (factors.isEmpty() || failsWithoutTheGrid(reader, c, base, e)) {
                    throw e;
                }
                throw new ScenarioException(source, e.pointer(), e.problem() + " (grid condition " + c + ": "
                    + factors + ")");
            }
        }
        if (!grid.isEmpty()) {
            GridFactor.checkAgainstStudyColumns(gridObjects, grid, conditions.get(0));
        }
        return new Scenario(source, name, tree.deepCopy(), seed, replications, grid, conditions);
    }

    /** Whether the scenario without its grid levels fails the same way (then the grid is not the cause). */
    private static boolean failsWithoutTheGrid(ScenarioReader reader, int c, ObjectNode base, ScenarioException e) {
        try {
            reader.condition(c, Map.of(), JsonObject.of(e.source(), "", base.deepCopy()));
            return false;
        } catch (ScenarioException same) {
            return same.pointer().equals(e.pointer()) && same.problem().equals(e.problem());
        }
    }

    /**
     * Why a pointer cannot address a variable numeric field (the grid's rule), or null when
     * it can.
     */
    static String numericFieldProblem(String path, ObjectNode base) {
        if (!path.startsWith("/") || path.equals("/seed") || path.equals("/replications")
            || path.startsWith("/grid")) {
            return "must be a JSON pointer into model, design or analyses, got '" + path + "'";
        }
        JsonNode target;
        try {
            target = base.at(path);
        } catch (IllegalArgumentException e) {
            return "invalid JSON pointer '" + path + "'";
        }
        if (target == null || target.isMissingNode()) {
            return "'" + path + "' addresses no field of the scenario";
        }
        if (!target.isNumber()) {
            return "'" + path + "' is not a numeric field";
        }
        return null;
    }

    /**
     * The value of a numeric field that a grid factor, a calibration or a frontier sweep may
     * vary.
     *
     * @param pointer a JSON pointer (RFC 6901) into model, design or analyses, as a grid path
     * @return the field's value as written (before any grid level)
     * @throws IllegalArgumentException naming the problem when the pointer addresses no
     *     numeric field of model, design or analyses
     */
    public double value(String pointer) {
        String problem = numericFieldProblem(pointer, tree);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return tree.at(pointer).asDouble();
    }

    /**
     * Whether a numeric field takes whole numbers only ({@code studies}, {@code n},
     * {@code count}, ...: docs/scenario-format.md#the-grid). The reader itself is asked: the
     * scenario is read again with the field half-way between two integers, and the field is
     * whole-numbered when the reader refuses that value as not an integer, so the rule is the
     * reader's and not a second list of fields.
     *
     * @param pointer a JSON pointer as for {@link #value}
     * @return whether only whole numbers are valid in the field
     * @throws IllegalArgumentException when the pointer addresses no numeric field of model,
     *     design or analyses
     */
    public boolean wholeNumberField(String pointer) {
        double v = value(pointer);
        ObjectNode t = tree.deepCopy();
        set(t, pointer, Math.floor(v) + 0.5);
        try {
            of(source, name, t);
            return false;
        } catch (ScenarioException e) {
            return e.pointer().equals(pointer) && e.problem().startsWith(JsonObject.NOT_AN_INTEGER);
        } catch (IllegalArgumentException otherProblem) {
            return false; // e.g. an invalid model: the half-integer was read as a number
        }
    }

    /**
     * A copy with numeric fields replaced, read and validated again as a new scenario (what a
     * calibration or a frontier sweep evaluates). Values are written at full precision. The
     * grid, if any, is kept and applied to the new values.
     *
     * @param values JSON pointer (as for {@link #value}) to the new value
     * @return the new scenario, with this one's source and name
     * @throws IllegalArgumentException when a pointer addresses no numeric field or a value is
     *     not finite
     * @throws ScenarioException when the new values make the scenario invalid
     */
    public Scenario withValues(Map<String, Double> values) {
        ObjectNode t = tree.deepCopy();
        values.forEach((pointer, v) -> {
            value(pointer);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("'" + pointer + "': value must be finite, got " + v);
            }
            set(t, pointer, v);
        });
        return of(source, name, t);
    }

    private static void set(ObjectNode tree, String pointer, double value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? tree : tree.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        ContainerNode<?> container = (ContainerNode<?>) parent;
        if (container instanceof ObjectNode o) {
            o.set(last, DoubleNode.valueOf(value));
        } else {
            ((ArrayNode) container).set(Integer.parseInt(last), DoubleNode.valueOf(value));
        }
    }

    /** @return the scenario's description, "" when it has none */
    public String description() {
        return tree.path("description").asText("");
    }

    /** @return the scenario name */
    public String name() {
        return name;
    }

    /** @return the file name or built-in name the scenario was read from */
    public String source() {
        return source;
    }

    /** @return the master seed */
    public long seed() {
        return seed;
    }

    /** @return the number of replications per condition */
    public int replications() {
        return replications;
    }

    /**
     * @param newSeed the master seed
     * @return a copy with another master seed
     */
    public Scenario withSeed(long newSeed) {
        ObjectNode t = tree.deepCopy();
        t.put("seed", newSeed);
        return new Scenario(source, name, t, newSeed, replications, grid, conditions);
    }

    /**
     * @param newReplications replications per condition (at least 1)
     * @return a copy with another number of replications
     * @throws IllegalArgumentException when not positive
     */
    public Scenario withReplications(int newReplications) {
        if (newReplications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + newReplications);
        }
        ObjectNode t = tree.deepCopy();
        t.put("replications", newReplications);
        return new Scenario(source, name, t, seed, newReplications, grid, conditions);
    }

    /** @return the analyses (the same for every condition unless the grid addresses /analyses) */
    public AnalysisSettings analyses() {
        return conditions.get(0).analyses();
    }

    /** @return the names of the categorical moderators, in scenario order */
    public List<String> moderatorNames() {
        return conditions.get(0).design().moderators().stream().map(Moderator::name).toList();
    }

    /** @return the grid's factors in grid order (empty without grid) */
    public List<GridFactor> grid() {
        return grid;
    }

    /** @return the grid conditions in grid order (last factor fastest) */
    public List<Condition> conditions() {
        return conditions;
    }

    /**
     * @return the scenario as loaded (with any seed or replications override), pretty-printed,
     *     keys in the file's order
     */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + conditions.size() + " conditions]";
    }

}
