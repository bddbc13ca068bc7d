package net.ringpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.ringpool.api.FaultSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import process killed (SIGKILL) at chosen points, and the API server killed and restarted mid-job; each
 * time the same command runs again at most once, and then the invariants must hold. The import runs in a JVM
 * of its own, which the test freezes (SIGSTOP) to look at what it has done before it decides to kill it, so
 * that the point of the kill is a measured fact, not a guess.
 */
@Tag("reliability")
class CrashScenariosFunctionalTests {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    @Test
    void importKilledDuringReadBeforeTheFirstChunkCommits() throws Exception {
        // a fast machine may send the first request before the test can freeze the process: then that attempt
        // is not this scenario, and a fresh one (its own network) tries again
        for (int attempt = 1; attempt <= 3; attempt++) {
            // given one chunk of 1,200 rows: reading and validating it takes a while before anything is sent
            ScenarioRun run = new ScenarioRun(directory.resolve("attempt-" + attempt), "730" + attempt, 1_200, 0.05);
            try (CountingApi api = new CountingApi(run.network(), run.token(), FaultSettings.none())) {
                List<String> args = run.args(api.baseUrl(), "--chunk-size", "1200");

                // when the process is killed once its step has begun and before any request went out
                long killed = killWhen(run, api, args, (recorded, attempts, requests) -> true, 0);
                Map<String, Long> killedWindow = api.window();
                if (!killedWindow.isEmpty()) {
                    System.out.println("attempt " + attempt + " was killed after its first request; trying again");
                    continue;
                }
                assertThat(run.recordedAndAttempts(killed)[0]).as("outcomes committed before the kill").isZero();

                // then one resume completes the run and the invariants hold
                resumeAndVerify("crash: import killed during read", run, api, args, killed, killedWindow);
                return;
            }
        }
        throw new AssertionError("three attempts were all killed after their first request");
    }

    @Test
    void importKilledDuringWriteWithRequestsInFlight() throws Exception {
        // given an API that takes 150 ms per answer, so that a chunk's requests are in flight for a while
        ScenarioRun run = new ScenarioRun(directory, "7312", 450, 0.05);
        try (CountingApi api = new CountingApi(run.network(), run.token(), new FaultSettings(150, 0, 0, 0, 0, 1, 1))) {
            List<String> args = run.args(api.baseUrl(), "--chunk-size", "150");

            // when it is killed after the first chunk committed, with 8 or more of the next chunk's requests sent
            long killed = killWhen(run, api, args,
                    (recorded, attempts, requests) -> recorded >= 150 && requests >= attempts + 8, 50);

            // then one resume completes the run and the invariants hold
            resumeAndVerify("crash: import killed during write", run, api, args, killed, settle(api));
        }
    }

    @Test
    void importKilledBetweenChunkCommits() throws Exception {
        // given small chunks against an API with some latency
        ScenarioRun run = new ScenarioRun(directory, "7313", 700, 0.05);
        try (CountingApi api = new CountingApi(run.network(), run.token(), new FaultSettings(40, 0, 0, 0, 0, 1, 1))) {
            List<String> args = run.args(api.baseUrl(), "--chunk-size", "100");

            // when it is killed right after a chunk committed: 200 rows or more recorded, every request the API
            // received counted by a recorded outcome, none of the next chunk sent yet
            long killed = killWhen(run, api, args, (recorded, attempts, requests) -> recorded >= 200
                    && recorded % 100 == 0 && recorded < 700 && requests == attempts, 0);
            Map<String, Long> killedWindow = settle(api);
            assertThat(killedWindow.values().stream().mapToLong(Long::longValue).sum())
                    .as("requests of the killed execution, once all arrived").isEqualTo(run.recordedAndAttempts(killed)[1]);

            // then one resume completes the run and the invariants hold
            resumeAndVerify("crash: import killed between chunk commits", run, api, args, killed, killedWindow);
        }
    }

