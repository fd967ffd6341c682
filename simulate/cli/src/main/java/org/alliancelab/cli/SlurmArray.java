package org.alliancelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.alliancelab.io.AtomicFiles;

/**
 * A cluster directory for a Slurm array job ({@code cluster slurm}): what it holds and how it is
 * submitted. Layout of {@code DIR}:
 * <ul>
 * <li>{@code cluster.json}: scheduler, tasks K, scenario, seed, replications, jar, submitted job ids;</li>
 * <li>{@code scenario.json}: the scenario as run (seed and replications in it);</li>
 * <li>{@code array.sbatch}: the array job, one task per shard ({@code simulate --shard auto/K});</li>
 * <li>{@code merge.sbatch}: the merge ({@code collect} of the K shard directories);</li>
 * <li>{@code submit.sh}: submits both, the merge chained with {@code --dependency=afterok};</li>
 * <li>{@code shards/shard-i/}, {@code logs/shard-i.out|.err}, {@code logs/merge.out|.err} and the
 *     merged output {@code result/}.</li>
 * </ul>
 */
final class SlurmArray {
    static final String MANIFEST = "cluster.json";
    static final String ARRAY = "array.sbatch";
    static final String MERGE = "merge.sbatch";
    static final String SUBMIT = "submit.sh";
    static final String RESULT = "result";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final Path dir;
    final ObjectNode manifest;

