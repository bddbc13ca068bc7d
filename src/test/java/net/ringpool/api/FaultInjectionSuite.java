package net.ringpool.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * Each fault {@code serve} injects does what its option says, measured from a plain HTTP client: the
 * delay, the 503s, the 429s with Retry-After, the per-token rate limit, the dropped connections, and a
 * seed that repeats the same faults.
 */
abstract class FaultInjectionSuite extends ServeSuite {

    private static final int RETRY_AFTER_SECONDS = 7;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    FaultInjectionSuite(Store store) {
        super(store);
    }

    private RingPoolServer startWith(long latencyMillis, double failRate, double throttleRate, double rateLimit,
            double dropRate, long seed) {
        return start(settings(false, new FaultSettings(latencyMillis, failRate, throttleRate, rateLimit, dropRate,
                seed, RETRY_AFTER_SECONDS)));
    }

    /** GET advertisers.json, which answers 200 {@code []} for a new network when no fault strikes. */
    private HttpRequest listAdvertisers(RingPoolServer server, TestNetwork network) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + network.advertisers()))
                .header("Authorization", network.token()).timeout(Duration.ofSeconds(20)).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, BodyHandlers.ofString());
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        // given
        TestNetwork network = freshNetwork();
        try (RingPoolServer server = startWith(400, 0, 0, 0, 0, 1)) {
            for (int i = 0; i < 3; i++) {
                // when
                long started = System.nanoTime();
                HttpResponse<String> response = send(listAdvertisers(server, network));
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                // then
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            }
        }
    }

    @Test
    void latencySpikesHoldAboutTheirShareOfAnswersForTheSpikeDuration() throws Exception {
        // given half of the answers stall 1.5 s
        TestNetwork network = freshNetwork();
        try (RingPoolServer server = start(settings(false, new FaultSettings(0, 0, 0, 0, 0, 5, RETRY_AFTER_SECONDS,
                0.5, 1500)))) {
            // when 12 requests go out at once
            List<CompletableFuture<Long>> timings = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long started = System.nanoTime();
                timings.add(http.sendAsync(listAdvertisers(server, network), BodyHandlers.ofString())
                        .thenApply(response -> {
                            assertThat(response.statusCode()).isEqualTo(200);
                            return (System.nanoTime() - started) / 1_000_000;
                        }));
            }
            List<Long> millis = timings.stream().map(CompletableFuture::join).toList();

            // then some answers took the spike and some did not
            long spiked = millis.stream().filter(ms -> ms >= 1500).count();
            assertThat(spiked).as("answers in ms: %s", millis).isBetween(2L, 10L);
        }
    }

    @Test
    void failRateOneAnswersEveryApiRequest503AndLeavesHealthAlone() throws Exception {
        // given
        TestNetwork network = freshNetwork();
        try (RingPoolServer server = startWith(0, 1.0, 0, 0, 0, 1)) {
            for (int i = 0; i < 5; i++) {
                // when
                HttpResponse<String> response = send(listAdvertisers(server, network));

                // then
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("\"class\":\"ServiceUnavailable\"");
                assertThat(response.headers().firstValue("Retry-After")).hasValue(String.valueOf(RETRY_AFTER_SECONDS));
            }
            assertThat(send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health")).build())
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void throttleRateOneAnswersEveryRequest429WithRetryAfter() throws Exception {
        // given
        TestNetwork network = freshNetwork();
        try (RingPoolServer server = startWith(0, 0, 1.0, 0, 0, 1)) {
            for (int i = 0; i < 5; i++) {
                // when
                HttpResponse<String> response = send(listAdvertisers(server, network));

                // then
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.body()).contains("\"class\":\"TooManyRequests\"");
                assertThat(response.headers().firstValue("Retry-After")).hasValue(String.valueOf(RETRY_AFTER_SECONDS));
            }
        }
    }

    @Test
    void aRateLimitRefusesABurstBeyondItForEachTokenOnItsOwn() throws Exception {
        // given: five requests a second per token
        TestNetwork busy = freshNetwork();
        TestNetwork quiet = freshNetwork();
        try (RingPoolServer server = startWith(0, 0, 0, 5, 0, 1)) {
            // when
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                burst.add(http.sendAsync(listAdvertisers(server, busy), BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> busyAnswers = burst.stream().map(CompletableFuture::join).toList();
            List<Integer> quietStatuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                quietStatuses.add(send(listAdvertisers(server, quiet)).statusCode());
            }

            // then
            List<Integer> busyStatuses = busyAnswers.stream().map(HttpResponse::statusCode).toList();
            assertThat(busyStatuses).containsOnly(200, 429);
            assertThat(busyStatuses).filteredOn(status -> status == 200).hasSizeGreaterThanOrEqualTo(5);
            assertThat(busyStatuses).filteredOn(status -> status == 429).isNotEmpty();
            assertThat(busyAnswers).filteredOn(answer -> answer.statusCode() == 429)
                    .allSatisfy(answer -> assertThat(answer.headers().firstValue("Retry-After")).isPresent());
            assertThat(quietStatuses).containsOnly(200);
        }
    }

    @Test
    void dropRateOneClosesTheConnectionWithoutAnAnswer() {
        // given
        TestNetwork network = freshNetwork();
        try (RingPoolServer server = startWith(0, 0, 0, 0, 1.0, 1)) {
            // when
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> send(listAdvertisers(server, network)));

            // then: the connection closed at once; it did not hang until the client gave up
            assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void theSameSeedRepeatsTheSameFaultsAndAnotherSeedDoesNot() throws Exception {
        // given
        TestNetwork network = freshNetwork();

        // when
        List<Integer> first = statusesOfTwentyRequests(42, network);
        List<Integer> again = statusesOfTwentyRequests(42, network);
        List<Integer> otherSeed = statusesOfTwentyRequests(43, network);

        // then
        assertThat(first).containsOnly(200, 503).contains(200, 503);
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private List<Integer> statusesOfTwentyRequests(long seed, TestNetwork network) throws Exception {
        try (RingPoolServer server = startWith(0, 0.5, 0, 0, 0, seed)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(send(listAdvertisers(server, network)).statusCode());
            }
            return statuses;
        }
    }
}
