package org.alliancelab.cli;

import picocli.CommandLine.Command;

/** {@code cluster}: run a grid as a batch-scheduler array job (Slurm), follow it, resubmit failures. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Run a scenario as a Slurm array job: write the job scripts (cluster slurm), see which shards "
        + "are done (cluster status) and resubmit the others (cluster resubmit). See docs/cluster.md."},
    subcommands = {ClusterSlurmCommand.class, ClusterStatusCommand.class, ClusterResubmitCommand.class})
public final class ClusterCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "cluster needs a subcommand: slurm, status or resubmit");
    }
}
