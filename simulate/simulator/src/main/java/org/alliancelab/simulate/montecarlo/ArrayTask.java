package org.alliancelab.simulate.montecarlo;

import java.util.Map;

/**
 * The shard of a batch scheduler's array task ({@code simulate --shard auto}), read from the
 * environment the scheduler gives each task. Supported, in this order of precedence:
 *
 * <table>
 * <caption>Environment variables read</caption>
 * <tr><th>scheduler</th><th>task index</th><th>range</th></tr>
 * <tr><td>Slurm</td><td>{@code SLURM_ARRAY_TASK_ID}</td><td>{@code SLURM_ARRAY_TASK_MIN},
 *     {@code _MAX}, {@code _COUNT}, {@code _STEP} (optional, default 1)</td></tr>
 * <tr><td>SGE / UGE</td><td>{@code SGE_TASK_ID}</td><td>{@code SGE_TASK_FIRST}, {@code _LAST},
 *     {@code SGE_TASK_STEPSIZE}</td></tr>
 * <tr><td>PBS Pro</td><td>{@code PBS_ARRAY_INDEX}</td><td>none</td></tr>
 * <tr><td>Torque</td><td>{@code PBS_ARRAYID}</td><td>none</td></tr>
 * <tr><td>LSF</td><td>{@code LSB_JOBINDEX}</td><td>{@code LSB_JOBINDEX_END},
 *     {@code LSB_JOBINDEX_STEP} (arrays starting at 1)</td></tr>
 * </table>
 *
 * <p>{@code auto}: the shard is the task's position in its array and the count the array's
 * size, so an array {@code 1-K} (any start and step) maps onto shards 1..K. {@code auto/K}: the
 * count is K and the task index itself is the shard (it must lie in 1..K); use it when the
 * scheduler does not export the range (PBS, Torque) and for resubmissions of a subset of the
 * tasks, whose array no longer spans 1..K (the generated Slurm script uses it).
 */
public final class ArrayTask {
    private ArrayTask() {
    }

    /**
     * @param text {@code auto} or {@code auto/K}
     * @return whether the text asks for the scheduler's task
     */
    public static boolean isAuto(String text) {
        String t = text.trim();
        return t.equals("auto") || t.startsWith("auto/");
    }

    /**
     * @param text {@code auto} or {@code auto/K}
     * @param env the environment (e.g. {@code System.getenv()})
     * @return the shard of this array task
     * @throws IllegalArgumentException naming the variables when no scheduler's task is set,
     *     a value is not a whole number, or the values are inconsistent
     */
    public static Shard shard(String text, Map<String, String> env) {
        String t = text.trim();
        Integer count = null;
        if (t.startsWith("auto/")) {
            count = number(t.substring(5), "--shard auto/K");
            if (count < 1) {
                throw new IllegalArgumentException("--shard auto/K needs K >= 1, got " + count);
            }
        } else if (!t.equals("auto")) {
            throw new IllegalArgumentException("expected --shard auto or auto/K, got '" + text + "'");
        }
        if (set(env, "SLURM_ARRAY_TASK_ID")) {
            int id = number(env, "SLURM_ARRAY_TASK_ID");
            if (count != null) {
                return given(id, count, "SLURM_ARRAY_TASK_ID");
            }
            int min = number(env, "SLURM_ARRAY_TASK_MIN");
            int max = number(env, "SLURM_ARRAY_TASK_MAX");
            int n = number(env, "SLURM_ARRAY_TASK_COUNT");
            int step = set(env, "SLURM_ARRAY_TASK_STEP") ? number(env, "SLURM_ARRAY_TASK_STEP") : 1;
            return positional(id, min, max, step, n, "SLURM_ARRAY_TASK");
        }
        if (set(env, "SGE_TASK_ID") && !"undefined".equals(env.get("SGE_TASK_ID"))) {
            int id = number(env, "SGE_TASK_ID");
            if (count != null) {
                return given(id, count, "SGE_TASK_ID");
            }
            int first = number(env, "SGE_TASK_FIRST");
            int last = number(env, "SGE_TASK_LAST");
            int step = number(env, "SGE_TASK_STEPSIZE");
            return positional(id, first, last, step, step > 0 ? (last - first) / step + 1 : -1, "SGE_TASK");
        }
        for (String name : new String[] {"PBS_ARRAY_INDEX", "PBS_ARRAYID"}) {
            if (set(env, name)) {
                if (count == null) {
                    throw new IllegalArgumentException(name + " is set but PBS exports no array range: use "
                        + "--shard auto/K with the array submitted as 1-K");
                }
                return given(number(env, name), count, name);
            }
        }
        if (set(env, "LSB_JOBINDEX") && !"0".equals(env.get("LSB_JOBINDEX"))) {
            int id = number(env, "LSB_JOBINDEX");
            if (count != null) {
                return given(id, count, "LSB_JOBINDEX");
            }
            if (!set(env, "LSB_JOBINDEX_END")) {
                throw new IllegalArgumentException("LSB_JOBINDEX is set but LSB_JOBINDEX_END is not: use --shard auto/K");
            }
            int end = number(env, "LSB_JOBINDEX_END");
            int step = set(env, "LSB_JOBINDEX_STEP") ? number(env, "LSB_JOBINDEX_STEP") : 1;
            return positional(id, 1, end, step, step > 0 ? (end - 1) / step + 1 : -1, "LSB_JOBINDEX");
        }
        throw new IllegalArgumentException("--shard " + t + " needs an array task of Slurm (SLURM_ARRAY_TASK_ID), "
            + "SGE/UGE (SGE_TASK_ID), PBS Pro (PBS_ARRAY_INDEX), Torque (PBS_ARRAYID) or LSF (LSB_JOBINDEX); "
            + "none is set");
    }

    private static Shard given(int id, int count, String name) {
        if (id < 1 || id > count) {
            throw new IllegalArgumentException(name + " = " + id + " is not a shard of 1.." + count
                + " (submit the array as 1-" + count + ")");
        }
        return new Shard(id, count);
    }

    private static Shard positional(int id, int first, int last, int step, int count, String prefix) {
        if (step < 1 || first > last || id < first || id > last || (id - first) % step != 0
            || count != (last - first) / step + 1) {
            throw new IllegalArgumentException("inconsistent array task: " + prefix + " id " + id + ", range " + first
                + "-" + last + ", step " + step + ", count " + count);
        }
        return new Shard((id - first) / step + 1, count);
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    private static int number(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return number(v, name);
    }

    private static int number(String v, String name) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
        }
    }
}
