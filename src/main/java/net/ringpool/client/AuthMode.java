package net.ringpool.client;

/** Where the client puts the token; both are Invoca-documented. */
public enum AuthMode {
    /** {@code Authorization: <token>}. */
    HEADER,
    /** The {@code oauth_token} query parameter. */
    QUERY
}
