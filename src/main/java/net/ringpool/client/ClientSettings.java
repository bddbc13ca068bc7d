package net.ringpool.client;

import java.net.URI;
import java.time.Duration;

/**
 * How the client reaches the API and how hard it tries.
 *
 * @param apiUrl the API's base, e.g. https://invoca.net; the client appends /api/2016-10-01/{network}/...
 * @param maxAttempts attempts per request, counting the first
 * @param initialBackoff the first retry's delay; doubles per attempt, with full jitter
 * @param maxBackoff the longest delay between attempts (a longer Retry-After is still honoured up to maxRetryAfter)
 * @param requestsPerSecond a global limit on requests sent, 0 for none
 */
public record ClientSettings(URI apiUrl, String networkId, ApiCredentials credentials, AuthMode authMode,
        Duration timeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
        double requestsPerSecond, int maxConnections) {
}
