package org.alliancelab.meta.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * The JVM's count of the bytes the current thread has allocated (HotSpot's
 * {@code com.sun.management.ThreadMXBean}), for the allocation tests; a test using it is
 * skipped where the counter is not available. Not a timing: a byte count does not depend on
 * the machine's load.
 */
public final class ThreadAllocation {
    private final com.sun.management.ThreadMXBean counter;
    private final long thread = Thread.currentThread().getId();

    private ThreadAllocation(com.sun.management.ThreadMXBean counter) {
        this.counter = counter;
    }

    /** @return the counter of the current thread, enabled (skips the test when there is none) */
    public static ThreadAllocation ofCurrentThread() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        var counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
        counter.setThreadAllocatedMemoryEnabled(true);
        return new ThreadAllocation(counter);
    }

    /** @return bytes allocated by the thread so far */
    public long bytes() {
        return counter.getThreadAllocatedBytes(thread);
    }
}
