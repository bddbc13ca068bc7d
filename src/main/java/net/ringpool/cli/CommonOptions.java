package net.ringpool.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces and debug logs on failure.")
    boolean debug;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Option defaults from a YAML or properties file: ringpool.<command>.<option> or ringpool.<option> "
                    + "(default: $RINGPOOL_CONFIG). $RINGPOOL_<OPTION> environment variables take precedence over it.")
    java.nio.file.Path config;

    public boolean debug() {
        return debug;
    }
}
