package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The array task's shard from each scheduler's environment (values as the schedulers document them). */
class ArrayTaskTest {

    @Test
    void slurmPositionInTheArray() {
        // sbatch --array=1-4: task 3
        assertEquals(new Shard(3, 4), ArrayTask.shard("auto", Map.of("SLURM_ARRAY_TASK_ID", "3",
            "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "4", "SLURM_ARRAY_TASK_COUNT", "4")));
        // --array=0-9:3 has tasks 0, 3, 6, 9: task 6 is the third of four
        assertEquals(new Shard(3, 4), ArrayTask.shard("auto", Map.of("SLURM_ARRAY_TASK_ID", "6",
            "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_MAX", "9", "SLURM_ARRAY_TASK_COUNT", "4",
            "SLURM_ARRAY_TASK_STEP", "3")));
    }

    @Test
    void slurmResubmissionUsesTheGivenCount() {
        // sbatch --array=2,4 of an original 1-4: the range says 2-4, count 2; auto/4 keeps the shard
        Map<String, String> env = Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_MIN", "2",
            "SLURM_ARRAY_TASK_MAX", "4", "SLURM_ARRAY_TASK_COUNT", "2");
        assertEquals(new Shard(4, 4), ArrayTask.shard("auto/4", env));
        assertThrows(IllegalArgumentException.class, () -> ArrayTask.shard("auto", env));
    }

    @Test
    void sgeLsfPbsTorque() {
        assertEquals(new Shard(2, 5), ArrayTask.shard("auto", Map.of("SGE_TASK_ID", "3", "SGE_TASK_FIRST", "1",
            "SGE_TASK_LAST", "9", "SGE_TASK_STEPSIZE", "2")));
        assertEquals(new Shard(4, 10), ArrayTask.shard("auto", Map.of("LSB_JOBINDEX", "4", "LSB_JOBINDEX_END", "10")));
        assertEquals(new Shard(7, 8), ArrayTask.shard("auto/8", Map.of("PBS_ARRAY_INDEX", "7")));
        assertEquals(new Shard(1, 2), ArrayTask.shard("auto/2", Map.of("PBS_ARRAYID", "1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ArrayTask.shard("auto", Map.of("PBS_ARRAY_INDEX", "7")));
        assertTrue(e.getMessage().contains("auto/K"), e.getMessage());
    }

    @Test
    void clearErrors() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> ArrayTask.shard("auto", Map.of()));
        assertTrue(none.getMessage().contains("none is set"), none.getMessage());
        // SGE outside an array job says "undefined"
        assertThrows(IllegalArgumentException.class, () -> ArrayTask.shard("auto", Map.of("SGE_TASK_ID", "undefined")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ArrayTask.shard("auto",
            Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "4",
                "SLURM_ARRAY_TASK_COUNT", "4")));
        assertTrue(bad.getMessage().contains("inconsistent"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArrayTask.shard("auto/3", Map.of("SLURM_ARRAY_TASK_ID", "4")));
        assertThrows(IllegalArgumentException.class, () -> ArrayTask.shard("auto/x", Map.of("SLURM_ARRAY_TASK_ID", "1")));
        assertThrows(IllegalArgumentException.class, () -> ArrayTask.shard("auto", Map.of("SLURM_ARRAY_TASK_ID", "one")));
    }
}
