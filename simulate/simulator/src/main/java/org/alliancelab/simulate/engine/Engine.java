package org.alliancelab.simulate.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;

/**
 * How a study's data are drawn. Each engine says which conditions it can represent
 * ({@link #unsupported(Condition)}, a reason rather than an exception) and builds the per-thread
 * {@link StudySimulator}; {@link #defaultFor(Scenario)} chooses one. A new engine is a constant
 * here with its two methods and one {@link StudyDraw} class beside {@link WishartDraw}.
 */
public enum Engine {
    /** Draws every patient: needed for dropout and any non-Gaussian feature. */
    PATIENT {
        @Override
        public Optional<Unsupported> unsupported(Condition condition) {
            if (condition.design().dropout().isPresent() && binaryInstrument(condition)) {
                return Optional.of(new Unsupported("/design/dropout",
                    "dropout with a binary randomized node is not implemented (randomize a normal node)"));
            }
            return panelOnly(condition);
        }

        @Override
        StudyDraw newDraw(Condition condition, int analysisVariables, int nodes) {
            if (binaryInstrument(condition)) {
                return new BinaryInstrumentDraw(analysisVariables);
            }
            return condition.design().dropout()
                .<StudyDraw>map(d -> new DropoutDraw(d, nodes, analysisVariables))
                .orElseGet(() -> new PatientDraw(analysisVariables));
        }
    },
    /**
     * Draws the observed sample covariance matrix directly from its Wishart distribution
     * (Bartlett decomposition): the cost of a study does not depend on its size. A binary
     * randomized node enters as a normal variable with its covariances (standardized, variance
     * p(1 - p) on the 0/1 scale): its sampling distribution is approximated by the normal one.
     */
    SUFFICIENT {
        @Override
        public Optional<Unsupported> unsupported(Condition condition) {
            if (condition.design().dropout().isPresent()) {
                return Optional.of(new Unsupported("/design/dropout",
                    "the sufficient-statistics engine cannot represent dropout (use the patient engine)"));
            }
            return panelOnly(condition);
        }

        @Override
        StudyDraw newDraw(Condition condition, int analysisVariables, int nodes) {
            return new WishartDraw(analysisVariables);
        }
    },
    /**
     * Draws every patient's sessions of a session-by-session design ({@code design.sessions}):
     * the random-intercept cross-lagged panel model ({@link PanelDraw}).
     */
    PANEL {
        @Override
        public Optional<Unsupported> unsupported(Condition condition) {
            if (condition.design().sessions().isEmpty()) {
                return Optional.of(new Unsupported("/design",
                    "the panel engine draws session-by-session designs: the scenario has no design.sessions"));
            }
            return Optional.empty();
        }

        @Override
        StudyDraw newDraw(Condition condition, int analysisVariables, int nodes) {
            return new PanelDraw(condition.design().sessions().get());
        }
    };

    /** The cross-sectional engines cannot draw a session-by-session design. */
    private static Optional<Unsupported> panelOnly(Condition condition) {
        if (condition.design().sessions().isPresent()) {
            return Optional.of(new Unsupported("/design/sessions",
                "a session-by-session design needs the panel engine (--engine panel)"));
        }
        return Optional.empty();
    }

    private static boolean binaryInstrument(Condition condition) {
        int z = condition.model().instrument();
        return z >= 0 && condition.model().nodes().get(z).randomization().isBinary();
    }

    /** The engines in the order the default is chosen: the cheapest that can represent the scenario. */
    private static final List<Engine> PREFERENCE = List.of(SUFFICIENT, PATIENT, PANEL);

    /**
     * Why an engine cannot represent a condition.
     *
     * @param pointer JSON pointer of the scenario field at fault
     * @param reason one line, e.g. what to use instead
     */
    public record Unsupported(String pointer, String reason) {
    }

    /**
     * @param condition a condition
     * @return why this engine cannot represent it, or empty when it can
     */
    public abstract Optional<Unsupported> unsupported(Condition condition);

    /**
     * @param condition a condition this engine supports
     * @param analysisVariables number of analysis variables (exposure, outcome, covariates)
     * @param nodes number of nodes of the structural model
     * @return this engine's draw of a study, for one thread
     */
    abstract StudyDraw newDraw(Condition condition, int analysisVariables, int nodes);

    /**
     * @param scenario a scenario
     * @return the first condition this engine cannot represent, with why, or empty when it can
     *     represent them all
     */
    public Optional<Unsupported> unsupported(Scenario scenario) {
        for (Condition c : scenario.conditions()) {
            Optional<Unsupported> u = unsupported(c);
            if (u.isPresent()) {
                return u;
            }
        }
        return Optional.empty();
    }

    /**
     * @param condition the condition to simulate
     * @return a simulator of that condition for one thread
     * @throws ScenarioException when this engine cannot represent the condition (naming the
     *     scenario field and why)
     */
    public StudySimulator simulator(Condition condition) {
        Optional<Unsupported> u = unsupported(condition);
        if (u.isPresent()) {
            throw new ScenarioException(condition.source(), u.get().pointer(), u.get().reason());
        }
        return StudySimulator.of(condition, this);
    }

    /** @return the name in the output files and on the command line, e.g. {@code sufficient} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a name as {@link #key()} gives it (any case)
     * @return the engine
     * @throws IllegalArgumentException when no engine has that name
     */
    public static Engine ofKey(String key) {
        for (Engine e : values()) {
            if (e.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("--engine must be patient, sufficient or panel, got '" + key + "'");
    }

    /**
     * The default engine: {@link #SUFFICIENT} (cost independent of sample size) when it can
     * represent every condition, else {@link #PATIENT}; {@link #PANEL} for a session-by-session
     * design.
     *
     * @param scenario the scenario
     * @return the engine to use when none is requested
     */
    public static Engine defaultFor(Scenario scenario) {
        for (Engine e : PREFERENCE) {
            if (e.unsupported(scenario).isEmpty()) {
                return e;
            }
        }
        return PATIENT;
    }
}
