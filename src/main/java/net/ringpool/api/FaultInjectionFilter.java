package net.ringpool.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Injects the faults a production API shows (latency and latency spikes, 503s, 429s, a per-token rate
 * limit, dropped connections) into the {@code /api/} endpoints, for tests and rehearsals. Off unless configured.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FaultInjectionFilter implements WebFilter {

    private final FaultSettings faults;
    private final ServeSettings settings;
    private final Random random;
    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    FaultInjectionFilter(ServeSettings settings) {
        this.settings = settings;
        this.faults = settings.faults();
        this.random = new Random(faults.seed());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!faults.any() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (faults.rateLimit() > 0 && !limiter(Authenticator.token(exchange, null)).acquirePermission()) {
            return answer(exchange, HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                    "Rate limit of " + faults.rateLimit() + " requests per second exceeded");
        }
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        if (draw < faults.dropRate()) {
            return drop(exchange);
        }
        draw -= faults.dropRate();
        if (draw < faults.throttleRate()) {
            return answer(exchange, HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests", "Slow down");
        }
        draw -= faults.throttleRate();
        if (draw < faults.failRate()) {
            return answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable",
                    "The service is temporarily unavailable");
        }
        long delay = faults.latencyMillis() + spike();
        if (delay > 0) {
            return Mono.delay(Duration.ofMillis(delay)).then(chain.filter(exchange));
        }
        return chain.filter(exchange);
    }

    /** Drawn apart from the other faults, so that their shares stay as configured; only answered requests stall. */
    private long spike() {
        if (faults.spikeRate() <= 0 || faults.spikeMillis() <= 0) {
            return 0;
        }
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        return draw < faults.spikeRate() ? faults.spikeMillis() : 0;
    }

    private RateLimiter limiter(String token) {
        // unknown tokens share one limiter, so that made-up tokens cannot grow the map without bound
        String key = token != null && settings.tokens().containsKey(token) ? token : "";
        return limiters.computeIfAbsent(key, k -> {
            // a rate below one per second becomes one request per 1/rate seconds
            int perPeriod = (int) Math.max(1, Math.floor(faults.rateLimit()));
            Duration period = Duration.ofNanos((long) (perPeriod * 1_000_000_000L / faults.rateLimit()));
            return RateLimiter.of("token", RateLimiterConfig.custom()
                    .limitForPeriod(perPeriod)
                    .limitRefreshPeriod(period)
                    .timeoutDuration(Duration.ZERO)
                    .build());
        });
    }

    private Mono<Void> answer(ServerWebExchange exchange, HttpStatus status, String errorClass, String message) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(faults.retryAfterSeconds()));
        }
        String body = "{\"errors\":{\"class\":\"" + errorClass + "\",\"invalid_data\":\"" + message + "\"}}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** Closes the connection without an answer, as a crashed proxy or a reset would. */
    private Mono<Void> drop(ServerWebExchange exchange) {
        Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        if (nativeResponse instanceof HttpServerResponse netty) {
            netty.withConnection(Connection::dispose);
            return Mono.never();
        }
        return answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", "connection dropped");
    }
}
