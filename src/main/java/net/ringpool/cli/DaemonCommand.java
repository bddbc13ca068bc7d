package net.ringpool.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import net.ringpool.daemon.CommandRequest;
import net.ringpool.daemon.CommandServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "daemon", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Keeps one JVM running for the commands run in this directory, so that they start at once.",
                "",
                "A command started by bin/ringpool in the directory the daemon runs in is",
                "handed to it: import, export, jobs, report, generate and mapping then skip",
                "the JVM's and Spring's start, about a second each (an --only-changed",
                "import of an unchanged file is mostly that second). Output, exit codes,",
                "the job database and the outcome files are the same as without it. The",
                "command runs with its caller's environment ($INVOCA_API_TOKEN,",
                "$RINGPOOL_*); the daemon's JVM options are its own.",
                "",
                "One command runs at a time: a command started while another runs, in",
                "another directory, or with RINGPOOL_DAEMON=0, runs in a JVM of its own.",
                "Only the daemon's own user can reach its socket. A command stopped with",
                "Ctrl-C stops the daemon too, as it would stop its own JVM; start it again.",
                ""},
        footer = {"", "Example (a nightly host, in the directory the jobs run in):",
                "  nohup bin/ringpool daemon > daemon.log 2>&1 &"})
class DaemonCommand implements Callable<Integer> {

    /** The commands that run in the daemon: those that start, do their work and end; not serve, worker or demo. */
    static final Set<String> SERVED = Set.of("import", "export", "jobs", "report", "generate", "mapping");

    /** The exit code of a JVM stopped with Ctrl-C (128 + SIGINT). */
    private static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = "--socket", required = true, paramLabel = "PATH",
            description = "The Unix socket to listen on; bin/ringpool passes the one it looks for in this directory.")
    Path socket;

    @Option(names = "--idle-minutes", defaultValue = "180", paramLabel = "N",
            description = "Stop after N minutes without a command; 0 never (default: ${DEFAULT-VALUE}).")
    long idleMinutes;

    @Override
    public Integer call() throws Exception {
        if (idleMinutes < 0) {
            throw new UsageException("--idle-minutes cannot be negative");
        }
        PrintStream log = System.err;
        CommandServer server;
        try {
            server = CommandServer.bind(socket, SERVED, DaemonCommand::run, () -> System.exit(INTERRUPTED), log);
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot listen on " + socket + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ringpool-daemon-socket"));
        log.printf("ringpool daemon: running %s for %s on %s (pid %d); stops after %d idle minutes or with Ctrl-C%n",
                String.join(", ", SERVED.stream().sorted().toList()), Path.of("").toAbsolutePath(), socket,
                ProcessHandle.current().pid(), idleMinutes);
        server.serve(Duration.ofMinutes(idleMinutes));
        return ExitCode.OK;
    }

    static int run(CommandRequest request, PrintWriter out, PrintWriter err) {
        List<String> args = request.args();
        return Main.run(request.environment(), request.console(), out, err, args.toArray(String[]::new));
    }
}
