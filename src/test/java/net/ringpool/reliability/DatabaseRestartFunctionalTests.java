package net.ringpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import net.ringpool.api.FaultSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL, which holds both the job repository and the API's store, restarted mid-job. This restarts the
 * machine's shared cluster, which every other test using it notices: the suite does it once, and waits until the
 * cluster answers again before it ends, whatever happened.
 */
@Tag("reliability")
class DatabaseRestartFunctionalTests {

    @TempDir
    Path directory;

    @Test
    void postgresRestartedMidJob() throws Exception {
        // given an import of 600 rows in chunks of 100
        ScenarioRun run = new ScenarioRun(directory, "7401", 600, 0.05);
        try (CountingApi api = new CountingApi(run.network(), run.token(), new FaultSettings(30, 0, 0, 0, 0, 1, 1))) {
            List<String> args = run.args(api.baseUrl(), "--chunk-size", "100");
            long baseline = run.lastExecution();
            try (ImportProcess process = ImportProcess.start(args, directory.resolve("db-restarted.log"))) {
                Long execution = CrashScenariosFunctionalTests.awaitExecution(run, process, baseline);
                CrashScenariosFunctionalTests.awaitRecorded(run, process, execution, 200);

                // when PostgreSQL restarts under it
                try {
                    restartPostgres();
                } finally {
                    awaitPostgres();
                }

                // then the import either rides it out, or stops restartable and one resume completes it
                assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the import ended").isTrue();
                int exit = process.exitCode();
                System.out.println("postgres restarted: the import exited " + exit + ":\n"
                        + CrashScenariosFunctionalTests.tail(process.log()));
                List<Map<String, Long>> windows = new ArrayList<>(List.of(api.window()));
                assertThat(exit).as(process.log()).isIn(ExitCode.ROWS_FAILED, ExitCode.FAILED);
                if (exit == ExitCode.FAILED) {
                    assertThat(process.log()).contains("error: the job database failed: ");
                    Result resumed = CommandLine.run(args.toArray(String[]::new));
                    windows.add(api.window());
                    assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.ROWS_FAILED);
                    assertThat(resumed.err()).contains("resuming job execution " + execution);
                }
                run.verify("crash: PostgreSQL restarted", execution, windows);
            }
        }
    }

    private static void restartPostgres() throws IOException, InterruptedException {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .redirectErrorStream(true).start();
        String output = new String(restart.getInputStream().readAllBytes());
        assertThat(restart.waitFor()).as("pg_ctlcluster restart: %s", output).isZero();
    }

    private static void awaitPostgres() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q").start().waitFor() == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("PostgreSQL did not come back within 2 minutes");
    }
}
