package net.ringpool.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import net.ringpool.api.RingPoolServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every RingPool a network holds, read through the API as a client would: advertisers, campaigns, pools. */
final class NetworkPools {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NetworkPools() {
    }

    /** The network's pools by id_from_network. */
    static Map<String, JsonNode> of(RingPoolServer server, String network, String token) {
        String base = "/api/2016-10-01/" + network;
        Map<String, JsonNode> pools = new LinkedHashMap<>();
        for (JsonNode advertiser : get(server, base + "/advertisers.json", token)) {
            String a = segment(advertiser);
            for (JsonNode campaign : get(server, base + "/advertisers/" + a + "/advertiser_campaigns.json", token)) {
                String c = segment(campaign);
                for (JsonNode pool : get(server, base + "/advertisers/" + a + "/advertiser_campaigns/" + c
                        + "/ring_pools.json", token)) {
                    pools.put(pool.get("id_from_network").asString(), pool);
                }
            }
        }
        return pools;
    }

    /** One request, with the token (if any) as the Authorization header; the answer as it came. */
    static HttpResponse<String> send(RingPoolServer server, String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(RingPoolServer server, String path, String token) {
        HttpResponse<String> response = send(server, "GET", path, token, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String segment(JsonNode parent) {
        return URLEncoder.encode(parent.get("id_from_network").asString(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
