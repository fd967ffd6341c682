package org.alliancelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTextAndBytes() throws IOException {
        Path text = dir.resolve("a.csv");
        AtomicFiles.write(text, w -> w.write("x,y\n1,é\n"));
        assertEquals("x,y\n1,é\n", Files.readString(text, StandardCharsets.UTF_8));
        AtomicFiles.writeString(text, "replaced\n");
        assertEquals("replaced\n", Files.readString(text));
        Path bytes = dir.resolve("b.png");
        AtomicFiles.write(bytes, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(bytes));
        assertEquals(List.of("a.csv", "b.png"), names(), "no temporary file left");
    }

    @Test
    void aNewFileIsReadableByAllNotOwnerOnly() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        Path file = dir.resolve("new.json");
        AtomicFiles.writeString(file, "{}\n");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        Path file = dir.resolve("shared.csv");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(file, "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", Files.readString(file));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFailingWriterLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("summary.csv");
        Files.writeString(file, "complete\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, w -> {
            w.write("half");
            throw new IOException("disk full");
        }));
        assertEquals(file + ": disk full", e.getMessage(), "names the file");
        assertEquals("complete\n", Files.readString(file));
        assertEquals(List.of("summary.csv"), names());
    }

    @Test
    void refusesADirectoryAndAMissingDirectory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThrows(IOException.class, () -> AtomicFiles.writeString(sub, "x"));
        assertEquals(List.of(), Files.list(sub).toList(), "the directory is not replaced");
        Path missing = dir.resolve("missing").resolve("f.txt");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(missing, "x"));
        assertFalse(Files.exists(missing.getParent()), "directories are not created");
    }

    @Test
    void deleteTemporariesRemovesOnlyLeftoverTemporaryFiles() throws IOException {
        Files.writeString(dir.resolve(".c00001-b000002.csv.123.tmp"), "half");
        Files.writeString(dir.resolve("c00001-b000001.csv"), "done");
        Files.writeString(dir.resolve("notes.tmp"), "a user's file");
        AtomicFiles.deleteTemporaries(dir);
        assertEquals(List.of("c00001-b000001.csv", "notes.tmp"), names());
        AtomicFiles.deleteTemporaries(dir.resolve("absent"));
    }
}
