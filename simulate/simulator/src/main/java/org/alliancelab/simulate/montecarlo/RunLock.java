package org.alliancelab.simulate.montecarlo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The exclusive right to write an output directory: an operating-system lock on
 * {@code DIR/}{@value #FILE}, which holds the process id, host and start time of the holder
 * for the message a second writer gets.
 *
 * <p>Stale locks need no guessing: the operating system releases the lock when its process
 * dies, however it dies, so a lock file left by a crashed run is simply taken over. Within one
 * process a directory already locked counts as held too. The file is emptied, not deleted, on
 * {@link #close()}: deleting it would let a process that opened it just before lock the
 * deleted file while a third locks a new one.
 */
final class RunLock implements AutoCloseable {
    /** Name of the lock file inside an output directory. */
    static final String FILE = ".alliance-lab.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a directory, creating the directory when absent.
     *
     * @param dir the output directory
     * @return the held lock; close it when done
     * @throws CheckpointException when another process (or this one) holds it, naming the holder
     * @throws IOException on a file error
     */
    static RunLock acquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            String holder = readHolder(ch);
            ch.close();
            throw new CheckpointException(dir + " is being written by " + holder
                + ": wait for that run to finish, or use another --out directory");
        }
        String me = "process " + ManagementFactory.getRuntimeMXBean().getPid() + " on " + host() + " since "
            + Instant.now().toString();
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new RunLock(ch, l);
    }

    private static String readHolder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(512);
            int n = ch.read(b, 0);
            String s = n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "another process" : s.lines().findFirst().orElse(s);
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            lock.release();
            channel.close();
        }
    }
}
