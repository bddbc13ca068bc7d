package net.ringpool.exporting;

import static net.ringpool.exporting.ExportFixtures.pool;
import static net.ringpool.pool.RingPoolField.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.cli.ExitCode;
import net.ringpool.pool.CsvLayout;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export job end to end: a real {@code serve} over HTTP, the job database on PostgreSQL. */
class ExportFunctionalTests {

    private static final String LOSSLESS = "711";
    private static final String WALKED = "712";
    private static final String OTHER = "713";

    private static RingPoolServer server;
    private static final Map<String, Map<String, Object>> created = new LinkedHashMap<>();
    private static final List<Map<String, String>> losslessPools = new ArrayList<>();

    @TempDir
    Path directory;

    @BeforeAll
    static void startServeAndCreatePools() throws Exception {
        server = ExportFixtures.serve(FaultSettings.none(),
                Map.of("token-711", LOSSLESS, "token-712", WALKED, "token-713", OTHER));
        losslessPools.addAll(List.of(
                pool("lossless-1", NAME, "Comma, \"quoted\" and\nnewline",
                        param(1), "=SUM(A1:A2)", param(2), "+44 20 7946 0000", param(3), "-minus", param(4), "@mention",
                        param(5), "", param(6), "   ", param(7), "\ttab first", param(8), "'apostrophe",
                        param(9), "Grüße, Ωmega, 東京", param(10), "emoji 😀👍🏽",
                        DESTINATION_URL, "https://example.com/landing?utm=a,b&x=%22q%22",
                        TRACKING_URL, "http://t.example.com/t?id=1", LIFETIME_SECONDS, "0", MAX_POOL_SIZE, "3",
                        PREFERRED, "true", IS_FIRST_PREFERENCE, "false", LOCAL_CENTER_TN_PREFIX, "805612",
                        TN_PREFIX_WHITELIST, "805|805612"),
                pool("lossless-2", NAME, "=HYPERLINK(\"http://evil.example\")", POOL_TYPE, "SearchKeyword",
                        DESTINATION_TYPE, "API", param(1), "line1\r\nline2", param(2), "-12.5", param(3), "\rcarriage",
                        param(4), "''double", param(5), "'=already guarded", LOCAL_CENTER_ZIPCODE, "93101-1234",
                        PREFERRED, "false", IS_FIRST_PREFERENCE, "true", MAX_POOL_SIZE, "10000"),
                pool("lossless-3", NAME, "Ünïcödé 🚀 pool", POOL_TYPE, "ReferralDomainWithSearchTracking",
                        LOCAL_CENTER_LATITUDE, "34.42", LOCAL_CENTER_LONGITUDE, "-119.7", TN_PREFIX_WHITELIST, "415",
                        param(1), "\"", param(2), ",", param(3), " leading and trailing "),
                pool("größe 7+1", NAME, "+plus first", param(1), "@", param(2), "-", param(3), "="),
                pool("10", NAME, "   padded name   ", POOL_TYPE, "Search")));
        for (Map<String, String> cells : losslessPools) {
            created.put(cells.get(ID_FROM_NETWORK),
                    ExportFixtures.putPool(server, LOSSLESS, "token-711", "1", "100", cells));
        }

        createWalkedNetwork();
    }

    /** Network 712: advertisers and campaigns created out of order, one advertiser and one campaign without pools. */
    private static void createWalkedNetwork() throws Exception {
        putIn(WALKED, "alpha", "c", "only");
        putIn(WALKED, "10", "2", "b", "a");
        putIn(WALKED, "9", "1", "x", "20", "3");
        putIn(WALKED, "10", "10", "1");
        ExportFixtures.putParent(server, WALKED, "token-712", "advertisers/empty.json");
        ExportFixtures.putParent(server, WALKED, "token-712", "advertisers/9/advertiser_campaigns/5.json");
        putIn(OTHER, "9", "1", "other-network");
    }

