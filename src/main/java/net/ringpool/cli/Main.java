package net.ringpool.cli;

import java.io.PrintWriter;
import java.util.Map;

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
        return run(Invocation.process(), out, err, args);
    }

    /** Runs a caller's command line in this process ({@code ringpool daemon}), with the caller's environment. */
    public static int run(Map<String, String> environment, boolean console, PrintWriter out, PrintWriter err,
            String... args) {
        return run(new Invocation(environment, console), out, err, args);
    }

    private static int run(Invocation invocation, PrintWriter out, PrintWriter err, String... args) {
        Invocation.setCurrent(invocation);
        try {
            return execute(invocation, out, err, args);
        } finally {
            Invocation.setCurrent(Invocation.process());
        }
    }

    private static int execute(Invocation invocation, PrintWriter out, PrintWriter err, String... args) {
        // the settings below reach only the commands added so far: all that this line needs
        CommandLine commandLine = RootCommand.commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        try {
            commandLine.setDefaultValueProvider(ConfigDefaults.of(args, invocation.environment()));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return commandLine.execute(args);
    }
}
