package net.ringpool.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running serve over real HTTP, as a network's client and as a visitor's page would. */
final class ServeClient {

    static final String NETWORK = "909";
    static final String TOKEN = "numbers-token";
    private static final String CAMPAIGN = "/api/2016-10-01/" + NETWORK + "/advertisers/1/advertiser_campaigns/100";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    ServeClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A valid RingPool body with the given fields on top. */
    static Map<String, Object> pool(String idFromNetwork, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("id_from_network", idFromNetwork, "name", "Pool " + idFromNetwork,
                "pool_type", "Custom", "destination_type", "Advertiser", "tracking_url", "https://www.invoca.com"));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    /** Creates or updates the pool; returns the saved RingPool. */
    JsonNode save(Map<String, Object> pool) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CAMPAIGN + "/ring_pools.json"))
                .header("Authorization", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(pool))));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return json.readTree(response.body());
    }

    void delete(String idFromNetwork) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CAMPAIGN + "/ring_pools/" + idFromNetwork + ".json"))
                .header("Authorization", TOKEN).DELETE());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    HttpResponse<String> numbersResponse(String idFromNetwork, String token) {
        return send(HttpRequest.newBuilder(uri(CAMPAIGN + "/ring_pools/" + idFromNetwork + "/numbers.json"))
                .header("Authorization", token).GET());
    }

    JsonNode numbers(String idFromNetwork) {
        HttpResponse<String> response = numbersResponse(idFromNetwork, TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Polls the pool until its allocation follows its current settings; bounded, so a stuck allocation fails. */
    JsonNode awaitAllocated(String idFromNetwork) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode numbers = numbers(idFromNetwork);
            if (numbers.path("allocation_status").asString().equals("allocated")) {
                return numbers;
            }
            assertThat(Instant.now()).as("allocation of pool %s in time", idFromNetwork).isBefore(deadline);
            pause(Duration.ofMillis(100));
        }
    }

    /** The ten-digit tracking numbers of an allocated pool. */
    static List<String> trackingNumbers(JsonNode numbers) {
        List<String> result = new ArrayList<>();
        numbers.path("numbers").forEach(n -> result.add(n.path("promo_number").asString()));
        return result;
    }

    HttpResponse<String> allocate(long poolId, String format, String query) {
        return send(HttpRequest.newBuilder(uri("/api/2015-12-09/ring_pools/" + poolId + "/allocate_number." + format
                + "?" + query)).GET());
    }

    /** A json allocation that must succeed. */
    JsonNode allocate(long poolId, String query) {
        HttpResponse<String> response = allocate(poolId, "json", query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
