package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.pool.RingPool;
import net.ringpool.sample.PoolFileGenerator;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;
import net.ringpool.support.Outcomes;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import against an API that fails, throttles, drops connections, or is down. */
class ImportFaultsFunctionalTests {

    private static final String NETWORK = "5102";
    private static final String TOKEN = "import-faults-token";
    private final Outcomes outcomes = new Outcomes();

    @TempDir
    Path directory;

    @Test
    void everyValidRowIsWrittenDespiteFaultsAndNoRowIsSentMoreOftenThanItsAttemptsSay() throws Exception {
        // given an API answering 20% 503, 10% 429 and dropping 5% of the connections
        FaultSettings faults = new FaultSettings(0, 0.2, 0.1, 0, 0.05, 3, 0);
        Path file = ImportFixtures.generate(directory, "faults.csv", 600, 0.05, "f-");
        Map<String, PoolRequest> valid = ImportFixtures.validRows(file);
        try (RingPoolServer server = serve(0, faults)) {

            // when
            Result result = CommandLine.run(args(server, file, "--max-attempts", "12", "--retry-backoff-ms", "1"));

            // then every valid row is CREATED, every invalid one INVALID
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.ROWS_FAILED);
            List<Map<String, Object>> rows = outcomes.ofInstance(result.jobExecutionId());
            assertThat(rows).hasSize(600);
            for (Map<String, Object> row : rows) {
                String id = (String) row.get("id_from_network");
                assertThat(row.get("status")).as("row %s", id)
                        .isEqualTo(id.endsWith(PoolFileGenerator.INVALID_SUFFIX) ? "INVALID" : "CREATED");
            }

            // and the server received for each pool exactly the requests its outcome counts
            Map<String, Long> received = ImportFixtures.requestsPerPool(server, NETWORK);
            Map<String, Long> attempts = new HashMap<>();
            rows.forEach(row -> attempts.put((String) row.get("id_from_network"),
                    ((Number) row.get("attempts")).longValue()));
            attempts.values().removeIf(count -> count == 0);
            assertThat(received).isEqualTo(attempts);
            assertThat(attempts.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(valid.size() * 5L / 4);

            // and the API holds exactly the valid pools
            Map<String, RingPool> held = ImportFixtures.apiPools(server, NETWORK, TOKEN, ImportFixtures.campaignsOf(file));
            assertThat(held.keySet()).isEqualTo(valid.keySet());
        }
    }

    @Test
    void anApiThatIsDownStopsTheRunWhichResumesWhenTheApiIsBack() throws Exception {
        // given nothing listens where the API should be
        int port = ImportFixtures.freePort();
        Path file = ImportFixtures.generate(directory, "down.csv", 120, 0, "down-");
        String[] args = {"import", file.toString(), "--api-url", "http://127.0.0.1:" + port, "--network-id", NETWORK,
                "--token-file", ImportFixtures.tokenFile(directory, TOKEN).toString(), "--max-attempts", "2",
                "--retry-backoff-ms", "1", "--max-consecutive-failures", "10", "--chunk-size", "40",
                "--out", directory.resolve("out").toString(), "--db", TestDatabase.postgresUrl(), "--db-user",
                TestDatabase.postgresUser()};

        // when
        Result down = CommandLine.run(args);

        // then the run stops without recording a single FAILED row
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(down.err()).startsWith("error: stopped: the API is unreachable (gave up after 2 attempts: "
                + "cannot connect to the API); run the same command again to resume");
        assertThat(outcomes.statusByLine(down.jobExecutionId())).isEmpty();

        // when the API is back and the same command runs again
        try (RingPoolServer server = serve(port, FaultSettings.none())) {
            Result resumed = CommandLine.run(args);

            // then the same run resumes and completes
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.OK);
            assertThat(outcomes.instanceOf(resumed.jobExecutionId())).isEqualTo(outcomes.instanceOf(down.jobExecutionId()));
            assertThat(outcomes.statusByLine(resumed.jobExecutionId())).hasSize(120)
                    .allSatisfy((line, status) -> assertThat(status).isEqualTo("CREATED"));
        }
    }

    private static RingPoolServer serve(int port, FaultSettings faults) {
        return RingPoolServer.start(port, "127.0.0.1", new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false, faults),
                ImportFixtures.countingServe(), false);
    }

    private String[] args(RingPoolServer server, Path file, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--api-url", server.baseUrl(),
                "--network-id", NETWORK, "--token-file", ImportFixtures.tokenFile(directory, TOKEN).toString(),
                "--out", directory.resolve("out-" + System.nanoTime()).toString()));
        args.addAll(List.of(TestDatabase.postgresOptions()));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }
}
