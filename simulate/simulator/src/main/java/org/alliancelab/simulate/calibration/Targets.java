package org.alliancelab.simulate.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.JsonObject;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;

/**
 * The published figures a calibration must reproduce, read from a targets file:
 *
 * <pre>
 * {"description": "...",
 *  "targets": [
 *    {"name": "pooled r", "estimand": "unadjusted", "value": 0.28, "tolerance": 0.005},
 *    {"name": "late", "estimand": "unadjusted", "moderator": "timing", "level": "late",
 *     "value": 0.30, "tolerance": 0.005},
 *    {"name": "adjusted", "estimand": "adjusted", "studies": "reporting", "value": 0.22,
 *     "tolerance": 0.005, "weight": 1},
 *    {"name": "reporting studies", "estimand": "reporting_studies", "value": 66, "tolerance": 0.5}]}
 * </pre>
 *
 * Fields of a target ({@link Target}): {@code estimand}, {@code value} and {@code tolerance}
 * required; {@code name} (default: the estimand and studies), {@code studies} ({@code all},
 * default, or {@code reporting}), {@code moderator} with {@code level}, {@code weight}
 * (default 1) optional. Every error is one line naming the file and the JSON pointer
 * ({@link ScenarioException}). Immutable.
 */
public final class Targets {
    private final String source;
    private final String description;
    private final List<Target> targets;

    private Targets(String source, String description, List<Target> targets) {
        this.source = source;
        this.description = description;
        this.targets = List.copyOf(targets);
    }

    /**
     * @param source name for messages
     * @param description free text
     * @param targets at least one target, names unique
     * @return the targets
     * @throws IllegalArgumentException for no target or a repeated name
     */
    public static Targets of(String source, String description, List<Target> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets");
        }
        Set<String> names = new HashSet<>();
        for (Target t : targets) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("target name '" + t.name() + "' is used twice");
            }
        }
        return new Targets(source, description, targets);
    }

    /**
     * Reads a targets file (UTF-8, a byte-order mark accepted; read as strictly as a scenario).
     *
     * @param file the file
     * @return the targets
     * @throws ScenarioException naming the file and the JSON pointer of what is wrong
     */
    public static Targets load(Path file) {
        return parse(Scenario.readText(file, "targets"), file.toString());
    }

    /**
     * @param json the text of a targets file
     * @param source name for messages
     * @return the targets
     * @throws ScenarioException naming the source and the JSON pointer of what is wrong
     */
    public static Targets parse(String json, String source) {
        JsonNode root = Scenario.readTree(json, source);
        JsonObject top = JsonObject.of(source, "", root);
        top.allowOnly("description", "targets");
        String description = top.optionalString("description").orElse("");
        List<JsonObject> items = top.objects("targets");
        if (items.isEmpty()) {
            throw top.error("targets", "no targets");
        }
        List<Target> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonObject t : items) {
            t.allowOnly("name", "estimand", "studies", "moderator", "level", "value", "tolerance", "weight");
            if (!t.has("estimand")) {
                t.string("estimand");
            }
            String estimand = t.parsed("estimand", Targets::estimand, null);
            StudySet studies = t.parsed("studies", StudySet::ofKey, StudySet.ALL);
            String moderator = t.optionalString("moderator").orElse(null);
            String level = t.optionalString("level").orElse(null);
            double value = t.number("value");
            double tolerance = positive(t, "tolerance", t.number("tolerance"));
            double weight = positive(t, "weight", t.number("weight", 1));
            String name;
            try {
                Target unnamed = new Target("", estimand, studies, moderator, level, value, tolerance, weight);
                name = t.optionalString("name").orElse(unnamed.describe());
                targets.add(new Target(name, estimand, studies, moderator, level, value, tolerance, weight));
            } catch (IllegalArgumentException e) {
                throw t.error(null, e.getMessage());
            }
            if (!names.add(name)) {
                throw t.error("name", "target name '" + name + "' is used twice");
            }
        }
        return new Targets(source, description, targets);
    }

    private static String estimand(String key) {
        if (!Target.REPORTING_STUDIES.equals(key)) {
            try {
                Estimand.ofKey(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown estimand '" + key + "' (known: unadjusted, adjusted, "
                    + "adjusted_latent, causal, total_effect, direct_effect, difference, " + Target.REPORTING_STUDIES
                    + ")");
            }
        }
        return key;
    }

    private static double positive(JsonObject t, String key, double v) {
        if (!(v > 0)) {
            throw t.error(key, "must be positive, got " + v);
        }
        return v;
    }

    /**
     * Checks that every target can be evaluated on a template's scenario.
     *
     * @param scenario a scenario of one condition
     * @throws ScenarioException naming this file's pointer of the first target that cannot be
     *     evaluated
     */
    public void check(Scenario scenario) {
        Condition c = scenario.conditions().get(0);
        for (int i = 0; i < targets.size(); i++) {
            try {
                targets.get(i).of(c);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(source, "/targets/" + i, e.getMessage() + " in scenario '"
                    + scenario.name() + "'");
            }
        }
    }

    /** @return the file or name the targets were read from */
    public String source() {
        return source;
    }

    /** @return the file's description, "" when it has none */
    public String description() {
        return description;
    }

    /** @return the targets in file order */
    public List<Target> targets() {
        return targets;
    }
}
