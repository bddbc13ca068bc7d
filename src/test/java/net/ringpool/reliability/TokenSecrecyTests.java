package net.ringpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The API token is never logged, stored or written (PRODUCT.md, Credentials): imports and exports with a
 * recognisable token, with {@code --debug}, in both auth modes, through rows that fail every way and a
 * serve that drops every connection, then a search of everything they left: output, log lines, files,
 * and every value of every table of the database, Base64-stored execution contexts decoded. The pools'
 * {@code api_key}s are searched for in the export and the output too: without {@code --include-secrets}
 * an export leaves the column empty ({@code ExportFunctionalTests.apiKeyIsWrittenOnlyWithIncludeSecrets}
 * shows it written with the flag).
 */
@Tag("reliability")
class TokenSecrecyTests {

    private static final String TOKEN = "tok-SECRET-7f3a9c";
    private static final String NETWORK = "7601";
    private static final String OTHER_NETWORK = "7602";
    private static final String ROOT_LEVEL = "logging.level.root";

    @TempDir
    Path directory;

    @Test
    void theTokenIsInNoOutputLogFileOutcomeOrJobRepositoryValue() throws Exception {
        // given a serve that knows the token, and a file whose rows end every way
        Path tokenFile = Files.writeString(directory.resolve("token"), TOKEN + "\n");
        Path file = Files.writeString(directory.resolve("pools.csv"), BadInputFile.HEADER + ",action\n"
                + "adv,c1,s-1,Created,Search,Advertiser,\n"
                + "adv,c1,s-2,Created then deleted,Search,Advertiser,\n"
                + "adv,c1,s-3,,Search,Advertiser,\n"
                + "adv,c1,s-404,Update of a missing pool,Search,Advertiser,update\n"
                + "adv,c1,s-2,,,,delete\n"
                + "adv,c2,s-1,Id taken in another campaign,Search,Advertiser,\n");
        List<CapturedRun> runs = new ArrayList<>();
        // --debug, and every library at DEBUG as an operator chasing a problem would set it
        System.setProperty(ROOT_LEVEL, "DEBUG");
        Map<String, JsonNode> pools;
        try (RingPoolServer server = serve(FaultSettings.none());
                RingPoolServer dropping = serve(new FaultSettings(0, 0, 0, 0, 1.0, 1, 1))) {

            // when it is imported and exported with --debug, in header and query mode
            runs.add(run(ExitCode.ROWS_FAILED, "import", file.toString(), "--api-url", server.baseUrl(),
                    "--network-id", NETWORK, "--token-file", tokenFile.toString(), "--debug",
                    "--out", directory.resolve("out-header").toString()));
            runs.add(run(ExitCode.ROWS_FAILED, "import", file.toString(), "--api-url", server.baseUrl(),
                    "--network-id", NETWORK, "--token-file", tokenFile.toString(), "--debug", "--auth", "query",
                    "--only-changed", "--out", directory.resolve("out-query").toString()));
            runs.add(run(ExitCode.OK, "export", "--all", "-o", directory.resolve("all.csv").toString(),
                    "--api-url", server.baseUrl(), "--network-id", NETWORK, "--token-file", tokenFile.toString(),
                    "--debug", "--auth", "query"));
            runs.add(run(ExitCode.ROWS_FAILED, "export", "--campaign", "adv/c1", "--campaign", "adv/404",
                    "-o", directory.resolve("some.csv").toString(), "--api-url", server.baseUrl(), "--network-id",
                    NETWORK, "--token-file", tokenFile.toString(), "--debug"));
            // and against a network the token does not grant, and a serve that drops every connection
            runs.add(run(ExitCode.FAILED, "import", file.toString(), "--api-url", server.baseUrl(),
                    "--network-id", OTHER_NETWORK, "--token-file", tokenFile.toString(), "--debug", "--auth", "query",
                    "--out", directory.resolve("out-refused").toString()));
            runs.add(run(ExitCode.FAILED, "export", "--all", "-o", directory.resolve("refused.csv").toString(),
                    "--api-url", server.baseUrl(), "--network-id", OTHER_NETWORK, "--token-file",
                    tokenFile.toString(), "--debug", "--auth", "query"));
            runs.add(run(ExitCode.FAILED, "import", file.toString(), "--api-url", dropping.baseUrl(),
                    "--network-id", NETWORK, "--token-file", tokenFile.toString(), "--debug", "--auth", "query",
                    "--max-attempts", "2", "--retry-backoff-ms", "0", "--max-consecutive-failures", "2",
                    "--out", directory.resolve("out-dropped").toString()));
            pools = NetworkPools.of(server, NETWORK, TOKEN);
        } finally {
            System.clearProperty(ROOT_LEVEL);
        }

        // then the search covered what the runs left: debug logs, outcome and export files, the job repository
        List<String> apiKeys = pools.values().stream().map(pool -> pool.get("api_key").asString()).toList();
        assertThat(pools.keySet()).containsExactlyInAnyOrder("s-1");
        assertThat(apiKeys).allSatisfy(key -> assertThat(key).isNotBlank());
        assertThat(runs).allSatisfy(run -> assertThat(run.logs()).contains(" DEBUG "));
        assertThat(directory.resolve("out-header/outcomes.csv")).exists();
        assertThat(directory.resolve("out-query/errors.csv")).exists();
        assertThat(directory.resolve("all.csv")).exists();
        assertThat(directory.resolve("some.csv")).exists();
        assertThat(directory.resolve("refused.csv")).doesNotExist();

        SecretScan token = new SecretScan(List.of(TOKEN, "SECRET-7f3a9c"));
        SecretScan keys = new SecretScan(apiKeys);
        for (int i = 0; i < runs.size(); i++) {
            token.text("run " + (i + 1), runs.get(i).everything());
            keys.text("run " + (i + 1), runs.get(i).everything());
        }
        token.files(directory, directory.resolve("token"));
        keys.files(directory, directory.resolve("token"));
        token.database();
        assertThat(token.filesSearched()).isGreaterThanOrEqualTo(8);
        assertThat(token.valuesSearched()).isGreaterThan(100);
        assertThat(token.valuesDecoded()).as("execution contexts decoded").isPositive();
        assertThat(token.found()).as("places holding the token").isEmpty();
        assertThat(keys.found()).as("places holding an api_key").isEmpty();
    }

    private static CapturedRun run(int expectedExitCode, String... args) {
        CapturedRun run = CapturedRun.run(args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(expectedExitCode);
        return run;
    }

    private static RingPoolServer serve(FaultSettings faults) {
        Map<String, Object> database = new LinkedHashMap<>(TestDatabase.postgres());
        return RingPoolServer.start(0, "127.0.0.1", new ServeSettings(Map.of(TOKEN, NETWORK, "tok-other", OTHER_NETWORK),
                Set.of(), false, faults), database, true);
    }
}
