package net.ringpool.api;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Lets endpoints of other features under {@code /api/2016-10-01/{network}/} check a caller's token
 * exactly as the RingPools endpoints do; a refusal is answered 401 NotAuthorized by the API's handler.
 */
@Component
public class NetworkAccess {

    private final Authenticator authenticator;

    NetworkAccess(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public void authorize(ServerWebExchange exchange, String networkId) {
        authenticator.authorize(exchange, networkId, null);
    }
}
