package net.ringpool.exporting;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.Main;
import net.ringpool.client.PoolJson;
import net.ringpool.pool.CsvLayout;
import net.ringpool.pool.RingPoolField;
import net.ringpool.support.TestDatabase;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the export tests share: a {@code serve} on the PostgreSQL test database, pools created through
 * its HTTP API (the import job is not there to do it), the export command run in-process, and the
 * exported file read back as a spreadsheet would hand it to import.
 */
final class ExportFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ExportFixtures() {
    }

    static RingPoolServer serve(FaultSettings faults, Map<String, String> tokenNetworks) {
        return RingPoolServer.start(0, "127.0.0.1", new ServeSettings(tokenNetworks, java.util.Set.of(), false, faults),
                TestDatabase.postgres(), false);
    }

    /** A pool's CSV cells as the test wants them back; turned into the API's JSON for the PUT. */
    static Map<String, Object> body(Map<String, String> cells) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> center = new LinkedHashMap<>();
        cells.forEach((column, value) -> {
            if (column.startsWith(RingPoolField.LOCAL_CENTER + "_")) {
                if (!value.isEmpty()) {
                    center.put(column.substring(RingPoolField.LOCAL_CENTER.length() + 1), value);
                }
            } else if (column.equals(RingPoolField.TN_PREFIX_WHITELIST)) {
                if (!value.isEmpty()) {
                    body.put(column, PoolJson.splitWhitelist(value));
                }
            } else if (!column.equals(CsvLayout.ADVERTISER_ID) && !column.equals(CsvLayout.CAMPAIGN_ID)) {
                body.put(column, value);
            }
        });
        if (!center.isEmpty()) {
            body.put(RingPoolField.LOCAL_CENTER, center);
        }
        return body;
    }

    /** PUTs a pool; returns the API's answer as JSON. */
    static Map<String, Object> putPool(RingPoolServer server, String network, String token, String advertiser,
            String campaign, Map<String, String> cells) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(poolRequest(server, network, token, advertiser, campaign, cells),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("PUT of pool " + cells.get(RingPoolField.ID_FROM_NETWORK) + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JSON.readValue(response.body(), Map.class);
        return json;
    }

    /** PUTs many pools of one campaign, {@code parallel} at a time. */
    static void putPools(RingPoolServer server, String network, String token, String advertiser, String campaign,
            List<Map<String, String>> pools, int parallel) throws InterruptedException {
        Semaphore slots = new Semaphore(parallel);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (Map<String, String> cells : pools) {
            slots.acquire();
            sent.add(HTTP.sendAsync(poolRequest(server, network, token, advertiser, campaign, cells),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> slots.release()));
        }
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            int status = response.join().statusCode();
            if (status != 200 && status != 201) {
                throw new IllegalStateException("a PUT answered " + status + ": " + response.join().body());
            }
        }
    }

    /** PUTs an advertiser or campaign (a parent without pools, for the walk of --all). */
    static void putParent(RingPoolServer server, String network, String token, String path) throws IOException,
            InterruptedException {
        URI uri = UriComponentsBuilder.fromUriString(server.baseUrl()).path("/api/2016-10-01/" + network + "/" + path)
                .build().encode().toUri();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + path + " answered " + response.statusCode());
        }
    }

    private static HttpRequest poolRequest(RingPoolServer server, String network, String token, String advertiser,
            String campaign, Map<String, String> cells) {
        URI uri = UriComponentsBuilder.fromUriString(server.baseUrl())
                .path("/api/2016-10-01/{network}/advertisers/{a}/advertiser_campaigns/{c}/ring_pools/{p}.json")
                .buildAndExpand(network, advertiser, campaign, cells.get(RingPoolField.ID_FROM_NETWORK))
                .encode()
                .toUri();
        return HttpRequest.newBuilder(uri)
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(cells)), StandardCharsets.UTF_8))
                .build();
    }

    /** The cells of a pool with every writable column; the given ones set, the rest empty. */
    static Map<String, String> pool(String id, String... columnsAndValues) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : RingPoolField.writableScalars()) {
            cells.put(column, "");
        }
        cells.put(RingPoolField.TN_PREFIX_WHITELIST, "");
        cells.put(RingPoolField.ID_FROM_NETWORK, id);
        cells.put(RingPoolField.NAME, "Pool " + id);
        cells.put(RingPoolField.POOL_TYPE, "Custom");
        cells.put(RingPoolField.DESTINATION_TYPE, "Advertiser");
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (!cells.containsKey(columnsAndValues[i])) {
                throw new IllegalArgumentException("not a writable column: " + columnsAndValues[i]);
            }
            cells.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return cells;
    }

    static Path tokenFile(Path directory, String token) throws IOException {
        Path file = directory.resolve("token-" + token);
        Files.writeString(file, token + "\n");
        return file;
    }

    /** Runs one command line in-process, as {@code java -jar ringpool-batch.jar} would. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TestDatabase.postgresOptions()));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int exitCode, String out, String err) {

        /** The job execution the summary names. */
        long jobExecutionId() {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("job execution (\\d+)").matcher(out);
            if (!matcher.find()) {
                throw new IllegalStateException("no job execution in the summary: " + out);
            }
            return Long.parseLong(matcher.group(1));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** An exported file read as import will read it: header row, then each row's cells with the formula guard removed. */
    static List<Map<String, String>> readCsv(Path file, char delimiter) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.toList();
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), CsvLayout.restore(record.get(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static List<String> header(Path file, char delimiter) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
            return parser.iterator().next().toList();
        }
    }

    /** The campaign outcomes of one execution as "ADVERTISER/CAMPAIGN STATUS HTTP_STATUS POOLS ATTEMPTS". */
    static List<String> outcomes(long jobExecutionId) throws java.sql.SQLException {
        List<String> outcomes = new ArrayList<>();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(TestDatabase.postgresUrl(),
                TestDatabase.postgresUser(), "");
                java.sql.PreparedStatement statement = connection.prepareStatement("SELECT advertiser_id_from_network, "
                        + "advertiser_campaign_id_from_network, status, http_status, pool_count, attempts "
                        + "FROM ringpool_export_outcome WHERE job_execution_id = ? ORDER BY id")) {
            statement.setLong(1, jobExecutionId);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1) + "/" + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4)
                            + " " + rs.getInt(5) + " " + rs.getInt(6));
                }
            }
        }
        return outcomes;
    }

    /** Files left in a directory, to show that an export leaves no temporary file behind. */
    static List<String> files(Path directory) throws IOException {
        try (var listing = Files.list(directory)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
