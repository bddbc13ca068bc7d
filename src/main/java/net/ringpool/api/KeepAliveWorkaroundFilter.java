package net.ringpool.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handles every request off the event loop that read it. Reactor Netty 1.3 stops reading a kept-alive
 * HTTP/1.1 connection when a request it had queued behind a slower one is answered synchronously
 * (reactor/reactor-netty#4361): a 401, 404 or injected 503 answered at once after a database-backed
 * answer left the next request on that connection waiting forever. An answer that completes on another
 * thread never takes that path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeepAliveWorkaroundFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
    }
}
