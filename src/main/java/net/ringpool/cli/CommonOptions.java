package net.ringpool.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces and debug logs on failure.")
    boolean debug;

    public boolean debug() {
        return debug;
    }
}
