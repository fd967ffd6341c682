package org.alliancelab.simulate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One factor of a scenario's grid: a list of levels and the numeric fields each level sets.
 * Field {@code i} ({@code paths.get(i)}, a JSON pointer into the scenario) is set to
 * {@code scale.get(i) * level}, so one factor can move several fields together ("confounder
 * strength" as both confounder paths) or tie them in a fixed ratio.
 *
 * <p>The factor's {@link #column()} heads its column in {@code summary.csv},
 * {@code replications.csv} and {@code studies.csv}, keys it in {@code summary.json} and
 * {@link Condition#factors()}, and labels the conditions in {@code compare} and the report:
 * the factor's {@code name} when it has one (an R-safe identifier), otherwise its one pointer,
 * as before names existed. A factor that sets several fields or scales its level must be named,
 * since no pointer describes it.
 *
 * @param column the factor's name, or its pointer when unnamed
 * @param named whether the file gave a {@code name}
 * @param paths the JSON pointers of the fields the factor sets, at least one, none twice
 * @param scale per field, the multiplier of the level (1 unless the file says otherwise)
 * @param levels the levels, at least one
 */
public record GridFactor(String column, boolean named, List<String> paths, List<Double> scale, List<Double> levels) {

    /** An R-safe name: {@code read.csv} keeps it as it is. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** R's reserved words, which {@code make.names} (and so {@code read.csv}) changes by appending a dot. */
    private static final Set<String> R_RESERVED = Set.of("if", "else", "repeat", "while", "function", "for", "in",
        "next", "break", "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_",
        "NA_complex_");

    /**
     * The fixed columns of the files that carry a column per factor ({@code summary.csv},
     * {@code replications.csv}, {@code studies.csv}): a factor of one of these names would
     * duplicate a header.
     */
    static final Set<String> FIXED_COLUMNS = Set.of("condition", "replication", "failures", "analysis", "measure",
        "estimand", "value", "mcse", "replications", "study", "n", "covariates", "r", "yi", "vi", "partial_r",
        "yi_adjusted", "vi_adjusted", "reports_adjusted", "published");

    /**
     * Defensive copies.
     *
     * @param column the factor's name, or its pointer when unnamed
     * @param named whether the file gave a {@code name}
     * @param paths the JSON pointers of the fields the factor sets
     * @param scale per field, the multiplier of the level
     * @param levels the levels
     */
    public GridFactor {
        paths = List.copyOf(paths);
        scale = List.copyOf(scale);
        levels = List.copyOf(levels);
    }

    /**
     * @param path index into {@link #paths()}
     * @param level a level
     * @return the value field {@code path} takes at {@code level}: {@code scale[path] * level}
     */
    public double value(int path, double level) {
        return scale.get(path) * level;
    }

    /**
     * Reads and checks the grid: each factor's keys, name, pointers, scale and levels, and
     * across factors that no name and no pointer occurs twice.
     *
     * @param grid the {@code grid} array's objects
     * @param base the scenario without its grid (the pointers must address numeric fields of it)
     * @return the factors in grid order
     * @throws ScenarioException naming the offending field's pointer
     */
    static List<GridFactor> readAll(List<JsonObject> grid, ObjectNode base) {
        List<GridFactor> factors = new ArrayList<>();
        Map<String, Integer> pointerOwner = new LinkedHashMap<>();
        Map<String, Integer> nameOwner = new LinkedHashMap<>();
        for (int f = 0; f < grid.size(); f++) {
            JsonObject factor = grid.get(f);
            GridFactor read = read(factor, base);
            for (int p = 0; p < read.paths.size(); p++) {
                String path = read.paths.get(p);
                Integer owner = pointerOwner.putIfAbsent(path, f);
                if (owner != null) {
                    String key = factor.has("path") ? "path" : "paths";
                    String where = key.equals("path") ? factor.pointer(key) : factor.pointer(key) + "/" + p;
                    throw new ScenarioException(factor.source(), where, "the grid addresses '" + path
                        + "' twice" + (owner == f ? "" : " (grid factor " + owner + " sets it too)"));
                }
            }
            if (read.named) {
                Integer owner = nameOwner.putIfAbsent(read.column, f);
                if (owner != null) {
                    throw factor.error("name", "grid factor " + owner + " is named '" + read.column + "' too");
                }
            }
            factors.add(read);
        }
        return factors;
    }

    private static GridFactor read(JsonObject factor, ObjectNode base) {
        factor.allowOnly("name", "path", "paths", "scale", "levels");
        String source = factor.source();
        if (factor.has("path") && factor.has("paths")) {
            throw factor.error("paths", "give 'path' (one field) or 'paths' (several), not both");
        }
        if (!factor.has("path") && !factor.has("paths")) {
            throw factor.error(null, "a grid factor needs 'path' (one field) or 'paths' (several)");
        }
        List<String> paths = new ArrayList<>();
        if (factor.has("path")) {
            String path = factor.string("path");
            checkPath(source, factor.pointer("path"), path, base);
            paths.add(path);
        } else {
            List<JsonNode> raw = factor.array("paths");
            if (raw.isEmpty()) {
                throw factor.error("paths", "no paths");
            }
            paths.addAll(factor.strings("paths"));
            for (int p = 0; p < paths.size(); p++) {
                checkPath(source, factor.pointer("paths") + "/" + p, paths.get(p), base);
            }
        }
        List<Double> scale = new ArrayList<>();
        if (factor.has("scale")) {
            double[] s = factor.numbers("scale");
            if (s.length != paths.size()) {
                throw factor.error("scale", "has " + s.length + (s.length == 1 ? " number" : " numbers") + " for "
                    + paths.size() + (paths.size() == 1 ? " path" : " paths") + " (one multiplier per path)");
            }
            for (int i = 0; i < s.length; i++) {
                if (s[i] == 0) {
                    throw new ScenarioException(source, factor.pointer("scale") + "/" + i,
                        "a scale of 0 does not tie '" + paths.get(i) + "' to the factor (leave the path out)");
                }
                scale.add(s[i]);
            }
        } else {
            paths.forEach(p -> scale.add(1.0));
        }
        List<JsonNode> raw = factor.array("levels");
        if (raw.isEmpty()) {
            throw factor.error("levels", "no levels");
        }
        double[] values = factor.numbers("levels");
        List<Double> levels = new ArrayList<>();
        for (int l = 0; l < values.length; l++) {
            for (int i = 0; i < scale.size(); i++) {
                if (!Double.isFinite(scale.get(i) * values[l])) {
                    throw new ScenarioException(source, factor.pointer("levels") + "/" + l, "scale " + scale.get(i)
                        + " times level " + values[l] + " for '" + paths.get(i) + "' is not a finite number");
                }
            }
            levels.add(values[l]);
        }
        boolean plain = paths.size() == 1 && scale.get(0) == 1.0;
        if (!factor.has("name")) {
            if (!plain) {
                throw factor.error(null, "a grid factor that sets several fields or scales its level needs a 'name' "
                    + "(its column header)");
            }
            return new GridFactor(paths.get(0), false, paths, scale, levels);
        }
        String name = factor.string("name");
        checkName(factor, name);
        return new GridFactor(name, true, paths, scale, levels);
    }

    private static void checkName(JsonObject factor, String name) {
        if (!NAME.matcher(name).matches()) {
            throw factor.error("name", "a factor name is a letter followed by letters, digits or underscores (so that "
                + "R's read.csv keeps it), got '" + name + "'");
        }
        if (R_RESERVED.contains(name)) {
            throw factor.error("name", "'" + name + "' is a reserved word of R (read.csv would rename the column)");
        }
        if (FIXED_COLUMNS.contains(name)) {
            throw factor.error("name", "'" + name + "' is the name of a fixed column of the output files");
        }
    }

    /**
     * Refuses a factor name equal to another column of {@code studies.csv}: a moderator's
     * name or a coefficient column {@code beta_<from>_<to>}.
     *
     * @param grid the grid's objects (for the pointers)
     * @param factors the factors read from them
     * @param first the first condition (its moderators and paths name those columns)
     */
    static void checkAgainstStudyColumns(List<JsonObject> grid, List<GridFactor> factors, Condition first) {
        List<String> taken = new ArrayList<>();
        first.design().moderators().forEach(m -> taken.add(m.name()));
        first.model().paths().forEach(p -> taken.add("beta_" + p.from() + "_" + p.to()));
        for (int f = 0; f < factors.size(); f++) {
            if (factors.get(f).named && taken.contains(factors.get(f).column)) {
                throw grid.get(f).error("name", "'" + factors.get(f).column + "' is the name of a column of studies.csv "
                    + "(a moderator or a path's coefficient)");
            }
        }
    }

    private static void checkPath(String source, String where, String path, ObjectNode base) {
        String problem = Scenario.numericFieldProblem(path, base);
        if (problem != null) {
            throw new ScenarioException(source, where, problem.startsWith("must be") ? "grid path " + problem : problem);
        }
    }
}
