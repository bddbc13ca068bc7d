package net.ringpool.cli;

import java.io.PrintWriter;
import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into one line on stderr naming the cause; the stack trace
 * only with {@code --debug}. Unusable input exits 2, anything else 1 (restartable).
 */
class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = UsageException.class.isInstance(ex) ? ex : rootCause(ex);
        err.println("error: " + describe(cause));
        if (debugRequested(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cause instanceof UsageException ? ExitCode.USAGE : ExitCode.FAILED;
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable current = ex;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof UsageException)) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean debugRequested(ParseResult parseResult) {
        ParseResult current = parseResult;
        while (current != null) {
            if (Arrays.asList(current.originalArgs().toArray(new String[0])).contains("--debug")) {
                return true;
            }
            current = current.subcommand();
        }
        return false;
    }
}
