package net.ringpool.client;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The RingPools API as the import and export jobs use it: one call per pool or list, each retried on
 * transient failures (timeouts, connection errors, 5xx, 429) with exponential backoff and full jitter,
 * honouring {@code Retry-After}; at most {@code maxConnections} requests in flight, fewer while the API answers
 * 429 ({@link RequestGate}); an optional request rate, lowered after a 429 ({@link AdaptiveRate}). Answers are
 * returned, not thrown, so that a row's API error becomes its outcome instead of an exception.
 */
public class RingPoolClient implements AutoCloseable {

    private static final String API_VERSION = "/api/2016-10-01/";

    /**
     * Log levels for a command that runs the client without {@code --debug}: a dropped connection is retried and
     * ends in the row's outcome, so reactor-netty's warning for each is noise. application.yml pins
     * HttpClientConnect to INFO (its DEBUG lines carry URLs), and a level set on its package does not reach it.
     */
    public static final Map<String, Object> QUIET_CONNECTION_LOGS = Map.of(
            "logging.level.reactor.netty.http.client", "ERROR",
            "logging.level.reactor.netty.http.client.HttpClientConnect", "ERROR");

    private static final String CLOSED = "not sent: the API client was closed";

    /** How long {@link #close} waits for the event-loop threads to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ClientSettings settings;
    private final ConnectionProvider connections;
    /**
     * Event loops of this client's own, not reactor-netty's process-wide ones, so that {@link #close} ends their
     * threads: a thread left blocked in its native I/O wait holds the JVM's exit up by 0.3 s.
     */
    private final LoopResources loops;
    private final WebClient webClient;
    private final AdaptiveRate rate;
    private final RequestGate gate;
    /** Set by {@link #close}: a request still waiting for its turn or its retry then ends without being sent. */
    private volatile boolean closed;
    /** The API URL and the network's path, e.g. {@code https://invoca.net/api/2016-10-01/1234}. */
    private final String networkUrl;

