package net.ringpool.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.importing.ImportFixtures;
import net.ringpool.api.ServeSettings;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Tag;

/**
 * A {@code serve} in this JVM on the PostgreSQL test database, on a port that stays the same across a stop and a
 * start (an API that goes down and comes back), counting the requests it receives per pool across its restarts.
 * A stop does not wait for requests in flight: their connections are cut, as a crash would.
 */
@Tag("reliability")
final class CountingApi implements AutoCloseable {

    private final String network;
    private final ServeSettings settings;
    private final int port;
    private final Map<String, Long> countedBeforeRestarts = new HashMap<>();
    private Map<String, Long> atLastWindow = Map.of();
    private RingPoolServer server;

    CountingApi(String network, String token, FaultSettings faults) throws IOException {
        this.network = network;
        this.settings = new ServeSettings(Map.of(token, network), Set.of(), false, faults);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        Map<String, Object> properties = new LinkedHashMap<>(TestDatabase.postgres());
        properties.put("ringpool.serve.count-requests", true);
        properties.put("server.shutdown", "immediate");
        server = RingPoolServer.start(port, "127.0.0.1", settings, properties, false);
    }

    synchronized void stop() {
        perPool(server).forEach((id, count) -> countedBeforeRestarts.merge(id, count, Long::sum));
        server.close();
        server = null;
    }

    /** Requests per pool (every method on the pool's own path) since the API first started. */
    synchronized Map<String, Long> requestsPerPool() {
        Map<String, Long> total = new HashMap<>(countedBeforeRestarts);
        if (server != null) {
            perPool(server).forEach((id, count) -> total.merge(id, count, Long::sum));
        }
        return total;
    }

    long requests() {
        return requestsPerPool().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests per pool since the previous window: call it once at the end of each job execution. */
    synchronized Map<String, Long> window() {
        Map<String, Long> now = requestsPerPool();
        Map<String, Long> window = new HashMap<>();
        now.forEach((id, count) -> {
            long during = count - atLastWindow.getOrDefault(id, 0L);
            if (during > 0) {
                window.put(id, during);
            }
        });
        atLastWindow = now;
        return window;
    }

    private Map<String, Long> perPool(RingPoolServer running) {
        return ImportFixtures.requestsPerPool(running, network);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }
}
