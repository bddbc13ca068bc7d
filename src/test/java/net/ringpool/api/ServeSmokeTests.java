package net.ringpool.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ServeSmokeTests {

    private static RingPoolServer server;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        server = RingPoolServer.start(0, "127.0.0.1",
                new ServeSettings(Map.of("smoke-token", "701"), Set.of(), false, FaultSettings.none()),
                TestDatabase.postgres(), false);
        client = WebTestClient.bindToServer().baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createsThenUpdatesTheSeedExamplePool() {
        String url = "/api/2016-10-01/701/advertisers/1/advertiser_campaigns/100/ring_pools.json";
        Map<String, Object> pool = Map.of("id_from_network", "12", "name", "Invoca Example RingPool",
                "pool_type", "SearchKeyword", "destination_type", "Advertiser", "max_pool_size", 15);

        client.post().uri(url).header("Authorization", "smoke-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(pool).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.id_from_network").isEqualTo("12").jsonPath("$.api_key").isNotEmpty();
        client.post().uri(url).header("Authorization", "smoke-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(pool).exchange()
                .expectStatus().isOk();
        client.get().uri(url).header("Authorization", "smoke-token").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].max_pool_size").isEqualTo(15);
    }

    @Test
    void healthAnswersUp() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        assertThat(server.port()).isPositive();
    }
}
