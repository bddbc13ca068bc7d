package net.ringpool.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A bad option prints one line (and the nearest names for a typo) and where to find the usage, then exits 2. */
class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched) {
            // a mistyped command or option: "Did you mean: import?"
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCode.USAGE;
    }
}
