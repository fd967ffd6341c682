package org.alliancelab.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --format text|json} and {@code --digits N}, as {@code pool} has them. Use as a
 * picocli {@code @Mixin}.
 */
public final class FormatOptions {

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = "--digits", defaultValue = "4", paramLabel = "N",
        description = "Decimals in the text summary, 1 to 12 (default: ${DEFAULT-VALUE}).")
    private int digits;

    /**
     * @param spec the command, for the error message
     * @throws ParameterException when the digits are outside 1..12
     */
    void validate(CommandSpec spec) {
        if (digits < 1 || digits > 12) {
            throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--digits': must be between 1 and 12, got " + digits);
        }
    }

    /** @return the decimals of the text summary, also used in a plot's printed figures */
    int digits() {
        return digits;
    }

    /**
     * @param report a finished result
     * @return its JSON or its text summary
     */
    String render(Report report) {
        return format == OutputFormat.JSON ? report.json() : report.text(digits);
    }
}
