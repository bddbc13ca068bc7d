package net.ringpool.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "ringpool-batch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Bulk import and export of Invoca RingPools (API 2016-10-01), with a local RingPools API.",
                "",
                "Exit codes: 0 completed, 1 job failed or stopped (restartable), 2 usage error or unusable input,",
                "3 completed with rows INVALID, REJECTED or FAILED."},
        subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, JobsCommand.class,
                ReportCommand.class, DemoCommand.class, GenerateCommand.class, MappingCommand.class,
                WorkerCommand.class})
class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
