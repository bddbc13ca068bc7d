package net.ringpool.cli;

import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "ringpool-batch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Bulk import and export of Invoca RingPools (API 2016-10-01), with a local RingPools API.",
                "",
                "Exit codes: 0 completed, 1 job failed or stopped (restartable), 2 usage error or unusable input,",
                "3 completed with rows INVALID, REJECTED or FAILED."})
class RootCommand implements Runnable {

    /** In the order the root's help lists them. */
    static final List<Class<?>> COMMANDS = List.of(ServeCommand.class, ImportCommand.class, ExportCommand.class,
            JobsCommand.class, ReportCommand.class, DemoCommand.class, GenerateCommand.class, MappingCommand.class,
            WorkerCommand.class, DaemonCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The root command with the commands this command line needs, before any setting is made. */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandsFor(args).forEach(commandLine::addSubcommand);
        return commandLine;
    }

    /**
     * The commands a command line needs: the one it names first, or all of them (root help, a typo, no command).
     * picocli builds the model of every command it is given: building one instead of nine takes 0.04-0.05 s
     * off every run ({@code generate --rows 10}: 0.59-0.62 s against 0.64-0.69 s, bench/README.md).
     */
    static List<Class<?>> commandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (args[0].equals(annotation.name()) || Arrays.asList(annotation.aliases()).contains(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }
}
