package net.ringpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.daemon.CommandClient;
import net.ringpool.daemon.CommandRequest;
import net.ringpool.daemon.CommandServer;
import net.ringpool.sample.PoolFileGenerator;
import net.ringpool.support.CommandLine;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands handed to {@code ringpool daemon} as bin/ringpool hands them: an import over real HTTP into a serve on
 * PostgreSQL, with the caller's token, gives what the same command gives in a JVM of its own.
 */
class DaemonFunctionalTests {

    private static final String NETWORK = "9931";
    private static final String TOKEN = "daemon-functional-token";
    private static final Path HERE = Path.of("").toAbsolutePath();

    @TempDir
    Path directory;

    @Test
    void anImportInTheDaemonEndsAsInItsOwnJvm() throws Exception {
        // given: a file with invalid rows, a serve, and a daemon running commands as `ringpool daemon` does
        Path file = directory.resolve("pools.csv");
        PoolFileGenerator.write(file, new PoolFileGenerator.Spec(60, 0.1, 3, 2, 2, "daemon-"));
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^adv-", "daemon-adv-"));
        Path tokenFile = Files.writeString(directory.resolve("token"), TOKEN);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, Object> database = TestDatabase.postgres();
        try (RingPoolServer serve = RingPoolServer.start(0, "127.0.0.1",
                new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false, FaultSettings.none()), database, false);
                CommandServer daemon = CommandServer.bind(directory.resolve("daemon.sock"), DaemonCommand.SERVED,
                        DaemonCommand::run, () -> { }, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            Thread serving = new Thread(() -> {
                try {
                    daemon.serve(java.time.Duration.ZERO);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            serving.start();
            Map<String, String> callerEnvironment = Map.of("INVOCA_API_TOKEN", TOKEN);

            // when
            Answer withoutToken = call(daemon, Map.of(), importArgs(file, serve, "no-token"));
            Answer imported = call(daemon, callerEnvironment, importArgs(file, serve, "first"));
            Answer unchanged = call(daemon, callerEnvironment, importArgs(file, serve, "daemon", "--only-changed"));
            List<String> ownJvm = importArgs(file, serve, "own-jvm", "--only-changed", "--token-file", tokenFile.toString());
            CommandLine.Result inItsOwnJvm = CommandLine.run(ownJvm.toArray(String[]::new));
            Answer jobs = call(daemon, Map.of(), List.of("jobs", "--db", TestDatabase.postgresUrl(), "--db-user",
                    TestDatabase.postgresUser()));
            daemon.close();
            serving.join(10_000);

            // then: the token is the caller's, not the daemon's environment's
            assertThat(withoutToken.code()).isEqualTo(ExitCode.USAGE);
            assertThat(withoutToken.err()).contains("no API token: set $INVOCA_API_TOKEN");
            // the import and the --only-changed run end as they do without a daemon: rows INVALID, exit 3
            assertThat(imported.code()).as(imported.toString()).isEqualTo(ExitCode.ROWS_FAILED);
            assertThat(imported.out()).contains("CREATED").contains("INVALID");
            assertThat(unchanged.code()).as(unchanged.toString()).isEqualTo(ExitCode.ROWS_FAILED);
            assertThat(inItsOwnJvm.exitCode()).as(inItsOwnJvm.toString()).isEqualTo(ExitCode.ROWS_FAILED);
            assertThat(withoutTimesAndNumbers(unchanged.out())).isEqualTo(withoutTimesAndNumbers(inItsOwnJvm.out()))
                    .contains("rows:     60 (54 UNCHANGED, 6 INVALID)");
            String outcomes = Files.readString(directory.resolve("daemon").resolve("outcomes.csv"));
            assertThat(outcomes).isEqualTo(Files.readString(directory.resolve("own-jvm").resolve("outcomes.csv")));
            assertThat(outcomes).contains(",UNCHANGED,").doesNotContain(",UPDATED,").doesNotContain(",CREATED,");
            assertThat(jobs.code()).isZero();
            assertThat(jobs.out()).contains("import").contains("COMPLETED");
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("import: exit 2", "import: exit 3", "jobs: exit 0")
                    .doesNotContain(TOKEN);
        }
    }

    /** A summary without what differs from run to run: times, rates, run and execution numbers, the --out. */
    private static String withoutTimesAndNumbers(String summary) {
        return summary.replaceAll("[0-9.,]+ (s|rows/s)\\b|run [0-9]+|job execution [0-9]+|daemon/|own-jvm/", "");
    }

    private List<String> importArgs(Path file, RingPoolServer serve, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--api-url", serve.baseUrl(),
                "--network-id", NETWORK, "--db", TestDatabase.postgresUrl(), "--db-user", TestDatabase.postgresUser(),
                "--out", directory.resolve(out).toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static Answer call(CommandServer daemon, Map<String, String> environment, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandClient.run(daemon.socket(), new CommandRequest(HERE, false, args, environment), out, err);
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Answer(int code, String out, String err) {

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
