package net.ringpool.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.ringpool.client.PoolJson;
import net.ringpool.pool.CsvLayout;
import net.ringpool.pool.RingPool;
import net.ringpool.pool.RingPoolField;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's ceiling: the same PUT requests the import sends, with the same concurrency and the
 * same HTTP stack (WebClient on Reactor Netty), but no Spring Batch, no validation, no outcome writes.
 * Also writes the requests as "URL TAB JSON" lines for the sequential curl baseline.
 *
 * For the export, {@code list} reads every campaign of the file once, as the export's ceiling.
 *
 * <pre>BareClient put|list|emit API_URL NETWORK TOKEN FILE CONCURRENCY [LIMIT] [OUT]</pre>
 */
public final class BareClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The text fields the import always sends, "" when empty (PoolJson.requestBody). */
    private static final Set<String> TEXT_FIELDS = textFields();

    private BareClient() {
    }

    private static Set<String> textFields() {
        Set<String> fields = new HashSet<>(List.of(RingPoolField.DESTINATION_URL, RingPoolField.TRACKING_URL));
        for (int i = 1; i <= RingPool.PARAM_COUNT; i++) {
            fields.add(RingPoolField.param(i));
        }
        return fields;
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        String apiUrl = args[1].replaceAll("/+$", "");
        String network = args[2];
        String token = args[3];
        Path file = Path.of(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int limit = args.length > 6 ? Integer.parseInt(args[6]) : Integer.MAX_VALUE;
        List<Request> requests = read(file, apiUrl, network, limit);
        if (mode.equals("emit")) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[7]), StandardCharsets.UTF_8))) {
                for (Request request : requests) {
                    out.println(request.url() + "\t" + json(request.body()));
                }
            }
            return;
        }
        if (mode.equals("list")) {
            List<String> campaigns = requests.stream().map(Request::campaignUrl).distinct().toList();
            run("bare-list", campaigns.stream().map(url -> new Request(url, url, null)).toList(), token, concurrency);
            return;
        }
        run("bare-put", requests, token, concurrency);
    }

    private static void run(String label, List<Request> requests, String token, int concurrency) {
        ConnectionProvider connections = ConnectionProvider.builder("bare").maxConnections(concurrency)
                .pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)
                        .responseTimeout(Duration.ofSeconds(60))))
                .build();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        Flux.fromIterable(requests)
                .flatMap(request -> send(client, request, token)
                        // the body is counted as it streams by, without the codecs' 256 KB aggregation limit
                        // (a campaign of a few hundred pools is larger; that limit failed every list read)
                        .exchangeToMono(response -> response.bodyToFlux(DataBuffer.class)
                                .map(buffer -> {
                                    int bytes = buffer.readableByteCount();
                                    DataBufferUtils.release(buffer);
                                    return bytes;
                                })
                                .reduce(0, Integer::sum)
                                .then(Mono.just(response.statusCode().is2xxSuccessful())))
                        .onErrorReturn(false)
                        .doOnNext(success -> (success ? ok : failed).incrementAndGet()), concurrency)
                .blockLast();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s requests=%d ok=%d failed=%d seconds=%.3f per_second=%.1f%n", label,
                requests.size(), ok.get(), failed.get(), seconds, requests.size() / seconds);
        connections.dispose();
        if (failed.get() > 0) {
            // a ceiling made of failed requests is no ceiling: the benchmark stops here
            System.exit(1);
        }
    }

    private static WebClient.RequestHeadersSpec<?> send(WebClient client, Request request, String token) {
        if (request.body() == null) {
            return client.get().uri(request.url()).accept(MediaType.APPLICATION_JSON).header("Authorization", token);
        }
        return client.put().uri(request.url()).accept(MediaType.APPLICATION_JSON).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request.body());
    }

    private static List<Request> read(Path file, String apiUrl, String network, int limit) throws IOException {
        List<Request> requests = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                if (requests.size() >= limit) {
                    break;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                record.toMap().forEach((k, v) -> cells.put(CsvLayout.canonical(k.replace("\uFEFF", "")), v));
                String campaign = apiUrl + "/api/2016-10-01/" + network + "/advertisers/"
                        + cells.get(CsvLayout.ADVERTISER_ID) + "/advertiser_campaigns/" + cells.get(CsvLayout.CAMPAIGN_ID);
                requests.add(new Request(campaign + "/ring_pools/" + cells.get(RingPoolField.ID_FROM_NETWORK) + ".json",
                        campaign + "/ring_pools.json", body(cells)));
            }
        }
        return requests;
    }

    /**
     * The body the import sends for the row, in the same shape: text fields as "" when empty, numbers and booleans
     * as JSON numbers and booleans, left out when empty. No validation: a cell that does not parse goes as text.
     */
    private static Map<String, Object> body(Map<String, String> cells) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> center = new LinkedHashMap<>();
        for (String field : RingPoolField.writableScalars()) {
            String value = cells.get(field) == null ? "" : cells.get(field);
            if (field.startsWith(RingPoolField.LOCAL_CENTER + "_")) {
                if (!value.isEmpty()) {
                    center.put(field.substring(RingPoolField.LOCAL_CENTER.length() + 1), typed(field, value));
                }
            } else if (!value.isEmpty() || TEXT_FIELDS.contains(field)) {
                body.put(field, typed(field, value));
            }
        }
        if (!center.isEmpty()) {
            body.put(RingPoolField.LOCAL_CENTER, center);
        }
        List<String> whitelist = PoolJson.splitWhitelist(cells.get(RingPoolField.TN_PREFIX_WHITELIST));
        if (!whitelist.isEmpty()) {
            body.put(RingPoolField.TN_PREFIX_WHITELIST, whitelist);
        }
        return body;
    }

    private static Object typed(String field, String value) {
        try {
            return switch (field) {
                case RingPoolField.LIFETIME_SECONDS, RingPoolField.MAX_POOL_SIZE -> Integer.valueOf(value);
                case RingPoolField.PREFERRED, RingPoolField.IS_FIRST_PREFERENCE -> value.equalsIgnoreCase("true")
                        ? Boolean.TRUE : value.equalsIgnoreCase("false") ? Boolean.FALSE : value;
                case RingPoolField.LOCAL_CENTER_LATITUDE, RingPoolField.LOCAL_CENTER_LONGITUDE -> new BigDecimal(value);
                default -> value;
            };
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    private static String json(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }

    private record Request(String url, String campaignUrl, Map<String, Object> body) {
    }
}