    public RingPoolClient(ClientSettings settings) {
        this.settings = settings;
        this.connections = ConnectionProvider.builder("ringpool-api")
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.loops = LoopResources.create("ringpool-api", LoopResources.DEFAULT_IO_WORKER_COUNT, true);
        HttpClient http = HttpClient.create(connections)
                .runOn(loops)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 30_000))
                .responseTimeout(settings.timeout());
        this.networkUrl = settings.apiUrl().toString().replaceAll("/+$", "") + API_VERSION
                + segment(settings.networkId());
        this.webClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
        this.rate = settings.requestsPerSecond() > 0 ? new AdaptiveRate(settings.requestsPerSecond(), System::nanoTime)
                : null;
        this.gate = new RequestGate(settings.maxConnections(), System::nanoTime, Schedulers.parallel());
    }

    public ClientSettings settings() {
        return settings;
    }

    /** PUT of a whole pool: creates it, or replaces it when it exists (201 or 200). */
    public Mono<ApiResult> putPool(String advertiserId, String campaignId, String poolId, Map<String, Object> body) {
        return call(HttpMethod.PUT, poolUrl(advertiserId, campaignId, poolId), body);
    }

    /** POST to the campaign's collection, for networks that generate id_from_network. */
    public Mono<ApiResult> postPool(String advertiserId, String campaignId, Map<String, Object> body) {
        return call(HttpMethod.POST, campaignUrl(advertiserId, campaignId) + "/ring_pools.json", body);
    }

    public Mono<ApiResult> getPool(String advertiserId, String campaignId, String poolId) {
        return call(HttpMethod.GET, poolUrl(advertiserId, campaignId, poolId), null);
    }

    public Mono<ApiResult> deletePool(String advertiserId, String campaignId, String poolId) {
        return call(HttpMethod.DELETE, poolUrl(advertiserId, campaignId, poolId), null);
    }

    /** The campaign's pools as a JSON array. */
    public Mono<ApiResult> listPools(String advertiserId, String campaignId) {
        return call(HttpMethod.GET, campaignUrl(advertiserId, campaignId) + "/ring_pools.json", null);
    }

    public Mono<ApiResult> listAdvertisers() {
        return call(HttpMethod.GET, networkUrl + "/advertisers.json", null);
    }

    public Mono<ApiResult> listCampaigns(String advertiserId) {
        return call(HttpMethod.GET, networkUrl + "/advertisers/" + segment(advertiserId) + "/advertiser_campaigns.json",
                null);
    }

    private String campaignUrl(String advertiserId, String campaignId) {
        return networkUrl + "/advertisers/" + segment(advertiserId) + "/advertiser_campaigns/" + segment(campaignId);
    }

    private String poolUrl(String advertiserId, String campaignId, String poolId) {
        return campaignUrl(advertiserId, campaignId) + "/ring_pools/" + segment(poolId) + ".json";
    }

    /**
     * An id as one path segment, every reserved character escaped, as WebClient's URI templates encode
     * variables. The URL is built here and not from a template: expanding a template per request was about a tenth
     * of the client's event-loop CPU at 64 in flight.
     */
    private static String segment(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }

    private Mono<ApiResult> call(HttpMethod method, String url, Map<String, Object> body) {
        String withToken = settings.authMode() == AuthMode.QUERY
                ? url + "?oauth_token=" + segment(settings.credentials().value()) : url;
        return attempt(new Request(method, URI.create(withToken), body), 1);
    }

    private Mono<ApiResult> attempt(Request request, int attempt) {
        // the place in flight is given back before the answer goes on, so that a 429's pause is in force before
        // its retry asks for a place; doFinally gives it back on a cancel (release counts once). Not
        // Mono.usingWhen: the same, with operators that cost a visible share of the client's CPU at 64 in flight
        return gate.enter(attempt > 1)
                .flatMap(ticket -> sent(request)
                        .onErrorResume(error -> Mono.just(
                                Answer.transportFailure(describe(error), cannotConnect(error))))
                        .doOnNext(answer -> {
                            ticket.answer(answer.status(), honoured(answer.retryAfter()));
                            ticket.release();
                            if (rate != null) {
                                rate.answered(answer.status());
                            }
                        })
                        .doFinally(signal -> ticket.release()))
                .flatMap(answer -> {
                    if (answer.isTransient() && attempt < settings.maxAttempts() && !closed) {
                        // the gate holds every request, this one included, until a 429's Retry-After has passed
                        Duration delay = answer.status() == 429 && answer.retryAfter() != null ? Duration.ZERO
                                : backoff(attempt, answer.retryAfter());
                        return Mono.delay(delay).then(attempt(request, attempt + 1));
                    }
                    return Mono.just(new ApiResult(answer.status(), answer.body(), attempt, answer.failure(),
                            answer.unreachable()));
                });
    }

    private Mono<Answer> sent(Request request) {
        Mono<Answer> answer = Mono.defer(() -> send(request));
        return rate == null ? answer : permit().then(answer);
    }

    private Mono<Answer> send(Request request) {
        if (closed) {
            // its event loops are gone: connecting would fail with a warning and a stack trace on the console
            return Mono.just(Answer.transportFailure(CLOSED, false));
        }
        WebClient.RequestBodySpec spec = webClient.method(request.method())
                .uri(request.uri())
                .accept(MediaType.APPLICATION_JSON);
        if (settings.authMode() == AuthMode.HEADER) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, settings.credentials().value());
        }
        WebClient.RequestHeadersSpec<?> ready = request.body() == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.body());
        return ready.exchangeToMono(response -> response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(text -> new Answer(response.statusCode().value(), text,
                        retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)), null, false)));
    }

    private Mono<Void> permit() {
        long waitNanos = rate.reserve();
        return waitNanos <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(waitNanos)).then();
    }

    /** Exponential backoff with full jitter; a longer Retry-After (up to maxRetryAfter) wins. */
    Duration backoff(int attempt, Duration retryAfter) {
        long ceiling = Math.min(settings.maxBackoff().toMillis(),
                settings.initialBackoff().toMillis() * (1L << Math.min(attempt - 1, 20)));
        long jittered = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
        Duration delay = Duration.ofMillis(jittered);
        Duration honoured = honoured(retryAfter);
        return honoured != null && honoured.compareTo(delay) > 0 ? honoured : delay;
    }

    /** A Retry-After as the client obeys it: at most maxRetryAfter. */
    private Duration honoured(Duration retryAfter) {
        if (retryAfter == null) {
            return null;
        }
        return retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : retryAfter;
    }

    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    /** A transport failure in words, without the URL (which may carry the token in query mode). */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof TimeoutException || root instanceof ConnectException
                    || root instanceof PrematureCloseException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof TimeoutException || root.getClass().getSimpleName().contains("Timeout")) {
            return "timed out waiting for the API";
        }
        if (root instanceof ConnectException) {
            return "cannot connect to the API";
        }
        if (root instanceof PrematureCloseException) {
            return "the API closed the connection without an answer";
        }
        return "request failed: " + root.getClass().getSimpleName();
    }

    static boolean cannotConnect(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        connections.dispose();
        // no quiet period: nothing is sent after close. Threads still running after the wait are daemons; the
        // work of the command is done by then, so that is no reason to fail it
        try {
            loops.disposeLater(Duration.ZERO, CLOSE_WAIT).block(CLOSE_WAIT.plusSeconds(1));
        } catch (IllegalStateException notEndedInTime) {
            // Mono.block timed out
        }
    }

    private record Request(HttpMethod method, URI uri, Map<String, Object> body) {
    }

    private record Answer(int status, String body, Duration retryAfter, String failure, boolean unreachable) {

        static Answer transportFailure(String failure, boolean unreachable) {
            return new Answer(0, "", null, failure, unreachable);
        }

        boolean isTransient() {
            return status == 0 || ApiResult.isTransient(status);
        }
    }
}
