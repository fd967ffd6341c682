package org.alliancelab.plot;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Atomic file output: the bytes go to a temporary file in the target's directory, which is then
 * moved over the target, so a crash never leaves a half-written plot or report behind.
 */
public final class PlotFiles {

    private PlotFiles() {
    }

    /**
     * Writes {@code content} to {@code target} atomically (where the file system supports an
     * atomic move; otherwise by a plain replacing move of the complete temporary file).
     *
     * @param target the file to create or replace
     * @param content its complete content
     * @throws IOException when the directory is not writable; the target is then untouched
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            readableLikeANewFile(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Temporary files are created owner-only (0600); a plot or report is meant to be shared, so
     * give it the permissions of the file it replaces, or rw-r--r-- for a new file.
     */
    private static void readableLikeANewFile(Path tmp, Path target) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its default permissions apply.
        }
    }
}