    private SlurmArray(Path dir, ObjectNode manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** @return the array's number of tasks (shards) */
    int tasks() {
        return manifest.get("tasks").asInt();
    }

    Path shardDir(int i) {
        return dir.resolve("shards").resolve("shard-" + i);
    }

    Path log(String name) {
        return dir.resolve("logs").resolve(name);
    }

    /** Writes a new cluster directory (refusing one that already holds a cluster manifest). */
    static SlurmArray write(Path dir, String scenarioJson, String scenario, long seed, int reps, int tasks, Path jar,
                            String time, int cpus, String mem, String partition) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(MANIFEST))) {
            throw new IllegalArgumentException(abs + " already holds a cluster run (" + MANIFEST
                + "): use cluster status / resubmit, or another --out");
        }
        Files.createDirectories(abs.resolve("shards"));
        Files.createDirectories(abs.resolve("logs"));
        AtomicFiles.write(abs.resolve("scenario.json"), w -> w.write(scenarioJson));
        String java = "java -jar " + quote(jar.toAbsolutePath().normalize().toString());
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= tasks; i++) {
            list.append(" \\\n    ").append(quote(abs.resolve("shards").resolve("shard-" + i).toString()));
        }
        String resources = "#SBATCH --cpus-per-task=" + cpus + "\n#SBATCH --mem=" + mem + "\n#SBATCH --time=" + time + "\n"
            + (partition == null ? "" : "#SBATCH --partition=" + partition + "\n");
        String array = "#!/bin/bash\n"
            + "# alliance-lab cluster slurm: scenario " + scenario + ", seed " + seed + ", " + reps
            + " replications per condition, split into " + tasks + " shards, one array task each.\n"
            + "# Each task runs shard $SLURM_ARRAY_TASK_ID of " + tasks + "; rerunning a task resumes it from its\n"
            + "# checkpoint. Edit the #SBATCH lines for your cluster (account, partition, resources); keep --array\n"
            + "# at 1-" + tasks + " and --shard auto/" + tasks + " together.\n"
            + "#SBATCH --job-name=alliance-lab-" + scenario.replaceAll("[^A-Za-z0-9._-]", "_") + "\n"
            + "#SBATCH --array=1-" + tasks + "\n"
            + resources
            + "#SBATCH --output=" + abs.resolve("logs") + "/shard-%a.out\n"
            + "#SBATCH --error=" + abs.resolve("logs") + "/shard-%a.err\n"
            + "set -euo pipefail\n"
            + "exec " + java + " simulate --scenario " + quote(abs.resolve("scenario.json").toString())
            + " \\\n    --shard auto/" + tasks + " --threads \"${SLURM_CPUS_PER_TASK:-" + cpus + "}\" --quiet \\\n    --out "
            + quote(abs.resolve("shards").toString()) + "/shard-\"$SLURM_ARRAY_TASK_ID\"\n";
        String merge = "#!/bin/bash\n"
            + "# alliance-lab cluster slurm: merges the " + tasks + " shards into " + abs.resolve(RESULT) + "\n"
            + "# (submit.sh chains it to the array job with --dependency=afterok: it runs when every task succeeded).\n"
            + "#SBATCH --job-name=alliance-lab-" + scenario.replaceAll("[^A-Za-z0-9._-]", "_") + "-merge\n"
            + "#SBATCH --cpus-per-task=1\n#SBATCH --mem=" + mem + "\n#SBATCH --time=" + time + "\n"
            + (partition == null ? "" : "#SBATCH --partition=" + partition + "\n")
            + "#SBATCH --output=" + abs.resolve("logs") + "/merge.out\n"
            + "#SBATCH --error=" + abs.resolve("logs") + "/merge.err\n"
            + "set -euo pipefail\n"
            + "exec " + java + " collect --quiet --out " + quote(abs.resolve(RESULT).toString()) + list + "\n";
        String submit = "#!/bin/bash\n"
            + "# Submits the array job and the merge chained to it; prints both job ids.\n"
            + "set -euo pipefail\n"
            + "cd " + quote(abs.toString()) + "\n"
            + "array=$(sbatch --parsable " + ARRAY + ")\n"
            + "merge=$(sbatch --parsable --dependency=afterok:\"${array%%;*}\" " + MERGE + ")\n"
            + "echo \"array job $array, merge job $merge\"\n";
        AtomicFiles.write(abs.resolve(ARRAY), w -> w.write(array));
        AtomicFiles.write(abs.resolve(MERGE), w -> w.write(merge));
        AtomicFiles.write(abs.resolve(SUBMIT), w -> w.write(submit));
        abs.resolve(SUBMIT).toFile().setExecutable(true);
        ObjectNode m = MAPPER.createObjectNode();
        m.put("scheduler", "slurm");
        m.put("scenario", scenario);
        m.put("seed", seed);
        m.put("replications", reps);
        m.put("tasks", tasks);
        m.put("jar", jar.toAbsolutePath().normalize().toString());
        m.putArray("array_jobs");
        m.putArray("merge_jobs");
        SlurmArray a = new SlurmArray(abs, m);
        a.save();
        return a;
    }

    /** Reads a cluster directory. */
    static SlurmArray read(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + ": not a cluster directory (no " + MANIFEST
                + "; write one with cluster slurm)");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": malformed JSON", e);
        }
        if (!(n instanceof ObjectNode o) || !o.path("tasks").canConvertToInt() || o.get("tasks").asInt() < 1) {
            throw new IllegalArgumentException(file + ": field 'tasks' must be a positive whole number");
        }
        return new SlurmArray(dir.toAbsolutePath().normalize(), o);
    }

    void save() throws IOException {
        String text = MAPPER.writeValueAsString(manifest) + "\n";
        AtomicFiles.write(dir.resolve(MANIFEST), w -> w.write(text));
    }

    /** @return all array job ids submitted for this directory, oldest first */
    List<String> arrayJobs() {
        List<String> out = new ArrayList<>();
        manifest.withArray("array_jobs").forEach(j -> out.add(j.asText()));
        return out;
    }

    /**
     * Submits {@code array.sbatch} for the given tasks (all when null) and the merge chained to it.
     *
     * @return the array and merge job ids
     */
    String[] submit(Set<Integer> tasks) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (tasks != null) {
            cmd.add("--array=" + String.join(",", tasks.stream().map(String::valueOf).toList()));
        }
        cmd.add(dir.resolve(ARRAY).toString());
        String array = run(cmd).split(";")[0];
        String merge = run(List.of("sbatch", "--parsable", "--dependency=afterok:" + array,
            dir.resolve(MERGE).toString())).split(";")[0];
        manifest.withArray("array_jobs").add(array);
        manifest.withArray("merge_jobs").add(merge);
        save();
        return new String[] {array, merge};
    }

    /** Array task ids of this directory's jobs that Slurm still has queued or running. */
    Set<Integer> queued() throws IOException {
        Set<Integer> out = new TreeSet<>();
        List<String> jobs = arrayJobs();
        if (jobs.isEmpty()) {
            return out;
        }
        String text;
        try {
            text = run(List.of("squeue", "-h", "-r", "-j", String.join(",", jobs), "-o", "%K"));
        } catch (IOException e) {
            return out; // no squeue (or the jobs are long gone): nothing is queued
        }
        for (String line : text.split("\\R")) {
            try {
                out.add(Integer.parseInt(line.trim()));
            } catch (NumberFormatException e) {
                // "N/A" or a header-less blank line
            }
        }
        return out;
    }

    /** Runs a command, returning its trimmed standard output; its stderr in the exception when it fails. */
    static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(cmd.get(0) + " interrupted", e);
        }
        if (p.exitValue() != 0) {
            String e = new String(err, StandardCharsets.UTF_8).trim();
            throw new IOException(String.join(" ", cmd.subList(0, Math.min(2, cmd.size()))) + " failed (exit "
                + p.exitValue() + ")" + (e.isEmpty() ? "" : ": " + e.lines().findFirst().orElse("")));
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }

    /** A path as one single-quoted shell word. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The last lines of a file, or "" when it does not exist. */
    static String tail(Path file, int lines) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
