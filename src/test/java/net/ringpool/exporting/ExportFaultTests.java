package net.ringpool.exporting;

import static net.ringpool.exporting.ExportFixtures.pool;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.cli.ExitCode;
import net.ringpool.pool.CsvLayout;
import net.ringpool.pool.RingPoolField;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export against a {@code serve} that drops connections: through retries when some are dropped, and
 * a clean failure, with the target untouched and no temporary file, when all are.
 */
class ExportFaultTests {

    private static final String NETWORK = "721";
    private static final String TOKEN = "token-721";
    private static final int ADVERTISERS = 3;
    private static final int CAMPAIGNS = 4;
    private static final int POOLS = 15;

    private static RingPoolServer healthy;
    private static RingPoolServer flaky;
    private static RingPoolServer dead;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServersAndCreatePools() throws Exception {
        Map<String, String> tokens = Map.of(TOKEN, NETWORK);
        healthy = ExportFixtures.serve(FaultSettings.none(), tokens);
        flaky = ExportFixtures.serve(new FaultSettings(0, 0, 0, 0, 0.4, 42, 0), tokens);
        dead = ExportFixtures.serve(new FaultSettings(0, 0, 0, 0, 1.0, 42, 0), tokens);
        for (int a = 1; a <= ADVERTISERS; a++) {
            for (int c = 1; c <= CAMPAIGNS; c++) {
                List<Map<String, String>> pools = new ArrayList<>();
                for (int p = 1; p <= POOLS; p++) {
                    String id = a + "-" + c + "-" + p;
                    pools.add(pool(id, RingPoolField.NAME, "Flaky pool " + id, RingPoolField.param(1), "=" + id));
                }
                ExportFixtures.putPools(healthy, NETWORK, TOKEN, "adv" + a, "camp" + c, pools, 8);
            }
        }
    }

    @AfterAll
    static void stop() {
        for (RingPoolServer server : new RingPoolServer[] {healthy, flaky, dead}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private String[] export(RingPoolServer server, Path output, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("export", "--api-url", server.baseUrl(), "--network-id", NETWORK,
                "--token-file", ExportFixtures.tokenFile(directory, TOKEN).toString(), "-o", output.toString(),
                "--retry-backoff-ms", "5", "--timeout", "5"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void droppedConnectionsAreRetriedUntilEveryPoolIsExported() throws Exception {
        // given
        Path expected = directory.resolve("healthy.csv");
        Path output = directory.resolve("flaky.csv");
        ExportFixtures.Run reference = ExportFixtures.run(export(healthy, expected, "--all"));

        // when
        // one campaign at a time, so that the seeded server drops the same requests on every run
        ExportFixtures.Run run = ExportFixtures.run(export(flaky, output, "--all", "--max-attempts", "15",
                "--concurrency", "1"));

        // then
        assertThat(reference.exitCode()).as(reference.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        int total = ADVERTISERS * CAMPAIGNS * POOLS;
        assertThat(run.out()).contains("exported " + total + " pools from " + ADVERTISERS * CAMPAIGNS + " campaigns");
        assertThat(withoutLinks(ExportFixtures.readCsv(output, ',')))
                .hasSize(total)
                .isEqualTo(withoutLinks(ExportFixtures.readCsv(expected, ',')));
        List<String> outcomes = ExportFixtures.outcomes(run.jobExecutionId());
        assertThat(outcomes).hasSize(ADVERTISERS * CAMPAIGNS).allMatch(outcome -> outcome.contains(" EXPORTED 200 "));
        int attempts = outcomes.stream().mapToInt(outcome -> Integer.parseInt(outcome.replaceAll(".* ", ""))).sum();
        assertThat(attempts).as("requests sent for %d campaigns", outcomes.size()).isGreaterThan(outcomes.size());
        assertThat(ExportFixtures.files(directory)).containsExactly("flaky.csv", "healthy.csv", "token-" + TOKEN);
    }

    @Test
    void anApiThatNeverAnswersFailsTheExportAndLeavesTheTargetAsItWas() throws Exception {
        // given
        Path output = directory.resolve("pools.csv");
        Files.writeString(output, "yesterday's export\n");

        // when
        ExportFixtures.Run walk = ExportFixtures.run(export(dead, output, "--all", "--max-attempts", "2"));
        ExportFixtures.Run listed = ExportFixtures.run(export(dead, output, "--campaign", "adv1/camp1",
                "--campaign", "adv1/camp2", "--campaign", "adv2/camp1", "--campaign", "adv3/camp4",
                "--max-attempts", "2"));

        // then
        assertThat(walk.exitCode()).as(walk.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(walk.err()).startsWith("error: cannot list the advertisers of network 721: "
                + "the API closed the connection without an answer (after 2 attempts)");
        assertThat(listed.exitCode()).as(listed.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(listed.err()).startsWith("error: the API is unavailable: 3 campaigns in a row failed after their "
                + "retries").doesNotContain("Exception");
        assertThat(listed.out()).contains("was not written");
        assertThat(Files.readString(output)).isEqualTo("yesterday's export\n");
        assertThat(ExportFixtures.files(directory)).containsExactly("pools.csv", "token-" + TOKEN);
    }

    /** The link columns name the server's port, which differs between the two servers. */
    private static List<Map<String, String>> withoutLinks(List<Map<String, String>> rows) {
        return rows.stream().map(row -> {
            Map<String, String> kept = new LinkedHashMap<>(row);
            kept.remove(CsvLayout.OBJECT_URL);
            kept.remove(CsvLayout.TEST_CLICK_URL);
            kept.remove(CsvLayout.SAMPLE_API_URL);
            return kept;
        }).toList();
    }
}
