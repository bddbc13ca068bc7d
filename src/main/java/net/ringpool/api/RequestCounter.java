package net.ringpool.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;

/**
 * Counts the requests {@code serve} receives per method and path, before any filter (fault injection
 * included) can answer them, so that a test can tell exactly what a client sent. Off unless the
 * property {@value #PROPERTY} is true, since the counts grow with every pool touched.
 */
@Component
@ConditionalOnProperty(name = RequestCounter.PROPERTY, havingValue = "true")
class RequestCounter implements HttpHandlerDecoratorFactory {

    static final String PROPERTY = "ringpool.serve.count-requests";

    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> {
            counts.computeIfAbsent(request.getMethod().name() + " " + request.getPath().value(),
                    key -> new LongAdder()).increment();
            return handler.handle(request, response);
        };
    }

    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((key, count) -> snapshot.put(key, count.sum()));
        return snapshot;
    }
}