    @Test
    void apiServerKilledAndRestartedMidJob() throws Exception {
        // given an import of 600 rows in chunks of 100 against an API with some latency
        ScenarioRun run = new ScenarioRun(directory, "7314", 600, 0.05);
        try (CountingApi api = new CountingApi(run.network(), run.token(), new FaultSettings(20, 0, 0, 0, 0, 1, 1))) {
            List<String> args = run.args(api.baseUrl(), "--chunk-size", "100");
            long baseline = run.lastExecution();
            try (ImportProcess process = ImportProcess.start(args, directory.resolve("api-killed.log"))) {
                // when the API goes down mid-job, with requests in flight, for 5 seconds, then comes back
                Long execution = awaitExecution(run, process, baseline);
                awaitRecorded(run, process, execution, 200);
                api.stop();
                Thread.sleep(5_000);
                api.start();

                // then the import either rides it out by retrying, or stops restartable and one resume completes it
                int exit = process.waitFor();
                System.out.println("api killed: the import exited " + exit + ":\n" + tail(process.log()));
                List<Map<String, Long>> windows = new ArrayList<>(List.of(api.window()));
                assertThat(exit).as(process.log()).isIn(ExitCode.ROWS_FAILED, ExitCode.FAILED);
                if (exit == ExitCode.FAILED) {
                    Result resumed = CommandLine.run(args.toArray(String[]::new));
                    windows.add(api.window());
                    assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.ROWS_FAILED);
                    assertThat(resumed.err()).contains("resuming job execution " + execution);
                }
                run.verify("crash: API server killed and restarted", execution, windows);
            }
        }
    }

    /** What the test sees of a frozen import: outcomes committed, the requests they count, requests received. */
    interface KillPoint {
        boolean reached(long recorded, long attempts, long requests);
    }

    /**
     * Starts the import, freezes it every {@code pollMillis} once its step has begun, and kills it the first time
     * the frozen state is the one asked for; returns the killed job execution.
     */
    private long killWhen(ScenarioRun run, CountingApi api, List<String> args, KillPoint point, long pollMillis)
            throws Exception {
        long baseline = run.lastExecution();
        try (ImportProcess process = ImportProcess.start(args, directory.resolve("killed.log"))) {
            Instant deadline = Instant.now().plus(PATIENCE);
            Long execution = null;
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the import ended before it could be killed:\n" + process.log());
                }
                execution = execution != null ? execution : run.executionWithStepAfter(baseline);
                if (execution == null) {
                    Thread.sleep(5);
                    continue;
                }
                process.freeze();
                // requests already on the wire reach the API's counter before the state is read
                Thread.sleep(100);
                long[] recorded = run.recordedAndAttempts(execution);
                if (point.reached(recorded[0], recorded[1], api.requests())) {
                    process.kill();
                    System.out.printf("killed job execution %d: %d outcomes (%d attempts) recorded, %d requests "
                            + "received%n", execution, recorded[0], recorded[1], api.requests());
                    assertThat(run.executionStatus(execution)).isEqualTo("STARTED");
                    return execution;
                }
                process.thaw();
                Thread.sleep(pollMillis);
            }
            throw new AssertionError("the kill point was not reached within " + PATIENCE + ":\n" + process.log());
        }
    }

    private void resumeAndVerify(String name, ScenarioRun run, CountingApi api, List<String> args, long killed,
            Map<String, Long> killedWindow) throws Exception {
        Result resumed = CommandLine.run(args.toArray(String[]::new));
        Map<String, Long> resumedWindow = api.window();
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.ROWS_FAILED);
        assertThat(resumed.err()).contains("job execution " + killed + " was left running by pid")
                .contains("resuming job execution " + killed);
        run.verify(name, killed, List.of(killedWindow, resumedWindow));
    }

    /** The window of the killed execution, once the requests it left in flight have reached the API. */
    private static Map<String, Long> settle(CountingApi api) throws InterruptedException {
        Thread.sleep(500);
        return api.window();
    }

    static Long awaitExecution(ScenarioRun run, ImportProcess process, long baseline) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Long execution = run.executionWithStepAfter(baseline);
            if (execution != null) {
                return execution;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the import ended before its step began:\n" + process.log());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import's step did not begin:\n" + process.log());
    }

    static void awaitRecorded(ScenarioRun run, ImportProcess process, long execution, long atLeast) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (run.recordedAndAttempts(execution)[0] >= atLeast) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the import ended early:\n" + process.log());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + atLeast + " outcomes in time:\n" + process.log());
    }

    static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }
}
