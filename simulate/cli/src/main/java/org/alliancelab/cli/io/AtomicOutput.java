package org.alliancelab.cli.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.alliancelab.io.AtomicFiles;

/**
 * The command line's output files: written by {@link AtomicFiles} (never half-written, the
 * permissions of the replaced file or rw-r--r--), with every failure turned into an
 * {@link OutputException} whose message is the one line the command prints.
 */
public final class AtomicOutput {

    private AtomicOutput() {
    }

    /**
     * Checks what can be checked before any work is done: the file is not a directory and its
     * directory exists. Commands call this before computing, so that a typo in a path does not
     * cost a long computation.
     *
     * @param file the target file, as the user named it
     * @throws OutputException when the file is a directory or its directory does not exist
     */
    public static void checkTarget(Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw OutputException.of(file.toString(), "is a directory", null);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw OutputException.of(file.toString(), "cannot write: directory "
                + (file.getParent() == null ? dir : file.getParent()) + " does not exist", null);
        }
    }

    /**
     * @param file the target file
     * @param text its new content (UTF-8)
     * @throws OutputException when the file cannot be written
     */
    public static void write(Path file, String text) {
        write(file, out -> out.write(text));
    }

    /**
     * @param file the target file
     * @param content writes the new content (UTF-8); streaming, for large outputs
     * @throws OutputException when the file cannot be written
     */
    public static void write(Path file, AtomicFiles.Content content) {
        checkTarget(file);
        try {
            AtomicFiles.write(file, content);
        } catch (IOException | UncheckedIOException e) {
            throw failed(file, e);
        }
    }

    /**
     * @param file the target file
     * @param content its new content
     * @throws OutputException when the file cannot be written
     */
    public static void write(Path file, byte[] content) {
        checkTarget(file);
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    /**
     * Writes several files all or none ({@link AtomicFiles#writeAll}).
     *
     * @param files targets and their content
     * @throws OutputException naming the first file that cannot be written; then none is
     */
    public static void writeAll(java.util.Map<Path, byte[]> files) {
        for (Path f : files.keySet()) {
            checkTarget(f);
        }
        try {
            AtomicFiles.writeAll(files);
        } catch (IOException e) {
            Path named = files.keySet().stream().filter(f -> e.getMessage() != null
                && e.getMessage().startsWith(f.toString())).findFirst().orElse(files.keySet().iterator().next());
            throw failed(named, e);
        }
    }

    /**
     * Refuses an output that is an input (the same file by another name or through a link
     * too), before anything is read.
     *
     * @param output an output file, or null
     * @param input an input file
     * @throws OutputException when they are the same file
     */
    public static void checkNotInput(Path output, Path input) {
        if (output != null && input != null && sameFile(output, input)) {
            throw OutputException.of(output.toString(), "is the input file " + input
                + ": writing it would destroy the input; choose another output file", null);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * A write error in words that name the target, never the temporary file it was written to.
     *
     * @param file the target file
     * @param e the error writing it
     * @return the exception to report
     */
    public static OutputException failed(Path file, Exception e) {
        String name = file.toString();
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof AccessDeniedException) {
            return OutputException.of(name, "cannot write: permission denied", e);
        }
        if (cause instanceof NoSuchFileException) {
            return OutputException.of(name, "cannot write: no such directory", e);
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        // AtomicFiles names the file itself; do not name it twice
        if (message.startsWith(name + ": ")) {
            message = message.substring(name.length() + 2);
        }
        return OutputException.of(name, "cannot write: " + message, e);
    }
}
