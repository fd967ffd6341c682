package org.alliancelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.alliancelab.cli.io.AtomicOutput;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --out FILE} option shared by commands: the result goes to the file, written
 * atomically (never half-written, never touched when the command fails), or to standard output
 * when the option is absent. Use as a picocli {@code @Mixin}.
 */
public final class OutputFileOption {

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
        description = "Write the result to FILE (atomically: a temporary file in the same directory, then a rename) "
            + "instead of standard output.")
    private Path out;

    /** @return the output file, or null for standard output */
    public Path file() {
        return out;
    }

    /**
     * Emits a finished result. Call only once everything is computed, so that a failing command
     * writes nothing.
     *
     * @param spec the command, whose standard output is used when there is no {@code --out}
     * @param text the complete result
     * @throws org.alliancelab.cli.io.OutputException when the file cannot be written
     */
    public void emit(CommandSpec spec, String text) {
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            AtomicOutput.write(out, text);
        }
    }
}
