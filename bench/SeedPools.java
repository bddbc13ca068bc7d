import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates many RingPools quickly through the API (concurrent PUTs), for export measurements. JDK only:
 *   java bench/SeedPools.java URL NETWORK ADVERTISERS CAMPAIGNS POOLS_PER_CAMPAIGN [CONCURRENCY]
 * with the token in $INVOCA_API_TOKEN.
 */
public class SeedPools {

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/+$", "");
        String network = args[1];
        int advertisers = Integer.parseInt(args[2]);
        int campaigns = Integer.parseInt(args[3]);
        int pools = Integer.parseInt(args[4]);
        int concurrency = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        String token = System.getenv("INVOCA_API_TOKEN");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long started = System.nanoTime();
        for (int a = 1; a <= advertisers; a++) {
            for (int c = 1; c <= campaigns; c++) {
                for (int p = 1; p <= pools; p++) {
                    String id = "perf-" + a + "-" + c + "-" + p;
                    URI uri = URI.create(base + "/api/2016-10-01/" + network + "/advertisers/" + a
                            + "/advertiser_campaigns/" + c + "/ring_pools/" + id + ".json");
                    String local = p % 10 == 0 ? ",\"local_center\":{\"zipcode\":\"93101\"},\"tn_prefix_whitelist\":[\"805\",\"805612\"]" : "";
                    String body = "{\"name\":\"Perf pool " + id + ", \\\"quoted\\\"\",\"pool_type\":\"Custom\","
                            + "\"destination_type\":\"Advertiser\",\"destination_url\":\"https://example.com/landing?p=" + p
                            + "\",\"max_pool_size\":5,\"preferred\":true,\"param1\":\"=formula " + p + "\",\"param2\":\"Grüße 😀\""
                            + local + "}";
                    slots.acquire();
                    sent.add(http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", token)
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding())
                            .whenComplete((response, error) -> {
                                slots.release();
                                if (error != null || response.statusCode() >= 300) {
                                    failed.incrementAndGet();
                                }
                            }));
                }
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("created %d pools in %.1f s (%.0f/s), %d failed%n", sent.size(), seconds, sent.size() / seconds,
                failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
