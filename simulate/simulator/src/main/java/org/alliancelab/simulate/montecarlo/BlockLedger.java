package org.alliancelab.simulate.montecarlo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of every finished block of a checkpoint, in {@code .checkpoint/}{@value #FILE},
 * the second half of the checkpoint's manifest. One line per block, appended after the block's
 * file is in place, in the format of {@code sha256sum} ({@code HEX  NAME}), so that
 * {@code cd DIR/.checkpoint && sha256sum -c blocks.sha256} checks a directory by hand.
 *
 * <p>A block file without a line was being recorded when its process was killed: it is not
 * part of the run (a resumed run computes it again). A block whose bytes do not give the
 * recorded digest is damaged. A last line without its line end (a kill during the append) is
 * ignored, and cut off before anything is appended, so the ledger stays one entry a line.
 */
final class BlockLedger implements AutoCloseable {
    /** Name of the ledger inside a checkpoint directory. */
    static final String FILE = "blocks.sha256";

    private final Path file;
    private final Map<String, String> digests;
    private FileChannel appender;

    private BlockLedger(Path file, Map<String, String> digests) {
        this.file = file;
        this.digests = digests;
    }

    /**
     * Reads the ledger of a checkpoint directory (empty when there is none).
     *
     * @param checkpointDir the checkpoint directory
     * @return the ledger, read-only until {@link #record} is first called
     * @throws IOException on a read error
     */
    static BlockLedger read(Path checkpointDir) throws IOException {
        Path f = checkpointDir.resolve(FILE);
        Map<String, String> d = new ConcurrentHashMap<>();
        if (Files.exists(f)) {
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            int end = text.lastIndexOf('\n') + 1;
            for (String line : text.substring(0, end).split("\n")) {
                // "HEX  NAME"; anything else is ignored and makes its block unrecorded
                if (line.length() > 66 && line.charAt(64) == ' ' && line.charAt(65) == ' '
                    && line.substring(0, 64).matches("[0-9a-f]{64}")) {
                    d.put(line.substring(66), line.substring(0, 64));
                }
            }
        }
        return new BlockLedger(f, d);
    }

    /**
     * @param name a block file's name
     * @return its recorded digest, if recorded
     */
    Optional<String> digest(String name) {
        return Optional.ofNullable(digests.get(name));
    }

    /**
     * @param name a block file's name
     * @return whether it is recorded
     */
    boolean has(String name) {
        return digests.containsKey(name);
    }

    /**
     * Appends the digest of a block that is now in place.
     *
     * @param name the block file's name
     * @param digest its hex SHA-256
     * @throws IOException on a write error
     */
    synchronized void record(String name, String digest) throws IOException {
        if (appender == null) {
            appender = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            long size = appender.size();
            if (size > 0) {
                // cut a torn last line (a kill during an append) before appending
                ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE));
                appender.read(all, 0);
                int keep = all.position();
                while (keep > 0 && all.get(keep - 1) != '\n') {
                    keep--;
                }
                appender.truncate(keep);
            }
            appender.position(appender.size());
        }
        ByteBuffer line = ByteBuffer.wrap((digest + "  " + name + "\n").getBytes(StandardCharsets.ISO_8859_1));
        while (line.hasRemaining()) {
            appender.write(line);
        }
        digests.put(name, digest);
    }

    /**
     * Reads a recorded block and checks it against its digest.
     *
     * @param block the block file
     * @return its bytes
     * @throws CheckpointException when it is not recorded, or its digest differs (naming the file)
     * @throws IOException on a read error
     */
    byte[] readVerified(Path block) throws IOException {
        String name = block.getFileName().toString();
        String expected = digests.get(name);
        if (expected == null) {
            throw new CheckpointException(block + ": not recorded in " + file
                + " (the run was killed while recording it, or the file comes from elsewhere)");
        }
        byte[] bytes = Files.readAllBytes(block);
        if (!sha256(bytes).equals(expected)) {
            throw new CheckpointException(block + ": damaged (its SHA-256 differs from the one recorded in "
                + file.getFileName() + ")");
        }
        return bytes;
    }

    /**
     * @param bytes content
     * @return its hex SHA-256
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (appender != null) {
            appender.close();
            appender = null;
        }
    }
}
