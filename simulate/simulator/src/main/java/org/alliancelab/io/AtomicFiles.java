package org.alliancelab.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a reader (or a crash) never sees it half-written: the content goes to a
 * temporary file in the target's directory, is forced to disk (unless
 * {@link Durability#PROCESS_CRASH_SAFE} is asked for), gets the permissions of the file
 * it replaces (or {@code rw-r--r--} for a new file), and is then renamed over the target in one
 * atomic step (a plain replacing move where the file system has no atomic rename). On any
 * failure the temporary file is deleted and the target is left as it was.
 *
 * <p>A target that is a symbolic link is written through: the file the link points to is
 * replaced, the link stays. A target that exists but is not a regular file (a device such as
 * {@code /dev/null}, a FIFO) is written to as a stream, never replaced.
 *
 * <p>The target's directory must exist: creating directories is the caller's decision.
 * Temporary names are {@code .NAME...}{@value #TEMP_SUFFIX}; leftovers of a killed process can
 * be removed with {@link #deleteTemporaries(Path)}.
 */
public final class AtomicFiles {

    /** Suffix of temporary files. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** Permissions of a new file: output is meant to be shared, not owner-only. */
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {
    }

    /** How far a write must have gone before the rename. */
    public enum Durability {
        /**
         * The content is forced to the storage device first: the file survives a power cut or
         * an operating-system crash. For results.
         */
        SYNCED,
        /**
         * The content is left to the operating system's cache: the file survives the writing
         * process being killed (the rename is still atomic), not an operating-system crash.
         * For scratch such as checkpoints, where an fsync per file would dominate the cost.
         */
        PROCESS_CRASH_SAFE
    }

    /** Writes text into a writer; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the buffered UTF-8 writer of the temporary file (flushed and closed by
         *     {@link AtomicFiles})
         * @throws IOException on a write error
         */
        void writeTo(Writer out) throws IOException;
    }

    /** Writes bytes into a stream. */
    @FunctionalInterface
    private interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes streamed text to {@code target} atomically (UTF-8).
     *
     * @param target the file to create or replace
     * @param content writes the new content
     * @throws IOException when the directory is missing or not writable, the target is a
     *     directory, or writing fails; the target is then untouched
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, Durability.SYNCED);
    }

    /**
     * Writes streamed text to {@code target} atomically (UTF-8), as durable as asked.
     *
     * @param target the file to create or replace
     * @param content writes the new content
     * @param durability whether to force the content to the device before the rename
     * @throws IOException as {@link #write(Path, Content)}
     */
    public static void write(Path target, Content content, Durability durability) throws IOException {
        writeBytes(target, durability, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), BUFFER);
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * Writes streamed text to {@code target} atomically (UTF-8), gzip-compressed.
     *
     * @param target the file to create or replace (by convention named {@code *.gz})
     * @param content writes the new (uncompressed) content
     * @throws IOException as {@link #write(Path, Content)}
     */
    public static void writeGzip(Path target, Content content) throws IOException {
        writeBytes(target, Durability.SYNCED, os -> {
            java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(os, BUFFER);
            Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), BUFFER);
            content.writeTo(w);
            w.flush();
            gz.finish();
        });
    }

    /**
     * Writes a string to {@code target} atomically (UTF-8).
     *
     * @param target the file to create or replace
     * @param text its whole content
     * @throws IOException as {@link #write(Path, Content)}
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /**
     * Writes bytes to {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param content its whole content
     * @throws IOException as {@link #write(Path, Content)}
     */
    public static void write(Path target, byte[] content) throws IOException {
        writeBytes(target, Durability.SYNCED, os -> os.write(content));
    }

    /**
     * Writes bytes to {@code target} atomically, as durable as asked.
     *
     * @param target the file to create or replace
     * @param content its whole content
     * @param durability whether to force the content to the device before the rename
     * @throws IOException as {@link #write(Path, Content)}
     */
    public static void write(Path target, byte[] content, Durability durability) throws IOException {
        writeBytes(target, durability, os -> os.write(content));
    }

    private static void writeBytes(Path target, Durability durability, Bytes content) throws IOException {
        if (Files.isDirectory(target)) {
            // a move would replace an empty directory
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // a device, FIFO or socket: replacing it would destroy it, so write to it as a stream
            try (OutputStream os = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                content.writeTo(os);
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException(target + ": " + e.getMessage(), e);
            }
            return;
        }
        Path absolute = linkTarget(target.toAbsolutePath());
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream os = Channels.newOutputStream(channel);
                content.writeTo(os);
                os.flush();
                if (durability == Durability.SYNCED) {
                    channel.force(true);
                }
            }
            sharePermissions(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // e.g. "No space left on device", which names no file
            throw new IOException(target + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The file a path names after following symbolic links (also dangling ones), so that a
     * link is written through, as a shell redirection does, rather than replaced by a file.
     */
    private static Path linkTarget(Path path) throws IOException {
        Path p = path;
        for (int i = 0; i < 40; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
    }

    /**
     * Writes several files all or none: every content goes to its temporary file first, and
     * only when all are written are they renamed over their targets. A failure before the
     * renames leaves every target as it was. Targets that are devices or FIFOs cannot be staged:
     * they are written last, as streams.
     *
     * @param files targets and their whole content, in order
     * @throws IOException as {@link #write(Path, Content)}, for the first target that fails
     */
    public static void writeAll(java.util.Map<Path, byte[]> files) throws IOException {
        java.util.List<Path[]> staged = new java.util.ArrayList<>();
        java.util.Map<Path, byte[]> streams = new java.util.LinkedHashMap<>();
        try {
            for (java.util.Map.Entry<Path, byte[]> f : files.entrySet()) {
                Path target = f.getKey();
                if (Files.isDirectory(target)) {
                    throw new FileSystemException(target.toString(), null, "is a directory");
                }
                if (Files.exists(target) && !Files.isRegularFile(target)) {
                    streams.put(target, f.getValue());
                    continue;
                }
                Path absolute = linkTarget(target.toAbsolutePath());
                Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", TEMP_SUFFIX);
                staged.add(new Path[] {tmp, absolute, target});
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    OutputStream os = Channels.newOutputStream(channel);
                    os.write(f.getValue());
                    os.flush();
                    channel.force(true);
                } catch (FileSystemException e) {
                    throw e;
                } catch (IOException e) {
                    throw new IOException(target + ": " + e.getMessage(), e);
                }
                sharePermissions(tmp, absolute);
            }
            for (Path[] t : staged) {
                try {
                    Files.move(t[0], t[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(t[0], t[1], StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path[] t : staged) {
                Files.deleteIfExists(t[0]);
            }
        }
        for (java.util.Map.Entry<Path, byte[]> f : streams.entrySet()) {
            write(f.getKey(), f.getValue());
        }
    }

    /**
     * Temporary files are created owner-only (0600); give the new file the permissions of the
     * one it replaces, or rw-r--r--, as an editor saving a file would.
     */
    private static void sharePermissions(Path tmp, Path target) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE;
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    /**
     * Deletes the temporary files this class left in a directory (after a kill): hidden files
     * ending in {@value #TEMP_SUFFIX}.
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
