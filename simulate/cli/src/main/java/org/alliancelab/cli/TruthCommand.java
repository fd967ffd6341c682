package org.alliancelab.cli;

import java.util.concurrent.Callable;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab truth}: the exact population values of a scenario's estimands, per grid
 * condition and per moderator level that changes the model, computed by covariance algebra
 * (no simulation). A scenario error prints its one line ({@code FILE: /json/pointer: problem})
 * on standard error and exits with code 2.
 */
@Command(name = "truth",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Print the exact population values of a scenario's estimands (no simulation).",
        "",
        "Per grid condition: unadjusted, adjusted, adjusted_latent and causal correlations and the standardized "
            + "total and direct effects; averaged over moderator levels (Fisher z scale), among the studies that "
            + "report an adjusted estimate, and per moderator level that changes paths or reliabilities."})
public final class TruthCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-s", "--scenario"}, required = true, paramLabel = "NAME|FILE",
        description = "Built-in scenario name or scenario JSON file.")
    private String scenario;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = "--digits", defaultValue = "4", paramLabel = "N",
        description = "Decimals in the text table, 1 to 12 (default: ${DEFAULT-VALUE}).")
    private int digits;

    @Mixin
    private OutputFileOption output;

    @Override
    public Integer call() {
        if (digits < 1 || digits > 12) {
            throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--digits': must be between 1 and 12, got " + digits);
        }
        Scenario s;
        try {
            s = Scenario.resolve(scenario);
        } catch (ScenarioException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return AllianceLab.EXIT_USER_ERROR;
        }
        TruthReport report = TruthReport.of(s);
        output.emit(spec, format == OutputFormat.JSON ? report.json() : report.text(digits));
        return AllianceLab.EXIT_OK;
    }
}
