package net.ringpool.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every serve suite shares: {@link RingPoolServer}s started in-process on free ports over the store
 * the concrete class picks (PostgreSQL or embedded H2), a network of its own for every test, and clients
 * that speak real HTTP to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServeSuite {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> ARRAY = new ParameterizedTypeReference<>() {
    };

    private static final int NETWORKS_PER_SUITE = 80;

    /** Where the servers of a suite keep their data. */
    interface Store {
        /** The Spring datasource properties of a store; {@code directory} is empty and its own. */
        Map<String, Object> properties(Path directory);
    }

    @TempDir
    Path storeDirectories;

    private final Store store;
    private final List<TestNetwork> networks = TestNetwork.reserve(NETWORKS_PER_SUITE);
    private final List<RingPoolServer> servers = new ArrayList<>();
    private int networksHandedOut = 1;
    private RingPoolServer server;
    private WebTestClient client;

    ServeSuite(Store store) {
        this.store = store;
    }

    @AfterAll
    void stopServers() {
        servers.forEach(RingPoolServer::close);
    }

    /** A network no other test touches, granted by its own token on every server of this suite. */
    TestNetwork freshNetwork() {
        if (networksHandedOut == networks.size()) {
            throw new IllegalStateException("the suite needs more than " + NETWORKS_PER_SUITE + " networks");
        }
        return networks.get(networksHandedOut++);
    }

    /** The one network whose pools get a generated id_from_network when created without one. */
    TestNetwork autoIdNetwork() {
        return networks.get(0);
    }

    /** Settings granting every network of the suite; {@link #autoIdNetwork()} generates ids. */
    ServeSettings settings(boolean strict, FaultSettings faults) {
        Map<String, String> tokens = new LinkedHashMap<>();
        networks.forEach(network -> tokens.put(network.token(), network.id()));
        return new ServeSettings(tokens, Set.of(autoIdNetwork().id()), strict, faults);
    }

    /** Starts a server over a fresh store; the suite stops it at the end if the test did not. */
    RingPoolServer start(ServeSettings settings) {
        Path directory = storeDirectories.resolve("store-" + servers.size());
        RingPoolServer started = RingPoolServer.start(0, "127.0.0.1", settings, store.properties(directory), false);
        servers.add(started);
        return started;
    }

    /** The lenient, fault-free server most tests share. */
    RingPoolServer server() {
        if (server == null) {
            server = start(settings(false, FaultSettings.none()));
        }
        return server;
    }

    WebTestClient client() {
        if (client == null) {
            client = client(server());
        }
        return client;
    }

    static WebTestClient client(RingPoolServer server) {
        return WebTestClient.bindToServer().baseUrl(server.baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Requests to the shared server with the network's token in the Authorization header. */
    NetworkClient as(TestNetwork network) {
        return new NetworkClient(client(), server().baseUrl(), network.token());
    }

    /** Requests to another server of the suite with the network's token in the Authorization header. */
    static NetworkClient as(TestNetwork network, RingPoolServer server) {
        return new NetworkClient(client(server), server.baseUrl(), network.token());
    }
}
