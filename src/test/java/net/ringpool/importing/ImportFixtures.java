package net.ringpool.importing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.RingPoolServer;
import net.ringpool.client.ApiCredentials;
import net.ringpool.client.ApiResult;
import net.ringpool.client.AuthMode;
import net.ringpool.client.ClientSettings;
import net.ringpool.client.RingPoolClient;
import net.ringpool.pool.RingPool;
import net.ringpool.sample.PoolFileGenerator;
import net.ringpool.support.TestDatabase;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What the import tests share: input files, the API's state, request counts. */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    /** Spring properties of a serve on the PostgreSQL test database that counts requests. */
    static Map<String, Object> countingServe() {
        Map<String, Object> properties = new LinkedHashMap<>(TestDatabase.postgres());
        properties.put("ringpool.serve.count-requests", true);
        return properties;
    }

    static Path generate(Path directory, String name, long rows, double invalidShare, String idPrefix)
            throws IOException {
        Path file = directory.resolve(name);
        PoolFileGenerator.write(file, new PoolFileGenerator.Spec(rows, invalidShare, 7, 4, 3, idPrefix));
        return file;
    }

    static Path tokenFile(Path directory, String token) throws IOException {
        return Files.writeString(directory.resolve("token-" + Math.abs(token.hashCode())), token + "\n");
    }

    /** The valid rows of a file as the import validates them, by id_from_network (the last row wins). */
    static Map<String, PoolRequest> validRows(Path file) throws Exception {
        CsvRowReader reader = new CsvRowReader(List.of(file), CsvOptions.defaults());
        RowProcessor processor = new RowProcessor(false);
        Map<String, PoolRequest> rows = new LinkedHashMap<>();
        reader.open(new ExecutionContext());
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                PoolRequest request = processor.process(row);
                if (!request.isInvalid()) {
                    rows.put(request.idFromNetwork(), request);
                }
            }
        } finally {
            reader.close();
        }
        return rows;
    }

    static Set<CampaignPools.Campaign> campaignsOf(Path file) throws Exception {
        CsvRowReader reader = new CsvRowReader(List.of(file), CsvOptions.defaults());
        Set<CampaignPools.Campaign> campaigns = new LinkedHashSet<>();
        reader.open(new ExecutionContext());
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                campaigns.add(new CampaignPools.Campaign(row.value("advertiser_id_from_network"),
                        row.value("advertiser_campaign_id_from_network")));
            }
        } finally {
            reader.close();
        }
        return campaigns;
    }

    /** Whether the API holds a pool with the same writable fields as the row's; its read-only ones do not count. */
    static boolean sameWritableFields(RingPool held, PoolRequest row) {
        return held != null && row.pool() != null && held.writable().equals(row.pool().writable());
    }

    /** Every pool the API holds in these campaigns, by id_from_network, read through the API itself. */
    static Map<String, RingPool> apiPools(RingPoolServer server, String network, String token,
            Set<CampaignPools.Campaign> campaigns) {
        Map<String, RingPool> pools = new HashMap<>();
        try (RingPoolClient client = client(server.baseUrl(), network, token)) {
            for (CampaignPools.Campaign campaign : campaigns) {
                ApiResult answer = client.listPools(campaign.advertiserId(), campaign.campaignId()).block();
                if (answer.status() == 404) {
                    continue;
                }
                if (!answer.isSuccess()) {
                    throw new AssertionError("cannot list " + campaign + ": " + answer);
                }
                ApiPools.elementsById(answer.body()).forEach((id, json) -> {
                    RingPool pool = ApiPool.of(json).pool();
                    if (pool != null) {
                        pools.put(id, pool);
                    }
                });
            }
        }
        return pools;
    }

    static RingPoolClient client(String baseUrl, String network, String token) {
        return new RingPoolClient(new ClientSettings(URI.create(baseUrl), network, ApiCredentials.of(token),
                AuthMode.HEADER, Duration.ofSeconds(10), 20, Duration.ofMillis(1), Duration.ofMillis(10),
                Duration.ofMillis(10), 0, 4));
    }

    /** Requests whose path is a single pool's, counted per id_from_network. */
    public static Map<String, Long> requestsPerPool(RingPoolServer server, String network) {
        Map<String, Long> perPool = new HashMap<>();
        String prefix = "/api/2016-10-01/" + network + "/";
        server.requestCounts().forEach((request, count) -> {
            String path = request.substring(request.indexOf(' ') + 1);
            int pools = path.indexOf("/ring_pools/");
            if (path.startsWith(prefix) && pools > 0) {
                String id = path.substring(pools + "/ring_pools/".length(), path.length() - ".json".length());
                perPool.merge(id, count, Long::sum);
            }
        });
        return perPool;
    }

    /** Write requests (PUT, POST, DELETE) the server received for the network. */
    static long writeRequests(RingPoolServer server, String network) {
        return server.requestCounts().entrySet().stream()
                .filter(entry -> entry.getKey().matches("(PUT|POST|DELETE) /api/2016-10-01/" + network + "/.*"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static long allRequests(RingPoolServer server, String network) {
        return server.requestCounts().entrySet().stream()
                .filter(entry -> entry.getKey().contains(" /api/2016-10-01/" + network + "/"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file));
    }
}
