package net.ringpool.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import net.ringpool.cli.UsageException;

import picocli.CommandLine.Option;

/** The options of a command that talks to the RingPools API (import, export). */
public class ApiOptions {

    @Option(names = "--api-url", required = true, paramLabel = "URL",
            description = "The API's base: https://invoca.net, a network's own host, or a `serve`; "
                    + "/api/2016-10-01/{network}/... is appended.")
    String apiUrl;

    @Option(names = "--network-id", required = true, paramLabel = "N", description = "The network whose pools these are.")
    String networkId;

    @Option(names = "--token-file", paramLabel = "PATH",
            description = "File holding the API token (default: $INVOCA_API_TOKEN). Never pass the token itself on the command line.")
    Path tokenFile;

    @Option(names = "--auth", defaultValue = "header", paramLabel = "header|query",
            description = "Send the token as the Authorization header or as the oauth_token query parameter (default: ${DEFAULT-VALUE}).")
    AuthMode authMode;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-attempts", defaultValue = "5", paramLabel = "N",
            description = "Attempts per request on timeouts, connection errors, 5xx and 429, counting the first (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--retry-backoff-ms", defaultValue = "500", paramLabel = "MS",
            description = "First retry delay; doubles per attempt with jitter, up to 30 s; Retry-After is honoured (default: ${DEFAULT-VALUE}).")
    long initialBackoffMillis;

    @Option(names = "--rate-limit", defaultValue = "0", paramLabel = "PER_SECOND",
            description = "Send at most this many requests per second in all; after a 429, fewer for a while "
                    + "(default: no limit).")
    double requestsPerSecond;

    @Option(names = "--allow-insecure", description = "Allow sending the token over plain http to a host that is not this machine.")
    boolean allowInsecure;

    public String networkId() {
        return networkId;
    }

    /** The API's base as given on the command line. */
    public String apiUrl() {
        return apiUrl;
    }

    /**
     * Checks the options and loads the token, from {@code --token-file} or else this environment (the caller's,
     * for a command the daemon runs); throws {@link UsageException} (exit 2) when unusable.
     */
    public ClientSettings settings(int maxConnections, Map<String, String> environment) {
        URI uri = parseUrl();
        if (networkId.isBlank() || networkId.contains("/")) {
            throw new UsageException("--network-id must be a network id, e.g. 1234");
        }
        if (maxAttempts < 1 || timeoutSeconds < 1 || initialBackoffMillis < 0 || requestsPerSecond < 0) {
            throw new UsageException("--max-attempts and --timeout must be at least 1; --retry-backoff-ms and --rate-limit not negative");
        }
        ApiCredentials credentials = ApiCredentials.load(tokenFile, environment);
        return new ClientSettings(uri, networkId, credentials, authMode, Duration.ofSeconds(timeoutSeconds),
                maxAttempts, Duration.ofMillis(initialBackoffMillis), Duration.ofSeconds(30), Duration.ofSeconds(120),
                requestsPerSecond, maxConnections);
    }

    private URI parseUrl() {
        URI uri;
        try {
            uri = new URI(apiUrl.strip());
        } catch (URISyntaxException e) {
            throw new UsageException("--api-url is not a URL: " + apiUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new UsageException("--api-url must be an absolute http(s) URL, e.g. https://invoca.net");
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new UsageException("--api-url must not hold a query or user info; the token comes from $"
                    + ApiCredentials.ENVIRONMENT_VARIABLE + " or --token-file");
        }
        if (scheme.equals("http") && !allowInsecure && !isLoopback(uri.getHost())) {
            throw new UsageException("refusing to send the API token over plain http to " + uri.getHost()
                    + "; use https, or --allow-insecure if you mean it");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
