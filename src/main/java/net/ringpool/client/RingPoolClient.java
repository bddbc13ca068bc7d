package net.ringpool.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.netty.channel.ChannelOption;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * The RingPools API as the import and export jobs use it: one call per pool or list, each retried on
 * transient failures (timeouts, connection errors, 5xx, 429) with exponential backoff and full jitter,
 * honouring {@code Retry-After}; at most {@code maxConnections} requests in flight, fewer while the API answers
 * 429 ({@link RequestGate}); an optional global request rate. Answers are returned, not thrown,
 * so that a row's API error becomes its outcome instead of an exception.
 */
public class RingPoolClient implements AutoCloseable {

    private static final String NETWORK = "/api/2016-10-01/{network}";
    private static final String CAMPAIGN = NETWORK + "/advertisers/{advertiser}/advertiser_campaigns/{campaign}";

    private final ClientSettings settings;
    private final ConnectionProvider connections;
    private final WebClient webClient;
    private final RateLimiter rateLimiter;
    private final RequestGate gate;

    public RingPoolClient(ClientSettings settings) {
        this.settings = settings;
        this.connections = ConnectionProvider.builder("ringpool-api")
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 30_000))
                .responseTimeout(settings.timeout());
        String base = settings.apiUrl().toString().replaceAll("/+$", "");
        this.webClient = WebClient.builder()
                .baseUrl(base)
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
        this.rateLimiter = settings.requestsPerSecond() > 0 ? rateLimiter(settings.requestsPerSecond()) : null;
        this.gate = new RequestGate(settings.maxConnections(), System::nanoTime, Schedulers.parallel());
    }

    public ClientSettings settings() {
        return settings;
    }

    /** PUT of a whole pool: creates it, or replaces it when it exists (201 or 200). */
    public Mono<ApiResult> putPool(String advertiserId, String campaignId, String poolId, Map<String, Object> body) {
        return call(HttpMethod.PUT, CAMPAIGN + "/ring_pools/{pool}.json", body, advertiserId, campaignId, poolId);
    }

    /** POST to the campaign's collection, for networks that generate id_from_network. */
    public Mono<ApiResult> postPool(String advertiserId, String campaignId, Map<String, Object> body) {
        return call(HttpMethod.POST, CAMPAIGN + "/ring_pools.json", body, advertiserId, campaignId);
    }

    public Mono<ApiResult> getPool(String advertiserId, String campaignId, String poolId) {
        return call(HttpMethod.GET, CAMPAIGN + "/ring_pools/{pool}.json", null, advertiserId, campaignId, poolId);
    }

    public Mono<ApiResult> deletePool(String advertiserId, String campaignId, String poolId) {
        return call(HttpMethod.DELETE, CAMPAIGN + "/ring_pools/{pool}.json", null, advertiserId, campaignId, poolId);
    }

    /** The campaign's pools as a JSON array. */
    public Mono<ApiResult> listPools(String advertiserId, String campaignId) {
        return call(HttpMethod.GET, CAMPAIGN + "/ring_pools.json", null, advertiserId, campaignId);
    }

    public Mono<ApiResult> listAdvertisers() {
        return call(HttpMethod.GET, NETWORK + "/advertisers.json", null);
    }

    public Mono<ApiResult> listCampaigns(String advertiserId) {
        return call(HttpMethod.GET, NETWORK + "/advertisers/{advertiser}/advertiser_campaigns.json", null,
                advertiserId);
    }

    private Mono<ApiResult> call(HttpMethod method, String template, Map<String, Object> body, String... ids) {
        List<Object> variables = new ArrayList<>();
        variables.add(settings.networkId());
        variables.addAll(List.of(ids));
        String uri = template;
        if (settings.authMode() == AuthMode.QUERY) {
            uri = uri + "?oauth_token={token}";
            variables.add(settings.credentials().value());
        }
        Request request = new Request(method, uri, variables.toArray(), body);
        return attempt(request, 1);
    }

    private Mono<ApiResult> attempt(Request request, int attempt) {
        return Mono.usingWhen(gate.enter(attempt > 1),
                ticket -> permit()
                        .then(Mono.defer(() -> send(request)))
                        .onErrorResume(error -> Mono.just(
                                Answer.transportFailure(describe(error), cannotConnect(error))))
                        .doOnNext(answer -> ticket.answer(answer.status(), honoured(answer.retryAfter()))),
                RequestGate.Ticket::leave, (ticket, error) -> ticket.leave(), RequestGate.Ticket::leave)
                .flatMap(answer -> {
                    if (answer.isTransient() && attempt < settings.maxAttempts()) {
                        // the gate holds every request, this one included, until a 429's Retry-After has passed
                        Duration delay = answer.status() == 429 && answer.retryAfter() != null ? Duration.ZERO
                                : backoff(attempt, answer.retryAfter());
                        return Mono.delay(delay).then(attempt(request, attempt + 1));
                    }
                    return Mono.just(new ApiResult(answer.status(), answer.body(), attempt, answer.failure(),
                            answer.unreachable()));
                });
    }

    private Mono<Answer> send(Request request) {
        WebClient.RequestBodySpec spec = webClient.method(request.method())
                .uri(request.uri(), request.variables())
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
        if (rateLimiter == null) {
            return Mono.empty();
        }
        long waitNanos = rateLimiter.reservePermission();
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

    private static RateLimiter rateLimiter(double perSecond) {
        int perPeriod = (int) Math.max(1, Math.floor(perSecond));
        Duration period = Duration.ofNanos((long) (perPeriod * 1_000_000_000L / perSecond));
        return RateLimiter.of("ringpool-api-client", RateLimiterConfig.custom()
                .limitForPeriod(perPeriod)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ofDays(1))
                .build());
    }

    @Override
    public void close() {
        connections.dispose();
    }

    private record Request(HttpMethod method, String uri, Object[] variables, Map<String, Object> body) {
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
