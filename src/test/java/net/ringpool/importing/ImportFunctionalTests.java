package net.ringpool.importing;

import static net.ringpool.importing.ImportFixtures.apiPools;
import static net.ringpool.importing.ImportFixtures.campaignsOf;
import static net.ringpool.importing.ImportFixtures.generate;
import static net.ringpool.importing.ImportFixtures.validRows;
import static net.ringpool.importing.ImportFixtures.writeRequests;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.client.RingPoolClient;
import net.ringpool.outcome.OutcomeStatus;
import net.ringpool.pool.LocalCenter;
import net.ringpool.pool.RingPool;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;
import net.ringpool.support.Outcomes;
import net.ringpool.support.TestDatabase;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import job end to end: the command line, a real serve over HTTP, the PostgreSQL job database. */
class ImportFunctionalTests {

    private static final String NETWORK = "5101";
    private static final String TOKEN = "import-functional-token";
    private static RingPoolServer server;
    private static final Outcomes outcomes = new Outcomes();

    @TempDir
    static Path directory;

    @BeforeAll
    static void start() {
        server = RingPoolServer.start(0, "127.0.0.1",
                new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false, FaultSettings.none()),
                ImportFixtures.countingServe(), false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aThousandRowsAreCreatedThenUpdatedThenFoundUnchanged() throws Exception {
        // given
        Path file = generate(directory, "thousand.csv", 1000, 0, "k-");
        Map<String, PoolRequest> expected = validRows(file);

        // when
        Result created = importFile(file);

        // then every row is CREATED and the API holds exactly these pools, field by field
        assertThat(created.exitCode()).as(created.toString()).isEqualTo(ExitCode.OK);
        assertThat(outcomes.statusByLine(created.jobExecutionId())).hasSize(1000)
                .allSatisfy((line, status) -> assertThat(status).isEqualTo("CREATED"));
        Map<String, RingPool> held = apiPools(server, NETWORK, TOKEN, campaignsOf(file));
        held.keySet().removeIf(id -> !id.startsWith("k-"));
        assertThat(held.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, row) -> assertThat(ImportFixtures.sameWritableFields(held.get(id), row))
                .as("pool %s", id).isTrue());
        assertThat(Files.readAllLines(outcomesCsv(created))).hasSize(1001);

        // when the same file is imported again: a new run
        Result updated = importFile(file);

        // then
        assertThat(updated.exitCode()).as(updated.toString()).isEqualTo(ExitCode.OK);
        assertThat(outcomes.instanceOf(updated.jobExecutionId()))
                .isNotEqualTo(outcomes.instanceOf(created.jobExecutionId()));
        assertThat(outcomes.statusByLine(updated.jobExecutionId())).hasSize(1000)
                .allSatisfy((line, status) -> assertThat(status).isEqualTo("UPDATED"));

        // when it is imported once more with --only-changed
        long writesBefore = writeRequests(server, NETWORK);
        Result unchanged = importFile(file, "--only-changed");

        // then nothing is written
        assertThat(unchanged.exitCode()).as(unchanged.toString()).isEqualTo(ExitCode.OK);
        assertThat(outcomes.statusByLine(unchanged.jobExecutionId())).hasSize(1000)
                .allSatisfy((line, status) -> assertThat(status).isEqualTo("UNCHANGED"));
        assertThat(writeRequests(server, NETWORK)).isEqualTo(writesBefore);
    }

