package net.ringpool.importing;

/** The API answered 401: the token is wrong for the network, so every further row would fail too. */
class TokenRefusedException extends ImportStoppedException {

    TokenRefusedException(String networkId) {
        super("the API refused the token (HTTP 401) for network " + networkId
                + ": check $INVOCA_API_TOKEN or --token-file");
    }
}
