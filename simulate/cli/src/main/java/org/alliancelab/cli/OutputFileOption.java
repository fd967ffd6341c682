package org.alliancelab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** Further files of the result (e.g. a plot), written with it, all or none. */
    private final Map<Path, byte[]> alongside = new LinkedHashMap<>();

    /** @return the output file, or null for standard output */
    public Path file() {
        return out;
    }

    /**
     * Refuses, before anything is read, an output file that is the input file (also under
     * another name or through a link), and an extra output (a plot) that is the input.
     *
     * @param input the command's input file
     * @param others the command's other output files (null entries are ignored)
     * @throws org.alliancelab.cli.io.OutputException when an output is the input
     */
    public void checkNotInput(Path input, Path... others) {
        AtomicOutput.checkNotInput(out, input);
        for (Path o : others) {
            AtomicOutput.checkNotInput(o, input);
        }
    }

    /**
     * Adds a file to be written with the result by {@link #emit}, all or none.
     *
     * @param file the file
     * @param content its content
     */
    public void alsoWrite(Path file, byte[] content) {
        alongside.put(file, content);
    }

    /**
     * Emits a finished result, with the files given to {@link #alsoWrite}: all files are
     * written or none. Call only once everything is computed, so that a failing command writes
     * nothing.
     *
     * @param spec the command, whose standard output is used when there is no {@code --out}
     * @param text the complete result
     * @throws org.alliancelab.cli.io.OutputException when the file cannot be written
     */
    public void emit(CommandSpec spec, String text) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (out != null) {
            files.put(out, text.getBytes(StandardCharsets.UTF_8));
        }
        files.putAll(alongside);
        if (!files.isEmpty()) {
            AtomicOutput.writeAll(files);
        }
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        }
    }
}
