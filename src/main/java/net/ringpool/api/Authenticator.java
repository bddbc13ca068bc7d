package net.ringpool.api;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Checks the API token of a request against the network in its URL. Invoca accepts the token in the
 * {@code Authorization} header (raw; {@code Bearer} is tolerated), the {@code oauth_token} query
 * parameter or an {@code oauth_token} key in the JSON body. Every refusal looks the same, so that a
 * 401 tells nothing about which tokens exist.
 */
@Component
class Authenticator {

    static final String TOKEN_KEY = "oauth_token";

    private final ServeSettings settings;

    Authenticator(ServeSettings settings) {
        this.settings = settings;
    }

    void authorize(ServerWebExchange exchange, String networkId, Map<String, Object> body) {
        String token = token(exchange, body);
        if (token == null) {
            throw ApiException.notAuthorized();
        }
        boolean granted = false;
        for (Map.Entry<String, String> entry : settings.tokens().entrySet()) {
            // constant-time comparison of every token, so timing does not tell a near miss
            boolean same = MessageDigest.isEqual(entry.getKey().getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
            granted |= same && entry.getValue().equals(networkId);
        }
        if (!granted) {
            throw ApiException.notAuthorized();
        }
    }

    /** The token a request carries, from the header, the query or the body, in that order. */
    static String token(ServerWebExchange exchange, Map<String, Object> body) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            String value = header.strip();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                value = value.substring(7).strip();
            }
            return value.isEmpty() ? null : value;
        }
        String query = exchange.getRequest().getQueryParams().getFirst(TOKEN_KEY);
        if (query != null && !query.isBlank()) {
            return query;
        }
        if (body != null && body.get(TOKEN_KEY) instanceof String fromBody && !fromBody.isBlank()) {
            return fromBody;
        }
        return null;
    }
}
