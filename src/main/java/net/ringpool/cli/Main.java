package net.ringpool.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Entry point of {@code ringpool-batch.jar}: picocli parses first, so --help and usage errors need no Spring. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; tests call this in-process. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // the settings below reach only the commands added so far: all that this line needs
        CommandLine commandLine = RootCommand.commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        try {
            commandLine.setDefaultValueProvider(ConfigDefaults.of(args, System.getenv()));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return commandLine.execute(args);
    }
}
