package net.ringpool.cli;

import java.util.Map;

/**
 * Whose command line is running: this process's own, or that of a caller of {@code ringpool daemon}, which
 * brings its environment (the API token, $RINGPOOL_* defaults) and says whether it runs in a terminal. The
 * daemon runs one command line at a time, so the one running is kept here for the commands to read.
 */
record Invocation(Map<String, String> environment, boolean console) {

    private static final Invocation PROCESS = new Invocation(System.getenv(), System.console() != null);

    private static volatile Invocation current = PROCESS;

    Invocation {
        environment = Map.copyOf(environment);
    }

    static Invocation process() {
        return PROCESS;
    }

    static Invocation current() {
        return current;
    }

    static void setCurrent(Invocation invocation) {
        current = invocation;
    }
}
