package net.ringpool.api;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The API answers JSON only, as Invoca's {@code .json} endpoints do, whatever the client's Accept header
 * says: without this a client asking for XML or HTML got a 406 in Spring's own error shape instead of
 * the answer, or the error, in Invoca's.
 */
@Component
class JsonOnlyFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.setAccept(List.of(MediaType.APPLICATION_JSON))))
                .build());
    }
}
