package org.alliancelab.cli;

import java.nio.file.Path;
import org.alliancelab.simulate.calibration.CalibrationTemplate;
import org.alliancelab.simulate.calibration.Targets;
import picocli.CommandLine.Option;

/**
 * The {@code --scenario TEMPLATE --targets TARGETS} options of {@code calibrate} and
 * {@code frontier}. Use as a picocli {@code @Mixin}.
 */
public final class CalibrationInputs {

    @Option(names = {"-s", "--scenario"}, required = true, paramLabel = "TEMPLATE",
        description = "The template: a scenario JSON file with a \"free\" list (docs/calibration.md).")
    private Path template;

    @Option(names = {"-t", "--targets"}, required = true, paramLabel = "TARGETS",
        description = "The published figures: a targets JSON file.")
    private Path targets;

    /** @return the template file */
    public Path templateFile() {
        return template;
    }

    /** @return the targets file */
    public Path targetsFile() {
        return targets;
    }

    /**
     * @return the template
     * @throws org.alliancelab.simulate.scenario.ScenarioException when it is invalid
     */
    public CalibrationTemplate template() {
        return CalibrationTemplate.load(template);
    }

    /**
     * @return the targets
     * @throws org.alliancelab.simulate.scenario.ScenarioException when they are invalid
     */
    public Targets targets() {
        return Targets.load(targets);
    }
}
