package net.ringpool.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;

/** The client's retry and error handling against a real serve with injected faults. */
class RingPoolClientTests {

    private static final String TOKEN = "client-tests-secret-token";
    private static final Map<String, Object> POOL = Map.of("name", "Client test", "pool_type", "Search",
            "destination_type", "Advertiser");

    private static RingPoolServer serve(FaultSettings faults) {
        return RingPoolServer.start(0, "127.0.0.1", new ServeSettings(Map.of(TOKEN, "801"), Set.of(), false, faults),
                TestDatabase.postgres(), false);
    }

    private static RingPoolClient client(String url, AuthMode mode, int maxAttempts) {
        return new RingPoolClient(new ClientSettings(URI.create(url), "801", ApiCredentials.of(TOKEN), mode,
                Duration.ofSeconds(5), maxAttempts, Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofSeconds(2),
                0, 8));
    }

    private static RingPoolClient client(String url, double requestsPerSecond) {
        return new RingPoolClient(new ClientSettings(URI.create(url), "801", ApiCredentials.of(TOKEN), AuthMode.HEADER,
                Duration.ofSeconds(5), 5, Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofSeconds(2),
                requestsPerSecond, 64));
    }

    @Test
    void closeEndsTheEventLoopThreadsSoThatTheProcessExitsAtOnce() throws InterruptedException {
        try (RingPoolServer server = serve(FaultSettings.none())) {
            RingPoolClient client = client(server.baseUrl(), AuthMode.HEADER, 1);
            assertThat(client.listAdvertisers().block().status()).isEqualTo(200);
            List<Thread> loops = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("ringpool-api-")).toList();
            assertThat(loops).as("the client's event-loop threads").isNotEmpty();

            // when
            client.close();

            // then: none is left waiting for I/O in native code, where the JVM's exit would wait 0.3 s for it
            for (Thread loop : loops) {
                loop.join(2_000);
            }
            assertThat(loops).noneMatch(Thread::isAlive);
        }
    }

    @Test
    void aRequestStillRetryingWhenTheClientClosesEndsWithoutBeingSentAgain() throws Exception {
        try (RingPoolServer server = serve(new FaultSettings(0, 1.0, 0, 0, 0, 1, 0))) {
            // given a request retrying 503s, up to 1,000 attempts 1-20 ms apart
            RingPoolClient client = client(server.baseUrl(), AuthMode.HEADER, 1_000);
            CompletableFuture<ApiResult> retrying = client.listAdvertisers().toFuture();
            Thread.sleep(200);

            // when the client closes
            client.close();

            // then the request ends at once, not after its remaining attempts
            ApiResult result = retrying.get(2, TimeUnit.SECONDS);
            assertThat(result.attempts()).isLessThan(1_000);
            assertThat(result.status()).isIn(0, 503);
        }
    }

    @Test
    void writesAndReadsWithTheTokenInTheHeaderOrTheQuery() {
        try (RingPoolServer server = serve(FaultSettings.none());
                RingPoolClient header = client(server.baseUrl(), AuthMode.HEADER, 1);
                RingPoolClient query = client(server.baseUrl(), AuthMode.QUERY, 1)) {
            // when
            ApiResult created = header.putPool("a 1", "c+1 é", "pool-1", POOL).block();
            ApiResult updated = query.putPool("a 1", "c+1 é", "pool-1", POOL).block();
            ApiResult listed = query.listPools("a 1", "c+1 é").block();

            // then: ids with spaces, a plus and non-ASCII letters survive the trip as path segments
            assertThat(created.status()).isEqualTo(201);
            assertThat(updated.status()).isEqualTo(200);
            assertThat(listed.body()).contains("\"id_from_network\":\"pool-1\"");
            assertThat(listed.attempts()).isEqualTo(1);
        }
    }

    @Test
    void retriesTransientAnswersUntilOneSucceeds() {
        // given: half of all requests answered 503 or 429
        FaultSettings faults = new FaultSettings(0, 0.3, 0.2, 0, 0, 7, 0);
        try (RingPoolServer server = serve(faults); RingPoolClient client = client(server.baseUrl(), AuthMode.HEADER, 30)) {
            int retried = 0;
            for (int i = 0; i < 20; i++) {
                // when
                ApiResult result = client.putPool("a", "c", "retry-" + i, POOL).block();

                // then
                assertThat(result.isSuccess()).as("pool %d: %s", i, result).isTrue();
                retried += result.attempts() > 1 ? 1 : 0;
            }
            assertThat(retried).isPositive();
        }
    }

    @Test
    void twoClientsOnOneTokenShareItsRateLimitWithoutRunningOutOfAttempts() {
        // given: an API allowing 20 requests/s per token, and two clients on that token at --rate-limit 18 each
        try (RingPoolServer server = serve(new FaultSettings(0, 0, 0, 20, 0, 3, 1));
                RingPoolClient first = client(server.baseUrl(), 18);
                RingPoolClient second = client(server.baseUrl(), 18)) {
            // when each sends 200 pools, 64 at once
            List<ApiResult> results = Flux.merge(
                    Flux.range(0, 200).flatMap(i -> first.putPool("a", "c", "first-" + i, POOL), 64),
                    Flux.range(0, 200).flatMap(i -> second.putPool("a", "c", "second-" + i, POOL), 64))
                    .collectList().block();

            // then: both lowered their rate after 429s, and no pool ran out of its 5 attempts
            assertThat(results).hasSize(400);
            assertThat(results).filteredOn(result -> !result.isSuccess()).as("pools that failed").isEmpty();
            assertThat(results).filteredOn(result -> result.attempts() > 1).as("pools refused at least once")
                    .isNotEmpty();
        }
    }

    @Test
    void givesUpAfterMaxAttemptsAndReportsTheLastAnswer() {
        try (RingPoolServer server = serve(new FaultSettings(0, 1.0, 0, 0, 0, 1, 0));
                RingPoolClient client = client(server.baseUrl(), AuthMode.HEADER, 3)) {
            ApiResult result = client.putPool("a", "c", "down", POOL).block();

            assertThat(result.status()).isEqualTo(503);
            assertThat(result.attempts()).isEqualTo(3);
            assertThat(result.isTransientFailure()).isTrue();
        }
    }

    @Test
    void permanentErrorsAreNotRetried() {
        try (RingPoolServer server = serve(FaultSettings.none());
                RingPoolClient client = client(server.baseUrl(), AuthMode.HEADER, 5)) {
            ApiResult result = client.putPool("a", "c", "bad", Map.of("name", "no type")).block();

            assertThat(result.status()).isEqualTo(403);
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.isPermanentFailure()).isTrue();
            assertThat(result.describe()).contains("pool_type").contains("can't be blank");
        }
    }

    @Test
    void aClosedPortIsATransientFailureWhoseMessageHoldsNoToken() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (RingPoolClient client = client("http://127.0.0.1:" + port, AuthMode.QUERY, 2)) {
            ApiResult result = client.listPools("a", "c").block();

            assertThat(result.status()).isZero();
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(result.describe()).isEqualTo("cannot connect to the API").doesNotContain(TOKEN);
        }
    }

    @Test
    void backoffHonoursRetryAfterUpToItsCap() {
        try (RingPoolClient client = client("http://127.0.0.1:1", AuthMode.HEADER, 3)) {
            assertThat(client.backoff(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
            assertThat(client.backoff(1, Duration.ofSeconds(600))).isEqualTo(Duration.ofSeconds(2));
            assertThat(client.backoff(10, null)).isLessThanOrEqualTo(Duration.ofMillis(20));
        }
    }
}