package net.ringpool.api;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * Calls the API as one network's client does: its token in the {@code Authorization} header (raw, as in
 * Invoca's example) and JSON bodies. A path is sent exactly as written, so a test can percent-encode
 * its own; a body is a map, or a string sent as it is.
 */
record NetworkClient(WebTestClient client, String baseUrl, String token) {

    ResponseSpec get(String path) {
        return client.get().uri(uri(path)).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    ResponseSpec post(String path, Object body) {
        return client.post().uri(uri(path)).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    ResponseSpec put(String path, Object body) {
        return client.put().uri(uri(path)).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    ResponseSpec delete(String path) {
        return client.delete().uri(uri(path)).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** The JSON object a successful call answered. */
    static Map<String, Object> object(ResponseSpec response) {
        return response.expectBody(ServeSuite.OBJECT).returnResult().getResponseBody();
    }
}