    @Test
    void aFileWithMistakesRecordsEveryProblemAndStillWritesTheValidRows() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("mixed.csv"), String.join("\n",
                "Name,Pool_Type,Destination_Type,ID_From_Network,Advertiser_ID_From_Network,"
                        + "Advertiser_Campaign_ID_From_Network,Max_Pool_Size,Destination_URL,Action",
                "Valid one,Search,Advertiser,m-1,acme,c1,3,https://acme.example/1,",
                ",Billboard,Advertiser,m-2,acme,c1,0,www.no-scheme.example,",
                "Taken id,Search,Advertiser,m-1,acme,c2,,,",
                "Update of a missing pool,Search,Advertiser,m-404,acme,c1,,,update",
                "Created only once,Custom,API,m-3,acme,c1,,,create",
                "Created only once,Custom,API,m-3,acme,c1,,,create",
                "Created only once (other values),Custom,API,m-3,acme,c1,,,create",
                ",,,m-1,acme,c1,,,delete",
                "\"Quote never closed,Search,Advertiser,m-5,acme,c1,,,",
                "After the broken line,Search,Advertiser,m-6,acme,c1,,,") + "\n");

        // when
        Result result = importFile(file);

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.ROWS_FAILED);
        long execution = result.jobExecutionId();
        assertThat(outcomes.statusByLine(execution)).containsExactly(
                Map.entry(2L, "CREATED"), Map.entry(3L, "INVALID"), Map.entry(4L, "REJECTED"),
                Map.entry(5L, "REJECTED"), Map.entry(6L, "CREATED"), Map.entry(7L, "UNCHANGED"),
                Map.entry(8L, "REJECTED"), Map.entry(9L, "DELETED"), Map.entry(10L, "INVALID"),
                Map.entry(11L, "CREATED"));
        assertThat((String) outcomes.atLine(execution, 3).get("message")).isEqualTo("name: can't be blank; "
                + "pool_type: is not included in the list (Search, SearchKeyword, Custom, CustomWithSearchTracking, "
                + "ReferralDomain, ReferralDomainWithSearchTracking); destination_url: is not an absolute http(s) URL; "
                + "max_pool_size: must be greater than or equal to 1");
        assertThat(outcomes.atLine(execution, 4)).containsEntry("http_status", 403).containsEntry("message",
                "id_from_network: has already been taken by a RingPool of advertiser campaign c1 and advertiser acme");
        assertThat(outcomes.atLine(execution, 5)).containsEntry("http_status", 404).containsEntry("message",
                "RecordNotFound: Could not find RingPool m-404 for advertiser campaign c1 and advertiser acme");
        assertThat((String) outcomes.atLine(execution, 10).get("message"))
                .startsWith("line 10: a quoted cell is never closed");
        Map<String, RingPool> held = apiPools(server, NETWORK, TOKEN,
                Set.of(new CampaignPools.Campaign("acme", "c1"), new CampaignPools.Campaign("acme", "c2")));
        assertThat(held.keySet()).filteredOn(id -> id.startsWith("m-")).containsExactlyInAnyOrder("m-3", "m-6");

        // and errors.csv holds the rows that did not succeed, as read, ready to be fixed
        List<CSVRecord> errors = records(outcomesCsv(result).resolveSibling("errors.csv"));
        assertThat(errors).extracting(record -> record.get("outcome_line"))
                .containsExactly("3", "4", "5", "8", "10");
        assertThat(errors.get(0).get("Max_Pool_Size")).isEqualTo("0");
        assertThat(errors.get(1).get("outcome_http_status")).isEqualTo("403");
    }

    @Test
    void aDryRunValidatesEveryRowAndSendsNothing() throws Exception {
        // given
        Path file = generate(directory, "dry.csv", 200, 0.1, "dry-");
        long requestsBefore = ImportFixtures.allRequests(server, NETWORK);

        // when
        Result result = importFile(file, "--dry-run");

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.ROWS_FAILED);
        assertThat(result.out()).contains("dry run: nothing sent");
        Map<Long, String> statuses = outcomes.statusByLine(result.jobExecutionId());
        assertThat(statuses).hasSize(200);
        assertThat(statuses.values()).containsOnly("VALID", "INVALID").contains("INVALID");
        assertThat(ImportFixtures.allRequests(server, NETWORK)).isEqualTo(requestsBefore);
        assertThat(Files.readAllLines(outcomesCsv(result))).hasSize(201);
    }

    @Test
    void aHeaderWithoutRequiredColumnsExitsTwoWithOneLineAndSendsNothing() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("no-name.csv"),
                "advertiser_id_from_network,advertiser_campaign_id_from_network,id_from_network,pool_type\na,c,p,Search\n");
        long requestsBefore = ImportFixtures.allRequests(server, NETWORK);

        // when
        Result result = importFile(file);

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("error: " + file + ": the header lacks the required columns name, "
                + "destination_type" + System.lineSeparator());
        assertThat(ImportFixtures.allRequests(server, NETWORK)).isEqualTo(requestsBefore);
    }

    @Test
    void theSkipLimitStopsTheRunWhichResumesWithAHigherLimit() throws Exception {
        // given 300 rows of which about 10% are invalid
        Path file = generate(directory, "skip.csv", 300, 0.1, "skip-");

        // when
        Result stopped = importFile(file, "--skip-limit", "3", "--chunk-size", "50");

        // then the run stops after the chunk that passed the limit, its outcomes recorded
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(stopped.err()).contains("stopped: skip limit passed").contains("(--skip-limit 3)");
        Map<Long, String> recorded = outcomes.statusByLine(stopped.jobExecutionId());
        assertThat(recorded.size()).isLessThan(300).isPositive().isEqualTo(recorded.size() / 50 * 50);
        assertThat(recorded.values().stream().filter("INVALID"::equals).count()).isGreaterThan(3);

        // when the same command runs again with a higher limit
        Result resumed = importFile(file, "--skip-limit", "1000", "--chunk-size", "50");

        // then it resumes the same run and every line has exactly one outcome
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.ROWS_FAILED);
        assertThat(outcomes.instanceOf(resumed.jobExecutionId())).isEqualTo(outcomes.instanceOf(stopped.jobExecutionId()));
        assertThat(outcomes.statusByLine(resumed.jobExecutionId())).hasSize(300);
        assertThat(outcomes.jdbc().queryForObject("SELECT COUNT(*) FROM ringpool_row_outcome WHERE job_execution_id = ?",
                Long.class, resumed.jobExecutionId())).isEqualTo(300L - recorded.size());
        assertThat(Files.readAllLines(outcomesCsv(resumed))).hasSize(301);
    }

    @Test
    void aRefusedTokenStopsTheRunWithinSecondsAndTheRightTokenResumesIt() throws Exception {
        // given
        Path file = generate(directory, "token.csv", 500, 0, "tok-");
        Path wrongToken = ImportFixtures.tokenFile(directory, "not-the-token");
        long requestsBefore = ImportFixtures.allRequests(server, NETWORK);

        // when
        Result refused = CommandLine.run(args(file, "--token-file", wrongToken.toString()));

        // then
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err()).isEqualTo("error: stopped: the API refused the token (HTTP 401) for network "
                + NETWORK + ": check $INVOCA_API_TOKEN or --token-file; run the same command again to resume"
                + System.lineSeparator());
        assertThat(refused.seconds()).isLessThan(30);
        assertThat(outcomes.statusByLine(refused.jobExecutionId())).isEmpty();
        // at most the requests of one round in flight
        assertThat(ImportFixtures.allRequests(server, NETWORK) - requestsBefore).as("requests sent")
                .isPositive().isLessThanOrEqualTo(ImportSettings.DEFAULT_CONCURRENCY);

        // when the same import runs with the right token
        Result resumed = importFile(file);

        // then
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.OK);
        assertThat(outcomes.instanceOf(resumed.jobExecutionId())).isEqualTo(outcomes.instanceOf(refused.jobExecutionId()));
        assertThat(outcomes.statusByLine(resumed.jobExecutionId())).hasSize(500)
                .allSatisfy((line, status) -> assertThat(status).isEqualTo("CREATED"));
    }

    @Test
    void onlyChangedReadsEachCampaignOnceWhileReadingAheadOfAFileGroupedByCampaign() throws Exception {
        // given pools imported once, then the same rows grouped by campaign, as spreadsheets usually are,
        // in chunks smaller than a campaign, so that reading ahead is what names the next campaigns
        Path file = generate(directory, "to-group.csv", 600, 0, "g-");
        Result created = importFile(file);
        assertThat(created.exitCode()).as(created.toString()).isEqualTo(ExitCode.OK);
        Path grouped = groupedByCampaign(file, directory.resolve("grouped.csv"));
        Map<String, Long> listsBefore = listRequests();
        long writesBefore = writeRequests(server, NETWORK);

        // when
        Result unchanged = importFile(grouped, "--only-changed", "--chunk-size", "20");

        // then every row is UNCHANGED, nothing is written, and each campaign's pools were read once
        assertThat(unchanged.exitCode()).as(unchanged.toString()).isEqualTo(ExitCode.OK);
        assertThat(outcomes.statusByLine(unchanged.jobExecutionId())).hasSize(600)
                .allSatisfy((line, status) -> assertThat(status).isEqualTo("UNCHANGED"));
        assertThat(writeRequests(server, NETWORK)).isEqualTo(writesBefore);
        Map<String, Long> lists = listRequests();
        listsBefore.forEach((path, count) -> lists.merge(path, -count, Long::sum));
        lists.values().removeIf(count -> count == 0);
        assertThat(lists).hasSize(campaignsOf(file).size())
                .allSatisfy((path, count) -> assertThat(count).as(path).isOne());
    }

    @Test
    void onlyChangedTakesAPoolOurValidatorRefusesAsThereAndDifferent() throws Exception {
        // given three pools the API holds with a pool type this build does not know (as a newer API could)
        Path file = Files.writeString(directory.resolve("refused.csv"), String.join("\n",
                "advertiser_id_from_network,advertiser_campaign_id_from_network,id_from_network,name,pool_type,"
                        + "destination_type,action",
                "ref-adv,ref-camp,ref-1,Update me,Search,Advertiser,",
                "ref-adv,ref-camp,ref-2,Leave me,Search,Advertiser,",
                "ref-adv,ref-camp,ref-3,Delete me,Search,Advertiser,") + "\n");
        Result created = importFile(file);
        assertThat(created.exitCode()).as(created.toString()).isEqualTo(ExitCode.OK);
        assertThat(outcomes.jdbc().update("UPDATE api_ring_pool SET pool_type = 'Billboard' "
                + "WHERE network_id = ? AND id_from_network IN ('ref-1', 'ref-2', 'ref-3')", NETWORK)).isEqualTo(3);
        Path actions = Files.writeString(directory.resolve("refused-actions.csv"), String.join("\n",
                "advertiser_id_from_network,advertiser_campaign_id_from_network,id_from_network,name,pool_type,"
                        + "destination_type,action",
                "ref-adv,ref-camp,ref-1,Update me,Search,Advertiser,update",
                "ref-adv,ref-camp,ref-2,Leave me,Search,Advertiser,create",
                "ref-adv,ref-camp,ref-3,,,,delete") + "\n");

        // when
        Result result = importFile(actions, "--only-changed");

        // then the update is sent, the create leaves the pool alone, the delete is sent and the pool is gone
        assertThat(outcomes.statusByLine(result.jobExecutionId())).containsExactly(
                Map.entry(2L, "UPDATED"), Map.entry(3L, "REJECTED"), Map.entry(4L, "DELETED"));
        assertThat((String) outcomes.atLine(result.jobExecutionId(), 3).get("message"))
                .contains("already exists with other values");
        assertThat(outcomes.atLine(result.jobExecutionId(), 4).get("http_status")).isEqualTo(200);
        assertThat(outcomes.jdbc().queryForList("SELECT id_from_network, pool_type FROM api_ring_pool "
                + "WHERE network_id = ? AND id_from_network LIKE 'ref-%' ORDER BY id_from_network", NETWORK))
                .containsExactly(Map.of("id_from_network", "ref-1", "pool_type", "Search"),
                        Map.of("id_from_network", "ref-2", "pool_type", "Billboard"));
    }

    @Test
    void onlyChangedResumedHalfWayComparesTheRestAgainstTheListsOfItsOwnPartOfTheFile() throws Exception {
        // given pools imported once, then the same rows grouped by campaign with one invalid row half-way
        Path file = generate(directory, "to-resume.csv", 600, 0, "r-");
        assertThat(importFile(file).exitCode()).isEqualTo(ExitCode.OK);
        Path grouped = groupedByCampaign(file, directory.resolve("resume-grouped.csv"));
        List<String> lines = new ArrayList<>(Files.readAllLines(grouped));
        lines.set(301, lines.get(301).replace(",Advertiser,", ",Nobody,"));
        Files.write(grouped, lines);
        long writesBefore = writeRequests(server, NETWORK);

        // when an --only-changed run stops at that row (skip limit 0)
        Result stopped = importFile(grouped, "--only-changed", "--chunk-size", "20", "--skip-limit", "0");

        // then it ends with the chunk of that row
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(outcomes.statusByLine(stopped.jobExecutionId())).hasSize(320).containsEntry(302L, "INVALID");

        // when the same run resumes with a higher limit
        Result resumed = importFile(grouped, "--only-changed", "--chunk-size", "20", "--skip-limit", "5");

        // then it started past the first run's chunks (where the campaigns read while its context started were
        // not), and every line has one outcome: UNCHANGED but the invalid one; nothing was written
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.ROWS_FAILED);
        assertThat(outcomes.instanceOf(resumed.jobExecutionId()))
                .isEqualTo(outcomes.instanceOf(stopped.jobExecutionId()));
        assertThat(outcomes.jdbc().queryForList("SELECT line_number FROM ringpool_row_outcome "
                + "WHERE job_execution_id = ? ORDER BY line_number", Long.class, resumed.jobExecutionId()))
                .hasSize(280).first().isEqualTo(322L);
        Map<Long, String> all = outcomes.statusByLine(resumed.jobExecutionId());
        assertThat(all).hasSize(600).containsEntry(302L, "INVALID");
        assertThat(all.values().stream().filter("UNCHANGED"::equals).count()).isEqualTo(599);
        assertThat(writeRequests(server, NETWORK)).isEqualTo(writesBefore);
    }

    @Test
    void campaignsReadAheadAndForgottenGiveTheirPlacesBack() throws Exception {
        try (RingPoolClient client = ImportFixtures.client(server.baseUrl(), NETWORK, TOKEN)) {
            // given both places of the read-ahead taken by campaigns no chunk has asked for
            CampaignPools pools = new CampaignPools(client, 4, 1000, 2);
            pools.prefetch(new CampaignPools.Campaign("fa-adv", "camp-1"));
            pools.prefetch(new CampaignPools.Campaign("fa-adv", "camp-2"));
            Thread third = new Thread(() -> {
                try {
                    pools.prefetch(new CampaignPools.Campaign("fa-adv", "camp-3"));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            third.start();
            third.join(500);
            assertThat(third.isAlive()).as("a third campaign waits for a place").isTrue();

            // when they are forgotten (a resumed step reads ahead from elsewhere), then the third one goes on
            pools.forgetReadAhead();
            third.join(10_000);
            assertThat(third.isAlive()).as("a third campaign waits for a place").isFalse();
        }
    }

    @Test
    void localPoolsOfACampaignAreToldApartByOneListInsteadOfAGetEach() throws Exception {
        // given 30 Local pools of a new campaign, the first one again on the last line under another name
        Path file = directory.resolve("local.csv");
        List<String> lines = new ArrayList<>(List.of("advertiser_id_from_network,advertiser_campaign_id_from_network,"
                + "id_from_network,name,pool_type,destination_type,destination_url,max_pool_size,local_center_tn_prefix"));
        for (int i = 0; i < 30; i++) {
            lines.add("loc-adv,loc-camp,loc-" + i + ",Local " + i + ",Search,Advertiser,https://example.com/" + i + ",3,805");
        }
        lines.add("loc-adv,loc-camp,loc-0,Local 0 renamed,Search,Advertiser,https://example.com/0,3,805");
        Files.write(file, lines);

        // when it is imported, then imported again
        Result first = importFile(file);
        Result second = importFile(file);

        // then Invoca's 200 for a Local PUT is still told apart: created, then the repeated pool updated
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        Map<Long, String> firstStatuses = outcomes.statusByLine(first.jobExecutionId());
        assertThat(firstStatuses).hasSize(31);
        assertThat(firstStatuses.values().stream().filter("CREATED"::equals).count()).isEqualTo(30);
        assertThat(firstStatuses.get(Collections.max(firstStatuses.keySet()))).isEqualTo("UPDATED");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(outcomes.statusByLine(second.jobExecutionId()).values()).hasSize(31).containsOnly("UPDATED");
        // from one list of the campaign per run, not a GET per row
        Map<String, Long> gets = new HashMap<>();
        server.requestCounts().forEach((request, count) -> {
            if (request.startsWith("GET ") && request.contains("/advertiser_campaigns/loc-camp/")) {
                gets.merge(request.substring(request.lastIndexOf('/') + 1), count, Long::sum);
            }
        });
        assertThat(gets).containsOnly(Map.entry("ring_pools.json", 2L));
    }

    @Test
    void localPoolIdsLeaveToTheGetWhatTheyCannotVouchFor() throws Exception {
        // given a campaign holding 6 Local pools
        Path file = directory.resolve("bound.csv");
        List<String> lines = new ArrayList<>(List.of("advertiser_id_from_network,advertiser_campaign_id_from_network,"
                + "id_from_network,name,pool_type,destination_type,destination_url,max_pool_size,local_center_tn_prefix"));
        List<PoolRequest> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add("bnd-adv,bnd-camp,bnd-" + i + ",Local " + i + ",Search,Advertiser,https://example.com/" + i + ",3,805");
            rows.add(localUpsert("bnd-" + i));
        }
        Files.write(file, lines);
        assertThat(importFile(file).exitCode()).isEqualTo(ExitCode.OK);
        PoolRequest newPool = localUpsert("bnd-new");
        RingPool tollFreePool = new RingPool(null, "bnd-tf", "Toll-free", "Search", "Advertiser",
                "https://example.com/", null, null, 3, null, null, null, null, null, null, null, null, null);
        PoolRequest tollFree = new PoolRequest(0, 9, "bnd-adv", "bnd-camp", "bnd-tf", "upsert", RowAction.UPSERT,
                tollFreePool, null, null);

        try (RingPoolClient client = ImportFixtures.client(server.baseUrl(), NETWORK, TOKEN)) {
            // a campaign holding more ids than the bound is not kept
            LocalPoolIds small = new LocalPoolIds(client, 5);
            small.load(rows);
            assertThat(small.current(rows.get(0))).isEqualTo(CurrentPool.UNKNOWN);

            // within the bound: present, absent, and nothing said about a pool that is not Local
            LocalPoolIds ids = new LocalPoolIds(client, 100);
            ids.load(rows);
            assertThat(ids.current(rows.get(0))).isEqualTo(CurrentPool.PRESENT_UNREAD);
            assertThat(ids.current(newPool)).isEqualTo(CurrentPool.ABSENT);
            assertThat(ids.current(tollFree)).isEqualTo(CurrentPool.UNKNOWN);

            // rows sent since count; a write that may or may not have happened makes the campaign unknown
            ids.remember(newPool, SendResult.of(OutcomeStatus.CREATED, 200, 1, null));
            assertThat(ids.current(newPool)).isEqualTo(CurrentPool.PRESENT_UNREAD);
            ids.remember(rows.get(1), SendResult.of(OutcomeStatus.DELETED, 200, 1, null));
            assertThat(ids.current(rows.get(1))).isEqualTo(CurrentPool.ABSENT);
            ids.remember(rows.get(2), SendResult.of(OutcomeStatus.FAILED, 503, 5, "retries ran out"));
            assertThat(ids.current(rows.get(0))).isEqualTo(CurrentPool.UNKNOWN);
            ids.load(rows);
            assertThat(ids.current(rows.get(0))).as("not listed again").isEqualTo(CurrentPool.UNKNOWN);

            // fewer Local rows than make a list worth it: none is read
            LocalPoolIds few = new LocalPoolIds(client, 100);
            few.load(rows.subList(0, LocalPoolIds.MIN_LOCAL_ROWS - 1));
            assertThat(few.current(rows.get(0))).isEqualTo(CurrentPool.UNKNOWN);
        }
    }

    private static PoolRequest localUpsert(String id) {
        RingPool pool = new RingPool(null, id, "Local", "Search", "Advertiser", "https://example.com/", null, null, 3,
                null, null, null, new LocalCenter("805", null, null, null), null, null, null, null, null);
        return new PoolRequest(0, 2, "bnd-adv", "bnd-camp", id, "upsert", RowAction.UPSERT, pool, null, null);
    }

    /** GET requests for a campaign's pools, by path. */
    private static Map<String, Long> listRequests() {
        Map<String, Long> lists = new HashMap<>();
        server.requestCounts().forEach((request, count) -> {
            if (request.startsWith("GET /api/2016-10-01/" + NETWORK + "/") && request.endsWith("/ring_pools.json")) {
                lists.merge(request, count, Long::sum);
            }
        });
        return lists;
    }

    private static Path groupedByCampaign(Path file, Path grouped) throws Exception {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<CSVRecord> rows = new ArrayList<>(records(file));
        rows.sort(Comparator.comparing((CSVRecord row) -> row.get(0)).thenComparing(row -> row.get(1)));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format);
                CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(grouped, StandardCharsets.UTF_8),
                        CSVFormat.RFC4180.builder().setHeader(parser.getHeaderNames().toArray(String[]::new)).get())) {
            for (CSVRecord row : rows) {
                printer.printRecord(row.values());
            }
        }
        return grouped;
    }

    private Result importFile(Path file, String... options) throws Exception {
        String[] tokenOptions = {"--token-file", ImportFixtures.tokenFile(directory, TOKEN).toString()};
        return CommandLine.run(Stream.of(args(file, tokenOptions), options).flatMap(Stream::of).toArray(String[]::new));
    }

    private String[] args(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--api-url", server.baseUrl(),
                "--network-id", NETWORK, "--out", directory.resolve("out-" + System.nanoTime()).toString()));
        args.addAll(List.of(TestDatabase.postgresOptions()));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    private static Path outcomesCsv(Result result) {
        String line = result.out().lines().filter(l -> l.strip().startsWith("outcomes:")).findFirst().orElseThrow();
        return Path.of(line.strip().substring("outcomes:".length()).strip().replaceAll(" \\(.*\\)$", ""));
    }

    private static List<CSVRecord> records(Path csv) throws Exception {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }
}
