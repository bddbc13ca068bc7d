package net.ringpool.numbers;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Invoca's number allocation API, version 2015-12-09: one promo number of a RingPool for a visitor,
 * authorised by the pool's {@code api_key} as {@code ring_pool_key}. The pool is named by its internal
 * {@code id}. A wrong key, or a pool that does not exist, answers 403 InvalidKey.
 */
@RestController
class AllocationController {

    private static final Logger log = LoggerFactory.getLogger(AllocationController.class);

    private final NumberHandout handout;

    AllocationController(NumberHandout handout) {
        this.handout = handout;
    }

    @GetMapping("/api/2015-12-09/ring_pools/{poolId}/allocate_number.{format:json|xml|csv}")
    Mono<ResponseEntity<Object>> allocate(@PathVariable String poolId, @PathVariable String format,
            ServerWebExchange exchange) {
        AllocationFormat answer = AllocationFormat.valueOf(format.toUpperCase(Locale.ROOT));
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        String key = query.getFirst("ring_pool_key");
        Visitor visitor = Visitor.of(query);
        String base = base(exchange.getRequest().getURI());
        return Mono.fromCallable(() -> {
                    Optional<NumberHandout.Handout> given = poolId.matches("\\d{1,18}")
                            ? handout.handOut(Long.parseLong(poolId), key, visitor) : Optional.empty();
                    return given.map(h -> answer.number(h.number(), trackingUrl(base, h, query.getFirst("landing_page")),
                                    h.overflow()))
                            .orElseGet(() -> answer.error(HttpStatus.FORBIDDEN, "InvalidKey",
                                    "API Key '" + (key == null ? "" : key) + "' is not valid for resource '" + poolId + "'"));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> {
                    long handle = ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
                    log.error("error handle {}", handle, e);
                    return Mono.just(answer.error(HttpStatus.INTERNAL_SERVER_ERROR, "InternalServiceError",
                            "refer to error handle " + handle));
                });
    }

    /**
     * A click-through link in the shape of Invoca's ({@code /c/...?us=landing page}); this server does
     * not follow it. The landing page is the request's {@code landing_page}, else the pool's tracking_url
     * or destination_url.
     */
    private static String trackingUrl(String base, NumberHandout.Handout given, String landingPage) {
        String landing = landingPage != null && !landingPage.isBlank() ? landingPage : given.pool().landingUrl();
        String url = base + "/c/" + given.pool().ringPoolId() + "/" + given.number();
        return landing == null ? url : url + "?us=" + URLEncoder.encode(landing, StandardCharsets.UTF_8);
    }

    private static String base(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
