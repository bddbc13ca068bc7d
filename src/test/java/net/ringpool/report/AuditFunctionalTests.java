package net.ringpool.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.Main;
import net.ringpool.support.TestDatabase;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail of real imports: two nightly runs of one file with known outcomes, then jobs,
 * every report format, the digest and the auditors' SQL checked against them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditFunctionalTests {

    private static final String NETWORK = "7701";
    private static final String TOKEN = "audit-SECRET-token-4f1c9e";
    private static final String HEADER = "advertiser_id_from_network,advertiser_campaign_id_from_network,"
            + "id_from_network,name,pool_type,destination_type,max_pool_size,action";
    /** 3 created, 2 INVALID with one message, 1 INVALID with another, 1 REJECTED by the API (update of a missing pool). */
    private static final String ROWS = """
            aud,night,p1,Pool one,Search,Advertiser,3,
            aud,night,p2,Pool two,Custom,API,,
            aud,night,p3,Pool three,SearchKeyword,Advertiser,5,upsert
            aud,night,p4,,Search,Advertiser,2,
            aud,night,p5,,Search,Advertiser,2,
            aud,night,p6,Pool six,Nonsense,Advertiser,2,
            aud,night,p9,Missing,Search,Advertiser,2,update
            """;

    @TempDir
    static Path dir;

    private RingPoolServer server;
    private Path tokenFile;
    private Path input;
    private final List<Long> executions = new ArrayList<>();

    @BeforeAll
    void twoNightlyRunsOfOneFile() throws IOException {
        server = RingPoolServer.start(0, "127.0.0.1", new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false,
                FaultSettings.none()), TestDatabase.postgres(), false);
        tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
        input = Files.writeString(dir.resolve("nightly.csv"), HEADER + "\n" + ROWS);
        for (int night = 1; night <= 2; night++) {
            Result result = run("import", input.toString(), "--api-url", server.baseUrl(), "--network-id", NETWORK,
                    "--token-file", tokenFile.toString(), "--out", dir.resolve("out-" + night).toString());
            assertThat(result.code()).as(result.err()).isEqualTo(3);
            Matcher execution = Pattern.compile("job execution (\\d+)").matcher(result.out() + result.err());
            assertThat(execution.find()).as(result.out()).isTrue();
            executions.add(Long.parseLong(execution.group(1)));
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void jobsListsBothRunsNewestFirstWithTheirCounts() {
        Result result = run("jobs", "--limit", "50");

        assertThat(result.code()).isZero();
        String[] lines = result.out().split("\n");
        List<String> ours = Stream.of(lines).filter(l -> l.contains(input.toString())).toList();
        assertThat(ours).hasSize(2);
        assertThat(ours.get(0)).startsWith(String.valueOf(executions.get(1)));
        assertThat(ours.get(1)).startsWith(String.valueOf(executions.get(0))).contains("COMPLETED");
        assertThat(result.out()).doesNotContain(TOKEN);
    }

    @Test
    void theTextReportCountsGroupsAndListsEveryFailedRow() {
        long first = executions.get(0);
        Result result = run("report", String.valueOf(first));

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .containsPattern("CREATED\\s+3").containsPattern("INVALID\\s+3").containsPattern("REJECTED\\s+1")
                .containsPattern("total\\s+7")
                .containsPattern("2\\s+INVALID\\s+name: can't be blank \\(e\\.g\\. lines \\[5, 6\\]\\)")
                .contains("line 5 ", "line 6 ", "line 7 ", "line 8 ")
                .contains("Could not find RingPool p9")
                .doesNotContain(TOKEN);
    }

    @Test
    void theCsvReportHasEverySectionAndEveryFailedRow() throws IOException {
        Path file = dir.resolve("report.csv");
        Result result = run("report", String.valueOf(executions.get(0)), "--format", "csv", "-o", file.toString());

        assertThat(result.code()).isZero();
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain(TOKEN);
        List<CSVRecord> records = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180).getRecords();
        Map<String, String> outcomes = new LinkedHashMap<>();
        records.stream().filter(r -> r.get(0).equals("outcome")).forEach(r -> outcomes.put(r.get(1), r.get(2)));
        assertThat(outcomes).containsEntry("CREATED", "3").containsEntry("INVALID", "3").containsEntry("REJECTED", "1");
        assertThat(records.stream().filter(r -> r.get(0).equals("failed_row")).map(r -> r.get(3)))
                .containsExactly("5", "6", "7", "8");
        assertThat(records.stream().filter(r -> r.get(0).equals("failure") && r.get(3).equals("name: can't be blank")))
                .singleElement().satisfies(r -> assertThat(r.get(2)).isEqualTo("2"));
    }

    @Test
    void theHtmlReportParsesCarriesTheChartDataAndRendersInABrowser() throws Exception {
        Path file = dir.resolve("report.html");
        Result result = run("report", String.valueOf(executions.get(0)), "--format", "html", "-o", file.toString());
        assertThat(result.code()).isZero();
        String html = Files.readString(file, StandardCharsets.UTF_8);

        // a strict parse: no errors tracked
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document document = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).isEmpty();
        assertThat(document.select("tr.failed-row")).hasSize(4);
        assertThat(document.select("svg#status-chart rect")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(document.select("svg#throughput-chart rect")).isNotEmpty();
        assertThat(document.select("svg#error-chart rect")).hasSize(3);
        String data = document.selectFirst("script#chart-data").data();
        assertThat(data).contains("\"CREATED\":3", "\"INVALID\":3", "\"REJECTED\":1", "name: can't be blank");
        assertThat(document.select("script[src], link[href], img[src]")).isEmpty();
        assertThat(html).doesNotContain(TOKEN);

        BufferedImage screenshot = render(file);
        assertThat(distinctColours(screenshot)).as("the rendered page is not blank").isGreaterThan(20);
        assertThat(nonWhiteShare(screenshot)).isBetween(0.01, 0.9);
    }

    @Test
    void theDigestCoversBothNights() {
        Result result = run("report", "--since", "24h");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("execution " + executions.get(0), "execution " + executions.get(1))
                .doesNotContain(TOKEN);
    }

    @Test
    void anUnknownExecutionIsAUsageError() {
        Result result = run("report", "987654321");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no job execution 987654321");
    }

    @Test
    void theAuditorsQueriesAnswerFromRealRuns() throws Exception {
        Map<String, String> queries = AuditQueries.load(Path.of("jobs", "audit-queries.sql"));
        assertThat(queries).containsKeys("what_changed_for_campaign", "rows_failing_repeatedly", "who_ran_what",
                "top_errors");
        Map<String, String> variables = Map.of("advertiser_id", "aud", "campaign_id", "night", "days", "30");
        try (Connection connection = DriverManager.getConnection(TestDatabase.postgresUrl(),
                TestDatabase.postgresUser(), "")) {
            List<Map<String, Object>> changed = AuditQueries.run(connection, queries.get("what_changed_for_campaign"),
                    variables);
            // night one created p1..p3, night two updated them
            assertThat(changed).extracting(r -> r.get("id_from_network") + "/" + r.get("status"))
                    .containsExactlyInAnyOrder("p1/CREATED", "p2/CREATED", "p3/CREATED", "p1/UPDATED", "p2/UPDATED",
                            "p3/UPDATED");

            List<Map<String, Object>> repeated = AuditQueries.run(connection, queries.get("rows_failing_repeatedly"),
                    variables);
            assertThat(repeated).filteredOn(r -> "aud".equals(r.get("advertiser_id_from_network")))
                    .extracting(r -> r.get("advertiser_campaign_id_from_network") + "/" + r.get("id_from_network"))
                    .containsExactlyInAnyOrder("night/p4", "night/p5", "night/p6", "night/p9");

            List<Map<String, Object>> runs = AuditQueries.run(connection, queries.get("who_ran_what"), variables);
            assertThat(runs).filteredOn(r -> executions.contains(((Number) r.get("job_execution_id")).longValue()))
                    .hasSize(2)
                    .allSatisfy(r -> {
                        assertThat((String) r.get("launched_by")).contains(System.getProperty("user.name") + "@");
                        assertThat(((Number) r.get("created")).longValue() + ((Number) r.get("updated")).longValue())
                                .isEqualTo(3);
                    });

            List<Map<String, Object>> top = AuditQueries.run(connection, queries.get("top_errors"), variables);
            assertThat(top).filteredOn(r -> "name: can't be blank".equals(r.get("message")))
                    .singleElement()
                    .satisfies(r -> assertThat(((Number) r.get("rows_failed")).longValue()).isGreaterThanOrEqualTo(4));
        }
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TestDatabase.postgresOptions()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private BufferedImage render(Path html) throws Exception {
        Path png = dir.resolve("report.png");
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1200,1600",
                "--screenshot=" + png, html.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();
        return ImageIO.read(png.toFile());
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static double nonWhiteShare(BufferedImage image) {
        long nonWhite = 0;
        long all = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                all++;
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        return (double) nonWhite / all;
    }

    private record Result(int code, String out, String err) {
    }
}
