package net.ringpool.cli;

import java.util.concurrent.Callable;

import net.ringpool.pool.ColumnMapping;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "mapping", mixinStandardHelpOptions = true,
        description = {
                "Column mappings for customers' own spreadsheet layouts (export --mapping FILE).",
                "A mapping file has one line per column of the spreadsheet, in its order: `Their Header=our_column`.",
                "Export writes exactly the listed columns; headers match in any letter case."},
        subcommands = MappingCommand.Template.class)
class MappingCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "Prints a starting mapping file that lists every column under its own name: "
                    + "rename, reorder or delete lines, e.g. `mapping template > my-layout.txt`.")
    static class Template implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(ColumnMapping.template());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
