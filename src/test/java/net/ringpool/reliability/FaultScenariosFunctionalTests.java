package net.ringpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * One import per kind of fault the production API shows, against {@code serve} injecting it, then the invariants.
 * Retries are raised where a fault strikes a third of the requests, so that no row runs out of them by bad luck;
 * the rate-limit scenario runs on the client's defaults, as a nightly job would.
 */
@Tag("reliability")
class FaultScenariosFunctionalTests {

    private static final int ROWS = 250;
    private static final String[] MANY_RETRIES = {"--max-attempts", "10", "--retry-backoff-ms", "20"};

    @TempDir
    Path directory;

    @Test
    void serviceUnavailableAnswers() throws Exception {
        scenario("faults: 30% 503", "7201", new FaultSettings(0, 0.3, 0, 0, 0, 11, 0), MANY_RETRIES);
    }

    @Test
    void tooManyRequestsWithRetryAfter() throws Exception {
        scenario("faults: 30% 429, Retry-After 1 s", "7202", new FaultSettings(0, 0, 0.3, 0, 0, 12, 1), MANY_RETRIES);
    }

    @Test
    void latencySpikesOfSeconds() throws Exception {
        scenario("faults: 5% latency spikes of 3 s", "7203", new FaultSettings(5, 0, 0, 0, 0, 13, 1, 0.05, 3000));
    }

    @Test
    void droppedConnections() throws Exception {
        scenario("faults: 20% dropped connections", "7204", new FaultSettings(0, 0, 0, 0, 0.2, 14, 1), MANY_RETRIES);
    }

    @Test
    void allFaultsTogether() throws Exception {
        scenario("faults: all together", "7205", new FaultSettings(10, 0.1, 0.1, 150, 0.1, 15, 1, 0.03, 2500),
                MANY_RETRIES);
    }

    @Test
    void aRateLimitBelowTheClientsRequestRate() throws Exception {
        scenario("faults: rate limit 40/s per token", "7206", new FaultSettings(0, 0, 0, 40, 0, 16, 1));
    }

    @Test
    void droppedConnectionsLeaveTheConsoleToTheCommand() throws Exception {
        // given an API dropping a fifth of the connections, and the import in a JVM of its own, so that its whole
        // console is seen as a user sees it
        ScenarioRun run = new ScenarioRun(directory.resolve("console"), "7207", 100, 0);
        try (CountingApi api = new CountingApi(run.network(), run.token(), new FaultSettings(0, 0, 0, 0, 0.2, 17, 1));
                ImportProcess process = ImportProcess.start(run.args(api.baseUrl(), MANY_RETRIES),
                        directory.resolve("console.log"))) {

            // when the import runs to its end
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the import ended").isTrue();

            // then the drops were retried into outcomes, and the console holds the command's lines, not a
            // reactor-netty warning for each drop
            String console = process.log();
            assertThat(process.exitCode()).as(console).isEqualTo(ExitCode.OK);
            assertThat(api.window().values().stream().mapToLong(Long::longValue).sum()).as("requests received")
                    .isGreaterThan(100);
            assertThat(console).contains("import COMPLETED").contains("rows:     100 (100 CREATED)")
                    .doesNotContain("HttpClientConnect").doesNotContain("PrematureCloseException");
        }
    }

    private void scenario(String name, String network, FaultSettings faults, String... options) throws Exception {
        // given an API injecting the fault and a file with some invalid rows
        ScenarioRun run = new ScenarioRun(directory, network, ROWS, 0.05);
        try (CountingApi api = new CountingApi(network, run.token(), faults)) {

            // when the import runs once
            Result result = CommandLine.run(run.argv(api.baseUrl(), options));

            // then it completed, the fault struck, and the invariants hold
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.ROWS_FAILED);
            List<Map<String, Long>> windows = List.of(api.window());
            long sent = windows.get(0).values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%s: %d requests for %d rows in %.1f s%n", name, sent, ROWS, result.seconds());
            run.verify(name, result.jobExecutionId(), windows);
            if (faults.failRate() + faults.throttleRate() + faults.dropRate() + faults.rateLimit() > 0) {
                assertThat(sent).as("requests the API received").isGreaterThan(ROWS);
            }
        }
    }
}
