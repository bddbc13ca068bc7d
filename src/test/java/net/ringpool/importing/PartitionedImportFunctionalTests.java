package net.ringpool.importing;

import static net.ringpool.importing.ImportFixtures.apiPools;
import static net.ringpool.importing.ImportFixtures.campaignsOf;
import static net.ringpool.importing.ImportFixtures.generate;
import static net.ringpool.importing.ImportFixtures.validRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.pool.RingPool;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;
import net.ringpool.support.Outcomes;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --partitions N} without --remote: the partitions run on a thread pool of the importing process. */
class PartitionedImportFunctionalTests {

    private static final String NETWORK = "5301";
    private static final String TOKEN = "partitioned-import-token";
    private static RingPoolServer server;
    private final Outcomes outcomes = new Outcomes();

    @TempDir
    static Path directory;

    @BeforeAll
    static void start() {
        server = RingPoolServer.start(0, "127.0.0.1",
                new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false, FaultSettings.none()),
                TestDatabase.postgres(), false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoThousandRowsInFourPartitionsEndWithOneOutcomePerLineAndExactlyTheValidPools() throws Exception {
        // given 2,000 rows over 12 campaigns, 2% of them invalid
        Path file = generate(directory, "two-thousand.csv", 2000, 0.02, "part-");
        Map<String, PoolRequest> valid = validRows(file);

        // when
        Result imported = CommandLine.run("import", file.toString(), "--api-url", server.baseUrl(), "--network-id",
                NETWORK, "--token-file", ImportFixtures.tokenFile(directory, TOKEN).toString(), "--partitions", "4",
                "--chunk-size", "50", "--out", directory.resolve("out").toString(), "--db", TestDatabase.postgresUrl(),
                "--db-user", TestDatabase.postgresUser());

        // then four partition steps completed, each its own share of the lines
        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(ExitCode.ROWS_FAILED);
        long execution = imported.jobExecutionId();
        assertThat(outcomes.jdbc().queryForList("SELECT step_name FROM batch_step_execution WHERE job_execution_id = ? "
                + "AND status = 'COMPLETED' ORDER BY step_name", String.class, execution))
                .containsExactly("importPartitions", "importRows:partition000", "importRows:partition001",
                        "importRows:partition002", "importRows:partition003");
        assertThat(outcomes.jdbc().queryForList("SELECT write_count FROM batch_step_execution WHERE job_execution_id = ? "
                + "AND step_name LIKE 'importRows:%'", Long.class, execution)).allSatisfy(rows ->
                assertThat(rows).isBetween(400L, 600L));

        // and every line has exactly one outcome
        Map<String, Object> lines = outcomes.jdbc().queryForMap("SELECT COUNT(*) AS outcomes, COUNT(DISTINCT line_number) "
                + "AS lines, MIN(line_number) AS first, MAX(line_number) AS last, COUNT(*) FILTER (WHERE status = "
                + "'INVALID') AS invalid FROM ringpool_row_outcome WHERE job_execution_id = ?", execution);
        assertThat(lines).containsEntry("outcomes", 2000L).containsEntry("lines", 2000L).containsEntry("first", 2L)
                .containsEntry("last", 2001L).containsEntry("invalid", 2000L - valid.size());

        // and the API holds exactly the valid pools, field by field
        Map<String, RingPool> held = apiPools(server, NETWORK, TOKEN, campaignsOf(file));
        held.keySet().removeIf(id -> !id.startsWith("part-"));
        assertThat(held.keySet()).isEqualTo(valid.keySet());
        valid.forEach((id, row) -> assertThat(ImportFixtures.sameWritableFields(held.get(id), row))
                .as("pool %s", id).isTrue());

        // and the outcome files cover every partition as one execution
        assertThat(Files.readAllLines(directory.resolve("out").resolve("outcomes.csv"))).hasSize(2001);
        assertThat(Files.readAllLines(directory.resolve("out").resolve("errors.csv"))).hasSize(2001 - valid.size());
    }
}
