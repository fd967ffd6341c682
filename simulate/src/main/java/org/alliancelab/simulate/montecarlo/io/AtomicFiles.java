package org.alliancelab.simulate.montecarlo.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader (or a crash) never sees it half-written: the text goes to a
 * temporary file in the same directory, is forced to disk, and is then renamed over the target
 * in one atomic step. Temporary names end in {@value #TEMP_SUFFIX}; leftovers from a killed
 * process can be deleted with {@link #deleteTemporaries(Path)}.
 */
public final class AtomicFiles {
    /** Suffix of temporary files. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes text into a writer; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the UTF-8 writer of the temporary file
         * @throws IOException on a write error
         */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes the content to {@code target} atomically (UTF-8).
     *
     * @param target the final file
     * @param content what to write
     * @throws IOException when writing or the rename fails (the temporary file is removed and
     *     the target is left as it was)
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only (0600) on POSIX; output files
        // should get the user's default permissions like any other file they create.
        Path tmp = null;
        FileChannel channel = null;
        while (channel == null) {
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                channel = null;
            }
        }
        try {
            try (FileChannel ch = channel) {
                OutputStream os = Channels.newOutputStream(ch);
                Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                content.writeTo(w);
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes a string to {@code target} atomically (UTF-8).
     *
     * @param target the final file
     * @param text the whole content
     * @throws IOException when writing fails
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /**
     * Deletes temporary files this class left in a directory (after a kill).
     *
     * @param dir a directory; nothing happens when it does not exist
     * @throws IOException when listing or deleting fails
     */
    public static void deleteTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