    private static void putIn(String network, String advertiser, String campaign, String... poolIds) throws Exception {
        for (String id : poolIds) {
            ExportFixtures.putPool(server, network, "token-" + network, advertiser, campaign,
                    pool(id, NAME, "Pool " + id + " of " + advertiser + "/" + campaign));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String[] export(String network, Path output, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("export", "--api-url", server.baseUrl(), "--network-id", network,
                "--token-file", ExportFixtures.tokenFile(directory, "token-" + network).toString(),
                "-o", output.toString(), "--retry-backoff-ms", "0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void everyCellSurvivesTheRoundTripThroughTheFile() throws Exception {
        // given
        Path output = directory.resolve("pools.csv");

        // when
        ExportFixtures.Run run = ExportFixtures.run(export(LOSSLESS, output, "--campaign", "1/100"));

        // then
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("exported 5 pools from 1 campaign to " + output.toAbsolutePath());
        assertThat(ExportFixtures.header(output, ',')).isEqualTo(CsvLayout.columns());
        List<Map<String, String>> rows = ExportFixtures.readCsv(output, ',');
        assertThat(rows).extracting(row -> row.get(ID_FROM_NETWORK))
                .containsExactly("10", "größe 7+1", "lossless-1", "lossless-2", "lossless-3");
        for (Map<String, String> row : rows) {
            Map<String, String> sent = losslessPools.stream()
                    .filter(p -> p.get(ID_FROM_NETWORK).equals(row.get(ID_FROM_NETWORK))).findFirst().orElseThrow();
            sent.forEach((column, value) -> assertThat(row.get(column))
                    .as("%s of pool %s", column, row.get(ID_FROM_NETWORK)).isEqualTo(value));
            assertThat(row.get(CsvLayout.ADVERTISER_ID)).isEqualTo("1");
            assertThat(row.get(CsvLayout.CAMPAIGN_ID)).isEqualTo("100");
            assertThat(row.get(CsvLayout.ACTION)).isEmpty();
            String id = String.valueOf(created.get(row.get(ID_FROM_NETWORK)).get("id"));
            assertThat(row.get(CsvLayout.ID)).isEqualTo(id);
            assertThat(row.get(CsvLayout.OBJECT_URL)).startsWith(server.baseUrl()).endsWith("/" + id);
            assertThat(row.get(CsvLayout.TEST_CLICK_URL)).startsWith(server.baseUrl()).contains("/" + id + "/");
            assertThat(row.get(CsvLayout.SAMPLE_API_URL)).startsWith(server.baseUrl()).contains("/" + id + "/");
            assertThat(row.get(CsvLayout.API_KEY)).isEmpty();
        }
        String raw = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(raw).contains("'=SUM(A1:A2)").contains("'+44 20 7946 0000").contains("'@mention")
                .contains(",-12.5,").doesNotContain(",=SUM");
        assertThat(ExportFixtures.files(directory)).containsExactlyInAnyOrder("pools.csv", "token-token-711");
    }

    @Test
    void allWalksEveryAdvertiserAndCampaignInTheStableOrderAndNothingOfAnotherNetwork() throws Exception {
        // given
        Path output = directory.resolve("network.csv");

        // when
        ExportFixtures.Run run = ExportFixtures.run(export(WALKED, output, "--all", "--concurrency", "3"));

        // then
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("exported 7 pools from 5 campaigns");
        assertThat(ExportFixtures.readCsv(output, ','))
                .extracting(row -> row.get(CsvLayout.ADVERTISER_ID) + "/" + row.get(CsvLayout.CAMPAIGN_ID) + "/"
                        + row.get(ID_FROM_NETWORK) + " " + row.get(NAME))
                .containsExactly(
                        "9/1/3 Pool 3 of 9/1",
                        "9/1/20 Pool 20 of 9/1",
                        "9/1/x Pool x of 9/1",
                        "10/2/a Pool a of 10/2",
                        "10/2/b Pool b of 10/2",
                        "10/10/1 Pool 1 of 10/10",
                        "alpha/c/only Pool only of alpha/c");
    }

    @Test
    void aMappingFileWritesTheCustomersLayout() throws Exception {
        // given
        Path mapping = directory.resolve("layout.txt");
        Files.writeString(mapping, String.join("\n",
                "# their spreadsheet",
                "Pool ID=id_from_network",
                "Pool Name=name",
                "Campaign=advertiser_campaign_id_from_network",
                "Advertiser=advertiser_id_from_network",
                "Type=pool_type",
                "Destination=destination_type",
                "Notes; free text=param1"));
        Path output = directory.resolve("customer.csv");

        // when
        ExportFixtures.Run run = ExportFixtures.run(export(WALKED, output, "--campaign", "10/2", "--campaign", "9/1",
                "--mapping", mapping.toString(), "--delimiter", ";", "--bom"));

        // then
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).doesNotContain("warning");
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).startsWith("\uFEFFPool ID;Pool Name;Campaign;");
        List<Map<String, String>> rows = ExportFixtures.readCsv(output, ';');
        assertThat(rows.get(0).keySet()).containsExactly("Pool ID", "Pool Name", "Campaign", "Advertiser", "Type",
                "Destination", "Notes; free text");
        assertThat(rows).extracting(row -> String.join("|", row.values())).containsExactly(
                "3|Pool 3 of 9/1|1|9|Custom|Advertiser|",
                "20|Pool 20 of 9/1|1|9|Custom|Advertiser|",
                "x|Pool x of 9/1|1|9|Custom|Advertiser|",
                "a|Pool a of 10/2|2|10|Custom|Advertiser|",
                "b|Pool b of 10/2|2|10|Custom|Advertiser|");
    }

    @Test
    void apiKeyIsWrittenOnlyWithIncludeSecrets() throws Exception {
        // given
        Path plain = directory.resolve("plain.csv");
        Path secret = directory.resolve("secret.csv");

        // when
        ExportFixtures.Run withoutSecrets = ExportFixtures.run(export(LOSSLESS, plain, "--campaign", "1/100"));
        ExportFixtures.Run withSecrets = ExportFixtures.run(export(LOSSLESS, secret, "--campaign", "1/100",
                "--include-secrets"));

        // then
        assertThat(withoutSecrets.exitCode()).as(withoutSecrets.toString()).isEqualTo(ExitCode.OK);
        assertThat(withSecrets.exitCode()).as(withSecrets.toString()).isEqualTo(ExitCode.OK);
        assertThat(ExportFixtures.readCsv(plain, ',')).allSatisfy(row -> assertThat(row.get("api_key")).isEmpty());
        List<Map<String, String>> rows = ExportFixtures.readCsv(secret, ',');
        assertThat(rows).hasSize(5).allSatisfy(row -> assertThat(row.get("api_key"))
                .matches("[0-9a-f]{32}")
                .isEqualTo(created.get(row.get(ID_FROM_NETWORK)).get("api_key")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(plain)).doesNotContain(String.valueOf(created.get("lossless-1").get("api_key")));
    }

    @Test
    void aCampaignThatIsNotFoundIsNamedAndRecordedWhileTheOthersAreExported() throws Exception {
        // given
        Path output = directory.resolve("partly.csv");

        // when
        ExportFixtures.Run run = ExportFixtures.run(export(WALKED, output, "--campaign", "10/2", "--campaign", "9/404",
                "--campaign", "alpha/c"));

        // then
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.ROWS_FAILED);
        assertThat(run.out()).contains("exported 3 pools from 2 of 3 campaigns")
                .contains("1 campaign could not be read:")
                .contains("9/404  REJECTED  HTTP 404, 1 attempt: ")
                .contains("Could not find AdvertiserCampaign 404 for advertiser 9");
        assertThat(ExportFixtures.readCsv(output, ',')).extracting(row -> row.get(ID_FROM_NETWORK))
                .containsExactly("a", "b", "only");
        long jobExecutionId = run.jobExecutionId();
        assertThat(ExportFixtures.outcomes(jobExecutionId)).containsExactly(
                "9/404 REJECTED 404 0 1",
                "10/2 EXPORTED 200 2 1",
                "alpha/c EXPORTED 200 1 1");
        assertThat(jobStatus(jobExecutionId)).isEqualTo("COMPLETED COMPLETED_WITH_FAILED_CAMPAIGNS");
    }

    @Test
    void aRefusedTokenFailsTheExportAndWritesNothing() throws Exception {
        // given
        Path output = directory.resolve("refused.csv");
        String[] args = export(WALKED, output, "--all");
        args[6] = ExportFixtures.tokenFile(directory, "token-711").toString();

        // when
        ExportFixtures.Run run = ExportFixtures.run(args);

        // then
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).startsWith("error: the API refused the token for network 712 (HTTP 401")
                .doesNotContain("token-711").doesNotContain("Exception");
        assertThat(ExportFixtures.files(directory)).containsExactly("token-token-711", "token-token-712");
    }

    private static String jobStatus(long jobExecutionId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.postgresUrl(),
                TestDatabase.postgresUser(), "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT status, exit_code FROM batch_job_execution "
                        + "WHERE job_execution_id = " + jobExecutionId)) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }
}
