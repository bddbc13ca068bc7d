package net.ringpool.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.db.DatabaseOptions;
import net.ringpool.numbers.AllocationProperties;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

// Each description line is one paragraph: picocli wraps it to the terminal, so no line breaks by hand.
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs the RingPools API (version 2016-10-01) over HTTP, stored in the job database: the peer "
                        + "for tests, demos and rehearsals before production.",
                "",
                "Tokens: each --token NETWORK:TOKEN grants that token access to that network only. Tokens can "
                        + "also come from --tokens-file (one NETWORK:TOKEN a line) or $RINGPOOL_SERVE_TOKENS "
                        + "(comma-separated).",
                "",
                "Local numbers: every pool gets its numbers --allocation-delay after it is created or its local "
                        + "settings or max_pool_size change; GET /api/2015-12-09/ring_pools/ID/allocate_number.json "
                        + "hands them out.",
                "",
                "Health: GET /actuator/health answers {\"status\":\"UP\"} once the server is ready.",
                ""},
        footer = {"", "Example:", "  ringpool-batch serve --port 8080 --token 1234:my-dev-token --strict"})
class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--strict", description = "Answer 404 RecordNotFound for writes under unknown advertisers or campaigns, as Invoca does, instead of creating them.")
    boolean strict;

    @Option(names = "--token", paramLabel = "NETWORK:TOKEN", description = "A network and the API token that may use it; repeatable.")
    List<String> tokens = new ArrayList<>();

    @Option(names = "--tokens-file", paramLabel = "PATH", description = "A file of NETWORK:TOKEN lines.")
    Path tokensFile;

    @Option(names = "--auto-id-network", paramLabel = "NETWORK", description = "A network that generates id_from_network for pools created without one; repeatable.")
    List<String> autoIdNetworks = new ArrayList<>();

    @Option(names = "--allocation-delay", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long after a pool's save its numbers are allocated, as seconds (5) or a duration (10m, 90s, 500ms) (default: ${DEFAULT-VALUE}, as Invoca).")
    String allocationDelay;

    @Mixin
    DatabaseOptions database;

    @Mixin
    CommonOptions common;

    @ArgGroup(exclusive = false, heading = "%nFault injection (off by default):%n")
    Faults faults = new Faults();

    static class Faults {
        @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0", description = "Delay added to every API answer.")
        long latencyMillis;

        @Option(names = "--spike-rate", paramLabel = "SHARE", defaultValue = "0", description = "Share (0..1) of answered requests held --spike-ms longer: latency spikes, as a production API stalls now and then.")
        double spikeRate;

        @Option(names = "--spike-ms", paramLabel = "MS", defaultValue = "3000", description = "The extra delay of a latency spike (default: ${DEFAULT-VALUE}).")
        long spikeMillis;

        @Option(names = "--fail-rate", paramLabel = "SHARE", defaultValue = "0", description = "Share (0..1) of requests answered 503.")
        double failRate;

        @Option(names = "--throttle-rate", paramLabel = "SHARE", defaultValue = "0", description = "Share (0..1) of requests answered 429 with Retry-After.")
        double throttleRate;

        @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "0", description = "Requests per second allowed per token; beyond it 429 (0: no limit).")
        double rateLimit;

        @Option(names = "--drop-rate", paramLabel = "SHARE", defaultValue = "0", description = "Share (0..1) of requests whose connection is closed without an answer.")
        double dropRate;

        @Option(names = "--retry-after", paramLabel = "SECONDS", defaultValue = "1", description = "Seconds sent in Retry-After with injected 429 and 503 answers (default: ${DEFAULT-VALUE}).")
        int retryAfterSeconds;

        @Option(names = "--fault-seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the fault draws, so that a run can be repeated (default: ${DEFAULT-VALUE}).")
        long seed;

        FaultSettings settings() {
            for (double share : new double[] {failRate, throttleRate, dropRate, spikeRate}) {
                if (share < 0 || share > 1) {
                    throw new UsageException("--fail-rate, --throttle-rate, --drop-rate and --spike-rate are shares "
                            + "from 0 to 1");
                }
            }
            if (failRate + throttleRate + dropRate > 1) {
                throw new UsageException("--fail-rate, --throttle-rate and --drop-rate add up to more than 1");
            }
            if (latencyMillis < 0 || rateLimit < 0 || retryAfterSeconds < 0 || spikeMillis < 0) {
                throw new UsageException("--latency-ms, --spike-ms, --rate-limit and --retry-after cannot be negative");
            }
            return new FaultSettings(latencyMillis, failRate, throttleRate, rateLimit, dropRate, seed,
                    retryAfterSeconds, spikeRate, spikeMillis);
        }
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> tokenNetworks = tokenNetworks();
        ServeSettings settings = new ServeSettings(tokenNetworks, new LinkedHashSet<>(autoIdNetworks), strict,
                faults.settings());
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put(AllocationProperties.DELAY, allocationDelay().toString());
        PrintWriter out = spec.commandLine().getOut();
        try (RingPoolServer server = RingPoolServer.start(port, bind, settings, properties, common.debug())) {
            out.printf("RingPools API listening on http://%s:%d/api/2016-10-01/ for networks %s%s%n", bind,
                    server.port(), new LinkedHashSet<>(tokenNetworks.values()), strict ? " (strict)" : "");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitShutdown();
        }
        return ExitCode.OK;
    }

    private Duration allocationDelay() {
        try {
            return AllocationProperties.parseDelay(allocationDelay);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--allocation-delay: " + e.getMessage());
        }
    }

    private Map<String, String> tokenNetworks() throws IOException {
        List<String> entries = new ArrayList<>(tokens);
        if (tokensFile != null) {
            if (!Files.isReadable(tokensFile)) {
                throw new UsageException("cannot read --tokens-file " + tokensFile);
            }
            Files.readAllLines(tokensFile).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(entries::add);
        }
        String fromEnvironment = System.getenv("RINGPOOL_SERVE_TOKENS");
        if (fromEnvironment != null) {
            for (String entry : fromEnvironment.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        if (entries.isEmpty()) {
            throw new UsageException("serve needs at least one --token NETWORK:TOKEN (or --tokens-file, or $RINGPOOL_SERVE_TOKENS)");
        }
        Map<String, String> byToken = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new UsageException("a token entry must look like NETWORK:TOKEN (one was malformed)");
            }
            String previous = byToken.put(entry.substring(colon + 1), entry.substring(0, colon));
            if (previous != null && !previous.equals(entry.substring(0, colon))) {
                throw new UsageException("one token is given for two networks; a token belongs to one network");
            }
        }
        return byToken;
    }
}
