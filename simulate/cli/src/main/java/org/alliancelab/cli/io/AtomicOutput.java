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

    private static OutputException failed(Path file, Exception e) {
        String name = file.toString();
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof AccessDeniedException) {
            return OutputException.of(name, "cannot write: permission denied", e);
        }
        if (cause instanceof NoSuchFileException) {
            return OutputException.of(name, "cannot write: no such directory", e);
        }
        return OutputException.of(name, "cannot write: " + cause.getMessage(), e);
    }
}
