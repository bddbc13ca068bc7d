package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.cli.Main;
import net.ringpool.pool.RingPool;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;
import net.ringpool.support.Outcomes;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 20,000-row import whose process is killed (SIGKILL) half-way, then resumed by the same command. */
class ImportKillAndResumeFunctionalTests {

    private static final String NETWORK = "5103";
    private static final String TOKEN = "import-kill-token";
    private static final int ROWS = 20_000;
    private final Outcomes outcomes = new Outcomes();

    @TempDir
    Path directory;

    @Test
    void aKilledImportResumesTheSameRunAndEveryLineEndsWithExactlyOneOutcome() throws Exception {
        // given an API with some latency and a 20,000-row file with invalid rows
        Path file = ImportFixtures.generate(directory, "twenty-thousand.csv", ROWS, 0.02, "kill-");
        Map<String, PoolRequest> valid = ImportFixtures.validRows(file);
        FaultSettings latency = new FaultSettings(2, 0, 0, 0, 0, 1, 0);
        try (RingPoolServer server = RingPoolServer.start(0, "127.0.0.1",
                new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false, latency), TestDatabase.postgres(), false)) {
            List<String> args = List.of("import", file.toString(), "--api-url", server.baseUrl(), "--network-id",
                    NETWORK, "--token-file", ImportFixtures.tokenFile(directory, TOKEN).toString(), "--chunk-size", "200",
                    "--out", directory.resolve("out").toString(), "--db", TestDatabase.postgresUrl(), "--db-user",
                    TestDatabase.postgresUser());

            // when the import runs in a process of its own, which is killed once a few chunks are committed
            Process process = startJvm(args, directory.resolve("killed.log"));
            String fileName = file.toAbsolutePath().normalize().toString();
            long recordedBeforeKill = waitForOutcomes(fileName, 2_000, process, directory.resolve("killed.log"));
            process.destroyForcibly();
            assertThat(process.waitFor()).isNotZero();
            long killedExecution = outcomes.jdbc().queryForObject("SELECT MAX(job_execution_id) FROM "
                    + "ringpool_row_outcome WHERE file_name = ?", Long.class, fileName);
            assertThat(outcomes.jdbc().queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                    String.class, killedExecution)).isEqualTo("STARTED");
            assertThat(recordedBeforeKill).isLessThan(ROWS);

            // and the same command runs again
            Result resumed = CommandLine.run(args.toArray(String[]::new));

            // then it recovered and resumed the same job instance
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.ROWS_FAILED);
            assertThat(resumed.err()).contains("job execution " + killedExecution + " was left running by pid")
                    .contains("resuming job execution " + killedExecution);
            long instance = outcomes.instanceOf(killedExecution);
            assertThat(outcomes.instanceOf(resumed.jobExecutionId())).isEqualTo(instance);

            // and every line has exactly one outcome, across both executions
            Map<String, Object> lines = outcomes.jdbc().queryForMap("SELECT COUNT(*) AS outcomes, "
                    + "COUNT(DISTINCT line_number) AS lines, MIN(line_number) AS first, MAX(line_number) AS last, "
                    + "COUNT(DISTINCT job_execution_id) AS executions FROM ringpool_row_outcome WHERE job_instance_id = ?",
                    instance);
            assertThat(lines).containsEntry("outcomes", (long) ROWS).containsEntry("lines", (long) ROWS)
                    .containsEntry("first", 2L).containsEntry("last", (long) ROWS + 1).containsEntry("executions", 2L);
            assertThat(Files.lines(directory.resolve("out").resolve("outcomes.csv")).count()).isEqualTo(ROWS + 1L);

            // and the API holds exactly the valid pools
            Map<String, RingPool> held = ImportFixtures.apiPools(server, NETWORK, TOKEN, ImportFixtures.campaignsOf(file));
            held.keySet().removeIf(id -> !id.startsWith("kill-"));
            assertThat(held.keySet()).isEqualTo(valid.keySet());
        }
    }

    /** The import command in a JVM of its own, on the test classpath. */
    private static Process startJvm(List<String> args, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClasspath(), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, classpath.split(File.pathSeparator));
    }

    private long waitForOutcomes(String fileName, long atLeast, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            long recorded = outcomes.jdbc().queryForObject("SELECT COUNT(*) FROM ringpool_row_outcome WHERE file_name = ?",
                    Long.class, fileName);
            if (recorded >= atLeast) {
                return recorded;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the import ended before it could be killed:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + atLeast + " outcomes within 3 minutes:\n" + Files.readString(log));
    }
}
