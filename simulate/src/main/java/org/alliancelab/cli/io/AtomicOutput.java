package org.alliancelab.cli.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file so that readers never see a half-written one: the content goes to a
 * temporary file in the same directory, which then replaces the target by an atomic rename
 * (a plain replacing move where the file system has no atomic rename). On any failure the
 * temporary file is deleted and the target is left as it was.
 */
public final class AtomicOutput {

    /** Writes content to a {@link Writer}; may throw I/O errors. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write (UTF-8, buffered; closed by the caller)
         * @throws IOException when writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicOutput() {
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
    public static void write(Path file, Content content) {
        String name = file.toString();
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw OutputException.of(name, "is a directory", null);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw OutputException.of(name, "cannot write: directory " + (dir == null ? "?" : file.getParent())
                + " does not exist", null);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw OutputException.of(name, "cannot write: permission denied", e);
        } catch (NoSuchFileException e) {
            throw OutputException.of(name, "cannot write: no such directory", e);
        } catch (IOException e) {
            throw OutputException.of(name, "cannot write: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw OutputException.of(name, "cannot write: " + e.getCause().getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more than a leftover temporary file
                }
            }
        }
    }
}
